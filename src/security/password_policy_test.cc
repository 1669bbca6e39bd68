#include "security/password_policy.h"

#include <gtest/gtest.h>

#include <string>

namespace dandelion::security {
namespace {

std::string Reason(std::string_view password, std::string_view username = "minji") {
  auto result = CheckPasswordPolicy(password, username);
  return result ? "ok" : result.error().message_key;
}

TEST(PasswordPolicyTest, AcceptsALongUncommonPassphrase) {
  EXPECT_EQ(Reason("correct horse battery staple"), "ok");
  EXPECT_EQ(Reason("민들레 피는 봄날에"), "ok");
}

TEST(PasswordPolicyTest, CountsCodePointsNotBytes) {
  // Nine Hangul syllables are 27 bytes but only nine characters.
  EXPECT_EQ(Reason("가나다라마바사아자"), "security.password_too_short");
  EXPECT_EQ(Reason("가나다라마바사아자차"), "ok");
  std::string longest;
  for (int i = 0; i < 128; ++i) longest += (i % 2) ? "가" : "나";
  EXPECT_EQ(Reason(longest), "ok");
  EXPECT_EQ(Reason(longest + "다"), "security.password_too_long");
}

TEST(PasswordPolicyTest, RefusesShortPasswords) {
  EXPECT_EQ(Reason("x7#kQ9!m2"), "security.password_too_short");
  EXPECT_EQ(Reason("x7#kQ9!m2z"), "ok");
}

TEST(PasswordPolicyTest, RefusesOneRepeatedCharacter) {
  EXPECT_EQ(Reason("aaaaaaaaaaaa"), "security.password_one_character");
  EXPECT_EQ(Reason("가가가가가가가가가가"), "security.password_one_character");
}

TEST(PasswordPolicyTest, RefusesPasswordsContainingTheUsername) {
  EXPECT_EQ(Reason("my name is MinJi ok", "minji"), "security.password_contains_username");
  EXPECT_EQ(Reason("김민지는 잘 지내요", "김민지"), "security.password_contains_username");
  EXPECT_EQ(Reason("a perfectly fine phrase", "a"), "ok");  // too short to match on
}

TEST(PasswordPolicyTest, RefusesCommonPasswords) {
  EXPECT_EQ(Reason("qwertyuiop"), "security.password_common");
  EXPECT_EQ(Reason("1234567890"), "security.password_common");
  EXPECT_EQ(Reason("1q2w3e4r5t"), "security.password_common");
}

TEST(PasswordPolicyTest, RefusesCommonWordsWithDigitsAndSymbolsAppended) {
  EXPECT_EQ(Reason("Password2024!"), "security.password_common");
  EXPECT_EQ(Reason("iloveyou1234"), "security.password_common");
  EXPECT_EQ(Reason("사랑해1234567"), "security.password_common");
}

TEST(PasswordPolicyTest, UsesTheDebianWordListWhenInstalled) {
  // cracklib-runtime's list has ~55,000 entries; the built-in list alone has about 50.
  if (CommonPasswordCount() < 1000) GTEST_SKIP() << "/usr/share/dict/cracklib-small missing";
  EXPECT_EQ(Reason("basketball"), "security.password_common");
  EXPECT_EQ(Reason("Strawberry99"), "security.password_common");
}

TEST(PasswordPolicyTest, NamesThePasswordFieldInTheError) {
  auto result = CheckPasswordPolicy("short", "minji");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(result.error().fields.at("password"), "security.password_too_short");
}

}  // namespace
}  // namespace dandelion::security

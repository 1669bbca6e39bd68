#include "security/recovery_codes.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace dandelion::security {
namespace {

TEST(RecoveryCodesTest, GeneratesTenDistinctReadableCodes) {
  auto codes = GenerateRecoveryCodes();
  ASSERT_EQ(codes.size(), 10u);
  std::regex shape("[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}");
  for (const auto& code : codes) EXPECT_TRUE(std::regex_match(code, shape)) << code;
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), 10u);
}

TEST(RecoveryCodesTest, HashesTheSameCodeTheSameWayHoweverTyped) {
  SecretKey key = DeriveRecoveryCodeKey(SecretKey::Random());
  auto stored = HashRecoveryCode(key, "7kq2-m9xd-hv3t-p0ac");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->size(), 32u);
  EXPECT_EQ(*HashRecoveryCode(key, "7KQ2 M9XD HV3T P0AC"), *stored);
  EXPECT_EQ(*HashRecoveryCode(key, "7kq2m9xdhv3tpoac"), *stored);  // letter o read as zero
}

TEST(RecoveryCodesTest, HashesDifferentCodesDifferently) {
  SecretKey key = DeriveRecoveryCodeKey(SecretKey::Random());
  EXPECT_NE(*HashRecoveryCode(key, "7kq2-m9xd-hv3t-p0ac"),
            *HashRecoveryCode(key, "7kq2-m9xd-hv3t-p0ad"));
}

TEST(RecoveryCodesTest, DependsOnTheMasterKey) {
  SecretKey a = DeriveRecoveryCodeKey(SecretKey::Random());
  SecretKey b = DeriveRecoveryCodeKey(SecretKey::Random());
  EXPECT_NE(*HashRecoveryCode(a, "7kq2-m9xd-hv3t-p0ac"),
            *HashRecoveryCode(b, "7kq2-m9xd-hv3t-p0ac"));
}

TEST(RecoveryCodesTest, RefusesTextThatIsNotACode) {
  SecretKey key = DeriveRecoveryCodeKey(SecretKey::Random());
  for (std::string_view text : {"", "7kq2-m9xd-hv3t", "7kq2-m9xd-hv3t-p0ac-x",
                                "7kq2-m9xd-hv3t-p0a!", "7kq2-m9xd-hv3t-p0au"}) {
    auto hash = HashRecoveryCode(key, text);
    ASSERT_FALSE(hash) << text;
    EXPECT_EQ(hash.error().message_key, "security.recovery_code_invalid");
  }
}

}  // namespace
}  // namespace dandelion::security

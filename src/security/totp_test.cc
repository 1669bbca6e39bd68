#include "security/totp.h"

#include <gtest/gtest.h>

#include "core/ids.h"

namespace dandelion::security {
namespace {

const std::string kRfcSecret = "12345678901234567890";  // RFC 6238 appendix B, SHA-1

TEST(TotpTest, MatchesTheRfc6238EightDigitVectors) {
  EXPECT_EQ(TotpCode(kRfcSecret, 59, 8), "94287082");
  EXPECT_EQ(TotpCode(kRfcSecret, 1111111109, 8), "07081804");
  EXPECT_EQ(TotpCode(kRfcSecret, 1111111111, 8), "14050471");
  EXPECT_EQ(TotpCode(kRfcSecret, 1234567890, 8), "89005924");
  EXPECT_EQ(TotpCode(kRfcSecret, 2000000000, 8), "69279037");
  EXPECT_EQ(TotpCode(kRfcSecret, 20000000000, 8), "65353130");
}

TEST(TotpTest, UsesTheLastSixDigitsByDefault) {
  EXPECT_EQ(TotpCode(kRfcSecret, 59), "287082");
  EXPECT_EQ(TotpCode(kRfcSecret, 1111111109), "081804");
  EXPECT_EQ(TotpCode(kRfcSecret, 1234567890), "005924");
}

TEST(TotpTest, AcceptsTheCurrentCodeAndReturnsItsStep) {
  auto step = VerifyTotp(kRfcSecret, "081804", 1111111109, 0);
  ASSERT_TRUE(step);
  EXPECT_EQ(*step, 1111111109 / 30);
}

TEST(TotpTest, IgnoresSpacesInTypedCodes) {
  EXPECT_TRUE(VerifyTotp(kRfcSecret, "081 804", 1111111109, 0));
}

TEST(TotpTest, AcceptsOneStepOfDriftEitherWay) {
  const int64_t t = 1111111109;
  std::string previous = TotpCode(kRfcSecret, t - 30);
  std::string next = TotpCode(kRfcSecret, t + 30);
  EXPECT_EQ(*VerifyTotp(kRfcSecret, previous, t, 0), t / 30 - 1);
  EXPECT_EQ(*VerifyTotp(kRfcSecret, next, t, 0), t / 30 + 1);
}

TEST(TotpTest, RefusesCodesTwoStepsAway) {
  const int64_t t = 1111111109;
  EXPECT_FALSE(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, t - 60), t, 0));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, t + 60), t, 0));
}

TEST(TotpTest, RefusesAReplayedCode) {
  const int64_t t = 1111111109;
  auto first = VerifyTotp(kRfcSecret, "081804", t, 0);
  ASSERT_TRUE(first);
  auto again = VerifyTotp(kRfcSecret, "081804", t + 5, *first);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message_key, "security.totp_reused");
}

TEST(TotpTest, RefusesAnOlderCodeAfterANewerOneWasUsed) {
  const int64_t t = 1111111109;
  std::string previous = TotpCode(kRfcSecret, t - 30);
  EXPECT_EQ(VerifyTotp(kRfcSecret, previous, t, t / 30).error().message_key,
            "security.totp_reused");
}

TEST(TotpTest, RefusesWrongAndMalformedCodes) {
  for (std::string_view code : {"000000", "08180", "0818045", "08180a", "", "０８１８０４"}) {
    auto result = VerifyTotp(kRfcSecret, code, 1111111109, 0);
    ASSERT_FALSE(result) << code;
    EXPECT_EQ(result.error().message_key, "security.totp_invalid");
    EXPECT_EQ(result.error().code, ErrorCode::kUnauthenticated);
  }
}

TEST(TotpTest, GeneratesTwentyRandomBytes) {
  std::string a = GenerateTotpSecret();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_NE(a, GenerateTotpSecret());
}

TEST(TotpTest, BuildsAnOtpauthUriWithEscapedLabel) {
  EXPECT_EQ(OtpauthUri("Dandelion", "minji@shelter.kr", Base32Encode(kRfcSecret)),
            "otpauth://totp/Dandelion:minji%40shelter.kr"
            "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Dandelion"
            "&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(OtpauthUri("민들레", "a b", "PA"),
            "otpauth://totp/%EB%AF%BC%EB%93%A4%EB%A0%88:a%20b?secret=PA"
            "&issuer=%EB%AF%BC%EB%93%A4%EB%A0%88&algorithm=SHA1&digits=6&period=30");
}

// The QR code and the secret shown for typing must carry the same key: the URI holds the shown
// base32 text itself, not an encoding of it.
TEST(TotpTest, TheUriCarriesExactlyTheShownSecret) {
  for (int i = 0; i < 8; ++i) {
    std::string secret = GenerateTotpSecret();
    std::string shown = Base32Encode(secret);
    std::string uri = OtpauthUri("Dandelion", "minji", shown);
    auto begin = uri.find("secret=") + 7;
    auto end = uri.find('&', begin);
    EXPECT_EQ(uri.substr(begin, end - begin), shown);
    EXPECT_EQ(shown.size(), 32u);  // 20 bytes, no padding for apps to trip on
  }
}

}  // namespace
}  // namespace dandelion::security

#include "security/match_token.h"

#include <gtest/gtest.h>

namespace dandelion::security {
namespace {

TEST(MatchTokenTest, SpacingCaseAndWidthVariantsOfHerNameMatch) {
  SecretKey key = SecretKey::Random();
  const std::string token = MatchToken(key, "김민지", "1990-03-04");
  ASSERT_EQ(token.size(), 64u);
  EXPECT_EQ(MatchToken(key, "김 민 지", "1990-03-04"), token);
  EXPECT_EQ(MatchToken(key, " 김민지\u3000", "1990-03-04"), token);
  EXPECT_EQ(MatchToken(key, "\u1100\u1175\u11B7민지", "1990-03-04"), token);  // decomposed
  const std::string latin = MatchToken(key, "Maria Garcia", "1985-12-01");
  EXPECT_EQ(MatchToken(key, "MARIA  garcia", "1985-12-01"), latin);
  EXPECT_EQ(MatchToken(key, "ＭＡＲＩＡ ＧＡＲＣＩＡ", "1985-12-01"), latin);  // full width
}

TEST(MatchTokenTest, AnotherBirthDateOrNameDoesNotMatch) {
  SecretKey key = SecretKey::Random();
  const std::string token = MatchToken(key, "김민지", "1990-03-04");
  EXPECT_NE(MatchToken(key, "김민지", "1990-03-05"), token);
  EXPECT_NE(MatchToken(key, "김민주", "1990-03-04"), token);
}

TEST(MatchTokenTest, DependsOnTheKey) {
  SecretKey a = SecretKey::Random();
  SecretKey b = SecretKey::Random();
  EXPECT_NE(MatchToken(a, "김민지", "1990-03-04"), MatchToken(b, "김민지", "1990-03-04"));
}

TEST(MatchTokenTest, NoBirthDateOrNoNameMeansNoToken) {
  SecretKey key = SecretKey::Random();
  EXPECT_EQ(MatchToken(key, "김민지", ""), "");
  EXPECT_EQ(MatchToken(key, "", "1990-03-04"), "");
  EXPECT_EQ(MatchToken(key, "   ", "1990-03-04"), "");
}

}  // namespace
}  // namespace dandelion::security

#include "security/password.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace dandelion::security {
namespace {

TEST(PasswordTest, HashesWithArgon2idAtSixtyFourMebibytes) {
  auto hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash);
  EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=65536,t=3,p=1$")) << *hash;
}

TEST(PasswordTest, VerifiesTheRightPasswordAndRefusesOthers) {
  auto hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash);
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse battery stapl"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
}

TEST(PasswordTest, VerifiesDecomposedHangulAgainstAComposedPassword) {
  auto hash = HashPassword("민들레 피는 봄날");
  ASSERT_TRUE(hash);
  // "민" typed as conjoining jamo (NFD), as some devices send it.
  EXPECT_TRUE(VerifyPassword(*hash, "\u1106\u1175\u11AB들레 피는 봄날"));
}

TEST(PasswordTest, SaltsEveryHash) {
  EXPECT_NE(*HashPassword("same password here"), *HashPassword("same password here"));
}

TEST(PasswordTest, RefusesMalformedHashes) {
  EXPECT_FALSE(VerifyPassword("", "anything at all"));
  EXPECT_FALSE(VerifyPassword("$argon2id$garbage", "anything at all"));
  EXPECT_FALSE(VerifyPassword(std::string(500, 'x'), "anything at all"));
}

TEST(PasswordTest, RefusesIllFormedUtf8) { EXPECT_FALSE(HashPassword("bad \xC3\x28 utf8")); }

TEST(PasswordTest, AsksForARehashOnlyWhenParametersChanged) {
  auto hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash);
  EXPECT_FALSE(NeedsRehash(*hash));
  char weak[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(weak, "pw", 2, crypto_pwhash_OPSLIMIT_MIN, 8192,
                                  crypto_pwhash_ALG_ARGON2ID13),
            0);
  EXPECT_TRUE(NeedsRehash(weak));
  EXPECT_TRUE(NeedsRehash("not a hash"));
}

TEST(PasswordTest, DummyVerifyIsAlwaysFalseAndTakesAsLongAsARealVerify) {
  auto hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash);
  PrepareDummyVerify();
  using Clock = std::chrono::steady_clock;
  // The fastest of three runs each, to keep a busy test machine's noise out of the comparison.
  auto fastest = [](auto f) {
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
      auto start = Clock::now();
      f();
      best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
    }
    return best;
  };
  double real = fastest([&] { VerifyPassword(*hash, "wrong password guess"); });
  double dummy = fastest([&] { EXPECT_FALSE(DummyVerify("wrong password guess")); });
  // Same parameters, same work: within a factor of two even on a noisy test machine.
  EXPECT_LT(dummy, real * 2);
  EXPECT_GT(dummy, real / 2);
}

// In a child process: the switch is process-wide and the tests above need the real cost.
TEST(PasswordDeathTest, TestDataDirsHashAtTheMinimumCostAndNeverDowngradeARealHash) {
  EXPECT_EXIT(
      {
        auto real = HashPassword("correct horse battery staple");
        UseMinimumCostForTests();
        auto cheap = HashPassword("correct horse battery staple");
        const bool ok = real && cheap && cheap->find("$m=8,t=1,") != std::string::npos &&
                        VerifyPassword(*cheap, "correct horse battery staple") &&
                        !VerifyPassword(*cheap, "wrong horse") && !NeedsRehash(*cheap) &&
                        !NeedsRehash(*real) && NeedsRehash("not a hash") &&
                        !DummyVerify("correct horse battery staple");
        std::exit(ok ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace dandelion::security

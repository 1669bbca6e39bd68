#include "core/ids.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>

namespace dandelion {

TEST(IdsTest, NewIdsAreUniqueAndWellFormed) {
  ASSERT_GE(sodium_init(), 0);
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = NewId();
    EXPECT_TRUE(LooksLikeId(id)) << id;
    EXPECT_TRUE(seen.insert(id).second);
  }
}

TEST(IdsTest, RejectsGarbageIds) {
  EXPECT_FALSE(LooksLikeId(""));
  EXPECT_FALSE(LooksLikeId("../../etc/passwd"));
  EXPECT_FALSE(LooksLikeId("0123456789ABCDEFGHJKMNPQRS"));
}

TEST(IdsTest, Base32MatchesRfc4648) {
  EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(Base32Encode("12345678901234567890"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

}  // namespace dandelion

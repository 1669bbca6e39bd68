#include "core/ids.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>
#include <string>

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
  // Letters Crockford's alphabet leaves out, a NUL, a byte above 127, one character short.
  for (char c : {'i', 'l', 'o', 'u', '\0', '\xea'}) {
    std::string id = "0123456789abcdefghjkmnpqrs";
    id[13] = c;
    EXPECT_FALSE(LooksLikeId(id)) << static_cast<int>(c);
  }
  EXPECT_TRUE(LooksLikeId("0123456789abcdefghjkmnpqrs"));
  EXPECT_TRUE(LooksLikeId("tvwxyz0123456789abcdefghjk"));
  EXPECT_FALSE(LooksLikeId("0123456789abcdefghjkmnpqr"));
}

TEST(IdsTest, Base32MatchesRfc4648) {
  EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(Base32Encode("12345678901234567890"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

}  // namespace dandelion

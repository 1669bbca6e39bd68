#include "modules/people/search_terms.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "security/sodium_init.h"

namespace dandelion::people {
namespace {

class SearchTermsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { security::EnsureSodium(); }
  security::SecretKey key_ = security::SecretKey::Random();
};

TEST_F(SearchTermsTest, TagsTheShortPrefixesOfNameAliasAndPhoneOnly) {
  auto tags = PersonSearchTags(key_, "김민지", "들꽃", "010-1234-5678");
  ASSERT_TRUE(tags);
  EXPECT_EQ(tags->size(), 4u);  // 김민, 김민지, 들꽃, 0101234
  for (const auto& tag : *tags) EXPECT_EQ(tag.size(), kSearchTagBytes);
  auto none = PersonSearchTags(key_, "", "", "");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  auto short_phone = PersonSearchTags(key_, "", "", "112");
  ASSERT_TRUE(short_phone);
  EXPECT_TRUE(short_phone->empty());
}

TEST_F(SearchTermsTest, AQueryFindsTheTagOfItsPrefix) {
  auto tags = PersonSearchTags(key_, "김민지", "", "010-1234-5678");
  ASSERT_TRUE(tags);
  for (std::string_view q : {"김민", "김 민지", "김민지야", "0101234", "010-1234-56"}) {
    auto query = ReadSearchQuery(key_, q);
    ASSERT_TRUE(query) << q;
    EXPECT_NE(std::find(tags->begin(), tags->end(), query->tag), tags->end()) << q;
  }
}

TEST_F(SearchTermsTest, RefusesQueriesTooShortToLookUp) {
  for (std::string_view q : {"", " ", "김", "010-12", "(02)"}) {
    auto query = ReadSearchQuery(key_, q);
    ASSERT_FALSE(query) << q;
    EXPECT_EQ(query.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(query.error().fields.at("q"), "people.search_short") << q;
  }
  auto bad = ReadSearchQuery(key_, "\xff\xfe");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
}

TEST_F(SearchTermsTest, MatchesTheBeginningOfLegalNameAliasOrPhone) {
  Person p;
  p.legal_name = "Anna Lee";
  p.alias = "바람소리";
  p.phone = "010-2345-6789";
  auto match = [&](std::string_view q) {
    auto query = ReadSearchQuery(key_, q);
    return query && MatchesSearch(*query, p);
  };
  EXPECT_TRUE(match("anna"));
  EXPECT_TRUE(match("AnnaL"));
  EXPECT_TRUE(match("바람"));
  EXPECT_TRUE(match("010 2345 6"));
  EXPECT_FALSE(match("Lee"));
  EXPECT_FALSE(match("소리"));
  EXPECT_FALSE(match("0102345670"));
}

}  // namespace
}  // namespace dandelion::people

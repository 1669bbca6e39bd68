#include "security/blind_index.h"

#include <gtest/gtest.h>

namespace dandelion::security {
namespace {

class BlindIndexTest : public ::testing::Test {
 protected:
  std::string Index(FieldKind kind, std::string_view value) {
    BlindIndexField field = kind == FieldKind::kPhone ? BlindIndexField::kPersonPhone
                                                      : BlindIndexField::kPersonLegalName;
    auto index = BlindIndex(DeriveBlindIndexKey(org_key_, field), kind, value);
    EXPECT_TRUE(index) << value;
    return index ? *index : "";
  }

  SecretKey org_key_ = SecretKey::Random();
};

TEST_F(BlindIndexTest, IsEightBytes) { EXPECT_EQ(Index(FieldKind::kName, "김민지").size(), 8u); }

TEST_F(BlindIndexTest, MatchesNamesWrittenWithOrWithoutSpaces) {
  EXPECT_EQ(Index(FieldKind::kName, "김 민 지"), Index(FieldKind::kName, "김민지"));
}

TEST_F(BlindIndexTest, MatchesDecomposedAndComposedHangul) {
  EXPECT_EQ(Index(FieldKind::kName, "\u1100\u1175\u11B7\u1106\u1175\u11AB\u110C\u1175"),
            Index(FieldKind::kName, "김민지"));
}

TEST_F(BlindIndexTest, MatchesEveryWayOfWritingAKoreanMobileNumber) {
  std::string expected = Index(FieldKind::kPhone, "01012345678");
  EXPECT_EQ(Index(FieldKind::kPhone, "010-1234-5678"), expected);
  EXPECT_EQ(Index(FieldKind::kPhone, "+82 10 1234 5678"), expected);
}

TEST_F(BlindIndexTest, DistinguishesDifferentValues) {
  EXPECT_NE(Index(FieldKind::kName, "김민지"), Index(FieldKind::kName, "김민정"));
  EXPECT_NE(Index(FieldKind::kPhone, "01012345678"), Index(FieldKind::kPhone, "01012345679"));
}

TEST_F(BlindIndexTest, DiffersBetweenOrganizations) {
  SecretKey other_org = SecretKey::Random();
  auto here = BlindIndex(DeriveBlindIndexKey(org_key_, BlindIndexField::kPersonPhone),
                         FieldKind::kPhone, "010-1234-5678");
  auto there = BlindIndex(DeriveBlindIndexKey(other_org, BlindIndexField::kPersonPhone),
                          FieldKind::kPhone, "010-1234-5678");
  ASSERT_TRUE(here && there);
  EXPECT_NE(*here, *there);
}

TEST_F(BlindIndexTest, DiffersBetweenFieldsOfOneOrganization) {
  // A legal name that happens to be all digits must not match a phone number.
  auto name = BlindIndex(DeriveBlindIndexKey(org_key_, BlindIndexField::kPersonLegalName),
                         FieldKind::kName, "01012345678");
  auto phone = BlindIndex(DeriveBlindIndexKey(org_key_, BlindIndexField::kPersonPhone),
                          FieldKind::kPhone, "01012345678");
  ASSERT_TRUE(name && phone);
  EXPECT_NE(*name, *phone);
}

TEST_F(BlindIndexTest, IsStableForTheSameKey) {
  SecretKey key = DeriveBlindIndexKey(org_key_, BlindIndexField::kPersonLegalName);
  SecretKey again = DeriveBlindIndexKey(org_key_, BlindIndexField::kPersonLegalName);
  EXPECT_EQ(*BlindIndex(key, FieldKind::kName, "김민지"),
            *BlindIndex(again, FieldKind::kName, "김민지"));
}

TEST_F(BlindIndexTest, RefusesEmptyValues) {
  auto index = BlindIndex(DeriveBlindIndexKey(org_key_, BlindIndexField::kPersonLegalName),
                          FieldKind::kName, " ");
  ASSERT_FALSE(index);
  EXPECT_EQ(index.error().message_key, "field.empty");
}

}  // namespace
}  // namespace dandelion::security

#include "security/normalize.h"

#include <gtest/gtest.h>

namespace dandelion::security {
namespace {

std::string Norm(FieldKind kind, std::string_view value) {
  auto out = NormalizeForIndex(kind, value);
  return out ? *out : "<" + out.error().message_key + ">";
}

TEST(NormalizeTest, RemovesAllSpacesFromNames) {
  EXPECT_EQ(Norm(FieldKind::kName, "김 민 지"), "김민지");
  EXPECT_EQ(Norm(FieldKind::kName, " 김민지\t"), "김민지");
  EXPECT_EQ(Norm(FieldKind::kName, "김\u3000민지"), "김민지");  // ideographic space
}

TEST(NormalizeTest, ComposesDecomposedHangul) {
  // 김 as conjoining jamo (NFD): U+1100 U+1175 U+11B7.
  EXPECT_EQ(Norm(FieldKind::kName, "\u1100\u1175\u11B7민지"), "김민지");
}

TEST(NormalizeTest, FoldsCaseAndFullWidthLetters) {
  EXPECT_EQ(Norm(FieldKind::kName, "Maria  GARCÍA"), "mariagarcía");
  EXPECT_EQ(Norm(FieldKind::kName, "ＭＡＲＩＡ"), "maria");
}

TEST(NormalizeTest, DropsZeroWidthCharacters) {
  EXPECT_EQ(Norm(FieldKind::kName, "김\u200B민지"), "김민지");
}

TEST(NormalizeTest, CollapsesAndTrimsWhitespaceInText) {
  EXPECT_EQ(Norm(FieldKind::kText, "  Seoul   Mapo\tgu "), "seoul mapo gu");
}

TEST(NormalizeTest, KeepsOnlyDigitsOfPhones) {
  EXPECT_EQ(Norm(FieldKind::kPhone, "010-1234-5678"), "01012345678");
  EXPECT_EQ(Norm(FieldKind::kPhone, "(010) 1234 5678"), "01012345678");
  EXPECT_EQ(Norm(FieldKind::kPhone, "０１０-１２３４-５６７８"), "01012345678");
}

TEST(NormalizeTest, TreatsPlusEightyTwoAsTheDomesticZero) {
  EXPECT_EQ(Norm(FieldKind::kPhone, "+82 10 1234 5678"), "01012345678");
  EXPECT_EQ(Norm(FieldKind::kPhone, "+82-2-123-4567"), "021234567");
  EXPECT_EQ(Norm(FieldKind::kPhone, "+82 (0)10 1234 5678"), "01012345678");
}

TEST(NormalizeTest, KeepsOtherCountriesApartFromDomesticNumbers) {
  EXPECT_EQ(Norm(FieldKind::kPhone, "+1 202 555 0100"), "+12025550100");
  EXPECT_EQ(Norm(FieldKind::kPhone, "82 10 1234 5678"), "821012345678");  // no plus: as typed
}

TEST(NormalizeTest, UpperCasesCodesAndDropsPunctuation) {
  EXPECT_EQ(Norm(FieldKind::kCode, "seo1-2026-0042"), "SEO120260042");
  EXPECT_EQ(Norm(FieldKind::kCode, " SEO1 / 2026 / 0042 "), "SEO120260042");
}

TEST(NormalizeTest, RefusesValuesWithNothingToIndex) {
  EXPECT_EQ(Norm(FieldKind::kName, "   "), "<field.empty>");
  EXPECT_EQ(Norm(FieldKind::kPhone, "--"), "<field.empty>");
  EXPECT_EQ(Norm(FieldKind::kCode, ""), "<field.empty>");
}

TEST(NormalizeTest, RefusesIllFormedUtf8) {
  EXPECT_EQ(Norm(FieldKind::kName, "\xC3\x28"), "<error.invalid_utf8>");
  EXPECT_EQ(Norm(FieldKind::kName, "\xED\xA0\x80"), "<error.invalid_utf8>");  // surrogate
}

}  // namespace
}  // namespace dandelion::security

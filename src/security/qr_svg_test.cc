#include "security/qr_svg.h"

#include <gtest/gtest.h>

#include <string>

namespace dandelion::security {
namespace {

TEST(QrSvgTest, MakesAStandaloneSvgWithAViewBoxAndCrispEdges) {
  auto svg = QrSvg("otpauth://totp/Dandelion:minji?secret=GEZDGNBVGY3TQOJQ&issuer=Dandelion");
  ASSERT_TRUE(svg) << svg.error().detail;
  EXPECT_TRUE(svg->starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
  EXPECT_NE(svg->find("shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(svg->find("<path fill=\"#000\" d=\"M"), std::string::npos);
  EXPECT_TRUE(svg->ends_with("</svg>\n"));
}

TEST(QrSvgTest, ContainsNothingExecutableOrExternal) {
  auto svg = QrSvg("<script>alert(1)</script>\"&'");
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->find("script"), std::string::npos);
  EXPECT_EQ(svg->find("href"), std::string::npos);
  EXPECT_EQ(svg->find("style"), std::string::npos);
  EXPECT_EQ(svg->find("alert"), std::string::npos);  // the text is in the modules, not the markup
}

TEST(QrSvgTest, SizesTheViewBoxToTheSymbolPlusQuietZone) {
  // Short text fits a version 1 symbol: 21 modules + 2 x 4 quiet zone = 29.
  auto svg = QrSvg("hello");
  ASSERT_TRUE(svg);
  EXPECT_NE(svg->find("viewBox=\"0 0 29 29\""), std::string::npos) << *svg;
}

TEST(QrSvgTest, RefusesTextThatCannotBeEncoded) {
  EXPECT_FALSE(QrSvg(std::string(5000, 'x')));
  EXPECT_FALSE(QrSvg(std::string("a\0b", 3)));
}

TEST(QrSvgTest, TheMatrixIsTheSymbolTheSvgDraws) {
  auto m = QrMatrix("hello");
  ASSERT_TRUE(m);
  ASSERT_EQ(m->width, 21);
  ASSERT_EQ(m->dark.size(), 21u * 21u);
  // The finder patterns: dark corners and a light ring inside them.
  EXPECT_TRUE(m->Dark(0, 0));
  EXPECT_TRUE(m->Dark(20, 0));
  EXPECT_TRUE(m->Dark(0, 20));
  EXPECT_FALSE(m->Dark(1, 1));
  EXPECT_TRUE(m->Dark(3, 3));
  EXPECT_FALSE(QrMatrix(std::string("a\0b", 3)));
}

}  // namespace
}  // namespace dandelion::security

#include "http/pdf_document.h"

#include <gtest/gtest.h>

namespace dandelion::http {
namespace {

// The hex form a string takes in the content streams.
std::string HexOf(std::u16string_view text) {
  std::string out;
  char buf[5];
  for (char16_t c : text) {
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
    out += buf;
  }
  return out;
}

TEST(PdfDocument, WritesAWellFormedDocumentWithKoreanText) {
  PdfDocument doc("의뢰서");
  doc.Heading("의뢰서");
  doc.Label("보내는 기관", "민들레 상담소");
  std::string pdf = doc.Finish();
  EXPECT_TRUE(pdf.starts_with("%PDF-1.4\n"));
  EXPECT_TRUE(pdf.ends_with("%%EOF\n"));
  EXPECT_NE(pdf.find("/Encoding /UniKS-UCS2-H"), std::string::npos);
  EXPECT_NE(pdf.find(HexOf(u"보내는 기관: 민들레 상담소")), std::string::npos);
  // Each xref offset points at the object it names.
  const size_t xref = std::stoul(pdf.substr(pdf.rfind("startxref\n") + 10));
  ASSERT_EQ(pdf.compare(xref, 4, "xref"), 0);
  size_t line = pdf.find('\n', pdf.find('\n', xref) + 1) + 1;  // past "xref" and "0 N"
  line = pdf.find('\n', line) + 1;                             // past the free entry
  for (int object = 1; pdf.compare(line, 7, "trailer") != 0; ++object) {
    const size_t offset = std::stoul(pdf.substr(line, 10));
    EXPECT_EQ(
        pdf.compare(offset, std::to_string(object).size() + 6, std::to_string(object) + " 0 obj"),
        0)
        << "object " << object;
    line = pdf.find('\n', line) + 1;
  }
}

TEST(PdfDocument, WrapsLongLinesAndStartsNewPages) {
  PdfDocument doc("long");
  std::string paragraph;
  for (int i = 0; i < 60; ++i) paragraph += "가";
  doc.Text(paragraph);  // 60 full-width characters: 45 fit on a 10.5 pt line
  std::string one_page = doc.Finish();
  EXPECT_NE(one_page.find(HexOf(std::u16string(45, u'가')) + ">"), std::string::npos);
  EXPECT_NE(one_page.find("<" + HexOf(std::u16string(15, u'가')) + ">"), std::string::npos);
  for (int i = 0; i < 80; ++i) doc.Text("줄");
  EXPECT_NE(doc.Finish().find("/Count 2"), std::string::npos);
}

TEST(PdfDocument, ReplacesWhatItCannotPrint) {
  EXPECT_EQ(ToUcs2("a\xff"
                   "b"),
            u"a?b");
  EXPECT_EQ(ToUcs2("\xf0\x9f\x8c\xbc"), u"?");  // beyond the BMP
  EXPECT_EQ(ToUcs2("민"), u"민");
}

}  // namespace
}  // namespace dandelion::http

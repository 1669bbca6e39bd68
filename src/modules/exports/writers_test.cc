#include "modules/exports/writers.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "modules/stats/labels.h"

namespace dandelion::exports {

using stats::KeyLabel;
using stats::UnitColumn;

namespace {

const char* kFont = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";

stats::StatTable RegionTable() {
  stats::StatTable t{.from = "2026-01-01",
                     .to = "2026-12-31",
                     .by = {"region"},
                     .measure = "services",
                     .unit = "services"};
  t.k = 5;
  t.rows = {{.key = {"KR-11"}, .count = std::nullopt, .suppressed = true},
            {.key = {"KR-26"}, .count = 12},
            {.key = {"KR-41"}, .count = 0},
            {.key = {""}, .count = 19}};
  return t;
}

// Runs a shell command and returns what it printed.
std::string Shell(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  pclose(p);
  return out;
}

std::string TempPath(const std::string& ext) {
  return testing::TempDir() + "export_test_" + std::to_string(getpid()) + ext;
}

TEST(Labels, KoreanWordsForKeys) {
  const auto t = RegionTable();
  EXPECT_EQ(KeyLabel(t, 0, "KR-11"), "서울특별시");
  EXPECT_EQ(KeyLabel(t, 0, ""), "합계");
  EXPECT_EQ(KeyLabel(t, 0, "XX-99"), "XX-99");
  stats::StatTable q{.by = {"quarter", "service_type"}};
  EXPECT_EQ(KeyLabel(q, 0, "2026-Q1"), "2026년 1분기");
  EXPECT_EQ(KeyLabel(q, 1, "counseling"), "상담");
  stats::StatTable m{.by = {"month"}};
  EXPECT_EQ(KeyLabel(m, 0, "2026-03"), "2026년 3월");
  stats::StatTable r{.by = {"referral_outcome"}};
  EXPECT_EQ(KeyLabel(r, 0, "sent"), "보낸 연계");
  EXPECT_EQ(KeyLabel(r, 1, "accepted"), "수락됨");
  EXPECT_EQ(UnitColumn("people"), "인원(명)");
  EXPECT_EQ(KeyColumns(q), (std::vector<std::string>{"분기", "서비스 유형"}));
}

TEST(Csv, BomCrlfKoreanHeaderSuppressedAndTotal) {
  const auto t = RegionTable();
  const std::string csv = WriteCsv({.table = t, .network = true, .title = "t", .generated_at = ""});
  EXPECT_EQ(
      csv,
      "\xEF\xBB\xBF지역,서비스(건)\r\n서울특별시,<5\r\n부산광역시,12\r\n경기도,0\r\n합계,19\r\n");
}

TEST(Csv, QuotesFieldsWithCommas) {
  stats::StatTable t{.by = {"nationality"}, .unit = "people"};
  t.rows = {{.key = {"A,B"}, .count = 3}, {.key = {""}, .count = 3}};
  EXPECT_EQ(WriteCsv({.table = t}), "\xEF\xBB\xBF국적,인원(명)\r\n\"A,B\",3\r\n합계,3\r\n");
}

TEST(Xlsx, NumbersAsNumbersKoreanStringsAndExplanationSheet) {
  const auto t = RegionTable();
  const std::string path = TempPath(".xlsx");
  ASSERT_TRUE(WriteXlsx({.table = t,
                         .network = true,
                         .title = "네트워크 통계",
                         .generated_at = "2026-12-02 09:00 (한국 시간)"},
                        path));
  const std::string sheet = Shell("unzip -p '" + path + "' xl/worksheets/sheet1.xml");
  const std::string strings = Shell("unzip -p '" + path + "' xl/sharedStrings.xml");
  const std::string book = Shell("unzip -p '" + path + "' xl/workbook.xml");
  std::remove(path.c_str());
  EXPECT_NE(sheet.find("<v>12</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>19</v>"), std::string::npos);
  EXPECT_NE(strings.find("지역"), std::string::npos) << strings;
  EXPECT_NE(strings.find("서울특별시"), std::string::npos);
  EXPECT_NE(strings.find("&lt;5"), std::string::npos);
  EXPECT_NE(strings.find("단위: 건"), std::string::npos);
  EXPECT_NE(book.find("통계"), std::string::npos) << book;
  EXPECT_NE(book.find("설명"), std::string::npos);
}

TEST(Xlsx, OwnFiguresHaveNoExplanationSheet) {
  auto t = RegionTable();
  t.rows[0] = {.key = {"KR-11"}, .count = 7};
  const std::string path = TempPath("-own.xlsx");
  ASSERT_TRUE(WriteXlsx({.table = t, .network = false, .title = "기관 통계"}, path));
  const std::string book = Shell("unzip -p '" + path + "' xl/workbook.xml");
  std::remove(path.c_str());
  EXPECT_EQ(book.find("설명"), std::string::npos);
}

TEST(Pdf, KoreanTextIsInTheFileAndPagesRepeatTheHeader) {
  // Long enough to need several pages.
  stats::StatTable t{.from = "2026-01-01",
                     .to = "2026-12-31",
                     .by = {"month", "service_type"},
                     .measure = "services",
                     .unit = "services"};
  for (int m = 1; m <= 12; ++m) {
    for (const char* s : {"counseling", "medical", "legal_assistance", "education"}) {
      char key[24];  // room for any int: GCC checks the format, not the loop bound
      std::snprintf(key, sizeof key, "2026-%02d", m);
      t.rows.push_back({.key = {key, s}, .count = m});
    }
  }
  for (int m = 1; m <= 12; ++m) {
    char key[24];  // room for any int: GCC checks the format, not the loop bound
    std::snprintf(key, sizeof key, "2026-%02d", m);
    t.rows.push_back({.key = {key, ""}, .count = 4 * m});
  }
  t.rows.push_back({.key = {"", ""}, .count = 312});
  const std::string path = TempPath(".pdf");
  ASSERT_TRUE(WritePdf({.table = t,
                        .network = false,
                        .title = "기관 통계",
                        .generated_at = "2026-12-02 09:00 (한국 시간)"},
                       kFont, path));
  std::ifstream in(path, std::ios::binary);
  std::string head(5, '\0');
  in.read(head.data(), 5);
  EXPECT_EQ(head, "%PDF-");
  const std::string text = Shell("pdftotext -enc UTF-8 '" + path + "' -");
  std::remove(path.c_str());
  EXPECT_NE(text.find("기관 통계"), std::string::npos) << text;
  EXPECT_NE(text.find("2026년 3월"), std::string::npos);
  EXPECT_NE(text.find("상담"), std::string::npos);
  EXPECT_NE(text.find("합계"), std::string::npos);
  EXPECT_NE(text.find("한국 시간"), std::string::npos);
  // The header on every table page, and page numbers.
  std::size_t headers = 0;
  for (auto at = text.find("서비스 유형"); at != std::string::npos;
       at = text.find("서비스 유형", at + 1)) {
    ++headers;
  }
  EXPECT_GE(headers, 2u);
  // "1 / 3" (pdftotext may drop the spaces).
  EXPECT_TRUE(text.find("1 / 3") != std::string::npos || text.find("1/3") != std::string::npos);
  EXPECT_NE(text.find("그래프"), std::string::npos);
}

TEST(Pdf, MissingFontNamesThePackage) {
  const auto t = RegionTable();
  auto r = WritePdf({.table = t}, "/nonexistent/font.ttf", TempPath("-nofont.pdf"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_key, "exports.font_missing");
  EXPECT_NE(r.error().detail.find("fonts-nanum"), std::string::npos);
}

}  // namespace
}  // namespace dandelion::exports

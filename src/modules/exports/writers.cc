#include "modules/exports/writers.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdint>
#include <system_error>
#include <vector>

#include "modules/exports/korean_pdf.h"
#include "modules/stats/labels.h"

namespace dandelion::exports {

using stats::KeyColumns;
using stats::KeyLabel;
using stats::PeriodText;
using stats::UnitColumn;
using stats::UnitWord;

namespace {

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<std::string> Header(const Document& doc) {
  auto header = KeyColumns(doc.table);
  header.push_back(UnitColumn(doc.table.unit));
  return header;
}

std::vector<std::string> Labels(const Document& doc, const stats::StatRow& row) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < row.key.size(); ++i) {
    out.push_back(KeyLabel(doc.table, i, row.key[i]));
  }
  return out;
}

std::string TitleLine(const Document& doc) {
  return doc.title + " · " + PeriodText(doc.table) + " · 단위: " + UnitWord(doc.table.unit);
}

// The bars of the chart: the one-dimension totals (a one-way table's rows; a two-way table's
// row totals), suppressed ones left out.
struct Bar {
  std::string label;
  std::int64_t value = 0;
};

std::vector<Bar> Bars(const Document& doc) {
  std::vector<Bar> out;
  for (const auto& r : doc.table.rows) {
    if (!r.count) continue;
    if (r.key.size() == 1 && !r.key[0].empty()) {
      out.push_back({KeyLabel(doc.table, 0, r.key[0]), *r.count});
    } else if (r.key.size() == 2 && !r.key[0].empty() && r.key[1].empty()) {
      out.push_back({KeyLabel(doc.table, 0, r.key[0]), *r.count});
    }
  }
  return out;
}

constexpr float kPageW = 595.276f;  // A4 in points
constexpr float kPageH = 841.89f;
constexpr float kMargin = 50;
constexpr float kRowH = 16;
constexpr float kBarH = 14;
constexpr float kFirstTop = 720;  // below the title block
constexpr float kTop = kPageH - kMargin - 10;
constexpr float kBottom = 70;

int RowsOn(float top) { return static_cast<int>((top - kBottom) / kRowH) - 1; }

class Pdf {
 public:
  Pdf(HPDF_Doc doc, HPDF_Font font, int pages) : doc_(doc), font_(font), pages_(pages) {}

  HPDF_Page NewPage() {
    page_ = HPDF_AddPage(doc_);
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    ++number_;
    const std::string n = std::to_string(number_) + " / " + std::to_string(pages_);
    Text(kPageW / 2 - Width(n, 9) / 2, 35, 9, n);
    return page_;
  }

  float Width(const std::string& s, float size) {
    HPDF_Page_SetFontAndSize(page_, font_, size);
    return HPDF_Page_TextWidth(page_, s.c_str());
  }

  void Text(float x, float y, float size, const std::string& s) {
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, font_, size);
    HPDF_Page_TextOut(page_, x, y, s.c_str());
    HPDF_Page_EndText(page_);
  }

  void Rule(float y) {
    HPDF_Page_SetLineWidth(page_, 0.5f);
    HPDF_Page_MoveTo(page_, kMargin, y);
    HPDF_Page_LineTo(page_, kPageW - kMargin, y);
    HPDF_Page_Stroke(page_);
  }

  void Rect(float x, float y, float w, float h) {
    HPDF_Page_SetRGBFill(page_, 0.29f, 0.45f, 0.71f);
    HPDF_Page_Rectangle(page_, x, y, w, h);
    HPDF_Page_Fill(page_);
    HPDF_Page_SetRGBFill(page_, 0, 0, 0);
  }

 private:
  HPDF_Doc doc_;
  HPDF_Font font_;
  int pages_;
  int number_ = 0;
  HPDF_Page page_ = nullptr;
};

}  // namespace

std::string CountText(const Document& doc, const stats::StatRow& row) {
  if (row.count) return std::to_string(*row.count);
  if (doc.network || row.suppressed) return "<" + std::to_string(doc.table.k);
  return "";
}

std::string WriteCsv(const Document& doc) {
  std::string out = "\xEF\xBB\xBF";
  const auto header = Header(doc);
  for (std::size_t i = 0; i < header.size(); ++i) out += (i == 0 ? "" : ",") + CsvField(header[i]);
  out += "\r\n";
  for (const auto& r : doc.table.rows) {
    for (const auto& label : Labels(doc, r)) out += CsvField(label) + ",";
    out += CountText(doc, r) + "\r\n";
  }
  return out;
}

Result<void> WriteXlsx(const Document& doc, const std::filesystem::path& path) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) return Fail(WriteFailed("cannot create " + path.string()));
  lxw_worksheet* sheet = workbook_add_worksheet(wb, "통계");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* right = workbook_add_format(wb);
  format_set_align(right, LXW_ALIGN_RIGHT);

  worksheet_write_string(sheet, 0, 0, TitleLine(doc).c_str(), title);
  worksheet_write_string(sheet, 1, 0, ("작성: " + doc.generated_at).c_str(), nullptr);
  const auto header = Header(doc);
  for (std::size_t c = 0; c < header.size(); ++c) {
    worksheet_write_string(sheet, 3, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 22, nullptr);
  }
  lxw_row_t row = 4;
  const auto value_col = static_cast<lxw_col_t>(header.size() - 1);
  for (const auto& r : doc.table.rows) {
    const auto labels = Labels(doc, r);
    for (std::size_t c = 0; c < labels.size(); ++c) {
      worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), labels[c].c_str(),
                             labels[c] == "합계" ? bold : nullptr);
    }
    if (r.count) {
      worksheet_write_number(sheet, row, value_col, static_cast<double>(*r.count), nullptr);
    } else {
      worksheet_write_string(sheet, row, value_col, CountText(doc, r).c_str(), right);
    }
    ++row;
  }
  if (doc.network) {
    lxw_worksheet* about = workbook_add_worksheet(wb, "설명");
    const std::string k = std::to_string(doc.table.k);
    const std::string lines[] = {
        "작은 수 감추기",
        "이 통계는 통계 이용에 동의한 여성의 기록만으로 셉니다.",
        "1부터 " + std::to_string(doc.table.k - 1) + "까지의 작은 수는 개인이 드러나지 않도록 '<" +
            k + "'로 표시합니다.",
        "다른 칸이나 합계에서 빼서 감춘 수를 알아낼 수 없도록, 필요한 만큼 다른 칸도 '<" + k +
            "'로 감춥니다.",
        "0은 그대로 표시합니다(해당하는 사람이 없다는 뜻입니다).",
    };
    worksheet_set_column(about, 0, 0, 90, nullptr);
    lxw_row_t i = 0;
    for (const auto& line : lines) {
      worksheet_write_string(about, i, 0, line.c_str(), i == 0 ? bold : nullptr);
      ++i;
    }
  }
  if (lxw_error e = workbook_close(wb); e != LXW_NO_ERROR) {
    return Fail(WriteFailed(std::string("xlsx: ") + lxw_strerror(e)));
  }
  return Ok();
}

Result<void> WritePdf(const Document& doc, const std::filesystem::path& font_path,
                      const std::filesystem::path& path) {
  auto korean = TRY(KoreanPdf::Open(font_path));
  HPDF_Doc pdf = korean->doc();
  HPDF_Font font = korean->font();

  // Pages: the table (its header repeated on each), then the chart.
  const auto& rows = doc.table.rows;
  std::vector<std::size_t> page_starts{0};
  {
    std::size_t i = 0;
    int room = RowsOn(kFirstTop);
    while (rows.size() - i > static_cast<std::size_t>(room)) {
      i += static_cast<std::size_t>(room);
      page_starts.push_back(i);
      room = RowsOn(kTop);
    }
  }
  const auto bars = Bars(doc);
  const int bars_per_page = static_cast<int>((kTop - 30 - kBottom) / kBarH);
  const int chart_pages =
      bars.empty() ? 0 : static_cast<int>((bars.size() + bars_per_page - 1) / bars_per_page);
  Pdf out(pdf, font, static_cast<int>(page_starts.size()) + chart_pages);

  const auto header = Header(doc);
  const float value_w = 90;
  const float key_w = (kPageW - 2 * kMargin - value_w) / static_cast<float>(header.size() - 1);
  auto draw_header = [&](float y) {
    for (std::size_t c = 0; c + 1 < header.size(); ++c) {
      out.Text(kMargin + key_w * static_cast<float>(c), y, 10, header[c]);
    }
    out.Text(kPageW - kMargin - out.Width(header.back(), 10), y, 10, header.back());
    out.Rule(y - 5);
  };
  for (std::size_t p = 0; p < page_starts.size(); ++p) {
    out.NewPage();
    float y = kTop;
    if (p == 0) {
      out.Text(kMargin, kTop, 18, doc.title);
      out.Text(kMargin, kTop - 26, 11,
               "기간: " + PeriodText(doc.table) + "   단위: " + UnitWord(doc.table.unit));
      out.Text(kMargin, kTop - 44, 9, "작성: " + doc.generated_at);
      if (doc.network) {
        out.Text(kMargin, kTop - 60, 9,
                 "'<" + std::to_string(doc.table.k) +
                     "'는 개인이 드러나지 않도록 감춘 작은 수(또는 그것을 보호하는 칸)입니다.");
      }
      y = kFirstTop;
    }
    draw_header(y);
    y -= kRowH + 4;
    const std::size_t end = p + 1 < page_starts.size() ? page_starts[p + 1] : rows.size();
    for (std::size_t i = page_starts[p]; i < end; ++i) {
      const auto labels = Labels(doc, rows[i]);
      for (std::size_t c = 0; c < labels.size(); ++c) {
        out.Text(kMargin + key_w * static_cast<float>(c), y, 9, labels[c]);
      }
      const std::string value = CountText(doc, rows[i]);
      out.Text(kPageW - kMargin - out.Width(value, 9), y, 9, value);
      y -= kRowH;
    }
    if (korean->failed()) break;
  }
  if (!bars.empty() && !korean->failed()) {
    const std::int64_t max = std::max_element(bars.begin(), bars.end(), [](auto& a, auto& b) {
                               return a.value < b.value;
                             })->value;
    const float label_w = 170;
    const float bar_room = kPageW - 2 * kMargin - label_w - 60;
    for (std::size_t i = 0; i < bars.size(); ++i) {
      float y;
      if (i % static_cast<std::size_t>(bars_per_page) == 0) {
        out.NewPage();
        out.Text(kMargin, kTop, 13,
                 "그래프: " + KeyColumns(doc.table)[0] + "별 " + UnitColumn(doc.table.unit));
      }
      y = kTop - 30 - kBarH * static_cast<float>(i % static_cast<std::size_t>(bars_per_page));
      out.Text(kMargin, y, 8, bars[i].label);
      const float w =
          max > 0 ? bar_room * static_cast<float>(bars[i].value) / static_cast<float>(max) : 0;
      if (w > 0) out.Rect(kMargin + label_w, y - 2, w, kBarH - 4);
      out.Text(kMargin + label_w + w + 4, y, 8, std::to_string(bars[i].value));
    }
  }
  TRY(korean->SaveToFile(path));
  return Ok();
}

}  // namespace dandelion::exports

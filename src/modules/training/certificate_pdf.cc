#include "modules/training/certificate_pdf.h"

#include <vector>

#include "modules/exports/korean_pdf.h"
#include "security/qr_svg.h"

namespace dandelion::training {
namespace {

constexpr float kPageW = 595.276f;  // A4 in points
constexpr float kPageH = 841.89f;
constexpr float kMargin = 70;
constexpr float kLabelW = 110;

// "2026-05-01" as "2026년 5월 1일".
std::string KoreanDay(const std::string& day) {
  if (day.size() != 10) return day;
  auto number = [&](size_t at, size_t n) { return std::to_string(std::stoi(day.substr(at, n))); };
  return day.substr(0, 4) + "년 " + number(5, 2) + "월 " + number(8, 2) + "일";
}

// The UTF-8 characters of s, one string each.
std::vector<std::string> Characters(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80           ? 1
                 : (b >> 5) == 0x6  ? 2
                 : (b >> 4) == 0xe  ? 3
                 : (b >> 3) == 0x1e ? 4
                                    : 1;
    len = std::min(len, s.size() - i);
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

class Page {
 public:
  Page(exports::KoreanPdf& pdf) : pdf_(pdf), page_(HPDF_AddPage(pdf.doc())) {
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  }

  float Width(const std::string& s, float size) {
    HPDF_Page_SetFontAndSize(page_, pdf_.font(), size);
    return HPDF_Page_TextWidth(page_, s.c_str());
  }

  void Text(float x, float y, float size, const std::string& s) {
    if (s.empty()) return;
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, pdf_.font(), size);
    HPDF_Page_TextOut(page_, x, y, s.c_str());
    HPDF_Page_EndText(page_);
  }

  void Centered(float y, float size, const std::string& s) {
    Text(kPageW / 2 - Width(s, size) / 2, y, size, s);
  }

  // Lines of s no wider than width (broken between characters, at a space when there is one).
  std::vector<std::string> Wrap(const std::string& s, float size, float width) {
    std::vector<std::string> lines;
    std::string line;
    for (const auto& c : Characters(s)) {
      if (!line.empty() && Width(line + c, size) > width) {
        const size_t space = line.rfind(' ');
        if (space != std::string::npos && space > 0 && c != " ") {
          lines.push_back(line.substr(0, space));
          line = line.substr(space + 1);
        } else {
          lines.push_back(line);
          line.clear();
        }
        if (c == " ") continue;
      }
      line += c;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
  }

  // "label  value" with the value wrapped beside the label; returns the y below it.
  float Field(float y, const std::string& label, const std::string& value, float size = 13) {
    Text(kMargin, y, 11, label);
    const float x = kMargin + kLabelW;
    for (const auto& line : Wrap(value, size, kPageW - kMargin - x)) {
      Text(x, y, size, line);
      y -= size * 1.5f;
    }
    return y - 8;
  }

  void Frame() {
    HPDF_Page_SetRGBStroke(page_, 0.29f, 0.45f, 0.71f);
    HPDF_Page_SetLineWidth(page_, 3);
    HPDF_Page_Rectangle(page_, 30, 30, kPageW - 60, kPageH - 60);
    HPDF_Page_Stroke(page_);
    HPDF_Page_SetLineWidth(page_, 0.8f);
    HPDF_Page_Rectangle(page_, 38, 38, kPageW - 76, kPageH - 76);
    HPDF_Page_Stroke(page_);
    HPDF_Page_SetRGBStroke(page_, 0, 0, 0);
  }

  // The QR code's dark modules as filled squares, its lower left corner at (x, y).
  void Qr(const security::QrModules& qr, float x, float y, float module) {
    HPDF_Page_SetRGBFill(page_, 1, 1, 1);
    const float side = static_cast<float>(qr.width + 2 * security::kQrQuietZone) * module;
    HPDF_Page_Rectangle(page_, x, y, side, side);
    HPDF_Page_Fill(page_);
    HPDF_Page_SetRGBFill(page_, 0, 0, 0);
    const float left = x + security::kQrQuietZone * module;
    const float top = y + side - security::kQrQuietZone * module;
    for (int row = 0; row < qr.width; ++row) {
      for (int col = 0; col < qr.width; ++col) {
        if (!qr.Dark(col, row)) continue;
        HPDF_Page_Rectangle(page_, left + static_cast<float>(col) * module,
                            top - static_cast<float>(row + 1) * module, module, module);
      }
    }
    HPDF_Page_Fill(page_);
  }

 private:
  exports::KoreanPdf& pdf_;
  HPDF_Page page_;
};

}  // namespace

Result<std::string> CertificatePdf(const CertificateContent& c,
                                   const std::filesystem::path& font_path) {
  const security::QrModules qr = TRY(security::QrMatrix(c.verify_url));
  auto pdf = TRY(exports::KoreanPdf::Open(font_path));
  HPDF_SetInfoAttr(pdf->doc(), HPDF_INFO_TITLE, "Certificate of completion");
  HPDF_SetInfoAttr(pdf->doc(), HPDF_INFO_CREATOR, "Dandelion");
  Page page(*pdf);
  page.Frame();
  float y = kPageH - 150;
  page.Centered(y, 36, "수 료 증");
  y -= 32;
  page.Centered(y, 14, "Certificate of Completion");
  y -= 70;
  y = page.Field(y, "성명 (Name)", c.holder, 16);
  y = page.Field(y, "과정 (Course)", c.course_ko);
  if (!c.course_en.empty()) y = page.Field(y + 4, "", c.course_en, 11);
  std::string dates = KoreanDay(c.first_date);
  if (!c.last_date.empty() && c.last_date != c.first_date) dates += " ~ " + KoreanDay(c.last_date);
  y = page.Field(y, "교육 기간 (Dates)", dates);
  y -= 20;
  const std::string sentence =
      "위 사람은 「" + c.course_ko + "」 과정을 성실히 이수하였으므로 이 증서를 드립니다.";
  for (const auto& line : page.Wrap(sentence, 13, kPageW - 2 * kMargin)) {
    page.Text(kMargin, y, 13, line);
    y -= 20;
  }
  page.Text(kMargin, y - 4, 10,
            "This certifies that the person named above has completed the course.");
  y -= 60;
  page.Centered(y, 14, KoreanDay(c.issued_on));
  y -= 40;
  page.Centered(y, 18, c.organization);

  // The code and the QR code of the verification URL at the foot of the page.
  const float module = 2.4f;
  const float side = static_cast<float>(qr.width + 2 * security::kQrQuietZone) * module;
  const float qr_x = kPageW - kMargin - side + 10;
  const float qr_y = 60;
  page.Qr(qr, qr_x, qr_y, module);
  float foot = qr_y + side - 20;
  page.Text(kMargin, foot, 10, "증서 번호 (Certificate no.)");
  page.Text(kMargin, foot - 18, 13, c.code);
  page.Text(kMargin, foot - 44, 9, "진위 확인 (Verify at):");
  const float url_w = qr_x - kMargin - 10;
  float line_y = foot - 58;
  for (const auto& line : page.Wrap(c.verify_url, 8, url_w)) {
    page.Text(kMargin, line_y, 8, line);
    line_y -= 11;
  }
  return pdf->Bytes();
}

}  // namespace dandelion::training

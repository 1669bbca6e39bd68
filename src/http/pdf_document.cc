#include "http/pdf_document.h"

#include <cstdio>

namespace dandelion::http {
namespace {

constexpr double kPageWidth = 595.28;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.7;  // 2 cm
constexpr double kTextSize = 10.5;
constexpr double kHeadingSize = 16;
constexpr double kLeading = 1.5;  // line height as a multiple of the font size

// Width of a code unit in thousandths of the font size: the font's proportional Latin (CIDs
// 1–95, given 500 in the font's /W) and full-width Hangul and Hanja.
int Advance(char16_t c) { return c >= 0x20 && c < 0x7f ? 500 : 1000; }

std::string Hex(const std::u16string& text) {
  std::string out;
  out.reserve(text.size() * 4 + 2);
  out += '<';
  char buf[5];
  for (char16_t c : text) {
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
    out += buf;
  }
  out += '>';
  return out;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::u16string ToUcs2(std::string_view s) {
  std::u16string out;
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xe ? 3 : (b >> 3) == 0x1e ? 4 : 0;
    if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
      out += u'?';
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? b : b & (0x7f >> len);
    bool valid = true;
    for (int k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
      if ((c & 0xc0) != 0x80) valid = false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (!valid) {
      out += u'?';
      ++i;
      continue;
    }
    i += static_cast<size_t>(len);
    const bool printable =
        cp >= 0x20 && cp != 0x7f && cp <= 0xffff && !(cp >= 0xd800 && cp <= 0xdfff);
    out += printable ? static_cast<char16_t>(cp) : (cp == '\t' ? u' ' : u'?');
  }
  return out;
}

void PdfDocument::NewPage() {
  pages_.emplace_back();
  y_ = kPageHeight - kMargin - kHeadingSize;
}

void PdfDocument::Write(double size, std::u16string line) {
  if (pages_.empty() || y_ < kMargin) NewPage();
  pages_.back().push_back({size, y_, std::move(line)});
  y_ -= size * kLeading;
}

void PdfDocument::Heading(std::string_view text) {
  Write(kHeadingSize, ToUcs2(text));
  y_ -= kTextSize * 0.5;
}

void PdfDocument::Label(std::string_view label, std::string_view value) {
  std::string line(label);
  line += ": ";
  line += value;
  Text(line);
}

void PdfDocument::Text(std::string_view text) {
  const double width = (kPageWidth - 2 * kMargin) * 1000 / kTextSize;
  std::u16string all = ToUcs2(text);
  size_t start = 0;
  while (start <= all.size()) {
    size_t end = all.find(u'\n', start);
    if (end == std::u16string::npos) end = all.size();
    std::u16string paragraph = all.substr(start, end - start);
    // Wrap by width; Korean breaks anywhere, Latin words where a space allows.
    std::u16string line;
    double used = 0;
    size_t last_space = std::u16string::npos;
    for (char16_t c : paragraph) {
      if (used + Advance(c) > width && !line.empty()) {
        if (c < 0x80 && c != u' ' && last_space != std::u16string::npos) {
          // Inside a Latin word: carry the word to the next line.
          std::u16string rest = line.substr(last_space + 1);
          line.resize(last_space);
          Write(kTextSize, line);
          line = rest;
        } else {
          Write(kTextSize, line);
          line.clear();
        }
        used = 0;
        for (char16_t k : line) used += Advance(k);
        last_space = std::u16string::npos;
        if (c == u' ' && line.empty()) continue;
      }
      if (c == u' ') last_space = line.size();
      line += c;
      used += Advance(c);
    }
    Write(kTextSize, line);
    start = end + 1;
  }
}

void PdfDocument::Gap() { y_ -= kTextSize * kLeading; }

std::string PdfDocument::Finish() const {
  std::vector<std::vector<Run>> pages = pages_;
  if (pages.empty()) pages.emplace_back();
  std::string out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  std::vector<size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(out.size());
    out += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  // 1 catalog, 2 pages, 3 font, 4 its CID font, 5 its descriptor, 6 info; then page, content.
  const size_t first_page = 7;
  std::string kids;
  for (size_t i = 0; i < pages.size(); ++i) {
    kids += std::to_string(first_page + 2 * i) + " 0 R ";
  }
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) +
         " /MediaBox [0 0 " + Number(kPageWidth) + " " + Number(kPageHeight) + "] >>");
  object(
      "<< /Type /Font /Subtype /Type0 /BaseFont /HYGoThic-Medium /Encoding /UniKS-UCS2-H "
      "/DescendantFonts [4 0 R] >>");
  object(
      "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HYGoThic-Medium "
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Korea1) /Supplement 1 >> "
      "/FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>");
  object(
      "<< /Type /FontDescriptor /FontName /HYGoThic-Medium /Flags 6 "
      "/FontBBox [-6 -145 1003 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 "
      "/StemV 93 >>");
  object("<< /Title " + Hex(u"\xfeff" + ToUcs2(title_)) + " /Producer (Dandelion) >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    std::string content;
    for (const auto& run : pages[i]) {
      content += "BT /F1 " + Number(run.size) + " Tf " + Number(kMargin) + " " + Number(run.y) +
                 " Td " + Hex(run.text) + " Tj ET\n";
    }
    object("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> >> /Contents " +
           std::to_string(first_page + 2 * i + 1) + " 0 R >>");
    object("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
           "endstream");
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  char line[32];
  for (size_t offset : offsets) {
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
         " /Root 1 0 R /Info 6 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace dandelion::http

// PdfDocument: a plain text document — headings, lines that wrap, gaps — as PDF 1.4 bytes, for
// the letters and reports people print (a referral letter for the police or a hospital).
//
// Korean first: text is set in the Adobe-Korea1 CID font "HYGoThic-Medium" through the
// UniKS-UCS2-H encoding, not embedded. Every PDF reader with Korean support (Acrobat, Chromium's
// viewer, poppler with its CJK data) supplies a gothic font for it, so a letter stays a few
// kilobytes and needs no font file shipped with the server. Characters outside the Basic
// Multilingual Plane print as "?".
//
// A4 pages with 2 cm margins; a new page starts when one is full. Not thread-safe; one per
// document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dandelion::http {

class PdfDocument {
 public:
  explicit PdfDocument(std::string title) : title_(std::move(title)) {}

  void Heading(std::string_view text);                         // 16 pt, on a line of its own
  void Label(std::string_view label, std::string_view value);  // "label: value", wrapped
  void Text(std::string_view text);  // 10.5 pt; wraps at the margin; "\n" starts a new line
  void Gap();                        // an empty line

  // The document's bytes.
  std::string Finish() const;

 private:
  struct Run {
    double size;
    double y;
    std::u16string text;
  };
  void Write(double size, std::u16string line);
  void NewPage();

  std::string title_;
  std::vector<std::vector<Run>> pages_;
  double y_ = 0;  // baseline of the next line on the current page, in points from the bottom
};

// UTF-8 to UCS-2 code units; invalid bytes and characters beyond the BMP become '?'.
std::u16string ToUcs2(std::string_view utf8);

}  // namespace dandelion::http

// The files of an export (docs/api-exports.md): one statistics table as CSV, XLSX or PDF, with
// Korean column names and labels (labels.h). Pure functions of the table: no database, no keys;
// the export service encrypts what they write.
//
// - CSV: UTF-8 with a byte-order mark (Excel), CRLF, a header row, "합계" for a total, "<k" for
//   a suppressed count.
// - XLSX (libxlsxwriter): the sheet "통계" with a title row (title, period, unit), a bold header
//   row, counts as numbers, "<k" as text; for the network's figures a second sheet "설명"
//   explaining suppression.
// - PDF (libharu, a Korean TrueType font embedded as UTF-8): title, period, the generation time,
//   the table paged with its header repeated, a bar chart of the one-dimension totals, page
//   numbers.
//
// Thread-safe (each call has its own document).
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"
#include "modules/stats/stats_service.h"

namespace dandelion::exports {

struct Document {
  const stats::StatTable& table;
  bool network = false;      // counts may be suppressed: "<k"
  std::string title;         // e.g. "기관 통계"
  std::string generated_at;  // Korea time, e.g. "2026-12-02 09:15 (한국 시간)"
};

// The text of one count cell: the number, "<k" when suppressed.
std::string CountText(const Document& doc, const stats::StatRow& row);

std::string WriteCsv(const Document& doc);
Result<void> WriteXlsx(const Document& doc, const std::filesystem::path& path);
// font_path: a TrueType font with Korean glyphs; a missing one fails with
// "exports.font_missing" naming the Debian package.
Result<void> WritePdf(const Document& doc, const std::filesystem::path& font_path,
                      const std::filesystem::path& path);

}  // namespace dandelion::exports

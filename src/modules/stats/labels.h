// Korean words for what a statistics file shows (the screens' CSV and the exports of
// docs/api-exports.md): the column names of a statistics table's dimensions and unit, and the
// labels of the vocabularies' values (a region's name rather than KR-11, "2025년 1분기" rather than
// 2025-Q1). The one server-side table of these words; the web app has its own
// (web/src/stats/labels.ts), and both follow the same vocabularies.
#pragma once

#include <string>
#include <vector>

#include "modules/stats/stats_service.h"

namespace dandelion::stats {

// The Korean column names of a table's key columns (one per dimension, or the two parts of a
// table of its own shape), e.g. {"지역"} or {"방향", "상태"}.
std::vector<std::string> KeyColumns(const StatTable& table);

// The Korean name of the counted unit as a column, e.g. "서비스(건)", "인원(명)", "언급(건)".
std::string UnitColumn(const std::string& unit);

// The counter word of a unit: 건, 명, 언급, 박, 원.
std::string UnitWord(const std::string& unit);

// The Korean label of one key part: part is the index into the table's key; "" (a total) is
// "합계". Values without words (a nationality code, a source's name) are shown as they are.
std::string KeyLabel(const StatTable& table, std::size_t part, const std::string& value);

// "2026-01-01 ~ 2026-12-31".
std::string PeriodText(const StatTable& table);

}  // namespace dandelion::stats

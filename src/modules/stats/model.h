// Small-cell suppression for the network's statistics (docs/statistics.md): pure rules, no
// database.
//
// A published table is a list of cells (counts, including its totals) and the additive relations
// between them: "this total is the sum of those parts". A row total, a column total, the grand
// total and a region's total over its member organizations are all such relations.
//
// Primary suppression hides every count from 1 to k-1 (0 is shown: it says nobody). Complementary
// suppression then hides further cells, smallest counts first, until no hidden cell can be worked
// out exactly from the published cells by the relations (linear algebra over the rationals) and
// no relation's hidden cells sum to 0 (which nonnegativity would turn into "all of them are 0").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dandelion::stats {

// total = sum of parts, all indexes into Table::counts.
struct Relation {
  std::size_t total = 0;
  std::vector<std::size_t> parts;
};

struct Table {
  std::vector<std::int64_t> counts;
  std::vector<Relation> relations;
};

// The network setting's bounds and default (docs/statistics.md).
inline constexpr int kDefaultK = 5;
inline constexpr int kMinK = 3;
inline constexpr int kMaxK = 20;

// A one-way table: parts 0..n-1, their total at n.
Table OneWay(const std::vector<std::int64_t>& parts);

// A two-way table of rows x cols (row-major at r * cols + c), then the row totals, then the
// column totals, then the grand total.
struct TwoWayIndex {
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::size_t Cell(std::size_t r, std::size_t c) const { return r * cols + c; }
  std::size_t RowTotal(std::size_t r) const { return rows * cols + r; }
  std::size_t ColTotal(std::size_t c) const { return rows * cols + rows + c; }
  std::size_t Grand() const { return rows * cols + rows + cols; }
  std::size_t Size() const { return rows * cols + rows + cols + 1; }
};
Table TwoWay(const TwoWayIndex& at, const std::vector<std::int64_t>& cells);

// A hierarchy: groups of members (a region's organizations). The members in order (group by
// group), then each group's total, then the grand total.
Table Hierarchy(const std::vector<std::vector<std::int64_t>>& groups);

// True where a count is hidden. Every count must be >= 0; k is at least 2.
std::vector<bool> Suppress(const Table& table, int k);

// The hidden cells an onlooker could still recover exactly from the published ones: by the
// relations (a cell whose unit vector lies in the row space of the relations over the hidden
// cells), or because a relation's hidden cells sum to 0. Empty when the pattern protects them.
std::vector<std::size_t> Exposed(const Table& table, const std::vector<bool>& hidden);

// Parses k from the network setting's text; out of range or not a number gives the default.
int KFromSetting(const std::string& text);

}  // namespace dandelion::stats

namespace dandelion::stats {

// A period of days in Korea, both ends included ("YYYY-MM-DD").
struct Period {
  std::string from;
  std::string to;
};

// "YYYY-MM-DD" naming a real day.
bool IsDay(const std::string& text);

// The keys of a time dimension ("month" 2026-03, "quarter" 2026-Q1, "year" 2026) that the
// period touches, in order. A day belongs to the quarter of its month in Korea's calendar.
std::vector<std::string> TimeKeys(const std::string& unit, const Period& period);
// The key of one day.
std::string TimeKey(const std::string& unit, const std::string& day);

// The day after day ("YYYY-MM-DD").
std::string NextDay(const std::string& day);

// The median and the 90th percentile (nearest rank) of sorted values; nullopt when empty.
struct Spread {
  std::int64_t median = 0;
  std::int64_t p90 = 0;
};
std::optional<Spread> SpreadOf(const std::vector<std::int64_t>& sorted);

// The Korean name of a dimension ("service_type" → "서비스 유형") for the column headers of
// exported tables; an unknown dimension is its own name.
std::string DimensionName(const std::string& dim);

}  // namespace dandelion::stats

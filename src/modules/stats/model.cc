#include "modules/stats/model.h"

#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <charconv>
#include <limits>
#include <map>
#include <optional>

namespace dandelion::stats {

using Rational = boost::multiprecision::cpp_rational;

Table OneWay(const std::vector<std::int64_t>& parts) {
  Table t;
  t.counts = parts;
  std::int64_t sum = 0;
  Relation r{.total = parts.size(), .parts = {}};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    sum += parts[i];
    r.parts.push_back(i);
  }
  t.counts.push_back(sum);
  t.relations.push_back(std::move(r));
  return t;
}

Table TwoWay(const TwoWayIndex& at, const std::vector<std::int64_t>& cells) {
  Table t;
  t.counts.assign(at.Size(), 0);
  for (std::size_t r = 0; r < at.rows; ++r) {
    for (std::size_t c = 0; c < at.cols; ++c) {
      const std::int64_t v = cells[at.Cell(r, c)];
      t.counts[at.Cell(r, c)] = v;
      t.counts[at.RowTotal(r)] += v;
      t.counts[at.ColTotal(c)] += v;
      t.counts[at.Grand()] += v;
    }
  }
  for (std::size_t r = 0; r < at.rows; ++r) {
    Relation rel{.total = at.RowTotal(r), .parts = {}};
    for (std::size_t c = 0; c < at.cols; ++c) rel.parts.push_back(at.Cell(r, c));
    t.relations.push_back(std::move(rel));
  }
  for (std::size_t c = 0; c < at.cols; ++c) {
    Relation rel{.total = at.ColTotal(c), .parts = {}};
    for (std::size_t r = 0; r < at.rows; ++r) rel.parts.push_back(at.Cell(r, c));
    t.relations.push_back(std::move(rel));
  }
  Relation by_rows{.total = at.Grand(), .parts = {}};
  for (std::size_t r = 0; r < at.rows; ++r) by_rows.parts.push_back(at.RowTotal(r));
  t.relations.push_back(std::move(by_rows));
  Relation by_cols{.total = at.Grand(), .parts = {}};
  for (std::size_t c = 0; c < at.cols; ++c) by_cols.parts.push_back(at.ColTotal(c));
  t.relations.push_back(std::move(by_cols));
  return t;
}

Table Hierarchy(const std::vector<std::vector<std::int64_t>>& groups) {
  Table t;
  std::vector<Relation> group_relations;
  for (const auto& members : groups) {
    Relation rel;
    for (std::int64_t v : members) {
      rel.parts.push_back(t.counts.size());
      t.counts.push_back(v);
    }
    group_relations.push_back(std::move(rel));
  }
  Relation grand;
  std::int64_t all = 0;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::int64_t sum = 0;
    for (std::int64_t v : groups[g]) sum += v;
    group_relations[g].total = t.counts.size();
    grand.parts.push_back(t.counts.size());
    t.counts.push_back(sum);
    all += sum;
  }
  grand.total = t.counts.size();
  t.counts.push_back(all);
  t.relations = std::move(group_relations);
  t.relations.push_back(std::move(grand));
  return t;
}

namespace {

// The relations restricted to the hidden cells, as rows over the hidden cells' columns:
// total - sum(parts) = 0, so the published cells only move the constant, which does not matter
// for whether a hidden cell is determined.
std::vector<std::vector<Rational>> HiddenSystem(const Table& table,
                                                const std::vector<std::size_t>& column_of,
                                                std::size_t columns) {
  const std::size_t none = std::numeric_limits<std::size_t>::max();
  std::vector<std::vector<Rational>> rows;
  for (const Relation& rel : table.relations) {
    std::vector<Rational> row(columns);
    bool any = false;
    if (column_of[rel.total] != none) {
      row[column_of[rel.total]] += 1;
      any = true;
    }
    for (std::size_t p : rel.parts) {
      if (column_of[p] != none) {
        row[column_of[p]] -= 1;
        any = true;
      }
    }
    if (any) rows.push_back(std::move(row));
  }
  return rows;
}

// Reduced row echelon form in place; returns the pivot row of each column (or none).
std::vector<std::size_t> Reduce(std::vector<std::vector<Rational>>& m, std::size_t columns) {
  const std::size_t none = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> pivot_row(columns, none);
  std::size_t rank = 0;
  for (std::size_t c = 0; c < columns && rank < m.size(); ++c) {
    std::size_t found = none;
    for (std::size_t r = rank; r < m.size(); ++r) {
      if (m[r][c] != 0) {
        found = r;
        break;
      }
    }
    if (found == none) continue;
    std::swap(m[rank], m[found]);
    const Rational lead = m[rank][c];
    for (auto& x : m[rank]) x /= lead;
    for (std::size_t r = 0; r < m.size(); ++r) {
      if (r == rank || m[r][c] == 0) continue;
      const Rational f = m[r][c];
      for (std::size_t j = c; j < columns; ++j) {
        if (m[rank][j] != 0) m[r][j] -= f * m[rank][j];
      }
    }
    pivot_row[c] = rank;
    ++rank;
  }
  return pivot_row;
}

}  // namespace

std::vector<std::size_t> Exposed(const Table& table, const std::vector<bool>& hidden) {
  const std::size_t none = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> column_of(table.counts.size(), none);
  std::vector<std::size_t> cell_of;
  for (std::size_t i = 0; i < table.counts.size(); ++i) {
    if (hidden[i]) {
      column_of[i] = cell_of.size();
      cell_of.push_back(i);
    }
  }
  std::vector<bool> exposed(table.counts.size(), false);
  // Nonnegativity: hidden cells of one relation that sum to 0 are each 0.
  for (const Relation& rel : table.relations) {
    std::int64_t sum = 0;
    bool any = false;
    auto add = [&](std::size_t i) {
      if (hidden[i]) {
        any = true;
        sum += table.counts[i];
      }
    };
    add(rel.total);
    for (std::size_t p : rel.parts) add(p);
    if (any && sum == 0) {
      if (hidden[rel.total]) exposed[rel.total] = true;
      for (std::size_t p : rel.parts) {
        if (hidden[p]) exposed[p] = true;
      }
    }
  }
  // Linear: a hidden cell is determined when its unit vector is in the row space, i.e. its
  // pivot row in the reduced form has no entry in a free column.
  const std::size_t columns = cell_of.size();
  auto m = HiddenSystem(table, column_of, columns);
  const auto pivot_row = Reduce(m, columns);
  for (std::size_t c = 0; c < columns; ++c) {
    if (pivot_row[c] == none) continue;
    const auto& row = m[pivot_row[c]];
    bool alone = true;
    for (std::size_t j = 0; j < columns && alone; ++j) {
      if (j != c && row[j] != 0) alone = false;
    }
    if (alone) exposed[cell_of[c]] = true;
  }
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < exposed.size(); ++i) {
    if (exposed[i]) out.push_back(i);
  }
  return out;
}

std::vector<bool> Suppress(const Table& table, int k) {
  const std::size_t n = table.counts.size();
  std::vector<bool> hidden(n, false);
  bool any_hidden = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (table.counts[i] >= 1 && table.counts[i] < k) {
      hidden[i] = true;
      any_hidden = true;
    }
  }
  if (!any_hidden) return hidden;

  // The relations each cell takes part in.
  std::vector<std::vector<std::size_t>> relations_of(n);
  for (std::size_t r = 0; r < table.relations.size(); ++r) {
    relations_of[table.relations[r].total].push_back(r);
    for (std::size_t p : table.relations[r].parts) relations_of[p].push_back(r);
  }
  auto cheapest_in = [&](std::size_t r) -> std::optional<std::size_t> {
    // A complement is a published cell with a count above 0 (a hidden 0 protects nothing: the
    // relation's hidden cells would still be known to sum to what they sum to).
    std::optional<std::size_t> best;
    auto consider = [&](std::size_t i) {
      if (hidden[i] || table.counts[i] <= 0) return;
      if (!best || table.counts[i] < table.counts[*best] ||
          (table.counts[i] == table.counts[*best] && i < *best)) {
        best = i;
      }
    };
    consider(table.relations[r].total);
    for (std::size_t p : table.relations[r].parts) consider(p);
    return best;
  };

  // Each round hides one more cell, so at most n rounds. Hiding every cell above 0 always
  // protects: the published cells are then all 0, the relations over the hidden cells are
  // homogeneous, and the true counts (all above 0) are a solution, so no hidden cell is forced.
  for (std::size_t round = 0; round < n; ++round) {
    const auto exposed = Exposed(table, hidden);
    if (exposed.empty()) return hidden;
    // For the first exposed cell, the cheapest complement in any relation it takes part in.
    std::optional<std::size_t> pick;
    for (std::size_t e : exposed) {
      for (std::size_t r : relations_of[e]) {
        auto c = cheapest_in(r);
        if (c && (!pick || table.counts[*c] < table.counts[*pick] ||
                  (table.counts[*c] == table.counts[*pick] && *c < *pick))) {
          pick = c;
        }
      }
      if (pick) break;
    }
    if (!pick) break;
    hidden[*pick] = true;
  }
  if (!Exposed(table, hidden).empty()) {
    for (std::size_t i = 0; i < n; ++i) {
      if (table.counts[i] > 0) hidden[i] = true;
    }
  }
  return hidden;
}

int KFromSetting(const std::string& text) {
  int k = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), k);
  if (ec != std::errc() || ptr != text.data() + text.size() || k < kMinK || k > kMaxK) {
    return kDefaultK;
  }
  return k;
}

}  // namespace dandelion::stats

namespace dandelion::stats {
namespace {

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysIn(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && Leap(y) ? 29 : kDays[m - 1];
}
std::string Pad(int v, int width) {
  std::string s = std::to_string(v);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

}  // namespace

bool IsDay(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int y = std::stoi(text.substr(0, 4));
  const int m = std::stoi(text.substr(5, 2));
  const int d = std::stoi(text.substr(8, 2));
  return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= DaysIn(y, m);
}

std::string TimeKey(const std::string& unit, const std::string& day) {
  if (unit == "year") return day.substr(0, 4);
  if (unit == "month") return day.substr(0, 7);
  const int m = std::stoi(day.substr(5, 2));
  return day.substr(0, 4) + "-Q" + std::to_string((m + 2) / 3);
}

std::vector<std::string> TimeKeys(const std::string& unit, const Period& period) {
  std::vector<std::string> out;
  int y = std::stoi(period.from.substr(0, 4));
  int m = std::stoi(period.from.substr(5, 2));
  const int end_y = std::stoi(period.to.substr(0, 4));
  const int end_m = std::stoi(period.to.substr(5, 2));
  while (y < end_y || (y == end_y && m <= end_m)) {
    const std::string key = TimeKey(unit, Pad(y, 4) + "-" + Pad(m, 2) + "-01");
    if (out.empty() || out.back() != key) out.push_back(key);
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return out;
}

std::string NextDay(const std::string& day) {
  int y = std::stoi(day.substr(0, 4));
  int m = std::stoi(day.substr(5, 2));
  int d = std::stoi(day.substr(8, 2)) + 1;
  if (d > DaysIn(y, m)) {
    d = 1;
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return Pad(y, 4) + "-" + Pad(m, 2) + "-" + Pad(d, 2);
}

std::optional<Spread> SpreadOf(const std::vector<std::int64_t>& sorted) {
  if (sorted.empty()) return std::nullopt;
  const std::size_t n = sorted.size();
  Spread s;
  s.median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  // Nearest rank: the smallest value with at least 90% of the values at or below it.
  const std::size_t rank = (n * 90 + 99) / 100;
  s.p90 = sorted[rank == 0 ? 0 : rank - 1];
  return s;
}

// Korean name of a dimension, as the column header of a table in a file (CSV, XLSX, PDF).
std::string DimensionName(const std::string& dim) {
  static const std::map<std::string, std::string> kNames = {
      {"month", "월"},
      {"quarter", "분기"},
      {"year", "연도"},
      {"service_type", "서비스 유형"},
      {"region", "지역"},
      {"org_kind", "기관 유형"},
      {"situation", "상황(복수 응답)"},
      {"intake_channel", "접수 경로"},
      {"category", "대상 구분(복수 응답)"},
      {"age_band", "연령대"},
      {"nationality", "국적"},
      {"legal_kind", "법률 사건 종류"},
      {"legal_outcome", "법률 사건 결과"},
      {"legal_status", "법률 사건 진행 상태"},
      {"emergency_response", "구분"},
      {"shelter_exit_destination", "퇴소 후 거처"},
      {"shelter_nights", "구분"},
  };
  auto it = kNames.find(dim);
  return it == kNames.end() ? dim : it->second;
}

}  // namespace dandelion::stats

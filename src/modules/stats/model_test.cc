#include "modules/stats/model.h"

#include <gtest/gtest.h>

#include <boost/multiprecision/cpp_int.hpp>
#include <random>

namespace dandelion::stats {
namespace {

using Rational = boost::multiprecision::cpp_rational;

// An independent check of what Suppress promises, written without model.cc's reduced form:
// the rank of the relations over the hidden cells, with and without a hidden cell's unit
// vector added. The unit vector is in the row space (the cell can be worked out) exactly when
// adding it leaves the rank unchanged.
std::size_t Rank(std::vector<std::vector<Rational>> m) {
  std::size_t rank = 0;
  const std::size_t cols = m.empty() ? 0 : m[0].size();
  for (std::size_t c = 0; c < cols && rank < m.size(); ++c) {
    std::size_t p = rank;
    while (p < m.size() && m[p][c] == 0) ++p;
    if (p == m.size()) continue;
    std::swap(m[p], m[rank]);
    for (std::size_t r = rank + 1; r < m.size(); ++r) {
      if (m[r][c] == 0) continue;
      const Rational f = m[r][c] / m[rank][c];
      for (std::size_t j = c; j < cols; ++j) m[r][j] -= f * m[rank][j];
    }
    ++rank;
  }
  return rank;
}

// What an onlooker could recover from a pattern, each as a message; empty when protected.
std::vector<std::string> Leaks(const Table& t, const std::vector<bool>& hidden, int k) {
  std::vector<std::string> leaks;
  std::vector<std::size_t> unknowns;
  std::vector<long> col(t.counts.size(), -1);
  for (std::size_t i = 0; i < t.counts.size(); ++i) {
    if (hidden[i]) {
      col[i] = static_cast<long>(unknowns.size());
      unknowns.push_back(i);
    }
    // Primary: every small count is hidden, and 0 is never hidden.
    if (t.counts[i] >= 1 && t.counts[i] < k && !hidden[i]) {
      leaks.push_back("small cell " + std::to_string(i) + " shown");
    }
    if (t.counts[i] == 0 && hidden[i]) leaks.push_back("0 hidden at " + std::to_string(i));
  }
  std::vector<std::vector<Rational>> system;
  for (const Relation& rel : t.relations) {
    std::vector<Rational> row(unknowns.size());
    std::int64_t hidden_sum = 0;
    bool any = false;
    if (col[rel.total] >= 0) {
      row[col[rel.total]] += 1;
      hidden_sum += t.counts[rel.total];
      any = true;
    }
    for (std::size_t p : rel.parts) {
      if (col[p] >= 0) {
        row[col[p]] -= 1;
        hidden_sum += t.counts[p];
        any = true;
      }
    }
    if (!any) continue;
    if (hidden_sum <= 0) leaks.push_back("a relation's hidden cells sum to 0");
    system.push_back(std::move(row));
  }
  const std::size_t base = Rank(system);
  for (std::size_t u = 0; u < unknowns.size(); ++u) {
    auto with = system;
    std::vector<Rational> unit(unknowns.size());
    unit[u] = 1;
    with.push_back(unit);
    if (Rank(with) == base) {
      leaks.push_back("hidden cell " + std::to_string(unknowns[u]) + " (count " +
                      std::to_string(t.counts[unknowns[u]]) + ") can be worked out");
    }
  }
  return leaks;
}

void ExpectProtected(const Table& t, const std::vector<bool>& hidden, int k,
                     const std::string& what) {
  for (const auto& leak : Leaks(t, hidden, k)) ADD_FAILURE() << what << ": " << leak;
}

std::string Show(const Table& t, const std::vector<bool>& hidden) {
  std::string s;
  for (std::size_t i = 0; i < t.counts.size(); ++i) {
    s += std::to_string(t.counts[i]) + (hidden[i] ? "* " : " ");
  }
  return s;
}

std::int64_t SmallCount(std::mt19937& rng) {
  // Many small and zero cells: the hard cases.
  std::uniform_int_distribution<int> kind(0, 9);
  const int c = kind(rng);
  if (c < 2) return 0;
  if (c < 6) return std::uniform_int_distribution<int>(1, 4)(rng);
  return std::uniform_int_distribution<int>(5, 40)(rng);
}

// The checker itself finds what it must: otherwise the property tests would prove nothing.
TEST(SuppressionChecker, FindsLeaksInWeakPatterns) {
  // One hidden cell in a row: total minus the others.
  EXPECT_FALSE(Leaks(OneWay({3, 10, 7}), {true, false, false, false}, 5).empty());
  // A small cell shown.
  EXPECT_FALSE(Leaks(OneWay({3, 10, 7}), {false, true, true, false}, 5).empty());
  // A 2 x 2 table with the diagonal hidden but the cells' row and column each alone.
  const TwoWayIndex at{.rows = 2, .cols = 2};
  const Table t = TwoWay(at, {2, 9, 8, 20});
  std::vector<bool> h(at.Size(), false);
  h[at.Cell(0, 0)] = h[at.Cell(1, 1)] = true;
  EXPECT_FALSE(Leaks(t, h, 5).empty());
  // The full rectangle protects it.
  h[at.Cell(0, 1)] = h[at.Cell(1, 0)] = true;
  EXPECT_TRUE(Leaks(t, h, 5).empty());
  // Hidden cells of a relation that sum to 0.
  EXPECT_FALSE(Leaks(OneWay({0, 0, 9}), {true, true, false, false}, 5).empty());
}

TEST(Suppression, ZeroIsShownAndLargeCountsStay) {
  const Table t = OneWay({0, 10, 12});
  const auto hidden = Suppress(t, 5);
  EXPECT_EQ(hidden, std::vector<bool>({false, false, false, false}));
}

TEST(Suppression, OneSmallCellInARowTakesTheSmallestOtherCellWithIt) {
  // 3 is primary; alone it would be total - 10 - 7 - 20; the smallest other (7) goes with it.
  const Table t = OneWay({3, 10, 7, 20});
  const auto hidden = Suppress(t, 5);
  EXPECT_EQ(hidden, std::vector<bool>({true, false, true, false, false}));
  EXPECT_TRUE(Exposed(t, hidden).empty());
}

TEST(Suppression, TheTotalIsHiddenWhenNothingElseCanBe) {
  // 2 beside 0s only: the only complement is the total itself.
  const Table t = OneWay({2, 0, 0});
  const auto hidden = Suppress(t, 5);
  EXPECT_EQ(hidden, std::vector<bool>({true, false, false, true}));
}

TEST(Suppression, KIsRespected) {
  const Table t = OneWay({6, 10, 30});
  EXPECT_EQ(Suppress(t, 5), std::vector<bool>({false, false, false, false}));
  const auto at7 = Suppress(t, 7);
  EXPECT_TRUE(at7[0]);
  EXPECT_TRUE(at7[1]);
  EXPECT_FALSE(at7[2]);
}

TEST(Suppression, TwoWayTableHidesARectangle) {
  // 2 at (0,0): its row and its column each need a second hidden cell, and the rectangle closes
  // at (1,1) so that row 1 and column 1 are not left with one hidden cell each.
  const TwoWayIndex at{.rows = 2, .cols = 3};
  const Table t = TwoWay(at, {2, 9, 30, 8, 20, 40});
  const auto hidden = Suppress(t, 5);
  EXPECT_TRUE(hidden[at.Cell(0, 0)]);
  EXPECT_TRUE(Exposed(t, hidden).empty()) << Show(t, hidden);
  int in_row0 = 0, in_col0 = 0;
  for (std::size_t c = 0; c < 3; ++c) in_row0 += hidden[at.Cell(0, c)] ? 1 : 0;
  for (std::size_t r = 0; r < 2; ++r) in_col0 += hidden[at.Cell(r, 0)] ? 1 : 0;
  EXPECT_GE(in_row0, 2);
  EXPECT_GE(in_col0, 2);
  ExpectProtected(t, hidden, 5, "rectangle");
}

TEST(Suppression, ARegionsSmallMemberIsNotTheRegionMinusTheOthers) {
  // Region A: members 3 and 40; region B: 25 and 30. The 3 must not be A's total minus 40, and A's
  // total must not be the grand total minus B's.
  const Table t = Hierarchy({{3, 40}, {25, 30}});
  const auto hidden = Suppress(t, 5);
  EXPECT_TRUE(hidden[0]);
  EXPECT_TRUE(Exposed(t, hidden).empty()) << Show(t, hidden);
  ExpectProtected(t, hidden, 5, "hierarchy");
}

TEST(Suppression, ExposedFindsADerivableCell) {
  const Table t = OneWay({3, 10, 7});
  std::vector<bool> hidden(4, false);
  hidden[0] = true;
  EXPECT_EQ(Exposed(t, hidden), std::vector<std::size_t>({0}));
  hidden[2] = true;
  EXPECT_TRUE(Exposed(t, hidden).empty());
}

TEST(Suppression, ExposedFindsHiddenCellsSummingToZero) {
  const Table t = OneWay({0, 0, 9});
  std::vector<bool> hidden(4, false);
  hidden[0] = hidden[1] = true;
  EXPECT_EQ(Exposed(t, hidden), std::vector<std::size_t>({0, 1}));
}

TEST(Suppression, KSettingIsBoundedAndDefaults) {
  EXPECT_EQ(KFromSetting("7"), 7);
  EXPECT_EQ(KFromSetting("3"), 3);
  EXPECT_EQ(KFromSetting("20"), 20);
  EXPECT_EQ(KFromSetting("2"), kDefaultK);
  EXPECT_EQ(KFromSetting("21"), kDefaultK);
  EXPECT_EQ(KFromSetting(""), kDefaultK);
  EXPECT_EQ(KFromSetting("5x"), kDefaultK);
}

// The adversarial property test: random small tables, many seeds, each suppression pattern
// checked by exact rational elimination.
TEST(SuppressionProperty, RandomOneWayTablesLeakNoHiddenCell) {
  for (unsigned seed = 1; seed <= 400; ++seed) {
    std::mt19937 rng(seed);
    const int n = std::uniform_int_distribution<int>(1, 8)(rng);
    const int k = std::uniform_int_distribution<int>(3, 8)(rng);
    std::vector<std::int64_t> parts;
    for (int i = 0; i < n; ++i) parts.push_back(SmallCount(rng));
    const Table t = OneWay(parts);
    const auto hidden = Suppress(t, k);
    ExpectProtected(t, hidden, k, "one-way seed " + std::to_string(seed) + ": " + Show(t, hidden));
  }
}

TEST(SuppressionProperty, RandomTwoWayTablesLeakNoHiddenCell) {
  for (unsigned seed = 1; seed <= 600; ++seed) {
    std::mt19937 rng(seed);
    const TwoWayIndex at{
        .rows = static_cast<std::size_t>(std::uniform_int_distribution<int>(1, 5)(rng)),
        .cols = static_cast<std::size_t>(std::uniform_int_distribution<int>(1, 5)(rng))};
    const int k = std::uniform_int_distribution<int>(3, 8)(rng);
    std::vector<std::int64_t> cells;
    for (std::size_t i = 0; i < at.rows * at.cols; ++i) cells.push_back(SmallCount(rng));
    const Table t = TwoWay(at, cells);
    const auto hidden = Suppress(t, k);
    ExpectProtected(t, hidden, k,
                    "two-way seed " + std::to_string(seed) + " " + std::to_string(at.rows) + "x" +
                        std::to_string(at.cols) + ": " + Show(t, hidden));
  }
}

TEST(SuppressionProperty, RandomHierarchiesLeakNoHiddenCell) {
  for (unsigned seed = 1; seed <= 400; ++seed) {
    std::mt19937 rng(seed);
    const int groups = std::uniform_int_distribution<int>(1, 5)(rng);
    const int k = std::uniform_int_distribution<int>(3, 8)(rng);
    std::vector<std::vector<std::int64_t>> g(groups);
    for (auto& members : g) {
      const int m = std::uniform_int_distribution<int>(1, 4)(rng);
      for (int i = 0; i < m; ++i) members.push_back(SmallCount(rng));
    }
    const Table t = Hierarchy(g);
    const auto hidden = Suppress(t, k);
    ExpectProtected(t, hidden, k,
                    "hierarchy seed " + std::to_string(seed) + ": " + Show(t, hidden));
  }
}

TEST(SuppressionProperty, ComplementsAreNoMoreThanNeededInARow) {
  // In a one-way table with exactly one small cell and several large ones, exactly one
  // complement is hidden, and it is the smallest.
  for (unsigned seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed);
    std::vector<std::int64_t> parts{std::uniform_int_distribution<int>(1, 4)(rng)};
    const int n = std::uniform_int_distribution<int>(2, 6)(rng);
    for (int i = 0; i < n; ++i) parts.push_back(std::uniform_int_distribution<int>(5, 50)(rng));
    const Table t = OneWay(parts);
    const auto hidden = Suppress(t, 5);
    std::size_t smallest = 1;
    for (std::size_t i = 2; i < parts.size(); ++i) {
      if (parts[i] < parts[smallest]) smallest = i;
    }
    int count = 0;
    for (bool h : hidden) count += h ? 1 : 0;
    EXPECT_EQ(count, 2) << Show(t, hidden);
    EXPECT_TRUE(hidden[smallest]) << Show(t, hidden);
  }
}

}  // namespace
}  // namespace dandelion::stats

namespace dandelion::stats {
namespace {

TEST(Periods, DaysAndKeys) {
  EXPECT_TRUE(IsDay("2024-02-29"));
  EXPECT_FALSE(IsDay("2023-02-29"));
  EXPECT_FALSE(IsDay("2023-13-01"));
  EXPECT_FALSE(IsDay("2023-1-01"));
  EXPECT_EQ(TimeKey("quarter", "2026-03-31"), "2026-Q1");
  EXPECT_EQ(TimeKey("quarter", "2026-04-01"), "2026-Q2");
  EXPECT_EQ(TimeKey("quarter", "2026-12-31"), "2026-Q4");
  EXPECT_EQ(TimeKey("month", "2026-12-31"), "2026-12");
  EXPECT_EQ(TimeKey("year", "2026-12-31"), "2026");
  EXPECT_EQ(TimeKeys("quarter", {"2025-11-15", "2026-04-02"}),
            std::vector<std::string>({"2025-Q4", "2026-Q1", "2026-Q2"}));
  EXPECT_EQ(TimeKeys("month", {"2025-11-15", "2026-01-02"}),
            std::vector<std::string>({"2025-11", "2025-12", "2026-01"}));
  EXPECT_EQ(TimeKeys("year", {"2025-11-15", "2026-01-02"}),
            std::vector<std::string>({"2025", "2026"}));
  EXPECT_EQ(NextDay("2024-02-28"), "2024-02-29");
  EXPECT_EQ(NextDay("2025-12-31"), "2026-01-01");
}

TEST(Periods, MedianAndP90) {
  EXPECT_FALSE(SpreadOf({}));
  EXPECT_EQ(SpreadOf({7})->median, 7);
  EXPECT_EQ(SpreadOf({7})->p90, 7);
  EXPECT_EQ(SpreadOf({1, 3})->median, 2);
  const std::vector<std::int64_t> ten{1, 2, 3, 4, 5, 6, 7, 8, 9, 100};
  EXPECT_EQ(SpreadOf(ten)->median, 5);
  EXPECT_EQ(SpreadOf(ten)->p90, 9);
}

}  // namespace
}  // namespace dandelion::stats

// SQL of the statistics: every figure is aggregated by the database (GROUP BY, COUNT, SUM); no
// record is loaded to be counted. Only durations (one number per request or referral) come back
// as a sorted column, for the median and the 90th percentile that SQLite cannot compute.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::stats::stats_repo {

// A dimension of a count: a grouped SQL expression, or a multi-choice field (a comma-separated
// column) whose tags are counted as mentions.
struct Dim {
  std::string name;
  std::string expr;
  std::vector<std::string> tags;  // non-empty: a multi-choice field
};

// What is counted: FROM … WHERE … with its parameters, and the counted expression (a record's
// id for 건, a person's id for 명, counted distinct).
struct Subject {
  std::string from;
  std::string where;
  store::Params params;
  std::string counted;
};

// Counts keyed by each dimension's value, in the order of dims. No dims: one key, {}.
using Counts = std::map<std::vector<std::string>, std::int64_t>;
Result<Counts> Count(store::Tx& tx, const Subject& subject, const std::vector<Dim>& dims);

// Rows of (key, number) from a query whose first column is the key and second a number.
Result<std::vector<std::pair<std::string, std::int64_t>>> Pairs(store::Tx& tx, std::string_view sql,
                                                                const store::Params& params);

// One integer column, sorted by the database.
Result<std::vector<std::int64_t>> Column(store::Tx& tx, std::string_view sql,
                                         const store::Params& params);

// The seconds between two RFC 3339 text columns, in the transaction's dialect.
std::string SecondsBetween(store::Dialect d, std::string_view from, std::string_view to);
// The days between two "YYYY-MM-DD" text expressions, in the transaction's dialect.
std::string DaysBetween(store::Dialect d, std::string_view from, std::string_view to);

}  // namespace dandelion::stats::stats_repo

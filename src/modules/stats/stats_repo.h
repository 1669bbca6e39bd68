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

// A table joined to the counted one only when a query needs it: a join read for every counted
// row costs more than the count itself (docs/performance.md, "Statistics").
struct Join {
  std::string alias;   // "c"
  std::string clause;  // "JOIN cases c ON c.id = s.case_id"
};

// What is counted: FROM the counted table, the joins it may need, WHERE … with its parameters
// (on the counted table, or a sub-select of its own aliases), and the counted expression: a
// record's id for 건, a person's id for 명.
struct Subject {
  std::string from;  // "case_services s"
  std::vector<Join> joins;
  std::string where;
  store::Params params;
  std::string counted;
  // The counted expression is unique per row of `from` (its id), and every join is many to one:
  // a plain COUNT, and the counts of a table add up to its margins.
  bool counted_is_row = false;
};

// Whether an SQL text refers to a column of the alias ("c." not preceded by a name character).
bool Uses(std::string_view sql, std::string_view alias);

// FROM … with exactly the joins the given texts use, and the joins those joins use.
std::string FromFor(const Subject& subject, const std::vector<std::string>& texts);

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

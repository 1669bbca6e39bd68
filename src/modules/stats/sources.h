// What the services' statistics count: the services of consenting women's cases, and beside
// them the survivors' network's peer-support contacts, which have no case by design
// (docs/statistics.md, "Counting"). Each source has its own expression for every dimension; their
// counts are added before anything is suppressed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "modules/stats/stats_repo.h"
#include "store/database.h"

namespace dandelion::stats {

inline constexpr std::string_view kTimeDims[] = {"month", "quarter", "year"};

// The SQL of a period unit ("month", "quarter", "year") of a "YYYY-MM-DD" column.
std::string TimeExpr(std::string_view unit, const std::string& day);

struct Source {
  stats_repo::Subject subject;
  bool peer = false;
};

// The services (as given) and, when services rather than women are counted, the peer contacts
// that match peer_where with its parameters (alias pc, organizations o).
std::vector<Source> ServiceSources(const std::string& measure, stats_repo::Subject services,
                                   const std::string& peer_where, store::Params peer_params);

// The counts of every source by dims (named as for services), added.
Result<stats_repo::Counts> CountAll(store::Tx& tx, const std::vector<Source>& sources,
                                    const std::vector<stats_repo::Dim>& dims);

}  // namespace dandelion::stats

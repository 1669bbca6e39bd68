#include "modules/stats/sources.h"

#include <algorithm>

namespace dandelion::stats {
namespace {

using stats_repo::Dim;
using stats_repo::Subject;

bool IsTime(std::string_view name) {
  return std::find(std::begin(kTimeDims), std::end(kTimeDims), name) != std::end(kTimeDims);
}

// Peer-support contacts of the survivors' network (survivor_peer_contacts pc): `peer_support`
// services with no case, no person and so no consent to ask for; counted as numbers only. They
// carry a date and their organization; a case's and a woman's fields are unknown for them, and a
// multi-choice field has no tag. Only services count them: there is no woman to count once.
Dim PeerDim(const std::string& name, const Dim& service) {
  if (IsTime(name)) return {.name = name, .expr = TimeExpr(name, "pc.contact_date"), .tags = {}};
  // A text cast, not a bare literal: PostgreSQL refuses to GROUP BY a string constant.
  if (name == "service_type")
    return {.name = name, .expr = "CAST('peer_support' AS TEXT)", .tags = {}};
  if (name == "region" || name == "org_kind" || name == "organization") return service;
  if (!service.tags.empty()) return {.name = name, .expr = "''", .tags = service.tags};
  return {.name = name, .expr = "'unknown'", .tags = {}};
}

}  // namespace

std::string TimeExpr(std::string_view unit, const std::string& day) {
  if (unit == "year") return "SUBSTR(" + day + ", 1, 4)";
  if (unit == "month") return "SUBSTR(" + day + ", 1, 7)";
  return "SUBSTR(" + day + ", 1, 4) || '-Q' || CAST((CAST(SUBSTR(" + day +
         ", 6, 2) AS INTEGER) + 2) / 3 AS TEXT)";
}

std::vector<Source> ServiceSources(const std::string& measure, Subject services,
                                   const std::string& peer_where, store::Params peer_params) {
  std::vector<Source> out{{.subject = std::move(services), .peer = false}};
  if (measure != "services") return out;
  out.push_back({.subject = Subject{.from = "survivor_peer_contacts pc",
                                    .joins = {{"o", "JOIN organizations o ON o.id = pc.org_id"}},
                                    .where = peer_where,
                                    .params = std::move(peer_params),
                                    .counted = "pc.id",
                                    .counted_is_row = true},
                 .peer = true});
  return out;
}

// The counts of every source, added.
Result<stats_repo::Counts> CountAll(store::Tx& tx, const std::vector<Source>& sources,
                                    const std::vector<Dim>& dims) {
  stats_repo::Counts out;
  for (const auto& source : sources) {
    std::vector<Dim> own = dims;
    if (source.peer) {
      for (auto& d : own) d = PeerDim(d.name, d);
    }
    for (const auto& [key, n] : TRY(stats_repo::Count(tx, source.subject, own))) out[key] += n;
  }
  return out;
}

}  // namespace dandelion::stats

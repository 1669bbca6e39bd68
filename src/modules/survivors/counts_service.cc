// SurvivorService: the network's own figures — peer-support services by region and members by
// group — as counts only, with the statistics' small-cell suppression (stats/model.h) at the
// network's k: a count from 1 to k-1, and whatever would give it away, is hidden.
#include "modules/service_support.h"
#include "modules/stats/model.h"
#include "modules/survivors/survivor_service.h"
#include "security/policy.h"
#include "store/settings.h"

namespace dandelion::survivors {

namespace {

namespace perm = security::perm;

Result<CountTable> OneWayOf(store::Tx& tx, const std::string& sql, const std::string& org_id,
                            int k) {
  auto rows = TRY(tx.Query(sql, {org_id}));
  CountTable out;
  std::vector<std::int64_t> parts;
  for (const auto& r : rows) {
    out.keys.push_back(r.Text(0));
    parts.push_back(r.Int(1));
  }
  std::int64_t total = 0;
  for (auto n : parts) total += n;
  const auto hidden = stats::Suppress(stats::OneWay(parts), k);
  for (size_t i = 0; i < parts.size(); ++i) {
    out.counts.push_back(hidden[i] ? std::nullopt : std::optional(parts[i]));
  }
  out.total = hidden[parts.size()] ? std::nullopt : std::optional(total);
  return out;
}

}  // namespace

Result<security::Audited<NetworkCounts>> SurvivorService::Counts(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kSurvivorRead));
  auto counts = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<NetworkCounts> {
    if (!IsCoordinator(TRY(CallerOf(tx, actor)))) return Fail(RoleRefused());
    auto stored = TRY(store::ReadSetting(tx, "stats_k"));
    NetworkCounts out;
    out.k = stored ? stats::KFromSetting(*stored) : stats::kDefaultK;
    out.peer_support = TRY(OneWayOf(tx,
                                    "SELECT region, COUNT(*) FROM survivor_peer_contacts "
                                    "WHERE org_id = ? GROUP BY region ORDER BY region",
                                    actor.org_id, out.k));
    out.members = TRY(OneWayOf(tx,
                               "SELECT g.name, COUNT(m.id) FROM survivor_groups g "
                               "LEFT JOIN survivor_members m ON m.group_id = g.id AND "
                               "m.status = 'active' WHERE g.org_id = ? GROUP BY g.id, g.name "
                               "ORDER BY g.name",
                               actor.org_id, out.k));
    return out;
  }));
  auto e = security::ActorEvent(actor, "survivor.counts.read", "statistics", "survivors",
                                {"peer_support", "members"});
  return security::Audited<NetworkCounts>{std::move(counts),
                                          security::PendingAudit(reads_, std::move(e))};
}

}  // namespace dandelion::survivors

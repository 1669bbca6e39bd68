// EmergencyService, routing and escalation: which organization a request goes to, and moving an
// unacknowledged request on to the next one when its deadline passes (emergency.md, "Routing"
// and "Escalation").
#include <algorithm>
#include <tuple>

#include "modules/emergency/emergency_service.h"
#include "modules/emergency/request_cipher.h"
#include "modules/emergency/service_internal.h"

namespace dandelion::emergency {

using detail::Names;
using detail::SystemEvent;

Result<std::optional<EmergencyService::Routed>> EmergencyService::Route(
    store::Tx& tx, const std::string& region, const std::vector<std::string>& exclude,
    int64_t now) {
  auto candidates = TRY(request_repo::Candidates(tx, region, now));
  // An organization nobody there can see a request from now (no one on its roster now, no
  // dispatcher at all) is skipped: a request sent there would wait unseen until it escalates.
  std::erase_if(candidates, [&](const request_repo::Candidate& c) {
    return !c.Reachable() || std::find(exclude.begin(), exclude.end(), c.org_id) != exclude.end();
  });
  // Coverage priority first; among equals, someone on call now; then the older organization, so
  // routing is the same every time.
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return std::tuple(a.priority, !a.on_call, a.created_at, a.org_id) <
           std::tuple(b.priority, !b.on_call, b.created_at, b.org_id);
  });
  if (!candidates.empty()) {
    return std::optional<Routed>(Routed{candidates.front().org_id, "coverage"});
  }
  auto secretariat = TRY(request_repo::Secretariat(tx));
  if (!secretariat || std::find(exclude.begin(), exclude.end(), *secretariat) != exclude.end()) {
    return std::optional<Routed>();
  }
  return std::optional<Routed>(Routed{*secretariat, "last_resort"});
}

Result<bool> EmergencyService::EscalateOne(const std::string& id, int64_t now) {
  std::string from_org;
  // The request as it reached its new organization; nullopt when it did not move.
  auto moved = TRY(db_.WriteValue([&](store::Tx& tx) -> Result<std::optional<HelpRequest>> {
    auto row = TRY(request_repo::FindById(tx, id));
    // Acknowledged (or moved by another server) since the overdue query: nothing to do.
    if (!row || row->status != "new" || !row->ack_due_at || *row->ack_due_at > now) {
      return std::nullopt;
    }
    from_org = row->assigned_org_id;
    const std::string at = FormatRfc3339(FromUnixSeconds(now));
    auto next = TRY(Route(tx, row->region, TRY(request_repo::RoutedOrgs(tx, id)), now));
    if (!next) {
      // Nobody is left to escalate to: the request stays where it is, still new and shown as
      // waiting on the board, and its clock stops.
      row->ack_due_at.reset();
      row->updated_at = at;
      if (TRY(request_repo::Update(tx, *row))) {
        TRY(audit_.Append(tx, SystemEvent("help_request.escalation_exhausted", from_org, id)));
      }
      return std::nullopt;
    }
    auto clear = TRY(OpenRequest(tx, keyring_, *row));
    clear.assigned_org_id = next->org_id;
    clear.escalation_level += 1;
    clear.ack_due_at = now + TRY(request_repo::AckLimitSeconds(tx, clear.assigned_org_id));
    clear.updated_at = at;
    if (!TRY(request_repo::Update(tx, TRY(SealRequest(tx, keyring_, clear))))) {
      return std::nullopt;
    }
    const std::string reason = next->reason == "last_resort" ? "last_resort" : "escalated";
    TRY(request_repo::AddRoute(tx, id, clear.escalation_level, clear.assigned_org_id, reason, at));
    // One entry in each organization's trail: it left one and reached the other, its sealed
    // fields re-encrypted for the receiver.
    for (const std::string& org : {from_org, clear.assigned_org_id}) {
      auto e = SystemEvent("help_request.escalate", org, id);
      e.fields = Names(SealedColumns());
      TRY(audit_.Append(tx, e));
    }
    return std::optional<HelpRequest>(std::move(clear));
  }));
  if (!moved) return false;
  Announce(from_org, *moved);
  Announce(moved->assigned_org_id, *moved);
  return true;
}

Result<int> EmergencyService::EscalateOverdue() {
  const int64_t now = UnixSeconds(clock_.Now());
  auto ids = TRY(db_.ReadValue([&](store::Tx& tx) { return request_repo::Overdue(tx, now, 100); }));
  int moved = 0;
  for (const auto& id : ids) moved += TRY(EscalateOne(id, now)) ? 1 : 0;
  return moved;
}

}  // namespace dandelion::emergency

// EmergencyService, coverage and on-call: which organizations cover which regions (and whether
// someone there can take a request now), each organization's acknowledgement limit, and its
// on-call roster (emergency.md, "Routing" and "Who can take a request now").
#include <algorithm>
#include <chrono>
#include <map>

#include "core/ids.h"
#include "modules/emergency/emergency_service.h"
#include "modules/emergency/service_internal.h"
#include "modules/network/model.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::emergency {

using detail::Invalid;

Result<std::vector<request_repo::CoverageRow>> EmergencyService::Coverage(
    const security::Actor& actor) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<request_repo::CoverageRow>> {
    auto rows = TRY(request_repo::AllCoverage(tx));
    std::map<std::string, request_repo::Candidate> by_org;
    for (auto& c : TRY(request_repo::Reachability(tx, UnixSeconds(clock_.Now())))) {
      by_org.emplace(c.org_id, c);
    }
    for (auto& row : rows) {
      const auto& c = by_org[row.org_id];
      row.on_call_now = c.on_call;
      row.dispatchers = c.dispatchers;
      row.reachable = c.Reachable();
    }
    return rows;
  });
}

Result<int64_t> EmergencyService::AckLimitSeconds(const security::Actor& actor) {
  if (actor.org_id.empty()) return Fail(ErrorCode::kForbidden, "error.forbidden");
  return db_.ReadValue(
      [&](store::Tx& tx) { return request_repo::AckLimitSeconds(tx, actor.org_id); });
}

Result<int64_t> EmergencyService::SetCoverage(const security::Actor& actor,
                                              const std::vector<std::string>& regions,
                                              std::optional<int64_t> ack_limit_minutes) {
  TRY(RequirePermission(actor, security::perm::kEmergencyCoverage));
  Error e = Invalid();
  std::vector<std::string> unique;
  for (const auto& region : regions) {
    if (!network::IsRegion(region)) {
      e.Field("regions", "field.unknown_value");
    } else if (std::find(unique.begin(), unique.end(), region) == unique.end()) {
      unique.push_back(region);
    }
  }
  if (ack_limit_minutes && (*ack_limit_minutes < 1 || *ack_limit_minutes > 120)) {
    e.Field("ack_limit_minutes", "emergency.ack_limit_range");
  }
  if (!e.fields.empty()) return Fail(e);
  return db_.WriteValue([&](store::Tx& tx) -> Result<int64_t> {
    auto org = TRY(tx.QueryOne("SELECT region FROM organizations WHERE id = ?", {actor.org_id}));
    if (!org) return Fail(NotFound());
    std::optional<int64_t> seconds;
    if (ack_limit_minutes) seconds = *ack_limit_minutes * 60;
    TRY(request_repo::SetCoverage(tx, actor.org_id, org->Text(0), unique, seconds));
    auto limit = TRY(request_repo::AckLimitSeconds(tx, actor.org_id));
    std::vector<std::string> fields = {"regions"};
    if (ack_limit_minutes) fields.emplace_back("ack_limit_minutes");
    TRY(audit_.Append(tx, security::ActorEvent(actor, "emergency.coverage.update", "organization",
                                               actor.org_id, fields)));
    return limit;
  });
}

Result<std::vector<request_repo::OnCallShift>> EmergencyService::OnCall(
    const security::Actor& actor, TimePoint from, TimePoint to) {
  TRY(RequirePermission(actor, security::perm::kEmergencyOnCall));
  if (to <= from || to - from > std::chrono::hours(24 * 93)) {
    return Fail(Invalid().Field("to", "emergency.range"));
  }
  return db_.ReadValue([&](store::Tx& tx) {
    return request_repo::OnCall(tx, actor.org_id, UnixSeconds(from), UnixSeconds(to));
  });
}

Result<request_repo::OnCallShift> EmergencyService::AddOnCall(const security::Actor& actor,
                                                              const std::string& user_id,
                                                              TimePoint starts, TimePoint ends) {
  TRY(RequirePermission(actor, security::perm::kEmergencyOnCall));
  Error e = Invalid();
  if (ends <= starts || ends - starts > std::chrono::hours(24 * 31)) {
    e.Field("ends_at", "emergency.shift_range");
  }
  if (!LooksLikeId(user_id)) e.Field("user_id", "emergency.not_a_dispatcher");
  if (!e.fields.empty()) return Fail(e);
  request_repo::OnCallShift shift{NewId(), actor.org_id,        user_id,
                                  "",      UnixSeconds(starts), UnixSeconds(ends)};
  return db_.WriteValue([&](store::Tx& tx) -> Result<request_repo::OnCallShift> {
    auto user = TRY(tx.QueryOne(
        "SELECT display_name, roles, disabled_at FROM users WHERE id = ? AND org_id = ?",
        {user_id, actor.org_id}));
    // Another organization's user is refused like a stranger: the roster names only one's own.
    const auto roles = user ? security::SplitRoles(user->Text(1)) : std::vector<std::string>{};
    if (!user || !user->IsNull(2) ||
        !(security::HasRole(roles, "dispatcher") || security::HasRole(roles, "supervisor"))) {
      return Fail(Invalid().Field("user_id", "emergency.not_a_dispatcher"));
    }
    shift.display_name = user->Text(0);
    TRY(request_repo::InsertOnCall(tx, shift, actor.user_id, FormatRfc3339(clock_.Now())));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "emergency.on_call.create", "on_call_shift",
                                               shift.id, {"user_id", "starts_at", "ends_at"})));
    return shift;
  });
}

}  // namespace dandelion::emergency

// EmergencyService, the status machine: new → acknowledged → dispatched → resolved → closed,
// police coordination alongside, and the link to her person record and case. Every change loads
// the request, checks it is the caller's organization's, applies the change, seals and stores it
// with its audit entry in one transaction, and announces it on the board.
#include <chrono>

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/emergency/emergency_service.h"
#include "modules/emergency/request_cipher.h"
#include "modules/emergency/service_internal.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::emergency {

using detail::Invalid;
using detail::kEntity;
using detail::MarkAcknowledged;
using detail::RequireStatus;

Result<HelpRequest> EmergencyService::Change(
    const security::Actor& actor, const std::string& id, const std::string& action,
    std::vector<std::string> fields,
    const std::function<Result<void>(store::Tx&, HelpRequest&, TimePoint, security::AuditEvent&)>&
        change) {
  TRY(RequirePermission(actor, security::perm::kEmergencyAct));
  if (!LooksLikeId(id)) return Fail(NotFound());
  const TimePoint now = clock_.Now();
  HelpRequest out = TRY(db_.WriteValue([&](store::Tx& tx) -> Result<HelpRequest> {
    security::AuditEvent e =
        security::ActorEvent(actor, action, std::string(kEntity), id, std::move(fields));
    auto clear = TRY(OpenRequest(tx, keyring_, TRY(LoadOwn(tx, actor, e))));
    TRY(change(tx, clear, now, e));
    clear.updated_at = FormatRfc3339(now);
    if (!TRY(request_repo::Update(tx, TRY(SealRequest(tx, keyring_, clear))))) {
      return Fail(ErrorCode::kConflict, "emergency.changed");
    }
    TRY(audit_.Append(tx, e));
    ++clear.row_version;
    return clear;
  }));
  Announce(out.assigned_org_id, out);
  return out;
}

Result<HelpRequest> EmergencyService::Acknowledge(const security::Actor& actor,
                                                  const std::string& id) {
  return Change(
      actor, id, "help_request.acknowledge", {"status"},
      [](store::Tx&, HelpRequest& h, TimePoint now, security::AuditEvent&) -> Result<void> {
        TRY(RequireStatus(h, {"new"}));
        MarkAcknowledged(h, now);
        return Ok();
      });
}

Result<HelpRequest> EmergencyService::Dispatch(const security::Actor& actor, const std::string& id,
                                               const std::string& note) {
  std::vector<std::string> fields = {"status"};
  if (!note.empty()) fields.emplace_back("dispatch_note");
  return Change(
      actor, id, "help_request.dispatch", fields,
      [&](store::Tx&, HelpRequest& h, TimePoint now, security::AuditEvent&) -> Result<void> {
        TRY(RequireStatus(h, {"new", "acknowledged"}));
        MarkAcknowledged(h, now);
        h.status = "dispatched";
        h.dispatched_at = FormatRfc3339(now);
        if (!note.empty()) h.dispatch_note = note;
        return Ok();
      });
}

Result<HelpRequest> EmergencyService::RecordPolice(const security::Actor& actor,
                                                   const std::string& id,
                                                   const PoliceCoordination& police) {
  std::vector<std::string> fields = {"police_station", "police_notified_at"};
  if (!police.officer.empty()) fields.emplace_back("police_officer");
  if (!police.report_number.empty()) fields.emplace_back("police_report_number");
  if (!police.outcome.empty()) fields.emplace_back("police_outcome");
  return Change(
      actor, id, "help_request.police", fields,
      [&](store::Tx&, HelpRequest& h, TimePoint now, security::AuditEvent&) -> Result<void> {
        Error e = Invalid();
        if (Blank(police.station)) e.Field("station", "field.required");
        TimePoint notified{};
        if (!ParseRfc3339(police.notified_at, &notified)) {
          e.Field("notified_at", "field.wrong_type");
        } else if (notified > now + std::chrono::minutes(5)) {
          e.Field("notified_at", "emergency.in_future");
        }
        if (!e.fields.empty()) return Fail(e);
        TRY(RequireStatus(h, {"new", "acknowledged", "dispatched", "resolved"}));
        if (h.status == "new") MarkAcknowledged(h, now);
        h.police.station = police.station;
        h.police.notified_at = FormatRfc3339(notified);
        h.police.officer = police.officer;
        h.police.report_number = police.report_number;
        h.police.outcome = police.outcome;
        return Ok();
      });
}

Result<HelpRequest> EmergencyService::Resolve(const security::Actor& actor, const std::string& id,
                                              const std::string& outcome, const std::string& note) {
  std::vector<std::string> fields = {"status", "outcome"};
  if (!note.empty()) fields.emplace_back("resolve_note");
  return Change(
      actor, id, "help_request.resolve", fields,
      [&](store::Tx&, HelpRequest& h, TimePoint now, security::AuditEvent&) -> Result<void> {
        if (!IsOneOf(Outcomes(), outcome)) {
          return Fail(Invalid().Field("outcome", "field.unknown_value"));
        }
        TRY(RequireStatus(h, {"new", "acknowledged", "dispatched"}));
        MarkAcknowledged(h, now);
        h.status = "resolved";
        h.resolved_at = FormatRfc3339(now);
        h.outcome = outcome;
        if (!note.empty()) h.resolve_note = note;
        return Ok();
      });
}

Result<HelpRequest> EmergencyService::Close(const security::Actor& actor, const std::string& id) {
  // Closing ends the follow-up of a resolved request (the police report, the link to her
  // record): a closed request changes no more and leaves the board's list of resolved ones.
  return Change(
      actor, id, "help_request.close", {"status"},
      [](store::Tx&, HelpRequest& h, TimePoint now, security::AuditEvent&) -> Result<void> {
        TRY(RequireStatus(h, {"resolved"}));
        h.status = "closed";
        h.closed_at = FormatRfc3339(now);
        return Ok();
      });
}

Result<HelpRequest> EmergencyService::Link(const security::Actor& actor, const std::string& id,
                                           const std::string& person_id,
                                           const std::string& case_id) {
  std::vector<std::string> fields = {"person_id"};
  if (!case_id.empty()) fields.emplace_back("case_id");
  return Change(
      actor, id, "help_request.link", fields,
      [&](store::Tx& tx, HelpRequest& h, TimePoint now, security::AuditEvent& e) -> Result<void> {
        TRY(RequireStatus(h, {"new", "acknowledged", "dispatched", "resolved"}));
        TRY(CheckLink(tx, actor, h, person_id, case_id, now, e));
        h.person_id = person_id;
        h.case_id = case_id;
        if (h.status == "new") MarkAcknowledged(h, now);
        return Ok();
      });
}

Result<void> EmergencyService::CheckLink(store::Tx& tx, const security::Actor& actor,
                                         const HelpRequest& h, const std::string& person_id,
                                         const std::string& case_id, TimePoint now,
                                         security::AuditEvent& e) {
  Error bad = Invalid();
  if (!case_id.empty() && !LooksLikeId(case_id)) bad.Field("case_id", "field.wrong_type");
  // Only a person of the same organization still on record: another organization's id is
  // refused exactly like an unknown one.
  const bool known =
      LooksLikeId(person_id) && TRY(request_repo::PersonOf(tx, person_id, h.assigned_org_id));
  if (!known) bad.Field("person_id", "emergency.unknown_person");
  // Her case, of the same organization: anything else is refused alike.
  if (known && LooksLikeId(case_id) &&
      !TRY(request_repo::CaseOf(tx, case_id, person_id, h.assigned_org_id))) {
    bad.Field("case_id", "emergency.unknown_case");
  }
  if (!bad.fields.empty()) return Fail(bad);
  // A restricted woman is linked only by someone who may reach her (security.md, "Restricted
  // survivors"): the link ties what she wrote to her record. The refused attempt is recorded.
  auto reach = TRY(access::DecidePersonAccess(tx, actor, person_id, now));
  e.outcome = reach.Outcome();
  if (!reach.allowed) {
    TRY(audit_.Append(tx, e));
    return Fail(RecordedRefusal(access::Refusal(reach)));
  }
  return Ok();
}

}  // namespace dandelion::emergency

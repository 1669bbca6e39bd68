// CaseService's changes of a case: the fields, the assigned workers, the restriction, closing
// and reopening. Each loads the case through the door (cases::LoadCase), changes it, stores it
// and audits the change in one transaction (Mutate).
#include <algorithm>

#include "core/ids.h"
#include "modules/cases/case_service.h"
#include "modules/cases/case_view.h"
#include "modules/service_support.h"
#include "security/account_repo.h"
#include "security/policy.h"

namespace dandelion::cases {

using case_repo::StoredCase;

Result<Case> CaseService::Mutate(const security::Actor& actor, const std::string& id,
                                 std::string_view permission, std::string action,
                                 const Change& change) {
  TRY(RequirePermission(actor, permission));
  const TimePoint now = clock_.Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<Case> {
    CaseRef ref = TRY(LoadCase(tx, audit_, actor, id, action, now));
    auto c = TRY(case_repo::FindById(tx, id));
    security::AuditEvent e = security::ActorEvent(actor, action, "case", id, {}, actor.org_id);
    if (ref.access == Access::kBreakGlass) e.outcome = "break_glass";  // done under a grant
    TRY(change(tx, *c, ref, e));
    c->updated_at = FormatRfc3339(now);
    TRY(case_repo::Update(tx, *c));
    std::vector<Worker> workers = TRY(WorkersOf(tx, id));
    PersonView people(tx, keyring_);
    Case out = TRY(View(people, *c, std::move(workers), AccessName(ref.access), true));
    TRY(audit_.Append(tx, e));
    return out;
  });
}

Result<Case> CaseService::Update(const security::Actor& actor, const std::string& id,
                                 const CaseFields& fields) {
  return Mutate(actor, id, security::perm::kCaseWrite, "case.update",
                [&](store::Tx& tx, StoredCase& c, const CaseRef& ref,
                    security::AuditEvent& e) -> Result<void> {
                  if (fields.person_id || fields.intake_channel || fields.restricted) {
                    Error bad{ErrorCode::kInvalid, "error.invalid"};
                    if (fields.person_id) bad.Field("person_id", "field.unknown");
                    if (fields.intake_channel) bad.Field("intake_channel", "field.unknown");
                    if (fields.restricted) bad.Field("restricted", "field.unknown");
                    return Fail(bad);
                  }
                  TRY(ValidateCaseFields(fields, false));
                  people::PersonCipher cipher = TRY(CipherFor(tx, keyring_, ref));
                  if (fields.situation) c.situation = JoinTags(*fields.situation);
                  if (fields.risk_level) c.risk_level = *fields.risk_level;
                  if (fields.summary) {
                    c.summary = cipher.SealRecord(kCasesTable, "summary", c.id, *fields.summary);
                  }
                  if (fields.safety_plan) {
                    c.safety_plan =
                        cipher.SealRecord(kCasesTable, "safety_plan", c.id, *fields.safety_plan);
                  }
                  e.fields = fields.Names();
                  return Ok();
                });
}

Result<Case> CaseService::Assign(const security::Actor& actor, const std::string& id,
                                 const std::vector<std::string>& user_ids) {
  return Mutate(actor, id, security::perm::kCaseSupervise, "case.assign",
                [&](store::Tx& tx, StoredCase& c, const CaseRef& ref,
                    security::AuditEvent& e) -> Result<void> {
                  if (user_ids.empty()) return Fail(Invalid("user_ids", "field.required"));
                  std::vector<std::string> unique;
                  for (const auto& uid : user_ids) {
                    if (std::find(unique.begin(), unique.end(), uid) != unique.end()) continue;
                    std::optional<security::Account> account;
                    if (LooksLikeId(uid)) account = TRY(security::account_repo::FindById(tx, uid));
                    const bool worker = account && account->org_id == ref.org_id &&
                                        account->disabled_at.empty() &&
                                        (security::HasRole(account->roles, "case_worker") ||
                                         security::HasRole(account->roles, "supervisor"));
                    if (!worker) return Fail(Invalid("user_ids", "cases.not_a_worker"));
                    unique.push_back(uid);
                  }
                  TRY(case_repo::SetWorkers(tx, c.id, unique, FormatRfc3339(clock_.Now())));
                  e.fields = {"assigned"};
                  return Ok();
                });
}

Result<Case> CaseService::Restrict(const security::Actor& actor, const std::string& id,
                                   bool restricted) {
  return Mutate(
      actor, id, security::perm::kCaseSupervise, "case.restrict",
      [&](store::Tx&, StoredCase& c, const CaseRef&, security::AuditEvent& e) -> Result<void> {
        c.restricted = restricted;
        e.fields = {"restricted"};
        return Ok();
      });
}

Result<Case> CaseService::Close(const security::Actor& actor, const std::string& id,
                                const std::string& reason, const std::string& note) {
  const TimePoint now = clock_.Now();
  return Mutate(
      actor, id, security::perm::kCaseWrite, "case.close",
      [&](store::Tx& tx, StoredCase& c, const CaseRef& ref,
          security::AuditEvent& e) -> Result<void> {
        auto reasons = ClosureReasons();
        if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
          return Fail(Invalid("reason", reason.empty() ? "field.required" : "field.unknown_value"));
        }
        if (c.status == "closed") return Fail(ErrorCode::kConflict, "cases.closed");
        people::PersonCipher cipher = TRY(CipherFor(tx, keyring_, ref));
        c.status = "closed";
        c.closed_at = FormatRfc3339(now);
        c.closure_reason = reason;
        c.closure_note = cipher.SealRecord(kCasesTable, "closure_note", c.id, note);
        e.fields = {"status", "closure_reason"};
        if (!note.empty()) e.fields.emplace_back("closure_note");
        return AppendTimeline(tx, ref, now, "case_closed", c.id, reason, actor.user_id);
      });
}

Result<Case> CaseService::Reopen(const security::Actor& actor, const std::string& id,
                                 const std::string& reason) {
  const TimePoint now = clock_.Now();
  return Mutate(actor, id, security::perm::kCaseWrite, "case.reopen",
                [&](store::Tx& tx, StoredCase& c, const CaseRef& ref,
                    security::AuditEvent& e) -> Result<void> {
                  if (Blank(reason)) return Fail(Invalid("reason", "field.required"));
                  if (c.status != "closed") return Fail(ErrorCode::kConflict, "cases.not_closed");
                  people::PersonCipher cipher = TRY(CipherFor(tx, keyring_, ref));
                  c.status = "open";
                  c.closed_at.clear();
                  c.closure_reason.clear();
                  c.closure_note.clear();
                  c.reopen_reason = cipher.SealRecord(kCasesTable, "reopen_reason", c.id, reason);
                  e.fields = {"status", "reopen_reason"};
                  return AppendTimeline(tx, ref, now, "case_reopened", c.id, "", actor.user_id);
                });
}

}  // namespace dandelion::cases

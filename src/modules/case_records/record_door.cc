#include "modules/case_records/record_door.h"

#include "modules/case_records/record_repo.h"
#include "modules/people/person_repo.h"

namespace dandelion::case_records {

Result<cases::CaseRef> LoadRecordCase(const Deps& deps, store::Tx& tx, const security::Actor& actor,
                                      std::string_view table, std::string_view entity_type,
                                      const std::string& id, std::string_view action) {
  auto owner = TRY(record_repo::OwnerOf(tx, table, id));
  if (!owner || owner->org_id != actor.org_id) {
    // Probing ids of records leaves a trace, as probing case ids does.
    auto e = security::ActorEvent(actor, std::string(action), std::string(entity_type), id);
    e.outcome = "not_found";
    TRY(deps.audit.Append(tx, e));
    return Fail(RecordedRefusal(NotFound()));
  }
  return cases::LoadCase(tx, deps.audit, actor, owner->case_id, action, deps.clock.Now());
}

namespace door_detail {

Result<cases::CaseDecision> DecideOnRecord(store::Tx& tx, const security::Actor& actor,
                                           std::string_view table, const std::string& id,
                                           TimePoint now, security::AuditEvent& e) {
  auto owner = TRY(record_repo::OwnerOf(tx, table, id));
  if (!owner || owner->org_id != actor.org_id) {
    cases::CaseDecision refused;
    refused.refusal = NotFound();
    refused.outcome = "not_found";
    return refused;
  }
  cases::CaseDecision decision = TRY(cases::DecideAccess(tx, actor, owner->case_id, now));
  if (!decision.ref) {
    e.entity_type = "case";
    e.entity_id = owner->case_id;
  }
  return decision;
}

}  // namespace door_detail

Result<void> AuditRecord(const Deps& deps, store::Tx& tx, const security::Actor& actor,
                         const cases::CaseRef& ref, std::string action, std::string entity_type,
                         std::string entity_id, std::vector<std::string> fields) {
  auto e = security::ActorEvent(actor, std::move(action), std::move(entity_type),
                                std::move(entity_id), std::move(fields), ref.org_id);
  // Work done under a break-glass grant says so, as a case read under one does.
  if (ref.access == cases::Access::kBreakGlass) e.outcome = "break_glass";
  TRY(deps.audit.Append(tx, e));
  return Ok();
}

Result<PersonBrief> BriefOf(store::Tx& tx, const people::PersonCipher& cipher,
                            const std::string& person_id) {
  auto stored = TRY(people::person_repo::FindById(tx, person_id));
  if (!stored) return Fail(ErrorCode::kNotFound, "people.erased", "person row is gone");
  return BriefOf(cipher, person_id, stored->code, stored->alias, stored->safe_contact);
}

Result<PersonBrief> BriefOf(const people::PersonCipher& cipher, const std::string& person_id,
                            const std::string& code, std::string_view alias,
                            std::string_view safe_contact) {
  PersonBrief out{.id = person_id, .code = code};
  out.alias = TRY(cipher.Open("alias", alias));
  out.safe_contact = TRY(cipher.Open("safe_contact", safe_contact));
  return out;
}

TimePoint WhenItHappens(const std::string& at, TimePoint fallback) {
  TimePoint when = fallback;
  ParseRfc3339(at, &when);
  return when;
}

}  // namespace dandelion::case_records

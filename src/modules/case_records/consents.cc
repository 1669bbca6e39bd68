#include "modules/case_records/consents.h"

#include "modules/access/person_access.h"
#include "modules/case_records/consent_repo.h"
#include "modules/people/person_repo.h"
#include "modules/referrals/referral_service.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kTable = "consents";

Consent Open(const consent_repo::StoredConsent& row, TimePoint now) {
  Consent c{.id = row.id,
            .person_id = row.person_id,
            .kind = row.kind,
            .scope_fields = people::SplitList(row.scope_fields),
            .scope_org_id = row.scope_org_id,
            .scope_external = row.scope_external,
            .method = row.method,
            .given_at = row.given_at,
            .expires_at = row.expires_at,
            .revoked_at = row.revoked_at,
            .recorded_by = row.recorded_by};
  c.state = ConsentState(c.expires_at, c.revoked_at, now);
  return c;
}

// Whether actor may reach her records, before anything is recorded: her — person_id, "" for no
// one — of the caller's organization and not erased, then her restriction
// (access/person_access.h: 403 break_glass_required). outcome is the audit outcome of the work
// ("ok", or "break_glass" under a grant) or of the refused attempt.
struct Admission {
  std::string outcome;
  std::optional<Error> refusal;
};

Result<Admission> Decide(store::Tx& tx, const security::Actor& actor, const std::string& person_id,
                         TimePoint now) {
  std::optional<people::person_repo::StoredPerson> found;
  if (!person_id.empty()) found = TRY(people::person_repo::FindById(tx, person_id));
  if (!found || found->org_id != actor.org_id || !found->erased_at.empty()) {
    // Another organization's person, an unknown id and an erased person look alike here.
    return Admission{"not_found", NotFound()};
  }
  // Her consents are hers: a restricted woman's are closed as she is.
  access::PersonDecision reach = TRY(access::DecidePersonAccess(tx, actor, person_id, now));
  if (!reach.allowed) return Admission{reach.Outcome(), access::Refusal(reach)};
  return Admission{reach.Outcome(), std::nullopt};
}

// The refused attempt's entry: action on (entity_type, entity_id), no organization named (she
// may be another's).
security::AuditEvent RefusalEvent(const security::Actor& actor, std::string_view action,
                                  std::string_view entity_type, const std::string& entity_id,
                                  std::string outcome) {
  auto e = security::ActorEvent(actor, std::string(action), std::string(entity_type), entity_id);
  e.outcome = std::move(outcome);
  return e;
}

// The door of a change to her records, inside the caller's write transaction: Decide, with a
// refusal audited and returned as a recorded refusal. The value is the work's audit outcome.
Result<std::string> Admit(const Deps& deps, store::Tx& tx, const security::Actor& actor,
                          std::string_view action, std::string_view entity_type,
                          const std::string& entity_id, const std::string& person_id) {
  Admission admitted = TRY(Decide(tx, actor, person_id, deps.clock.Now()));
  if (admitted.refusal) {
    TRY(deps.audit.Append(
        tx, RefusalEvent(actor, action, entity_type, entity_id, std::move(admitted.outcome))));
    return Fail(RecordedRefusal(std::move(*admitted.refusal)));
  }
  return admitted.outcome;
}

// Her open cases' timelines show the consent too (a case worker reads her story there).
Result<void> NoteOnTimelines(store::Tx& tx, const std::string& person_id, const std::string& org_id,
                             TimePoint at, const std::string& id, const std::string& label,
                             const std::string& actor_id) {
  for (const auto& [case_id, number] : TRY(consent_repo::OpenCasesOf(tx, person_id, org_id))) {
    cases::CaseRef ref{.id = case_id,
                       .org_id = org_id,
                       .person_id = person_id,
                       .number = number,
                       .status = "open"};
    TRY(cases::AppendTimeline(tx, ref, at, "consent", id, label, actor_id));
  }
  return Ok();
}

}  // namespace

Result<Consent> Consents::Give(const security::Actor& actor, const std::string& person_id,
                               const ConsentFields& fields) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  if (!LooksLikeId(person_id)) return Fail(NotFound());
  return deps_.db.WriteValue([&](store::Tx& tx) -> Result<Consent> {
    const std::string outcome =
        TRY(Admit(deps_, tx, actor, "consent.create", "person", person_id, person_id));
    const std::string& org_id = actor.org_id;
    const TimePoint now = deps_.clock.Now();
    TRY(ValidateConsent(fields, now));
    if (!fields.scope_org_id.empty() &&
        !(LooksLikeId(fields.scope_org_id) &&
          TRY(consent_repo::OrganizationExists(tx, fields.scope_org_id)))) {
      return Fail(
          Error{ErrorCode::kInvalid, "error.invalid"}.Field("scope.org_id", "field.unknown_value"));
    }
    Consent out{.id = NewId(),
                .person_id = person_id,
                .kind = fields.kind,
                .scope_fields = fields.scope_fields,
                .scope_org_id = fields.scope_org_id,
                .scope_external = fields.scope_external,
                .method = fields.method,
                .given_at = FormatRfc3339(now),
                .expires_at = fields.expires_at ? FormatRfc3339(*fields.expires_at) : "",
                .recorded_by = actor.user_id,
                .state = "active"};
    TRY(consent_repo::Insert(tx, {.id = out.id,
                                  .person_id = person_id,
                                  .org_id = org_id,
                                  .kind = out.kind,
                                  .scope_fields = people::JoinList(out.scope_fields),
                                  .scope_org_id = out.scope_org_id,
                                  .scope_external = out.scope_external,
                                  .method = out.method,
                                  .given_at = out.given_at,
                                  .expires_at = out.expires_at,
                                  .recorded_by = actor.user_id}));
    TRY(NoteOnTimelines(tx, person_id, org_id, now, out.id, out.kind, actor.user_id));
    std::vector<std::string> names = {"kind", "method"};
    if (!fields.scope_fields.empty()) names.emplace_back("scope.fields");
    if (!fields.scope_org_id.empty()) names.emplace_back("scope.org_id");
    if (!fields.scope_external.empty()) names.emplace_back("scope.external");
    if (fields.expires_at) names.emplace_back("expires_at");
    auto e = security::ActorEvent(actor, "consent.create", "consent", out.id, names, org_id);
    e.outcome = outcome;
    TRY(deps_.audit.Append(tx, e));
    return out;
  });
}

Result<security::Audited<std::vector<Consent>>> Consents::List(const security::Actor& actor,
                                                               const std::string& person_id) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  if (!LooksLikeId(person_id)) return Fail(NotFound());
  const TimePoint now = deps_.clock.Now();
  // A read transaction, as a case's records are read (record_door.h, ReadOnCase): the entry goes
  // to the reads' group commit, written before the reply leaves, not through the writer.
  std::optional<security::AuditEvent> refused;
  auto e = security::ActorEvent(actor, "consent.list", "person", person_id, {}, actor.org_id);
  auto read = deps_.db.ReadValue([&](store::Tx& tx) -> Result<std::vector<Consent>> {
    Admission admitted = TRY(Decide(tx, actor, person_id, now));
    if (admitted.refusal) {
      refused = RefusalEvent(actor, "consent.list", "person", person_id, admitted.outcome);
      return Fail(RecordedRefusal(std::move(*admitted.refusal)));
    }
    e.outcome = admitted.outcome;  // "break_glass" when under a grant
    std::vector<Consent> out;
    for (const auto& row : TRY(consent_repo::ListByPerson(tx, person_id))) {
      out.push_back(Open(row, now));
    }
    return out;
  });
  if (!read) {
    return Fail(refused ? deps_.reads.Refuse(std::move(*refused), read.error()) : read.error());
  }
  return security::Audited<std::vector<Consent>>{std::move(*read),
                                                 security::PendingAudit(deps_.reads, std::move(e))};
}

Result<Consent> Consents::Revoke(const security::Actor& actor, const std::string& id,
                                 const std::string& reason) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  if (!LooksLikeId(id)) return Fail(NotFound());
  return deps_.db.WriteValue([&](store::Tx& tx) -> Result<Consent> {
    // Whose consent it is decides who may revoke it.
    const std::string person_id = TRY(consent_repo::PersonOf(tx, id));
    const std::string outcome =
        TRY(Admit(deps_, tx, actor, "consent.revoke", "consent", id, person_id));
    const std::string& org_id = actor.org_id;
    auto row = TRY(consent_repo::Find(tx, id, person_id));
    if (!row) return Fail(NotFound());
    const TimePoint now = deps_.clock.Now();
    Consent c = Open(*row, now);
    if (c.state == "revoked") {
      return Fail(ErrorCode::kConflict, "case_records.consent_already_revoked");
    }
    people::PersonCipher cipher =
        TRY(people::PersonCipher::Load(tx, deps_.keyring, org_id, person_id));
    c.revoked_at = FormatRfc3339(now);
    c.state = "revoked";
    TRY(consent_repo::Revoke(tx, id, c.revoked_at,
                             cipher.SealRecord(kTable, "revoke_reason", id, reason),
                             actor.user_id));
    TRY(NoteOnTimelines(tx, person_id, org_id, now, id, "revoked", actor.user_id));
    // What she no longer agrees to share must not reach a receiver that has not yet taken her.
    TRY(referrals::WithdrawUnderRevokedConsent(tx, deps_.keyring, deps_.audit, actor, id, now));
    std::vector<std::string> names = {"revoked_at"};
    if (!reason.empty()) names.emplace_back("revoke_reason");
    auto e = security::ActorEvent(actor, "consent.revoke", "consent", id, names, org_id);
    e.outcome = outcome;
    TRY(deps_.audit.Append(tx, e));
    return c;
  });
}

}  // namespace dandelion::case_records

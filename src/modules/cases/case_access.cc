#include "modules/cases/case_access.h"

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/cases/case_repo.h"
#include "modules/service_support.h"
#include "security/policy.h"
#include "security/session_confirmation.h"

namespace dandelion::cases {

std::string_view AccessName(Access access) {
  switch (access) {
    case Access::kAssigned:
      return "assigned";
    case Access::kSupervisor:
      return "supervisor";
    case Access::kOrganization:
      return "organization";
    case Access::kBreakGlass:
      return "break_glass";
  }
  return "organization";
}

Result<CaseDecision> DecideAccess(store::Tx& tx, const security::Actor& actor,
                                  std::string_view case_id, TimePoint now, CaseCache* kept) {
  const std::string id(case_id);
  auto refuse = [](std::string outcome, Error error) {
    return CaseDecision{.refusal = std::move(error), .outcome = std::move(outcome)};
  };
  const auto not_found = [&] { return refuse("not_found", NotFound()); };
  // A session the gate took from memory is confirmed here, in the read's snapshot, before
  // anything is decided on it (security/session_confirmation.h).
  if (!LooksLikeId(id)) {
    TRY(security::ConfirmSessionIn(tx, actor));
    return not_found();
  }
  // The case, whether her person was erased or has a restricted case, and who works it (and the
  // session to confirm): one statement, or the rows kept from the last read of it.
  std::optional<case_repo::CaseForCaller> found =
      kept != nullptr ? TRY(kept->Read(tx, id, actor)) : TRY(FindConfirming(tx, id, actor));
  if (!found || found->listed.c.org_id != actor.org_id) return not_found();
  if (found->listed.person_erased) return not_found();

  const case_repo::StoredCase& c = found->listed.c;
  CaseRef ref{.id = c.id,
              .org_id = c.org_id,
              .person_id = c.person_id,
              .number = c.number,
              .status = c.status,
              .restricted = c.restricted};
  if (found->assigned) {
    ref.access = Access::kAssigned;
  } else if (security::HasRole(actor.roles, "supervisor")) {
    ref.access = Access::kSupervisor;
  } else if (!c.restricted) {
    // An open case of a restricted person is hers all the same: it shows who she is, and its
    // records are about her. It opens to whoever may reach her (access/person_access.h); the
    // statement above already told whether she has a restricted case.
    access::PersonDecision person = TRY(
        access::DecidePersonAccess(tx, actor, c.person_id, now, found->listed.person_restricted));
    if (!person.allowed) return refuse(person.Outcome(), access::Refusal(person));
    ref.access = person.access == access::PersonAccess::kBreakGlass ? Access::kBreakGlass
                                                                    : Access::kOrganization;
  } else {
    if (!TRY(case_repo::HasBreakGlass(tx, c.id, actor.user_id, FormatRfc3339(now)))) {
      return refuse("break_glass_required",
                    access::BreakGlassRequired("cases.break_glass_required", {c.id}));
    }
    ref.access = Access::kBreakGlass;
  }
  return CaseDecision{
      .ref = std::move(ref), .row = std::move(found->listed), .workers = std::move(found->workers)};
}

Result<CaseRef> LoadCase(store::Tx& tx, const security::AuditLog& audit,
                         const security::Actor& actor, std::string_view case_id,
                         std::string_view action, TimePoint now) {
  CaseDecision decision = TRY(DecideAccess(tx, actor, case_id, now));
  if (decision.ref) return std::move(*decision.ref);
  security::AuditEvent attempt = security::ActorEvent(actor, std::string(action), "case",
                                                      std::string(case_id), {}, actor.org_id);
  attempt.outcome = decision.outcome;
  TRY(audit.Append(tx, attempt));
  return Fail(RecordedRefusal(std::move(*decision.refusal)));
}

Result<people::PersonCipher> CipherFor(store::Tx& tx, security::Keyring& keyring,
                                       const CaseRef& ref) {
  return people::PersonCipher::Load(tx, keyring, ref.org_id, ref.person_id);
}

Result<void> AppendTimeline(store::Tx& tx, const CaseRef& ref, TimePoint at, std::string_view kind,
                            std::string_view entity_id, std::string_view label,
                            std::string_view actor_id) {
  return case_repo::InsertTimeline(tx, {.id = NewId(),
                                        .case_id = ref.id,
                                        .at = FormatRfc3339(at),
                                        .kind = std::string(kind),
                                        .entity_id = std::string(entity_id),
                                        .label = std::string(label),
                                        .actor_id = std::string(actor_id)});
}

Result<void> TouchContact(store::Tx& tx, const CaseRef& ref, TimePoint at) {
  return case_repo::TouchContact(tx, ref.id, FormatRfc3339(at));
}

Result<void> RequireOpen(const CaseRef& ref) {
  if (ref.status != "open") return Fail(ErrorCode::kConflict, "cases.closed");
  return Ok();
}

}  // namespace dandelion::cases

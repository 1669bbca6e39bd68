// CaseAccess: the one check every case route passes — the case's records (services, notes,
// appointments, legal matters, assessments, goals, files) included — before it touches anything
// of a case (docs/domain.md, "A restricted case"; docs/security.md, "Authorization").
//
// A caller with a case permission may use a case of her own organization when it is not
// restricted and its person is not restricted for her (access::DecidePersonAccess: a sibling
// case of the same woman is restricted); a restricted case only when she is assigned to it,
// supervises, or holds an unexpired break-glass grant for it. Another organization's case, an
// unknown id and a case whose person was erased answer 404 alike; a restricted case answers 403
// break_glass_required, naming in refs["break_glass_cases"] the case(s) whose glass she may
// break. Each refusal is audited in the caller's write transaction, which must commit even
// though the request fails: LoadCase returns the refusal as a RecordedRefusal (core/error.h),
// which the caller passes on with TRY.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "modules/cases/case_cache.h"
#include "modules/cases/case_repo.h"
#include "modules/people/person_cipher.h"
#include "security/actor.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::cases {

// Why the caller may use a case.
enum class Access { kAssigned, kSupervisor, kOrganization, kBreakGlass };
std::string_view AccessName(Access access);

// What a case route needs to know about the case it works on.
struct CaseRef {
  std::string id;
  std::string org_id;
  std::string person_id;
  std::string number;
  std::string status;  // "open" | "closed"
  bool restricted = false;
  Access access = Access::kOrganization;
};

// The decision on one case for one caller, before anything is recorded: ref when she may use
// it; otherwise refusal and outcome ("not_found", "break_glass_required") for the audit entry.
struct CaseDecision {
  std::optional<CaseRef> ref;
  // The case and her person (her wrapped key too) as read to decide, present whenever ref is: a
  // reader of the case or its records need not read them again.
  std::optional<case_repo::ListedCase> row;
  // The case's workers, (user id, display name), as case_repo::WorkersOf gives them.
  std::vector<std::pair<std::string, std::string>> workers;
  std::optional<Error> refusal;
  std::string outcome;
};
// Given kept, the case's rows may come from it (case_cache.h); tx must then have run no statement
// yet.
Result<CaseDecision> DecideAccess(store::Tx& tx, const security::Actor& actor,
                                  std::string_view case_id, TimePoint now,
                                  CaseCache* kept = nullptr);

// Loads case_id for actor inside tx and decides access. action names the audit action of the
// attempt ("service.create", "case.read"...), recorded with outcome "not_found" or
// "break_glass_required" when refused, and the refusal is returned as a RecordedRefusal: the
// write transaction keeps that entry. Permission (case.read / case.write) is the caller's to
// check first.
Result<CaseRef> LoadCase(store::Tx& tx, const security::AuditLog& audit,
                         const security::Actor& actor, std::string_view case_id,
                         std::string_view action, TimePoint now);

// Her key, for the sealed fields of the case's records (PersonCipher::SealRecord/OpenRecord).
Result<people::PersonCipher> CipherFor(store::Tx& tx, security::Keyring& keyring,
                                       const CaseRef& ref);

// Adds an event to the case's timeline. label is clear text shown in the timeline (a service
// type, a hearing kind): never a personal value.
Result<void> AppendTimeline(store::Tx& tx, const CaseRef& ref, TimePoint at, std::string_view kind,
                            std::string_view entity_id, std::string_view label,
                            std::string_view actor_id);

// Records contact with her at `at` (a service, a note of contact): the caseload's "no contact
// for 30 days" reads it. Keeps the latest.
Result<void> TouchContact(store::Tx& tx, const CaseRef& ref, TimePoint at);

// Refuses writes to a closed case (409 "cases.closed"); notes may still be added by callers
// that choose not to call this.
Result<void> RequireOpen(const CaseRef& ref);

}  // namespace dandelion::cases

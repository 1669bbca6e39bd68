// PersonAccess: whether a caller may reach a person — the one decision behind every route that
// shows or changes her (her record, search, consents, and through cases::DecideAccess her cases,
// their records, appointments and the calendar). See docs/security.md, "Restricted survivors".
//
// A person is restricted when she has a restricted case (open or closed) in her organization.
// A restricted person may be reached only by a supervisor of her organization, a worker
// assigned to one of her cases, or someone holding an unexpired break-glass grant on one of her
// restricted cases; anyone else with a case role gets 403 break_glass_required, naming the
// restricted cases whose glass she may break. A person without a restricted case is open to
// every case role of her organization.
//
// The decision knows nothing of organizations or erasure: callers answer 404 for another
// organization's person, an unknown or an erased one before asking. It records nothing either:
// each caller audits the refusal (outcome "break_glass_required") or the read under a grant
// (outcome "break_glass") in its own transaction.
//
// This unit sits below both people and cases (it reads the cases tables directly), so that
// neither module depends on the other to ask it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/result.h"
#include "security/actor.h"
#include "store/database.h"

namespace dandelion::access {

// Why the caller may reach her. kOrganization: she has no restricted case.
enum class PersonAccess { kOrganization, kAssigned, kSupervisor, kBreakGlass };
// "organization", "assigned", "supervisor", "break_glass" (the names cases use).
std::string_view PersonAccessName(PersonAccess access);

struct PersonDecision {
  bool allowed = true;
  bool restricted = false;  // she has at least one restricted case
  PersonAccess access = PersonAccess::kOrganization;
  // Her restricted cases, newest first: where a refused caller may break the glass.
  std::vector<std::string> restricted_cases;

  // The audit outcome of a call it allows ("break_glass" under a grant, else "ok"), or of the
  // refused attempt ("break_glass_required").
  std::string Outcome() const;
};

// The decision on person_id (of actor's organization, on record) for actor at now.
// has_restricted_case: what a statement the caller already ran says of her (case_repo's case
// read and lists carry it); false decides without a statement, as her cases would.
Result<PersonDecision> DecidePersonAccess(store::Tx& tx, const security::Actor& actor,
                                          std::string_view person_id, TimePoint now,
                                          std::optional<bool> has_restricted_case = std::nullopt);

// The name under which a refusal lists the cases she may break the glass on (Error::refs).
inline constexpr std::string_view kBreakGlassCases = "break_glass_cases";

// 403 break_glass_required with message_key, listing cases in refs[kBreakGlassCases].
Error BreakGlassRequired(std::string message_key, std::vector<std::string> cases);

// The refusal of a person: BreakGlassRequired("people.break_glass_required", her cases).
Error Refusal(const PersonDecision& decision);

}  // namespace dandelion::access

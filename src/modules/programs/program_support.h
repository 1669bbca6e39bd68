// Pieces the program service's two files share (program_service.cc: programs, sessions,
// enrollments, attendance; her_outcomes.cc: certificates, outcomes, follow-ups, her page).
// Internal to the module.
#pragma once

#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "core/result.h"
#include "modules/access/person_access.h"
#include "security/actor.h"
#include "security/policy.h"
#include "store/database.h"

namespace dandelion::programs::detail {

namespace perm = security::perm;

// The tables whose sealed columns are bound to her key (the record's associated data).
inline constexpr std::string_view kEnrollments = "program_enrollments";
inline constexpr std::string_view kCertificates = "certificates";
inline constexpr std::string_view kOutcomes = "outcomes";
inline constexpr std::string_view kGoals = "plan_goals";

inline Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }
inline Error Conflict(std::string key) { return Error{ErrorCode::kConflict, std::move(key)}; }
inline std::string Now(const Clock& clock) { return FormatRfc3339(clock.Now()); }

// She is a person of the actor's organization on record (NotFound() otherwise), and the actor may
// reach her: finance (money only) whoever she is; case roles as her restriction allows.
Result<access::PersonDecision> Reach(store::Tx& tx, const security::Actor& actor,
                                     const std::string& person_id, TimePoint now);

}  // namespace dandelion::programs::detail

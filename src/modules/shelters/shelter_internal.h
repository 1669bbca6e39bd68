// What the files of ShelterService share (not for other modules).
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/result.h"
#include "modules/people/person_repo.h"
#include "modules/shelters/model.h"
#include "store/database.h"

namespace dandelion::shelters::internal {

inline constexpr std::string_view kLimitsKey = "shelter_stay_limits";
inline std::string GraceKey(const std::string& org_id) { return "shelter_grace_minutes:" + org_id; }

inline Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }
inline Error Conflict(std::string key) { return Error{ErrorCode::kConflict, std::move(key)}; }

// The person of org_id named by her id, or else her code, on record; 400 naming that field
// (shelter.unknown_person) otherwise: another organization's woman, an unknown one and an erased
// one answer alike.
Result<people::person_repo::StoredPerson> ResidentPerson(store::Tx& tx, const std::string& org_id,
                                                         const std::string& id,
                                                         const std::string& code);

// The limits in force: the network admin's setting, or the defaults when never set.
Result<StayLimits> LoadLimits(store::Tx& tx);
// The facility type of org_id ("" for an organization that is not a support facility).
Result<std::string> FacilityType(store::Tx& tx, const std::string& org_id);

}  // namespace dandelion::shelters::internal

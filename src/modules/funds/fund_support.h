// What the funds service's files share (fund_service.cc, fund_sources.cc, fund_receipts.cc):
// the two refusals they all answer with, the setting that holds an organization's two-person
// threshold, and the time stamp of a change. Internal to the module.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/error.h"

namespace dandelion::funds::internal {

inline Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }
inline Error Conflict(std::string key) { return Error{ErrorCode::kConflict, std::move(key)}; }

// The settings key of the amount above which a payment needs a second person's approval.
inline std::string ThresholdKey(const std::string& org_id) {
  return "funds_two_person_above:" + org_id;
}

inline std::string Now(const Clock& clock) { return FormatRfc3339(clock.Now()); }

}  // namespace dandelion::funds::internal

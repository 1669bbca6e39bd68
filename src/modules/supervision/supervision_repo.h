// SupervisionRepo: what a supervisor's screen reads across her organization's cases (workload
// per worker, acts waiting for her review) and the reviews she records. SQL only; sealed values
// come back as ciphertext for the service to open.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::supervision::supervision_repo {

// One active staff member of the organization holding a case role, with her open caseload.
struct WorkerLoad {
  std::string user_id;
  std::string display_name;
  std::string roles;  // comma-separated, as stored
  int64_t open_cases = 0;
  int64_t high_risk = 0;   // open cases at risk high or critical
  int64_t no_contact = 0;  // open cases with no contact since the given time
};

// Workers of org_id with a case role (case_worker, supervisor), by name; no_contact_since is
// RFC 3339.
Result<std::vector<WorkerLoad>> Workload(store::Tx& tx, const std::string& org_id,
                                         const std::string& no_contact_since);
// Open cases of org_id that no active staff member works (nobody assigned, or only people who
// have left).
Result<int64_t> UnassignedOpenCases(store::Tx& tx, const std::string& org_id);

// An act waiting for review: a break-glass grant or a closing.
struct PendingAct {
  std::string kind;  // "break_glass" | "closure"
  std::string subject_id;
  std::string case_id;
  std::string case_number;
  std::string person_id;
  std::string actor_id;
  std::string actor_name;
  std::string at;
  std::string reason_code;    // closure reason (clear, from a fixed list); "" for break-glass
  std::string sealed_reason;  // break-glass reason, sealed under her key
};

// Acts of org_id since `since` (RFC 3339) with no review yet, newest first, at most limit.
Result<std::vector<PendingAct>> Pending(store::Tx& tx, const std::string& org_id,
                                        const std::string& since, int limit);
// The act, when it belongs to org_id (reviewed or not); nullopt otherwise.
Result<std::optional<PendingAct>> FindAct(store::Tx& tx, const std::string& org_id,
                                          const std::string& kind, const std::string& subject_id);

struct Review {
  std::string id;
  std::string org_id;
  std::string kind;
  std::string subject_id;
  std::string case_id;
  std::string reviewed_by;
  std::string reviewed_at;
};
// False when the act was already reviewed (nothing written).
Result<bool> InsertReview(store::Tx& tx, const Review& review);

}  // namespace dandelion::supervision::supervision_repo

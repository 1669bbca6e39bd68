// AssessmentRepo: storage of needs assessments (a dated row and one rating per domain) and of the
// service plan's goals. SQL only; a domain's notes and a goal's title come and go as ciphertext.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::case_records::assessment_repo {

// A row of assessments.
struct StoredAssessment {
  std::string id;
  std::string case_id;
  std::string org_id;
  std::string assessed_by;
  std::string created_at;
};

// A row of assessment_ratings. notes is sealed; "" is stored as NULL.
struct StoredRating {
  std::string assessment_id;
  std::string domain;
  int64_t rating = 0;
  std::string notes;  // sealed
};

// One rating with its assessment, as a case's list reads them.
struct RatedAssessment {
  StoredAssessment assessment;
  StoredRating rating;
};

Result<void> InsertAssessment(store::Tx& tx, const StoredAssessment& a);
Result<void> InsertRating(store::Tx& tx, const StoredRating& r);
// Every rating of the case's assessments: oldest assessment first, domains in order.
Result<std::vector<RatedAssessment>> RatingsOf(store::Tx& tx, const std::string& case_id);

// A row of plan_goals. title is sealed; target_date "" is stored as NULL.
struct StoredGoal {
  std::string id;
  std::string case_id;
  std::string org_id;
  std::string title;  // sealed
  std::string target_date;
  std::string status;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
};

Result<void> InsertGoal(store::Tx& tx, const StoredGoal& g);
// Rewrites title, target date, status and updated_at.
Result<void> UpdateGoal(store::Tx& tx, const StoredGoal& g);
// The case's goals (or only the one with id), oldest first.
Result<std::vector<StoredGoal>> Goals(store::Tx& tx, const std::string& case_id,
                                      const std::string& id = "");

}  // namespace dandelion::case_records::assessment_repo

// Needs assessments and the service plan's goals (docs/domain.md, "Needs assessment", "Service
// plan"). Ratings (0..4 per domain), goal statuses and target dates stay clear for statistics
// of needs and outcomes; each domain's notes and each goal's title are sealed under her key.
// An assessment is a dated snapshot and is never changed; goals move through their statuses.
//
// Thread-safe: state lives in the database.
#pragma once

#include <string>
#include <vector>

#include "modules/case_records/record_door.h"

namespace dandelion::case_records {

class Assessments {
 public:
  explicit Assessments(Deps deps) : deps_(deps) {}

  // case.write.
  Result<Assessment> Record(const security::Actor& actor, const std::string& case_id,
                            const AssessmentFields& fields);
  // case.read; oldest first.
  Result<security::Audited<std::vector<Assessment>>> List(const security::Actor& actor,
                                                          const std::string& case_id);

 private:
  Deps deps_;
};

class PlanGoals {
 public:
  explicit PlanGoals(Deps deps) : deps_(deps) {}

  // case.write; status "planned" when absent.
  Result<Goal> Create(const security::Actor& actor, const std::string& case_id,
                      const GoalFields& fields);
  // case.write; changes the fields present ("" clears target_date).
  Result<Goal> Update(const security::Actor& actor, const std::string& id,
                      const GoalFields& fields);
  // case.read; oldest first.
  Result<security::Audited<std::vector<Goal>>> List(const security::Actor& actor,
                                                    const std::string& case_id);

 private:
  Deps deps_;
};

}  // namespace dandelion::case_records

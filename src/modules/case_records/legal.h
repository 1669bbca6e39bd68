// LegalMatters: her proceedings (docs/domain.md, "Legal matter") — prosecutions against her under
// the Punishment Act, her complaints against pimps, buyers and traffickers, advance-debt
// nullification, immigration and family matters — and their hearings. Kind, status and outcome
// stay clear: prosecutions against women and their outcomes are a network statistic. Authority,
// case number, a hearing's court and notes identify her proceedings and are sealed.
//
// Thread-safe: state lives in the database.
#pragma once

#include <string>
#include <vector>

#include "modules/case_records/record_door.h"

namespace dandelion::case_records {

class LegalMatters {
 public:
  explicit LegalMatters(Deps deps) : deps_(deps) {}

  // case.write; kind and status required.
  Result<LegalMatter> Create(const security::Actor& actor, const std::string& case_id,
                             const LegalFields& fields);
  // case.write; changes the fields present (kind is fixed).
  Result<LegalMatter> Update(const security::Actor& actor, const std::string& id,
                             const LegalFields& fields);
  // case.write.
  Result<Hearing> AddHearing(const security::Actor& actor, const std::string& legal_matter_id,
                             const HearingFields& fields);
  // case.read; oldest first, each with its hearings.
  Result<security::Audited<std::vector<LegalMatter>>> List(const security::Actor& actor,
                                                           const std::string& case_id);

 private:
  Deps deps_;
};

}  // namespace dandelion::case_records

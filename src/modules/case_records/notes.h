// CaseNotes: the case's notes (docs/domain.md, "Note"), sealed under her key and append-only — a
// correction is a new note that amends an earlier one. There is no edit or delete, here or in
// the database (0005_case_records: triggers refuse UPDATE and DELETE). Notes may be added to a
// closed case: what happened after closing still belongs to its record.
//
// Thread-safe: state lives in the database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/case_records/record_door.h"

namespace dandelion::case_records {

class CaseNotes {
 public:
  explicit CaseNotes(Deps deps) : deps_(deps) {}

  // case.write; amends must be a note of the same case (400 otherwise).
  Result<Note> Add(const security::Actor& actor, const std::string& case_id,
                   const std::string& text, const std::optional<std::string>& amends);
  // case.read; oldest first.
  Result<security::Audited<std::vector<Note>>> List(const security::Actor& actor,
                                                    const std::string& case_id);

 private:
  Deps deps_;
};

}  // namespace dandelion::case_records

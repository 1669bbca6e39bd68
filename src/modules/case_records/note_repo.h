// NoteRepo: storage of a case's notes (case_notes), which the database keeps append-only. SQL
// only; a note's text comes and goes as ciphertext.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::case_records::note_repo {

// A row of case_notes.
struct StoredNote {
  std::string id;
  std::string case_id;
  std::string org_id;
  std::string text;    // sealed
  std::string amends;  // "" is stored as NULL
  std::string author_id;
  std::string created_at;
  std::string author_name;  // the author's display name (read only)
};

Result<void> Insert(store::Tx& tx, const StoredNote& n);
// The case's notes, oldest first.
Result<std::vector<StoredNote>> ListByCase(store::Tx& tx, const std::string& case_id);
// Whether note id is a note of case_id.
Result<bool> InCase(store::Tx& tx, const std::string& id, const std::string& case_id);
// A user's display name ("" when unknown).
Result<std::string> DisplayName(store::Tx& tx, const std::string& user_id);

}  // namespace dandelion::case_records::note_repo

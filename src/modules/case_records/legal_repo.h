// LegalRepo: storage of legal matters and their hearings. SQL only; a matter's authority and
// case number, a hearing's court and notes come and go as ciphertext.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::case_records::legal_repo {

// A row of legal_matters. Sealed members hold raw ciphertext bytes; "" is stored as NULL.
struct StoredMatter {
  std::string id;
  std::string case_id;
  std::string org_id;
  std::string kind;
  std::string authority;    // sealed
  std::string case_number;  // sealed
  std::string status;
  std::string outcome;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
};

// A row of hearings. Sealed members hold raw ciphertext bytes; "" is stored as NULL.
struct StoredHearing {
  std::string id;
  std::string legal_matter_id;
  std::string case_id;
  std::string org_id;
  std::string at;
  std::string court;  // sealed
  std::string kind;
  std::string notes;  // sealed
  std::string created_by;
  std::string created_at;
};

Result<void> InsertMatter(store::Tx& tx, const StoredMatter& m);
// Rewrites authority, case number, status, outcome and updated_at.
Result<void> UpdateMatter(store::Tx& tx, const StoredMatter& m);
// The case's matters (or only the one with id), oldest first.
Result<std::vector<StoredMatter>> Matters(store::Tx& tx, const std::string& case_id,
                                          const std::string& id = "");

Result<void> InsertHearing(store::Tx& tx, const StoredHearing& h);
// A matter's hearings, earliest first.
Result<std::vector<StoredHearing>> HearingsOf(store::Tx& tx, const std::string& legal_matter_id);

}  // namespace dandelion::case_records::legal_repo

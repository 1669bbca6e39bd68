// FileRepo: storage of a case's files (case_files), contents included. SQL only; the name, the
// file's key (wrapped by her key) and the contents (a secretstream) come and go sealed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::case_records::file_repo {

// A row of case_files.
struct StoredFile {
  std::string id;
  std::string case_id;
  std::string org_id;
  std::string kind;
  std::string name;  // sealed
  int64_t size = 0;
  std::string file_key;  // wrapped by her key
  std::string content;   // sealed under file_key
  std::string uploaded_by;
  std::string created_at;
};

Result<void> Insert(store::Tx& tx, const StoredFile& f);
// The case's files, oldest first, without key or contents.
Result<std::vector<StoredFile>> ListByCase(store::Tx& tx, const std::string& case_id);
// One file with its key and contents.
Result<std::optional<StoredFile>> FindById(store::Tx& tx, const std::string& id);

}  // namespace dandelion::case_records::file_repo

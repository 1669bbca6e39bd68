// RecordRepo: what every case record's door asks of storage — which case a record (an
// appointment, a legal matter, a goal, a file) belongs to. SQL only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::case_records::record_repo {

struct Owner {
  std::string case_id;
  std::string org_id;
};

// The case and organization of the record id in table (a literal of this module); nullopt when
// there is no such record.
Result<std::optional<Owner>> OwnerOf(store::Tx& tx, std::string_view table, const std::string& id);

}  // namespace dandelion::case_records::record_repo

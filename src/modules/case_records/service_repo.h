// ServiceRepo: storage of the services given within a case (case_services). SQL only; outcome
// and notes come and go as ciphertext.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::case_records::service_repo {

// A row of case_services. Sealed members hold raw ciphertext bytes; "" is stored as NULL.
struct StoredService {
  std::string id;
  std::string case_id;
  std::string org_id;
  std::string type;
  std::string date;
  int64_t minutes = 0;
  std::string provider;
  std::string outcome;  // sealed
  std::string notes;    // sealed
  std::optional<int64_t> amount;
  std::string recorded_by;
  std::string created_at;
};

Result<void> Insert(store::Tx& tx, const StoredService& s);
// The case's services, oldest date first.
Result<std::vector<StoredService>> ListByCase(store::Tx& tx, const std::string& case_id);

}  // namespace dandelion::case_records::service_repo

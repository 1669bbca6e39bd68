// ConsentRepo: storage of her consents, and what a consent's door and timeline need to know
// about her organization and open cases. SQL only; a revocation's reason comes and goes as
// ciphertext.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::case_records::consent_repo {

// A row of consents. "" is stored as NULL.
struct StoredConsent {
  std::string id;
  std::string person_id;
  std::string org_id;
  std::string kind;
  std::string scope_fields;  // comma-separated
  std::string scope_org_id;
  std::string scope_external;
  std::string method;
  std::string given_at;
  std::string expires_at;
  std::string revoked_at;
  std::string recorded_by;
};

Result<void> Insert(store::Tx& tx, const StoredConsent& c);
// Her consents, newest first.
Result<std::vector<StoredConsent>> ListByPerson(store::Tx& tx, const std::string& person_id);
// Whose consent id is; "" when there is no such consent.
Result<std::string> PersonOf(store::Tx& tx, const std::string& id);
// Consent id of person_id.
Result<std::optional<StoredConsent>> Find(store::Tx& tx, const std::string& id,
                                          const std::string& person_id);
// Marks it revoked at revoked_at by revoked_by, with the sealed reason.
Result<void> Revoke(store::Tx& tx, const std::string& id, const std::string& revoked_at,
                    const std::string& reason, const std::string& revoked_by);

Result<bool> OrganizationExists(store::Tx& tx, const std::string& org_id);
// Her open cases in org_id: (id, number).
Result<std::vector<std::pair<std::string, std::string>>> OpenCasesOf(store::Tx& tx,
                                                                     const std::string& person_id,
                                                                     const std::string& org_id);

}  // namespace dandelion::case_records::consent_repo

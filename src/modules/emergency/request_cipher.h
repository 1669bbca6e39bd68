// The sealing of a help request's sensitive fields under its organization's key.
//
// There is no person yet when a request arrives, so what she wrote is encrypted under the key of
// the organization the request is routed to, bound to (organization, "help_requests", column,
// request id) and the key version (field_cipher.h): a blob moved to another row, column or
// organization does not decrypt. Escalation opens the fields with the old organization's key
// and seals them again for the new one, in the same transaction.
//
// Pure functions over a transaction; thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "core/result.h"
#include "modules/emergency/model.h"
#include "modules/emergency/request_repo.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::emergency {

inline constexpr std::string_view kRequestsTable = "help_requests";

// The names of the sealed columns, for audit entries that touch all of them.
std::span<const std::string_view> SealedColumns();

// The row of clear: its sealed columns hold ciphertexts under assigned_org_id's current key
// ("" stays "", stored as NULL).
Result<request_repo::StoredHelpRequest> SealRequest(store::Tx& tx, security::Keyring& keyring,
                                                    const HelpRequest& clear);
// The request a row holds, its sealed columns decrypted (each with the key version it names).
Result<HelpRequest> OpenRequest(store::Tx& tx, security::Keyring& keyring,
                                const request_repo::StoredHelpRequest& row);

}  // namespace dandelion::emergency

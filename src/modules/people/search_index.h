// Keeping a person findable: her blind indexes (exact name and phone) and her search terms
// (prefixes, people/search_terms.h) are written with her row, and brought to her organization's
// current key version when they lag behind it.
#pragma once

#include "core/result.h"
#include "modules/people/model.h"
#include "modules/people/person_repo.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::people {

// Computes row's blind indexes and person's search terms under the organization's current key,
// and stores row (sealed already) and the terms. Inside the write transaction that changes her.
Result<void> StoreIndexed(store::Tx& tx, security::Keyring& keyring, const Person& person,
                          person_repo::StoredPerson& row);

}  // namespace dandelion::people

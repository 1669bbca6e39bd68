// The one door of every case-record call (docs/api-cases.md, "Case records"): the role's
// permission, then the case through cases::LoadCase (same organization, restriction, break-glass;
// refusals audited), then the work — validation, sealing, writing, timeline, audit — in one
// transaction, so a refused or invalid call leaves nothing but the audit entry of its refusal.
//
// Thread-safe: state lives in the database.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "modules/case_records/model.h"
#include "modules/cases/case_access.h"
#include "modules/people/person_cipher.h"
#include "security/actor.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::case_records {

// What every case-record service holds.
struct Deps {
  store::Database& db;
  security::Keyring& keyring;
  const security::AuditLog& audit;
  const Clock& clock;
};

using CaseWork = std::function<Result<void>(store::Tx&, const cases::CaseRef&)>;

// 401 without a user, 403 unless a role grants permission.
Result<void> RequirePermission(const security::Actor& actor, std::string_view permission);

Error NotFound();

// Checks permission, loads case_id for actor (action names the attempt in the audit log) and
// runs work in the same write transaction. Returns the refusal (404, 403 break_glass_required)
// after committing its audit entry, or work's error after rolling everything back.
Result<void> OnCase(const Deps& deps, const security::Actor& actor, std::string_view permission,
                    const std::string& case_id, std::string_view action, const CaseWork& work);

// The same for a record addressed by its own id (an appointment, a legal matter, a goal, a
// file): finds its case through table (a literal of this module), answering 404 — audited as
// action on entity_type — when the record is absent or of another organization.
Result<void> OnRecord(const Deps& deps, const security::Actor& actor, std::string_view permission,
                      std::string_view table, std::string_view entity_type, const std::string& id,
                      std::string_view action, const CaseWork& work);

// Appends actor's event on one record of ref's case: names of fields, never values.
Result<void> AuditRecord(const Deps& deps, store::Tx& tx, const security::Actor& actor,
                         const cases::CaseRef& ref, std::string action, std::string entity_type,
                         std::string entity_id, std::vector<std::string> fields = {});

// A user's display name ("" when unknown).
Result<std::string> DisplayName(store::Tx& tx, const std::string& user_id);

// Her code, alias and safe-contact instructions, decrypted, for views that lead to contact.
Result<PersonBrief> BriefOf(store::Tx& tx, const people::PersonCipher& cipher,
                            const std::string& person_id);

using store::BlobOrNull;
using store::TextOrNull;

}  // namespace dandelion::case_records

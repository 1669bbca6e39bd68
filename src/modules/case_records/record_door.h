// The one door of every case-record call (docs/api-cases.md, "Case records"): the role's
// permission, then the case through cases::LoadCase (same organization, restriction, break-glass;
// refusals audited), then the work — validation, sealing, writing, timeline, audit — in one
// transaction, so a refused or invalid call leaves nothing but the audit entry of its refusal.
//
// Thread-safe: state lives in the database.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/result.h"
#include "modules/case_records/model.h"
#include "modules/cases/case_access.h"
#include "modules/people/person_cipher.h"
#include "modules/service_support.h"
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

// What a door's work returns: the Result of work(tx, ref).
template <class Work>
using WorkResult = std::invoke_result_t<Work&, store::Tx&, const cases::CaseRef&>;

// Checks permission, loads case_id for actor (action names the attempt in the audit log) and
// runs work in the same write transaction; returns what work returns. A refusal (404, 403
// break_glass_required) keeps its audit entry; work's error rolls everything back.
template <class Work>
WorkResult<Work> OnCase(const Deps& deps, const security::Actor& actor, std::string_view permission,
                        const std::string& case_id, std::string_view action, Work&& work) {
  TRY(RequirePermission(actor, permission));
  if (!LooksLikeId(case_id)) return Fail(NotFound());
  return deps.db.WriteValue([&](store::Tx& tx) -> WorkResult<Work> {
    cases::CaseRef ref =
        TRY(cases::LoadCase(tx, deps.audit, actor, case_id, action, deps.clock.Now()));
    return work(tx, ref);
  });
}

// The case of the record id in table, for actor: 404 — audited as action on entity_type —
// when the record is absent or of another organization, then cases::LoadCase's decision.
Result<cases::CaseRef> LoadRecordCase(const Deps& deps, store::Tx& tx, const security::Actor& actor,
                                      std::string_view table, std::string_view entity_type,
                                      const std::string& id, std::string_view action);

// The same door for a record addressed by its own id (an appointment, a legal matter, a goal, a
// file): finds its case through table (a literal of this module).
template <class Work>
WorkResult<Work> OnRecord(const Deps& deps, const security::Actor& actor,
                          std::string_view permission, std::string_view table,
                          std::string_view entity_type, const std::string& id,
                          std::string_view action, Work&& work) {
  TRY(RequirePermission(actor, permission));
  if (!LooksLikeId(id)) return Fail(NotFound());
  return deps.db.WriteValue([&](store::Tx& tx) -> WorkResult<Work> {
    cases::CaseRef ref = TRY(LoadRecordCase(deps, tx, actor, table, entity_type, id, action));
    return work(tx, ref);
  });
}

// Appends actor's event on one record of ref's case: names of fields, never values.
Result<void> AuditRecord(const Deps& deps, store::Tx& tx, const security::Actor& actor,
                         const cases::CaseRef& ref, std::string action, std::string entity_type,
                         std::string entity_id, std::vector<std::string> fields = {});

// Her code, alias and safe-contact instructions, decrypted, for views that lead to contact.
Result<PersonBrief> BriefOf(store::Tx& tx, const people::PersonCipher& cipher,
                            const std::string& person_id);

// The date a timeline shows for a record that takes place at `at` (RFC 3339): that time, or
// fallback when it does not parse.
TimePoint WhenItHappens(const std::string& at, TimePoint fallback);

}  // namespace dandelion::case_records

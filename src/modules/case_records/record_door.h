// The doors of every case-record call (docs/api-cases.md, "Case records"): the role's
// permission, then the case (same organization, restriction, break-glass; refusals audited),
// then the work. A change (OnCase, OnRecord) does its validation, sealing, writing, timeline and
// audit in one write transaction, so a refused or invalid call leaves nothing but the audit entry
// of its refusal. A read of a case's records (ReadOnCase) runs in a read transaction, decides on
// the case from its kept rows when nothing about her changed (cases/case_cache.h), and owes its
// audit entry to the reads' group commit, which writes it before the reply leaves, as a case
// read's.
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
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "security/policy.h"
#include "store/database.h"

namespace dandelion::case_records {

// What every case-record service holds.
struct Deps {
  store::Database& db;
  security::Keyring& keyring;
  const security::AuditLog& audit;
  const Clock& clock;
  security::AuditBatcher& reads;  // the group commit of reads' audit entries
  cases::CaseCache& kept_cases;   // the case service's, shared: one woman's rows kept once
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

namespace door_detail {

// What a read door does once access is decided, inside its read transaction: on a refusal, e
// becomes the refusal's entry (its outcome, no fields) and the refusal is returned to be recorded;
// otherwise her key is unwrapped from the row the decision read and work runs.
template <class T, class Work>
Result<T> WorkOnDecided(const Deps& deps, store::Tx& tx, cases::CaseDecision& decision,
                        security::AuditEvent& e, Work& work) {
  if (!decision.ref) {
    e.outcome = decision.outcome;
    e.fields.clear();
    // A read transaction writes nothing; the refusal's entry is written by Owing.
    return Fail(RecordedRefusal(std::move(*decision.refusal)));
  }
  if (decision.ref->access == cases::Access::kBreakGlass) e.outcome = "break_glass";
  // Her key as the decision read it (DecideAccess gives the row with every ref), kept or with
  // the case: no statement of its own (on PostgreSQL a round trip).
  const cases::CaseRef& ref = *decision.ref;
  people::PersonCipher cipher = TRY(
      people::PersonCipher::Unwrap(tx, deps.keyring, ref.org_id, ref.person_id, decision.row->key));
  return work(tx, ref, cipher);
}

// The read's answer with the audit entry e it owes; a recorded refusal's entry is written before
// the refusal is returned.
template <class T>
Result<security::Audited<T>> Owing(const Deps& deps, Result<T> read, security::AuditEvent e) {
  if (!read) {
    if (read.error().commits) TRY(deps.reads.AppendAndWait(std::move(e)));
    return Fail(read.error());
  }
  return security::Audited<T>{std::move(*read), security::PendingAudit(deps.reads, std::move(e))};
}

// The decision on the case of the record id in table (a literal of this module): not_found when
// the record is absent or another organization's (e stays on the record), else DecideAccess's,
// whose refusal is recorded on the case as LoadCase records it (e moves there).
Result<cases::CaseDecision> DecideOnRecord(store::Tx& tx, const security::Actor& actor,
                                           std::string_view table, const std::string& id,
                                           TimePoint now, security::AuditEvent& e);

}  // namespace door_detail

// Checks the case-read permission, decides on case_id for actor in a read transaction and runs
// work(tx, ref, her cipher) there; returns what work gives with the audit entry the read owes:
// action on the case, naming fields (outcome "break_glass" under a grant). A refusal's entry
// (outcome "not_found", "break_glass_required") is on disk before the refusal is returned. work
// must only read.
template <class T, class Work>
Result<security::Audited<T>> ReadOnCase(const Deps& deps, const security::Actor& actor,
                                        const std::string& case_id, std::string action,
                                        std::vector<std::string> fields, Work&& work) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  if (!LooksLikeId(case_id)) return Fail(NotFound());
  security::AuditEvent e = security::ActorEvent(actor, std::move(action), "case", case_id,
                                                std::move(fields), actor.org_id);
  const TimePoint now = deps.clock.Now();
  auto read = deps.db.ReadValue([&](store::Tx& tx) -> Result<T> {
    cases::CaseDecision decision =
        TRY(cases::DecideAccess(tx, actor, case_id, now, &deps.kept_cases));
    return door_detail::WorkOnDecided<T>(deps, tx, decision, e, work);
  });
  return door_detail::Owing<T>(deps, std::move(read), std::move(e));
}

// The same for a record addressed by its own id (a file): its case found through table, the
// entry on the record (entity_type, id). Probing ids of records leaves a trace, as probing case
// ids does. work must only read.
template <class T, class Work>
Result<security::Audited<T>> ReadOnRecord(const Deps& deps, const security::Actor& actor,
                                          std::string_view table, std::string entity_type,
                                          const std::string& id, std::string action,
                                          std::vector<std::string> fields, Work&& work) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  if (!LooksLikeId(id)) return Fail(NotFound());
  security::AuditEvent e = security::ActorEvent(actor, std::move(action), std::move(entity_type),
                                                id, std::move(fields), actor.org_id);
  const TimePoint now = deps.clock.Now();
  auto read = deps.db.ReadValue([&](store::Tx& tx) -> Result<T> {
    cases::CaseDecision decision = TRY(door_detail::DecideOnRecord(tx, actor, table, id, now, e));
    return door_detail::WorkOnDecided<T>(deps, tx, decision, e, work);
  });
  return door_detail::Owing<T>(deps, std::move(read), std::move(e));
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
// The same from her row's columns as the caller read them (alias and safe_contact sealed).
Result<PersonBrief> BriefOf(const people::PersonCipher& cipher, const std::string& person_id,
                            const std::string& code, std::string_view alias,
                            std::string_view safe_contact);

// The date a timeline shows for a record that takes place at `at` (RFC 3339): that time, or
// fallback when it does not parse.
TimePoint WhenItHappens(const std::string& at, TimePoint fallback);

}  // namespace dandelion::case_records

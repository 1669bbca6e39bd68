// AuditLog: the append-only, hash-chained record of who did what (docs/security.md, "Audit log").
//
// Services append an entry in the same transaction as the work it records, so the record and
// the work commit or roll back together. Entries hold ids, actions, names of fields touched and
// outcomes — never field values. Each row's hash is BLAKE2b(previous hash ‖ canonical row);
// appending locks the single audit_head row, so concurrent writers on PostgreSQL cannot fork the
// chain. Verify() walks the chain and names the first broken row; signed checkpoints of the
// head make a rewrite of the whole chain detectable too.
//
// Thread-safe: holds no state besides the signing key derived at construction.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "security/actor.h"
#include "security/audit_chain.h"
#include "security/audit_checkpoint.h"
#include "security/keys.h"
#include "store/database.h"

namespace dandelion::security {

// What a service records; AuditLog adds the sequence number and time (see audit_chain.h).
struct AuditEvent {
  std::string actor_user_id;  // "" for anonymous (e.g. a failed sign-in, the public help form)
  std::string actor_org_id;
  std::string org_id;  // the organization whose data was touched ("" when none)
  std::string action;  // "person.read", "case.update", "session.create", "user.disable", ...
  std::string entity_type;
  std::string entity_id;
  std::string outcome = "ok";       // "ok", "denied", "failed", "not_found", ...
  std::vector<std::string> fields;  // names of fields touched, never their values
  std::string request_id;
  std::string remote;  // client address
};

// An event with the time it happened, for entries filed into the chain later than they were
// made durable (security/audit_journal.h): the chain keeps that time, not the filing time.
struct FiledAuditEvent {
  AuditEvent event;
  int64_t at_ms = 0;  // Unix time in milliseconds, UTC
};

// The event of actor's action on one entity of org_id (the actor's own organization when empty):
// who, from where and in which request come from the actor.
AuditEvent ActorEvent(const Actor& actor, std::string action, std::string entity_type,
                      std::string entity_id, std::vector<std::string> fields = {},
                      std::string org_id = "");

// A stored entry as the auditor's query returns it.
using AuditRecord = AuditEntry;

struct AuditQuery {
  std::string org_id;  // "" = all organizations (network auditor)
  std::string entity_type;
  std::string entity_id;
  std::string actor_user_id;
  std::string action;
  int64_t before_seq = 0;  // cursor: entries with seq < before_seq; 0 = newest
  int limit = 50;
};

class AuditLog {
 public:
  // The entity index groups entries in epochs of 2^kEntityEpochBits by seq (migrations 0026,
  // 0030); a search by entity reads kEpochsPerStatement epochs a statement.
  static constexpr int kEntityEpochBits = 14;
  static constexpr int64_t kEpochsPerStatement = 16;

  // master_key derives the Ed25519 checkpoint key (no second secret to back up).
  AuditLog(const SecretKey& master_key, const Clock& clock);

  // Appends event inside tx; returns its sequence number.
  Result<int64_t> Append(store::Tx& tx, const AuditEvent& event) const;

  // Appends events inside tx in their order, each with its own time; the head moved and read in
  // one statement, the rows sent together (Tx::ExecMany), the head set once for the lot (and at
  // each checkpoint). Returns the last sequence number (0 when events is empty).
  Result<int64_t> AppendFiled(store::Tx& tx, std::span<const FiledAuditEvent> events) const;

  // Now on this log's clock, as entries store it.
  int64_t NowMillis() const;

  // Newest first. One entity's entries (type and id given) are looked for epoch by epoch, from
  // the newest, until the page is full.
  Result<std::vector<AuditRecord>> Query(store::Tx& tx, const AuditQuery& query) const;

  // Walks the whole chain and every checkpoint. Ok when intact; otherwise kConflict with detail
  // naming the first broken row ("audit row 42: hash mismatch", "row 17 missing", ...).
  Result<void> Verify(store::Tx& tx) const;

  // Signs the current head and stores the checkpoint; returns its exportable text form.
  Result<std::string> Checkpoint(store::Tx& tx) const;

  // Compares the log with a checkpoint kept outside the database (the data dir's copy of the
  // last one signed): Ok when the log still holds the checkpointed row with the same hash.
  // Otherwise kConflict "security.audit_broken" naming what was lost: entries after the log's
  // end (the database was replaced by an older or empty one), or a rewritten row. A checkpoint
  // not signed by this log's key (or a retired one, for its rows) is refused as well.
  Result<void> CompareKept(store::Tx& tx, const AuditCheckpoint& kept) const;

  // All checkpoints as exportable text (one per line), oldest first.
  Result<std::string> ExportCheckpoints(store::Tx& tx) const;

  // The hex public key that verifies checkpoints, for copying elsewhere.
  std::string PublicKeyHex() const;

  // Signs another document with the same key (filed reports, modules/reports/model.h); the
  // caller's message carries its own domain tag, so it can never pass for a checkpoint.
  std::string SignDocument(std::string_view message) const { return signing_key_.Sign(message); }
  const std::string& PublicKey() const { return signing_key_.public_key(); }

  // For a master key rotation, called on the log built from the NEW master key inside the
  // rotation's transaction, before it appends anything: records previous's signing key as
  // retired at the current head, and endorses it and every key previous had retired with this
  // log's key (kv_settings 'audit_retired_keys'). Verify() then accepts checkpoints made before
  // the rotation (they are append-only and cannot be re-signed). An endorsement binds a public
  // key to the last seq it may have signed, so the retired master key cannot sign new ones.
  Result<void> AdoptRetiredKeys(store::Tx& tx, const AuditLog& previous) const;

  // A retired signing key (32 raw bytes) and when it stopped signing: the time of the last audit
  // row it may have signed. Documents it signed (filed reports) were made no later than that.
  struct RetiredSigningKey {
    std::string public_key;
    TimePoint retired_at;
  };
  // The retired keys this log's key endorses, oldest first; kConflict "security.audit_broken"
  // when an endorsement is not by this log's key.
  Result<std::vector<RetiredSigningKey>> RetiredSigningKeys(store::Tx& tx) const;

 private:
  struct RetiredKey {
    std::string public_key;  // raw 32 bytes
    int64_t last_seq = 0;    // checkpoints it signed are at or before this row
  };
  // The endorsed retired keys; kConflict "security.audit_broken" if an endorsement is not by
  // this log's key.
  Result<std::vector<RetiredKey>> RetiredKeys(store::Tx& tx) const;

  AuditSigningKey signing_key_;
  const Clock& clock_;
};

}  // namespace dandelion::security

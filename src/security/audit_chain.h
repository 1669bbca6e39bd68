// The hash chain that makes the audit log tamper-evident (docs/security.md, "Audit log").
//
// Each row stores hash = BLAKE2b-256(previous row's hash ‖ canonical encoding of the row); the
// first row chains from kGenesisHash. Changing, inserting or deleting any row changes every
// later hash, so `dandelion audit verify` finds the first broken row by recomputing the chain.
// (A rewrite of the whole chain is caught by signed checkpoints: audit_checkpoint.h.)
//
// The canonical encoding is unambiguous: a version label, fixed-width big-endian integers, and
// every string with a u32 length prefix (the fields list is a u32 count then prefixed strings),
// so no two different entries encode alike however their texts are chosen. It covers who, what,
// when, where from, and outcome, never field values (docs/security.md).
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dandelion::security {

// One audit row, exactly as stored: the chain hash is over these values, so the store must
// read back what it wrote (an absent value is "", never a NULL that reads back differently).
struct AuditEntry {
  int64_t seq = 0;            // position in the log, 1, 2, 3...
  int64_t at_ms = 0;          // Unix time in milliseconds, UTC
  std::string actor_user_id;  // "" for anonymous (e.g. a failed sign-in of an unknown user)
  std::string actor_org_id;
  std::string org_id;       // the organization whose data was touched ("" when none)
  std::string action;       // e.g. "person.read", "auth.login"
  std::string entity_type;  // e.g. "person"
  std::string entity_id;
  std::string outcome;  // e.g. "ok", "denied", "failed"
  std::string request_id;
  std::string remote;               // client address
  std::vector<std::string> fields;  // names of fields touched, never their values
};

inline constexpr size_t kAuditHashSize = 32;

// The "previous hash" of the first entry: 32 zero bytes.
std::string GenesisHash();

// The canonical bytes of entry (see the file comment).
std::string EncodeAuditEntry(const AuditEntry& entry);

// BLAKE2b-256(prev_hash ‖ EncodeAuditEntry(entry)), 32 raw bytes. Fails with
// "security.audit_hash_malformed" if prev_hash is not 32 bytes (a damaged stored hash).
Result<std::string> ChainHash(std::string_view prev_hash, const AuditEntry& entry);

// A stored row with its stored hash, as `audit verify` reads them in seq order.
struct ChainedAuditEntry {
  AuditEntry entry;
  std::string hash;
};

// Index of the first entry whose stored hash differs from the recomputed chain starting at
// prev_hash (GenesisHash() for the start of the log), or nothing when the chain is intact.
// Also reports an entry whose seq does not follow its predecessor's.
std::optional<size_t> FirstBrokenEntry(std::string_view prev_hash,
                                       std::span<const ChainedAuditEntry> entries);

}  // namespace dandelion::security

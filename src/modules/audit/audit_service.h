// AuditService: the one door to reading the audit log and to its signed checkpoints
// (docs/security.md, "Audit log").
//
// Only auditors read the log. An auditor of a member organization sees the entries about her own
// organization (org_id); an auditor of the secretariat is the network's auditor and sees every
// entry. The role and scope are checked here again, whatever the route declared. Reading is
// itself audited ("audit.read") in the same transaction as the read; exporting checkpoints is an
// export, so it needs a recent re-authentication. Entries hold ids, actions and names of fields,
// never values, so they can be shown to auditors as they are.
//
// Thread-safe: state lives in the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/network/org_service.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/auth_service.h"
#include "store/database.h"

namespace dandelion::audit {

// What an auditor searches for; empty strings match anything.
struct AuditFilter {
  std::string entity_type;
  std::string entity_id;
  std::string actor;  // a user id
  std::string action;
  int64_t before_seq = 0;  // the cursor: entries older than this seq; 0 = from the newest
  int limit = 50;
};

struct AuditPage {
  std::vector<security::AuditRecord> items;  // newest first
  std::optional<int64_t> next_cursor;        // seq to pass as the next cursor, if more may follow
};

inline constexpr int kMaxAuditPage = 500;

// Whether the whole chain and its signed checkpoints verify, as an auditor's screen shows it.
struct ChainStatus {
  bool intact = false;
  int64_t entries = 0;  // entries walked
};

class AuditService {
 public:
  // reads: its journal is filed into the chain before every read of the log.
  AuditService(store::Database& db, const security::AuditLog& audit, security::AuditBatcher& reads,
               network::OrgService& orgs, const security::AuthService& auth);

  // 403 unless the actor is an auditor (or the console); scoped to her organization unless it
  // is the secretariat.
  Result<AuditPage> Search(const security::Actor& actor, const AuditFilter& filter);

  // Every signed checkpoint as text, oldest first; 403 without a recent re-authentication.
  Result<std::string> ExportCheckpoints(const security::Actor& actor);

  // Walks the whole chain and its checkpoints (as `dandelion audit verify` does) in a read
  // transaction; the check is itself audited. Which row broke is logged for the operator, not
  // answered: the auditor is told to run the command on the server.
  Result<ChainStatus> VerifyChain(const security::Actor& actor);

  // Signs the current head now and returns the checkpoint's text.
  Result<std::string> Checkpoint(const security::Actor& actor);

  // The hex public key that verifies checkpoints.
  std::string PublicKeyHex() const { return audit_.PublicKeyHex(); }

 private:
  // The organization whose entries the actor may read: "" for all (the network's auditor).
  Result<std::string> Scope(const security::Actor& actor);
  security::AuditEvent Event(const security::Actor& actor, std::string action,
                             std::string org_id) const;

  store::Database& db_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  network::OrgService& orgs_;
  const security::AuthService& auth_;
};

}  // namespace dandelion::audit

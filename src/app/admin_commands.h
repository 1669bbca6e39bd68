// The operator's console commands: adding organizations and users, the audit log, key rotation.
// Each opens the data dir's services and acts as security::Actor::Console(), audited as "cli".
#pragma once

#include <string>

#include "core/result.h"

namespace dandelion::app {

struct OrgAddOptions {
  std::string data_dir, slug, name, kind, region, facility_type;
};
Result<void> OrgAdd(const OrgAddOptions& options);

struct UserAddOptions {
  std::string data_dir, org, username, display_name, roles;
  bool password_stdin = false;
};
Result<void> UserAdd(const UserAddOptions& options);

// Ok when the chain and its checkpoints are intact; the error's detail names the first broken
// entry otherwise.
// Walks the chain and its checkpoints, then compares the log with the checkpoint kept outside the
// database (app/data_dir_checks.h). A broken or shortened log fails with security.audit_broken
// (or a checkpoint's own key); anything else means the data dir or its database could not be
// opened or read.
Result<void> AuditVerify(const std::string& data_dir);

// Exit codes of the command line (docs/operations.md, "Exit codes").
inline constexpr int kExitFailed = 1;         // the command failed; audit verify: the log is broken
inline constexpr int kExitCannotOpen = 3;     // audit verify: data dir or database cannot be opened
inline constexpr int kExitBackupExpired = 4;  // restore: the backup's key is gone (expired)

// Signs the audit log's head now and prints the checkpoint's text, to copy elsewhere.
Result<void> AuditCheckpoint(const std::string& data_dir);

// Files the read entries waiting in the audit journal (SQLite: security/audit_journal.h) into the
// audit log now, for a reader of the log outside Dandelion; the server files them every second.
Result<void> AuditFlush(const std::string& data_dir);

// Prints the hex public key that verifies audit checkpoints, to copy elsewhere.
Result<void> AuditPublicKey(const std::string& data_dir);

// `report verify FILE`: checks a filed report's signed file (modules/reports/model.h) offline
// against a trusted public key, given as hex or read from a data dir (never the key printed in
// the file); prints the organization, the period and OK. Fails with report.file_malformed,
// report.signature_invalid, or the data dir's error.
Result<void> ReportVerify(const std::string& file, const std::string& public_key_hex,
                          const std::string& data_dir);

// Rotates the master key (app/key_rotation.h) and prints what was done and what to back up.
Result<void> KeysRotate(const std::string& data_dir);

}  // namespace dandelion::app

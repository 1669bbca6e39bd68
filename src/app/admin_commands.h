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
Result<void> AuditVerify(const std::string& data_dir);

// Signs the audit log's head now and prints the checkpoint's text, to copy elsewhere.
Result<void> AuditCheckpoint(const std::string& data_dir);

// Prints the hex public key that verifies audit checkpoints, to copy elsewhere.
Result<void> AuditPublicKey(const std::string& data_dir);

// Rotates the master key (app/key_rotation.h) and prints what was done and what to back up.
Result<void> KeysRotate(const std::string& data_dir);

}  // namespace dandelion::app

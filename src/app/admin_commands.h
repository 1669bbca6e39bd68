// The operator's console commands: adding organizations and users, verifying the audit log.
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

}  // namespace dandelion::app

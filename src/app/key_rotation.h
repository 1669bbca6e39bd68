// Master key rotation (`dandelion keys rotate`) and the start-up step that finishes or rolls
// back a rotation a crash interrupted (docs/security.md, "Keys").
//
// Rotation replaces the master key and re-wraps every organization key under it; data is not
// re-encrypted, because organization keys do not change. Rotating organization keys themselves
// (re-encrypting their data) is not needed for now: the requirement is that a retired master
// key, e.g. one on an old backup medium, no longer opens the current database.
//
// Ordering, so that a crash at any point leaves one key that opens the database and no second
// copy of a retired key:
//   1. Write the new key to keys/master.key.next (0600, O_EXCL), fsync it and the directory.
//   2. In ONE database transaction: re-wrap every organization key under the new key as
//      version+1, carry the recovery-code key and the network match key over (wrapped by the
//      new key), record kv_settings master_key_version, endorse the retired audit signing key,
//      append the "keys.rotate" audit entry and sign a checkpoint with the new key. Commit.
//   3. rename(master.key.next, master.key), which atomically retires the old key file, and
//      fsync the directory.
// A crash before 2 commits leaves the database on the old key: start-up deletes master.key.next.
// A crash after 2 commits leaves it on the new key: start-up completes step 3. Start-up tells
// the two apart by which key unwraps the wrapped keys whose version is the database's
// master_key_version (FinishInterruptedRotation).
#pragma once

#include <cstdint>
#include <string>

#include "core/config.h"
#include "core/result.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::app {

struct RotationReport {
  uint32_t old_version = 0;
  uint32_t new_version = 0;
  int org_keys = 0;            // organization keys re-wrapped
  std::string old_public_key;  // audit checkpoint keys, hex
  std::string new_public_key;
  std::string audit_problem;  // "" when the audit log verified before rotating
};

// Rotates data_dir's master key (see the file comment). Refuses with kConflict while another
// process (a server) holds the data dir.
Result<RotationReport> RotateMasterKey(const std::string& data_dir);

// When <master key>.next exists, finishes or rolls back the interrupted rotation. Called by
// Services::Open with the database open and before the master key is loaded. Unless
// data_dir_locked, takes the data dir lock for the step, and refuses while another process
// holds it (a rotation may be in progress).
Result<void> FinishInterruptedRotation(const Config& config, store::Database& db,
                                       bool data_dir_locked);

// Checks that keyring's master key opens the database's organization keys (so a retired key is
// refused at start-up), and gives keyring the recovery-code key an earlier rotation carried
// over, if any.
Result<void> CheckMasterKey(store::Database& db, security::Keyring& keyring);

// Gives keyring the network match key (security/match_token.h), unwrapped from kv_settings
// 'network_match_key' by the master key; at the first start, makes it (random) and stores it
// wrapped. Rotation re-wraps it under the new master key in its one transaction.
Result<void> LoadMatchKey(store::Database& db, security::Keyring& keyring);

}  // namespace dandelion::app

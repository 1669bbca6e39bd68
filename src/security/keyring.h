// Keyring: the organization keys of the key hierarchy, stored wrapped by the master key.
//
// Services ask for an organization's current key to encrypt, or for a given version to decrypt
// (the version is inside every ciphertext). Keys are unwrapped on demand and cached for the
// process's lifetime (a network has tens of organizations, each key a few locked pages).
// RewrapOrgKeys() re-wraps every organization key under a new master key without re-encrypting
// data (`dandelion keys rotate`, app/key_rotation.h).
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/result.h"
#include "security/keys.h"
#include "store/database.h"

namespace dandelion::security {

struct OrgKey {
  std::shared_ptr<const SecretKey> key;
  uint32_t version = 0;
};

class Keyring {
 public:
  // master_version: the version of master_key (1 for a new installation; rotation increments).
  Keyring(SecretKey master_key, uint32_t master_version);

  // Creates version 1 of a new organization's key inside tx.
  Result<void> CreateOrgKey(store::Tx& tx, const std::string& org_id);

  // The newest key of an organization, for encrypting.
  Result<OrgKey> CurrentOrgKey(store::Tx& tx, const std::string& org_id);

  // A specific version, for decrypting.
  Result<OrgKey> OrgKeyVersion(store::Tx& tx, const std::string& org_id, uint32_t version);

  // Re-wraps every organization key (every version) under new_master as new_version, inside tx.
  // Returns how many keys were re-wrapped. Fails, changing nothing once tx rolls back, if any key
  // does not unwrap under the current master. The cache is left alone: the keys themselves do
  // not change, only their wrapping.
  Result<int> RewrapOrgKeys(store::Tx& tx, const SecretKey& new_master, uint32_t new_version);

  // The key that hashes MFA recovery codes. Derived from the master key until the first
  // rotation; from then on carried over, wrapped by each new master (kv_settings
  // 'recovery_code_key'), because stored code hashes cannot be re-keyed. Returns a copy.
  SecretKey RecoveryCodeKey() const;
  void SetRecoveryCodeKey(SecretKey key);

  // The network match key: the server's key (not any organization's) that turns a woman's
  // identifying data into her match token for double-support flags (security/match_token.h).
  // Random, made at first start and stored wrapped by the master key (kv_settings
  // 'network_match_key'), re-wrapped by each rotation (app/key_rotation.h). Empty until
  // start-up has loaded it. Returns a copy.
  std::optional<SecretKey> MatchKey() const;
  void SetMatchKey(SecretKey key);

  const SecretKey& master_key() const { return master_; }
  uint32_t master_version() const { return master_version_; }

 private:
  SecretKey master_;
  uint32_t master_version_;
  std::optional<SecretKey> recovery_code_key_;  // set once at start-up, before any use
  std::optional<SecretKey> match_key_;          // set once at start-up, before any use
  std::mutex mu_;
  std::map<std::pair<std::string, uint32_t>, std::shared_ptr<const SecretKey>>
      cache_;                                // GUARDED_BY(mu_)
  std::map<std::string, uint32_t> current_;  // GUARDED_BY(mu_)
};

}  // namespace dandelion::security

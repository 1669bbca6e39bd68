// The survivors' network's own branch of the key hierarchy (docs/api-survivors.md, "Keys").
//
// Each member has her own random key, stored only wrapped under a key derived from her
// organization's key with the context DdSrvMbr (security/kdf.h) — a branch no person record
// uses. Her legal name and contacts are sealed under it, bound to (organization,
// "survivor_members", column, member id); deleting the wrapped key is her erasure. Meeting places
// and peer-support notes are sealed under the network's own subkey (DdSrvNet). There is no blind
// index: nothing a member gives is turned into a value that could be compared with a person's.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "security/keyring.h"
#include "security/keys.h"
#include "store/database.h"

namespace dandelion::survivors {

class MemberKey {
 public:
  // Makes her key and stores it wrapped (after her row exists).
  static Result<MemberKey> Create(store::Tx& tx, security::Keyring& keyring,
                                  const std::string& org_id, const std::string& member_id);
  // Her stored key; kNotFound when it is gone (erased).
  static Result<MemberKey> Load(store::Tx& tx, security::Keyring& keyring,
                                const std::string& org_id, const std::string& member_id);

  std::string Seal(std::string_view column, std::string_view value) const;  // "" for ""
  Result<std::string> Open(std::string_view column, std::string_view blob) const;

 private:
  MemberKey(security::SecretKey key, std::string org_id, std::string member_id)
      : key_(std::move(key)), org_id_(std::move(org_id)), member_id_(std::move(member_id)) {}
  security::SecretKey key_;
  std::string org_id_, member_id_;
};

// A field of the network's own records (meeting place, peer note) under the network's subkey,
// bound to (organization, table, column, row id).
Result<std::string> SealNetwork(store::Tx& tx, security::Keyring& keyring,
                                const std::string& org_id, std::string_view table,
                                std::string_view column, const std::string& row_id,
                                const std::string& value);
Result<std::string> OpenNetwork(store::Tx& tx, security::Keyring& keyring,
                                const std::string& org_id, std::string_view table,
                                std::string_view column, const std::string& row_id,
                                const std::string& blob);

}  // namespace dandelion::survivors

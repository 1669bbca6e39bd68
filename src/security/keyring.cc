#include "security/keyring.h"

#include "core/clock.h"

namespace dandelion::security {

Keyring::Keyring(SecretKey master_key, uint32_t master_version)
    : master_(std::move(master_key)), master_version_(master_version) {}

Result<void> Keyring::CreateOrgKey(store::Tx& tx, const std::string& org_id) {
  SecretKey key = SecretKey::Random();
  std::string wrapped = WrapKey(master_, master_version_, key, OrgKeyAad(org_id, 1));
  auto n =
      tx.Exec("INSERT INTO org_keys (org_id, version, wrapped, created_at) VALUES (?, 1, ?, ?)",
              {org_id, store::Blob{wrapped}, FormatRfc3339(std::chrono::system_clock::now())});
  if (!n) return Fail(n.error());
  // Not cached here: the transaction may still roll back.
  return Ok();
}

Result<OrgKey> Keyring::CurrentOrgKey(store::Tx& tx, const std::string& org_id) {
  {
    std::lock_guard lock(mu_);
    if (auto it = current_.find(org_id); it != current_.end()) {
      return OrgKey{cache_.at({org_id, it->second}), it->second};
    }
  }
  auto row = tx.QueryOne("SELECT MAX(version) FROM org_keys WHERE org_id = ?", {org_id});
  if (!row) return Fail(row.error());
  if (!*row || (*row)->IsNull(0)) {
    return Fail(ErrorCode::kInternal, "error.internal", "no key for organization " + org_id);
  }
  auto version = static_cast<uint32_t>((*row)->Int(0));
  auto key = OrgKeyVersion(tx, org_id, version);
  if (!key) return key;
  std::lock_guard lock(mu_);
  current_[org_id] = version;
  return key;
}

Result<OrgKey> Keyring::OrgKeyVersion(store::Tx& tx, const std::string& org_id, uint32_t version) {
  {
    std::lock_guard lock(mu_);
    if (auto it = cache_.find({org_id, version}); it != cache_.end()) {
      return OrgKey{it->second, version};
    }
  }
  auto row = tx.QueryOne("SELECT wrapped FROM org_keys WHERE org_id = ? AND version = ?",
                         {org_id, int64_t{version}});
  if (!row) return Fail(row.error());
  if (!*row) {
    return Fail(ErrorCode::kInternal, "error.internal",
                "no key version " + std::to_string(version) + " for organization " + org_id);
  }
  std::string wrapped = (*row)->BlobBytes(0);
  auto wrapping_version = WrappingKeyVersion(wrapped);
  if (!wrapping_version) return Fail(wrapping_version.error());
  if (*wrapping_version != master_version_) {
    return Fail(ErrorCode::kInternal, "security.key_unwrap_failed",
                "organization key wrapped by master key version " +
                    std::to_string(*wrapping_version) + ", but the loaded master key is version " +
                    std::to_string(master_version_));
  }
  auto key = UnwrapKey(master_, wrapped, OrgKeyAad(org_id, version));
  if (!key) return Fail(key.error());
  auto shared = std::make_shared<const SecretKey>(std::move(*key));
  std::lock_guard lock(mu_);
  cache_.emplace(std::make_pair(org_id, version), shared);
  return OrgKey{shared, version};
}

}  // namespace dandelion::security

#include "security/keyring.h"

#include "core/clock.h"
#include "security/recovery_codes.h"

namespace dandelion::security {

Keyring::Keyring(SecretKey master_key, uint32_t master_version)
    : master_(std::move(master_key)), master_version_(master_version) {}

Result<void> Keyring::CreateOrgKey(store::Tx& tx, const std::string& org_id) {
  // A key rotation may have committed since this process loaded its master key; a key wrapped
  // by the retired master would be unreadable once the rotation finishes.
  std::optional<store::Row> recorded =
      TRY(tx.QueryOne("SELECT value FROM kv_settings WHERE key = 'master_key_version'"));
  if (recorded && recorded->Text(0) != std::to_string(master_version_)) {
    return Fail(ErrorCode::kConflict, "security.master_key_rotated",
                "the master key was rotated to version " + recorded->Text(0) +
                    " after this process loaded version " + std::to_string(master_version_));
  }
  SecretKey key = SecretKey::Random();
  std::string wrapped = WrapKey(master_, master_version_, key, OrgKeyAad(org_id, 1));
  TRY(tx.Exec("INSERT INTO org_keys (org_id, version, wrapped, created_at) VALUES (?, 1, ?, ?)",
              {org_id, store::Blob{wrapped}, FormatRfc3339(std::chrono::system_clock::now())}));
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
  std::optional<store::Row> row =
      TRY(tx.QueryOne("SELECT MAX(version) FROM org_keys WHERE org_id = ?", {org_id}));
  if (!row || row->IsNull(0)) {
    return Fail(ErrorCode::kInternal, "error.internal", "no key for organization " + org_id);
  }
  auto version = static_cast<uint32_t>(row->Int(0));
  OrgKey key = TRY(OrgKeyVersion(tx, org_id, version));
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
  std::optional<store::Row> row = TRY(tx.QueryOne(
      "SELECT wrapped FROM org_keys WHERE org_id = ? AND version = ?", {org_id, int64_t{version}}));
  if (!row) {
    return Fail(ErrorCode::kInternal, "error.internal",
                "no key version " + std::to_string(version) + " for organization " + org_id);
  }
  std::string wrapped = row->BlobBytes(0);
  auto wrapping_version = TRY(WrappingKeyVersion(wrapped));
  if (wrapping_version != master_version_) {
    return Fail(ErrorCode::kInternal, "security.key_unwrap_failed",
                "organization key wrapped by master key version " +
                    std::to_string(wrapping_version) + ", but the loaded master key is version " +
                    std::to_string(master_version_));
  }
  auto shared = std::make_shared<const SecretKey>(
      TRY(UnwrapKey(master_, wrapped, OrgKeyAad(org_id, version))));
  std::lock_guard lock(mu_);
  cache_.emplace(std::make_pair(org_id, version), shared);
  return OrgKey{shared, version};
}

Result<int> Keyring::RewrapOrgKeys(store::Tx& tx, const SecretKey& new_master,
                                   uint32_t new_version) {
  store::Rows rows =
      TRY(tx.Query("SELECT org_id, version, wrapped FROM org_keys ORDER BY org_id, version"));
  int count = 0;
  for (const auto& row : rows) {
    std::string org_id = row.Text(0);
    auto version = static_cast<uint32_t>(row.Int(1));
    std::string aad = OrgKeyAad(org_id, version);
    SecretKey key = TRY(UnwrapKey(master_, row.BlobBytes(2), aad));
    std::string rewrapped = WrapKey(new_master, new_version, key, aad);
    TRY(tx.Exec("UPDATE org_keys SET wrapped = ? WHERE org_id = ? AND version = ?",
                {store::Blob{rewrapped}, org_id, int64_t{version}}));
    ++count;
  }
  return count;
}

SecretKey Keyring::RecoveryCodeKey() const {
  if (!recovery_code_key_) return DeriveRecoveryCodeKey(master_);
  return *SecretKey::FromBytes(std::string_view(
      reinterpret_cast<const char*>(recovery_code_key_->data()), SecretKey::kSize));
}

void Keyring::SetRecoveryCodeKey(SecretKey key) { recovery_code_key_ = std::move(key); }

std::optional<SecretKey> Keyring::MatchKey() const {
  if (!match_key_) return std::nullopt;
  return SecretKey::FromBytes(
      std::string_view(reinterpret_cast<const char*>(match_key_->data()), SecretKey::kSize));
}

void Keyring::SetMatchKey(SecretKey key) { match_key_ = std::move(key); }

}  // namespace dandelion::security

#include "app/key_rotation.h"

#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include "app/data_dir_lock.h"
#include "app/services.h"
#include "core/durable_file.h"
#include "core/ids.h"
#include "security/keys.h"
#include "store/settings.h"

namespace dandelion::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kRecoveryKeyAad = "recovery_code_key";
constexpr const char* kMatchKeyAad = "network_match_key";

std::string NextKeyPath(const Config& config) { return config.MasterKeyPath() + ".next"; }

Failure FileError(const std::string& what, const std::string& path) {
  return Fail(ErrorCode::kInternal, "security.master_key_write_failed",
              what + " " + path + ": " + std::strerror(errno));
}

// Makes renames and unlinks beside path durable.
Result<void> SyncDirectoryOf(const std::string& path) {
  if (!durable_file::SyncDirectoryOf(path)) return FileError("fsync the directory of", path);
  return Ok();
}

std::optional<std::string> FromHex(const std::string& hex) {
  std::string out(hex.size() / 2, '\0');
  size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                     hex.size(), nullptr, &len, nullptr) != 0) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

// A wrapped key in the database with the aad that names it: what tells which master key the
// database is on.
struct Probe {
  std::string blob;
  std::string aad;
};

// The database's master key version and a few wrapped keys to try candidate master keys on.
Result<std::pair<uint32_t, std::vector<Probe>>> ReadProbes(store::Database& db) {
  uint32_t version = 1;
  std::vector<Probe> probes;
  auto r = db.Read([&](store::Tx& tx) -> Result<void> {
    auto v = TRY(store::ReadSetting(tx, "master_key_version"));
    if (v) version = static_cast<uint32_t>(std::stoul(*v));
    auto org = TRY(tx.QueryOne("SELECT org_id, version, wrapped FROM org_keys LIMIT 1"));
    if (org) {
      probes.push_back({org->BlobBytes(2),
                        security::OrgKeyAad(org->Text(0), static_cast<uint32_t>(org->Int(1)))});
    }
    auto rk = TRY(store::ReadSetting(tx, kRecoveryKeyAad));
    if (rk) {
      if (auto blob = FromHex(*rk)) probes.push_back({*blob, kRecoveryKeyAad});
    }
    return Ok();
  });
  if (!r) return Fail(r.error());
  return std::make_pair(version, std::move(probes));
}

// True when key unwraps every probe and the probes say they were wrapped by version.
bool Opens(const Result<security::SecretKey>& key, uint32_t version,
           const std::vector<Probe>& probes) {
  if (!key || probes.empty()) return false;
  for (const auto& p : probes) {
    auto v = security::WrappingKeyVersion(p.blob);
    if (!v || *v != version || !security::UnwrapKey(*key, p.blob, p.aad)) return false;
  }
  return true;
}

}  // namespace

Result<void> FinishInterruptedRotation(const Config& config, store::Database& db,
                                       bool data_dir_locked) {
  const std::string current = config.MasterKeyPath();
  const std::string next = NextKeyPath(config);
  std::error_code ec;
  if (!fs::exists(next, ec)) return Ok();
  std::optional<DataDirLock> lock;
  if (!data_dir_locked) {
    auto acquired = DataDirLock::Acquire(config.data_dir);
    if (!acquired) {
      return Fail(ErrorCode::kConflict, "security.key_rotation_in_progress",
                  next + " exists and another process holds the data dir");
    }
    lock.emplace(std::move(*acquired));
  }
  auto probes = TRY(ReadProbes(db));
  const auto& [version, wrapped] = probes;
  if (Opens(security::LoadMasterKey(next), version, wrapped)) {
    // The rotation committed: complete step 3.
    if (rename(next.c_str(), current.c_str()) != 0) return FileError("rename", next);
    TRY(SyncDirectoryOf(current));
    std::cerr << "dandelion: finished an interrupted master key rotation (now version " << version
              << ")\n";
    return Ok();
  }
  // Nothing wrapped at all means no rotation ever committed (each one stores the wrapped
  // recovery-code key): the database is on the current key.
  if (wrapped.empty() || Opens(security::LoadMasterKey(current), version, wrapped)) {
    if (unlink(next.c_str()) != 0) return FileError("unlink", next);
    TRY(SyncDirectoryOf(current));
    std::cerr << "dandelion: rolled back an interrupted master key rotation (still version "
              << version << ")\n";
    return Ok();
  }
  return Fail(ErrorCode::kInternal, "security.key_rotation_unresolved",
              "neither " + current + " nor " + next + " unwraps the keys of master version " +
                  std::to_string(version));
}

Result<void> CheckMasterKey(store::Database& db, security::Keyring& keyring) {
  std::optional<std::string> hex;
  auto r = db.Read([&](store::Tx& tx) -> Result<void> {
    auto v = TRY(store::ReadSetting(tx, kRecoveryKeyAad));
    hex = v;
    // Refuse a master key that does not open the database (e.g. a retired one) now, rather
    // than at the first request that needs an organization key.
    auto org = TRY(tx.QueryOne("SELECT org_id, version FROM org_keys LIMIT 1"));
    if (org) {
      auto key = keyring.OrgKeyVersion(tx, org->Text(0), static_cast<uint32_t>(org->Int(1)));
      if (!key) return Fail(key.error());
    }
    return Ok();
  });
  if (!r) return r;
  if (!hex) return Ok();
  auto blob = FromHex(*hex);
  if (!blob) {
    return Fail(ErrorCode::kInternal, "security.key_unwrap_failed", "recovery_code_key not hex");
  }
  auto key = security::UnwrapKey(keyring.master_key(), *blob, kRecoveryKeyAad);
  if (!key) return Fail(key.error());
  keyring.SetRecoveryCodeKey(std::move(*key));
  return Ok();
}

Result<void> LoadMatchKey(store::Database& db, security::Keyring& keyring) {
  std::optional<std::string> hex;
  TRY(db.Write([&](store::Tx& tx) -> Result<void> {
    hex = TRY(store::ReadSetting(tx, kMatchKeyAad));
    if (hex) return Ok();
    // The first start: a random key, wrapped by the master key. Two nodes starting at once
    // (PostgreSQL): the first insert wins and both read what it stored.
    security::SecretKey fresh = security::SecretKey::Random();
    std::string wrapped =
        security::WrapKey(keyring.master_key(), keyring.master_version(), fresh, kMatchKeyAad);
    TRY(tx.Exec("INSERT INTO kv_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                {std::string(kMatchKeyAad), ToHex(wrapped)}));
    hex = TRY(store::ReadSetting(tx, kMatchKeyAad));
    return Ok();
  }));
  auto blob = hex ? FromHex(*hex) : std::nullopt;
  if (!blob) {
    return Fail(ErrorCode::kInternal, "security.key_unwrap_failed", "network_match_key not hex");
  }
  auto key = security::UnwrapKey(keyring.master_key(), *blob, kMatchKeyAad);
  if (!key) return Fail(key.error());
  keyring.SetMatchKey(std::move(*key));
  return Ok();
}

Result<RotationReport> RotateMasterKey(const std::string& data_dir) {
  auto config = TRY(LoadConfig(data_dir));
  auto lock = TRY(DataDirLock::Acquire(config.data_dir));
  auto opened = TRY(Services::Open(data_dir, 1, /*data_dir_locked=*/true));
  Services& s = *opened;

  RotationReport report;
  report.old_version = s.keyring->master_version();
  report.new_version = report.old_version + 1;
  report.old_public_key = s.audit->PublicKeyHex();
  auto intact = s.db->Read([&](store::Tx& tx) { return s.audit->Verify(tx); });
  if (!intact) report.audit_problem = intact.error().detail;

  // Step 1: the new key, durable before the database refers to it.
  const std::string current = s.config.MasterKeyPath();
  const std::string next = NextKeyPath(s.config);
  TRY(security::CreateMasterKeyFile(next));
  auto fresh = TRY(security::LoadMasterKey(next));
  security::AuditLog new_audit(fresh, *s.clock);
  report.new_public_key = new_audit.PublicKeyHex();

  // Step 2: one transaction.
  auto committed = s.db->Write([&](store::Tx& tx) -> Result<void> {
    auto recorded = TRY(store::ReadSetting(tx, "master_key_version"));
    if (recorded && *recorded != std::to_string(report.old_version)) {
      return Fail(ErrorCode::kConflict, "security.master_key_rotated");
    }
    auto count = TRY(s.keyring->RewrapOrgKeys(tx, fresh, report.new_version));
    report.org_keys = count;
    security::SecretKey recovery = s.keyring->RecoveryCodeKey();
    std::string wrapped = security::WrapKey(fresh, report.new_version, recovery, kRecoveryKeyAad);
    TRY(store::WriteSetting(tx, kRecoveryKeyAad, ToHex(wrapped)));
    // The network match key is carried over too: stored support marks cannot be re-keyed.
    auto match = s.keyring->MatchKey();
    if (!match) return Fail(ErrorCode::kInternal, "security.key_unwrap_failed", "no match key");
    TRY(store::WriteSetting(
        tx, kMatchKeyAad,
        ToHex(security::WrapKey(fresh, report.new_version, *match, kMatchKeyAad))));
    if (auto p = store::WriteSetting(tx, "master_key_version", std::to_string(report.new_version));
        !p) {
      return p;
    }
    TRY(new_audit.AdoptRetiredKeys(tx, *s.audit));
    security::AuditEvent e;
    e.action = "keys.rotate";
    e.entity_type = "master_key";
    e.entity_id = std::to_string(report.new_version);
    e.fields = {"org_keys", "recovery_code_key", "network_match_key", "master_key_version"};
    e.request_id = "cli";
    e.remote = "cli";
    TRY(new_audit.Append(tx, e));
    TRY(new_audit.Checkpoint(tx));
    return Ok();
  });
  if (!committed) {
    unlink(next.c_str());  // the database never referred to it
    (void)SyncDirectoryOf(current);
    return Fail(committed.error());
  }

  // Step 3: retire the old key file.
  if (rename(next.c_str(), current.c_str()) != 0) {
    Error e = FileError("rename", next).error();
    e.detail += " (the database already uses the new key in " + next +
                "; the next start of dandelion finishes the rotation)";
    return Fail(e);
  }
  if (auto synced = SyncDirectoryOf(current); !synced) {
    return Fail(synced.error());
  }
  return report;
}

}  // namespace dandelion::app

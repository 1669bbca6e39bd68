// init, migrate, backup and restore: the commands that manage a data dir.
#include <sys/stat.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/commands.h"
#include "app/data_dir_checks.h"
#include "app/data_dir_lock.h"
#include "app/services.h"
#include "core/config.h"
#include "core/ids.h"
#include "security/keys.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/migrations.h"

namespace dandelion::app {
namespace {

// Records a whole-database operation of the operator's console in the audit log (docs/security.md:
// exports and key operations are audited). A backup records itself before the copy, so the
// copy holds its own entry; a restore records itself in the restored database (RestoreDataDir).
Result<void> AuditConsoleOperation(const std::string& dir, const char* action) {
  auto s = TRY(Services::Open(dir, 1));
  Services& services = *s;
  return services.db->Write([&](store::Tx& tx) -> Result<void> {
    TRY(services.audit->Append(
        tx, security::ActorEvent(security::Actor::Console(), action, "database", "")));
    return Ok();
  });
}

}  // namespace
}  // namespace dandelion::app

namespace dandelion::app {
namespace fs = std::filesystem;

namespace {

Failure FileError(const std::string& what, const std::error_code& ec) {
  return Fail(ErrorCode::kInternal, "error.internal", what + ": " + ec.message());
}

Result<void> WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  if (!out) return Fail(ErrorCode::kInternal, "error.internal", "cannot write " + path.string());
  return Ok();
}

// Builds a complete data dir at tmp. Any failure leaves tmp for the caller to remove.
Result<void> BuildDataDir(const fs::path& tmp, const std::string& database_url) {
  std::error_code ec;
  std::string config_text = DefaultConfigText();
  if (!database_url.empty()) {
    // Uncomment the [database] url line rather than append a second [database] table.
    const std::string placeholder = "# url = \"\"";
    auto pos = config_text.find(placeholder);
    config_text.replace(pos, placeholder.size(), "url = \"" + database_url + "\"");
  }
  TRY(WriteFile(tmp / "config.toml", config_text));
  fs::create_directory(tmp / "keys", ec);
  if (ec) return FileError("create keys dir", ec);
  fs::permissions(tmp / "keys", fs::perms::owner_all, ec);
  if (auto r = security::CreateMasterKeyFile((tmp / "keys" / "master.key").string()); !r) {
    return Fail(r.error());
  }
  auto config = TRY(LoadConfig(tmp.string()));
  // The one place a database is created (app/data_dir_checks.h).
  auto db = TRY(store::Open(config.DatabaseUrl(), 1, store::Create::kYes));
  TRY(store::Migrate(*db));
  return Ok();
}

}  // namespace

Result<void> InitDataDir(const std::string& dir, const std::string& database_url) {
  if (!database_url.empty() &&
      ((!database_url.starts_with("postgresql://") && !database_url.starts_with("postgres://")) ||
       database_url.find_first_of("\"\\\n\r") != std::string::npos)) {
    return Fail(ErrorCode::kInvalid, "error.invalid",
                "--database-url must be a postgresql:// URL without quotes or backslashes");
  }
  std::error_code ec;
  fs::path target = fs::absolute(dir, ec).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  if (fs::exists(target, ec) && (!fs::is_directory(target, ec) || !fs::is_empty(target, ec))) {
    return Fail(ErrorCode::kConflict, "error.conflict",
                target.string() + " already exists and is not empty; init never overwrites");
  }
  fs::create_directories(target.parent_path(), ec);
  if (ec) return FileError("create " + target.parent_path().string(), ec);
  fs::path tmp =
      target.parent_path() / ("." + target.filename().string() + ".init-" + RandomHex(4));
  fs::create_directory(tmp, ec);
  if (ec) return FileError("create " + tmp.string(), ec);
  fs::permissions(tmp, fs::perms::owner_all, ec);

  if (auto r = BuildDataDir(tmp, database_url); !r) {
    fs::remove_all(tmp, ec);
    return r;
  }
  // rename(2) replaces an empty directory atomically; the data dir appears complete or not at all.
  fs::rename(tmp, target, ec);
  if (ec) {
    auto error = FileError("move data dir into place", ec);
    fs::remove_all(tmp, ec);
    return error;
  }
  std::cout << "Created the data dir " << target.string() << "\n\n"
            << "  IMPORTANT / 중요: " << (target / "keys" / "master.key").string() << "\n"
            << "  is the master key. Every survivor's record is encrypted under it: if it is\n"
            << "  lost, the data cannot be recovered. Copy it now to offline storage (e.g. an\n"
            << "  encrypted USB key kept in a safe), separately from database backups.\n"
            << "  마스터 키를 잃어버리면 데이터를 복구할 수 없습니다. 지금 오프라인 저장소에\n"
            << "  백업하고, 데이터베이스 백업과 따로 보관하세요.\n";
  return Ok();
}

Result<int> MigrateDataDir(const std::string& dir, bool new_database) {
  auto config = TRY(LoadConfig(dir));
  auto db = TRY(
      OpenDataDirDatabase(config, 1, new_database ? Schema::kMayBeCreatedHere : Schema::kRequired));
  return store::Migrate(*db);
}

Result<void> BackupDataDir(const std::string& dir, const std::string& out_file) {
  auto config = TRY(LoadConfig(dir));
  std::error_code ec;
  if (fs::exists(out_file, ec)) {
    return Fail(ErrorCode::kConflict, "error.conflict", out_file + " already exists");
  }
  std::string url = config.DatabaseUrl();
  if (!url.starts_with("sqlite:")) {
    return Fail(ErrorCode::kInvalid, "error.invalid",
                "this data dir uses PostgreSQL: back it up with pg_dump (docs/operations.md)");
  }
  TRY(AuditConsoleOperation(dir, "data.backup"));
  return store::BackupSqlite(url.substr(7), out_file);
}

namespace {

// UTC now as 20261202T101500Z: names the replaced database a restore keeps.
std::string CompactUtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
  return text;
}

// Everything a restored database must pass besides the file checks, run on the prepared copy
// before it replaces anything: it opens as this data dir's database would (its schema is not
// newer than this binary; older ones are migrated, in the copy), the data dir's master key opens
// its organization keys (a backup from before a key rotation does not), and its audit chain
// verifies. Then the restore is recorded in the copy itself, and a checkpoint of it signed.
// Returns the checkpoint's text, to keep once the copy is in place.
Result<std::string> CheckAndRecordRestore(const Config& config, const std::string& prepared) {
  Config copy = config;
  copy.database_url = "sqlite:" + prepared;
  auto opened = Services::OpenConfigured(copy, 1, /*data_dir_locked=*/true);
  if (!opened) {
    Error e = opened.error();
    if (e.message_key == "security.key_unwrap_failed") {
      e.detail =
          "the data dir's master key does not open this backup (was it made before a "
          "`keys rotate`? restore it with the master key of its time): " +
          e.detail;
    }
    return Fail(e);
  }
  Services& s = **opened;
  std::string checkpoint;
  TRY(s.db->Write([&](store::Tx& tx) -> Result<void> {
    TRY(s.audit->Verify(tx));
    TRY(s.audit->Append(
        tx, security::ActorEvent(security::Actor::Console(), "data.restore", "database", "")));
    checkpoint = TRY(s.audit->Checkpoint(tx));
    return Ok();
  }));
  return checkpoint;
}

}  // namespace

Result<void> RestoreDataDir(const std::string& dir, const std::string& from_file) {
  auto config = TRY(LoadConfig(dir));
  std::string url = config.DatabaseUrl();
  if (!url.starts_with("sqlite:")) {
    return Fail(ErrorCode::kInvalid, "error.invalid",
                "this data dir uses PostgreSQL: restore it with pg_restore (docs/operations.md)");
  }
  auto lock = TRY(DataDirLock::Acquire(config.data_dir));
  const std::string target = url.substr(7);
  // Everything is checked on a copy beside the database; only when all passed does one rename
  // put it in place. Until then the database is untouched.
  const std::string prepared = TRY(store::PrepareRestore(from_file, target));
  auto checkpoint = CheckAndRecordRestore(config, prepared);
  if (!checkpoint) {
    std::error_code ec;
    fs::remove(prepared, ec);
    fs::remove(prepared + "-wal", ec);
    fs::remove(prepared + "-shm", ec);
    Error e = checkpoint.error();
    e.detail = "restore refused, " + target + " untouched: " + e.detail;
    return Fail(e);
  }
  const std::string suffix = CompactUtcNow();
  const std::string kept = TRY(store::ReplaceWithPrepared(prepared, target, suffix));
  // The kept audit checkpoint belongs to the replaced database: it goes with it.
  std::error_code ec;
  const std::string kept_checkpoint = KeptCheckpointPath(config);
  if (fs::exists(kept_checkpoint, ec)) {
    fs::rename(kept_checkpoint,
               kept.empty() ? kept_checkpoint + ".replaced-" + suffix : kept + ".audit-checkpoint",
               ec);
  }
  TRY(KeepCheckpointText(config, *checkpoint));
  std::cout << "Restored " << from_file << " into " << target << ".\n";
  if (kept.empty()) {
    std::cout << "There was no database to replace.\n";
  } else {
    std::cout << "The replaced database is kept as " << kept
              << " until you remove it (after checking the restored one).\n"
              << "교체된 데이터베이스는 " << kept
              << " 에 남겨 두었습니다. 복원된 데이터베이스를 확인한 뒤 지우세요.\n";
  }
  return Ok();
}

}  // namespace dandelion::app

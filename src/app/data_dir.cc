// init, migrate, backup and restore: the commands that manage a data dir.
#include <sys/stat.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <vector>

#include "app/backup_register.h"
#include "app/commands.h"
#include "app/data_dir_checks.h"
#include "app/data_dir_lock.h"
#include "app/erasure_journal.h"
#include "app/services.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/ids.h"
#include "security/audit_journal.h"
#include "security/audit_journal_legacy.h"
#include "security/keys.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/migrations.h"

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

namespace {

TimePoint SystemNow() { return std::chrono::system_clock::now(); }

std::string Day(TimePoint t) { return FormatRfc3339(t).substr(0, 10); }

// Records each destroyed backup key in the audit log (key operations are audited).
Result<void> RecordDestroyedKeys(Services& services, store::Tx& tx,
                                 const std::vector<RegisteredBackup>& destroyed) {
  for (const auto& backup : destroyed) {
    TRY(services.audit->Append(
        tx, security::ActorEvent(security::Actor::Console(), "data.backup_key_destroyed", "backup",
                                 backup.id)));
  }
  return Ok();
}

void SayDestroyed(const Config& config, const std::vector<RegisteredBackup>& destroyed) {
  for (const auto& backup : destroyed) {
    std::cout << "Expired: destroyed the key of backup " << backup.id << " made "
              << Day(backup.made) << " (kept " << config.backup_keep_days
              << " days); it can no longer be opened.\n"
              << "만료: " << Day(backup.made) << " 백업(" << backup.id
              << ")의 키를 폐기했습니다. 더 이상 열 수 없습니다.\n";
  }
}

}  // namespace

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
  auto opened = TRY(Services::Open(dir, 1));
  Services& s = *opened;
  // Every erasure the database holds is in the journal before a backup holding her key exists.
  TRY(SyncErasureJournal(s));
  const auto destroyed = TRY(PruneExpiredBackups(s.config, SystemNow()));
  // The backup records itself before the copy, so the copy holds its own entry.
  TRY(s.db->Write([&](store::Tx& tx) -> Result<void> {
    TRY(RecordDestroyedKeys(s, tx, destroyed));
    TRY(s.audit->Append(
        tx, security::ActorEvent(security::Actor::Console(), "data.backup", "database", "")));
    return Ok();
  }));
  SayDestroyed(s.config, destroyed);
  // The plain copy stays in the data dir, beside the database it copies, until it is sealed.
  const std::string plain =
      (fs::path(s.config.data_dir) / (".backup-" + RandomHex(8) + ".db")).string();
  auto copied = store::BackupSqlite(url.substr(7), plain);
  Result<RegisteredBackup> sealed =
      copied ? SealBackup(s.config, s.keyring->master_key(), s.keyring->master_version(), plain,
                          out_file, SystemNow())
             : Result<RegisteredBackup>(Fail(copied.error()));
  fs::remove(plain, ec);
  if (!sealed) return Fail(sealed.error());
  const TimePoint expires = sealed->made + std::chrono::hours(24) * s.config.backup_keep_days;
  std::cout << "Backup " << sealed->id << " is encrypted under its own key, kept in "
            << BackupKeysDir(s.config) << "/"
            << (s.config.backup_keep_days > 0
                    ? " until " + Day(expires) + " ([backup] keep_days = " +
                          std::to_string(s.config.backup_keep_days) + ")."
                    : " for ever ([backup] keep_days = 0).")
            << "\n";
  return Ok();
}

Result<void> PruneBackups(const std::string& dir) {
  auto opened = TRY(Services::Open(dir, 1));
  Services& s = *opened;
  const auto destroyed = TRY(PruneExpiredBackups(s.config, SystemNow()));
  if (!destroyed.empty()) {
    TRY(s.db->Write(
        [&](store::Tx& tx) -> Result<void> { return RecordDestroyedKeys(s, tx, destroyed); }));
  }
  SayDestroyed(s.config, destroyed);
  const auto kept = TRY(ListBackups(s.config));
  std::cout << destroyed.size() << " expired backup key(s) destroyed; " << kept.size()
            << " backup(s) can be restored.\n";
  return Ok();
}

Result<void> ListBackupKeys(const std::string& dir) {
  auto config = TRY(LoadConfig(dir));
  for (const auto& backup : TRY(ListBackups(config))) {
    std::cout << backup.id << "  made " << FormatRfc3339(backup.made);
    if (config.backup_keep_days > 0) {
      std::cout << "  expires "
                << Day(backup.made + std::chrono::hours(24) * config.backup_keep_days);
    }
    std::cout << "\n";
  }
  return Ok();
}

Result<void> ReapplyErasuresToDataDir(const std::string& dir) {
  auto opened = TRY(Services::Open(dir, 1));
  Services& s = *opened;
  const auto ids = TRY(ReadErasures(ErasureJournalPath(s.config)));
  const int erased = TRY(ReapplyErasures(s, ids));
  // Tombstones the database holds that the journal lacks (a journal lost with its machine).
  const int journaled = TRY(SyncErasureJournal(s));
  std::cout << "Erased again " << erased << " person(s) of the erasure journal (" << ids.size()
            << " erasure(s) in it); " << journaled << " added to it from the database.\n";
  return Ok();
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
// verifies. Then every erasure of the journal is applied again to the copy (a woman erased after
// the backup was made stays erased), and the restore is recorded in the copy itself, and a
// checkpoint of it signed. Returns the checkpoint's text, to keep once the copy is in place.
struct RestoreRecord {
  std::string checkpoint;
  int erased_again = 0;
};

Result<RestoreRecord> CheckAndRecordRestore(const Config& config, const std::string& prepared,
                                            const std::set<std::string>& erasures,
                                            const std::vector<RegisteredBackup>& destroyed) {
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
  RestoreRecord record;
  TRY(s.db->Read([&](store::Tx& tx) -> Result<void> { return s.audit->Verify(tx); }));
  record.erased_again = TRY(ReapplyErasures(s, erasures));
  TRY(s.db->Write([&](store::Tx& tx) -> Result<void> {
    TRY(RecordDestroyedKeys(s, tx, destroyed));
    TRY(s.audit->Append(
        tx, security::ActorEvent(security::Actor::Console(), "data.restore", "database", "")));
    record.checkpoint = TRY(s.audit->Checkpoint(tx));
    return Ok();
  }));
  return record;
}

// Journals the erasures of the database about to be replaced. It may be missing or damaged
// (that is why one restores): then there is nothing to read, and the journal is all there is.
void JournalLiveErasures(const Config& config) {
  auto live = Services::OpenConfigured(config, 1, /*data_dir_locked=*/true);
  if (!live) return;
  if (auto added = SyncErasureJournal(**live); added && *added > 0) {
    std::cout << "Journaled " << *added << " erasure(s) of the replaced database.\n";
  }
}

void RemoveWithSidecars(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

Failure Refused(const std::string& target, const Error& error) {
  Error e = error;
  e.detail = "restore refused, " + target + " untouched: " + e.detail;
  return Fail(e);
}

}  // namespace

Result<void> RestoreDataDir(const std::string& dir, const std::string& from_file) {
  auto config = TRY(LoadConfig(dir));
  std::string url = config.DatabaseUrl();
  if (!url.starts_with("sqlite:")) {
    return Fail(ErrorCode::kInvalid, "error.invalid",
                "this data dir uses PostgreSQL: restore it with pg_restore, then run `dandelion "
                "erasures reapply` (docs/operations.md)");
  }
  auto lock = TRY(DataDirLock::Acquire(config.data_dir));
  const std::string target = url.substr(7);
  // A backup past its time is never opened: expired keys are destroyed first.
  auto destroyed = PruneExpiredBackups(config, SystemNow());
  if (!destroyed) return Refused(target, destroyed.error());
  SayDestroyed(config, *destroyed);
  JournalLiveErasures(config);
  auto erasures = ReadErasures(ErasureJournalPath(config));
  if (!erasures) return Refused(target, erasures.error());
  // A sealed backup is opened with its own key into a private file beside the database.
  std::error_code ec;
  std::string source = from_file;
  const std::string opened_copy = target + ".restore-open";
  const bool sealed = fs::is_regular_file(from_file, ec) && TRY(IsSealedBackup(from_file));
  if (sealed) {
    auto master = security::LoadMasterKey(config.MasterKeyPath());
    if (!master) return Refused(target, master.error());
    auto opened = OpenSealedBackup(config, *master, from_file, opened_copy);
    if (!opened) return Refused(target, opened.error());
    std::cout << "Opened backup " << opened->id << " made " << FormatRfc3339(opened->made) << ".\n";
    source = opened_copy;
  } else if (fs::is_regular_file(from_file, ec)) {
    std::cout << "This is an unencrypted backup of an older Dandelion: it has no key of its own,\n"
                 "so its expiry cannot be enforced. Erasures are applied to it all the same.\n";
  }
  // Everything is checked on a copy beside the database; only when all passed does one rename
  // put it in place. Until then the database is untouched.
  auto prepared = store::PrepareRestore(source, target);
  if (sealed) RemoveWithSidecars(opened_copy);
  if (!prepared) return Fail(prepared.error());
  auto record = CheckAndRecordRestore(config, *prepared, *erasures, *destroyed);
  // Opening the copy made an (empty) audit journal beside it; the database's own stays.
  RemoveWithSidecars(security::AuditJournal::PathFor(*prepared));
  if (!record) {
    RemoveWithSidecars(*prepared);
    return Refused(target, record.error());
  }
  const std::string suffix = CompactUtcNow();
  const std::string kept = TRY(store::ReplaceWithPrepared(*prepared, target, suffix));
  // The kept audit checkpoint belongs to the replaced database: it goes with it.
  const std::string kept_checkpoint = KeptCheckpointPath(config);
  if (fs::exists(kept_checkpoint, ec)) {
    fs::rename(kept_checkpoint,
               kept.empty() ? kept_checkpoint + ".replaced-" + suffix : kept + ".audit-checkpoint",
               ec);
  }
  // So does the read audit journal: entries in it were filed into the replaced database (or wait
  // to be), not into the restored one, which starts a journal of its own.
  for (const std::string& journal :
       {security::AuditJournal::PathFor(target), security::EarlierJournalPathFor(target),
        security::EarlierJournalPathFor(target) + "-wal",
        security::EarlierJournalPathFor(target) + "-shm"}) {
    if (!fs::exists(journal, ec)) continue;
    const std::string name = journal.substr(target.size());  // "-read-audit", "-audit", ...
    fs::rename(journal, kept.empty() ? journal + ".replaced-" + suffix : kept + name, ec);
  }
  TRY(KeepCheckpointText(config, record->checkpoint));
  std::cout << "Restored " << from_file << " into " << target << ".\n";
  if (record->erased_again > 0) {
    std::cout << "Erased again " << record->erased_again
              << " person(s) erased after this backup was made (erasure journal).\n"
              << "백업 이후 삭제된 " << record->erased_again << "명을 다시 삭제했습니다.\n";
  }
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

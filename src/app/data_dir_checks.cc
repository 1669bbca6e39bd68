#include "app/data_dir_checks.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "core/durable_file.h"
#include "core/messages.h"
#include "security/audit_checkpoint.h"
#include "store/settings.h"

namespace dandelion::app {
namespace fs = std::filesystem;

void RegisterDataDirMessages() {
  static const bool registered = [] {
    static constexpr Message kMessages[] = {
        {"error.database_missing",
         "데이터베이스 파일이 없습니다. 새로 만들지 않았습니다. 파일을 되돌려 놓거나 "
         "`dandelion restore`로 최근 백업을 복원하세요.",
         "The database file is missing. No new one was created in its place: put the file back, "
         "or restore the latest backup with `dandelion restore`."},
        {"error.database_empty",
         "데이터베이스가 비어 있습니다. 새로 채우지 않았습니다. 최근 백업을 "
         "`dandelion restore`로 복원하세요.",
         "The database is empty. It was not filled with a new one: restore the latest backup "
         "with `dandelion restore`."},
        {"error.database_damaged",
         "데이터베이스 파일이 손상되었습니다. 서버를 시작하지 않았습니다. 최근 백업을 "
         "`dandelion restore`로 복원하세요.",
         "The database file is damaged. The server was not started: restore the latest backup "
         "with `dandelion restore`."},
        {"security.audit_checkpoint_missing",
         "감사 기록 체크포인트 파일(audit-checkpoint.txt)이 없습니다. 이 데이터베이스는 "
         "체크포인트를 남긴 적이 있으므로 예전 사본으로 바뀌었을 수 있습니다. 파일을 "
         "되돌려 놓으세요. 일부러 지웠다면 `dandelion audit verify`로 확인한 뒤 "
         "`dandelion audit checkpoint`로 새로 남기세요.",
         "The kept audit checkpoint (audit-checkpoint.txt) is missing, though this database has "
         "kept one: it may have been replaced with an older copy. Put the file back; if it was "
         "removed on purpose, check the log with `dandelion audit verify` and keep a new one with "
         "`dandelion audit checkpoint`."},
    };
    RegisterMessages(kMessages);
    return true;
  }();
  (void)registered;
}

namespace {

// The setting that says a checkpoint has been kept in this data dir (see the header). Named by
// the data dir's absolute path: on PostgreSQL several servers, each with a data dir and a kept
// checkpoint of its own, share one database.
std::string CheckpointKeptSetting(const Config& config) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(config.data_dir, ec), ec);
  if (ec) dir = fs::absolute(config.data_dir);
  return "audit_checkpoint_kept:" + dir.string();
}

Failure Lost(const char* key, const std::string& detail) {
  RegisterDataDirMessages();
  return Fail(ErrorCode::kUnavailable, key, detail);
}

// Whether the database holds Dandelion's schema (at least one applied migration).
Result<bool> HasSchema(store::Database& db) {
  bool found = false;
  TRY(db.Read([&](store::Tx& tx) -> Result<void> {
    auto table = TRY(tx.QueryOne(
        tx.dialect() == store::Dialect::kSqlite
            ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            : "SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL"));
    if (!table) return Ok();
    found = TRY(tx.QueryOne("SELECT 1 FROM schema_migrations LIMIT 1")).has_value();
    return Ok();
  }));
  return found;
}

}  // namespace

Result<std::unique_ptr<store::Database>> OpenDataDirDatabase(const Config& config, int readers,
                                                             Schema schema) {
  const std::string url = config.DatabaseUrl();
  const std::string since =
      " This data dir was initialized (" + config.data_dir +
      "/config.toml); only `dandelion init` creates a database, so nothing was created.";
  if (url.starts_with("sqlite:")) {
    const std::string path = url.substr(7);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      return Lost("error.database_missing",
                  "the database " + path + " is missing (deleted or moved)." + since +
                      " Put the file back, or restore the latest backup: dandelion restore "
                      "--data " +
                      config.data_dir + " --from BACKUP");
    }
    if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0) {
      return Lost("error.database_empty",
                  "the database " + path + " is empty (0 bytes)." + since +
                      " Restore the latest backup: dandelion restore --data " + config.data_dir +
                      " --from BACKUP");
    }
  }
  auto db = TRY(store::Open(url, readers, store::Create::kNo));
  if (!TRY(HasSchema(*db)) && schema == Schema::kRequired) {
    return Lost("error.database_empty",
                "the database has no Dandelion tables (it is empty, or not Dandelion's)." + since +
                    (url.starts_with("sqlite:")
                         ? " Restore the latest backup: dandelion restore --data " +
                               config.data_dir + " --from BACKUP"
                         : " Restore it with pg_restore; only for a new, empty PostgreSQL "
                           "database run: dandelion migrate --new-database --data " +
                               config.data_dir));
  }
  return db;
}

Result<void> QuickCheck(store::Database& db) {
  if (db.dialect() != store::Dialect::kSqlite) return Ok();
  std::string faults;
  TRY(db.Read([&](store::Tx& tx) -> Result<void> {
    auto rows = TRY(tx.Query("PRAGMA quick_check(5)"));
    for (const store::Row& row : rows) {
      if (row.Text(0) != "ok") faults += row.Text(0) + "; ";
    }
    return Ok();
  }));
  if (faults.empty()) return Ok();
  RegisterDataDirMessages();
  return Fail(ErrorCode::kInternal, "error.database_damaged",
              "quick_check: " + faults +
                  "restore the latest backup (dandelion restore), or stop and copy the file aside "
                  "for repair");
}

std::string KeptCheckpointPath(const Config& config) {
  return (fs::path(config.data_dir) / "audit-checkpoint.txt").string();
}

Result<void> KeepCheckpointText(const Config& config, const std::string& checkpoint_text) {
  const std::string path = KeptCheckpointPath(config);
  if (!durable_file::Replace(path, checkpoint_text)) {
    return Fail(ErrorCode::kInternal, "error.internal", "cannot write " + path);
  }
  return Ok();
}

Result<void> KeepCheckpointText(Services& services, const std::string& checkpoint_text) {
  TRY(KeepCheckpointText(services.config, checkpoint_text));
  const std::string setting = CheckpointKeptSetting(services.config);
  bool recorded = false;
  TRY(services.db->Read([&](store::Tx& tx) -> Result<void> {
    recorded = TRY(store::ReadSetting(tx, setting)).has_value();
    return Ok();
  }));
  if (recorded) return Ok();
  return services.db->Write(
      [&](store::Tx& tx) -> Result<void> { return store::WriteSetting(tx, setting, "1"); });
}

Result<void> KeepCheckpoint(Services& services) {
  std::string text;
  auto signed_now = services.db->Write([&](store::Tx& tx) -> Result<void> {
    text = TRY(services.audit->Checkpoint(tx));
    return Ok();
  });
  if (!signed_now && signed_now.error().message_key == "security.audit_empty") return Ok();
  if (!signed_now) return signed_now;
  return KeepCheckpointText(services, text);
}

Result<void> CompareWithKeptCheckpoint(Services& services) {
  const std::string path = KeptCheckpointPath(services.config);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    const bool absent = !fs::exists(path, ec) && !ec;
    const std::string setting = CheckpointKeptSetting(services.config);
    bool recorded = false;
    TRY(services.db->Read([&](store::Tx& tx) -> Result<void> {
      recorded = TRY(store::ReadSetting(tx, setting)).has_value();
      return Ok();
    }));
    if (!recorded) return Ok();
    RegisterDataDirMessages();
    return Fail(ErrorCode::kConflict, "security.audit_checkpoint_missing",
                absent ? path + " is missing" : path + " cannot be read");
  }
  std::stringstream text;
  text << in.rdbuf();
  auto kept = security::ParseCheckpointText(text.str());
  if (!kept) {
    Error e = kept.error();
    e.detail = path + " is not a checkpoint: " + e.detail;
    return Fail(e);
  }
  return services.db->Read(
      [&](store::Tx& tx) -> Result<void> { return services.audit->CompareKept(tx, *kept); });
}

}  // namespace dandelion::app

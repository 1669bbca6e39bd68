#include "store/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "core/durable_file.h"

namespace dandelion::store {
namespace {

namespace fs = std::filesystem;

constexpr int kPagesPerStep = 256;
constexpr auto kBusyPause = std::chrono::milliseconds(20);
constexpr auto kBusyGiveUp = std::chrono::seconds(60);

Failure IoError(const std::string& detail) {
  return Fail(ErrorCode::kInternal, "error.internal", detail);
}

// Resolves "sqlite:path" to path and refuses what is not a SQLite file.
Result<std::string> SqlitePath(const std::string& path, const char* what) {
  if (path.starts_with("postgres://") || path.starts_with("postgresql://")) {
    return Fail(ErrorCode::kInvalid, "error.invalid",
                std::string(what) + ": PostgreSQL is backed up with pg_dump, not by dandelion");
  }
  std::string bare = path.starts_with("sqlite:") ? path.substr(7) : path;
  if (bare.empty() || bare == ":memory:") {
    return Fail(ErrorCode::kInvalid, "error.invalid", std::string(what) + ": needs a file path");
  }
  return bare;
}

// Closes a sqlite3 handle when it goes out of scope.
struct Handle {
  sqlite3* db = nullptr;
  ~Handle() { sqlite3_close_v2(db); }
  std::string Message() const { return db ? sqlite3_errmsg(db) : "out of memory"; }
};

Result<void> OpenHandle(const std::string& path, int flags, Handle& h) {
  if (sqlite3_open_v2(path.c_str(), &h.db, flags, nullptr) != SQLITE_OK) {
    return IoError("open " + path + ": " + h.Message());
  }
  sqlite3_busy_timeout(h.db, 5000);
  return Ok();
}

// Runs one statement and returns the first column of its rows joined by "; ", or an error.
Result<std::string> QueryText(Handle& h, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(h.db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    return IoError(std::string(sql) + ": " + h.Message());
  }
  std::string out;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    if (!out.empty()) out += "; ";
    out += text != nullptr ? text : "";
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_DONE) return IoError(std::string(sql) + ": " + h.Message());
  return out;
}

Result<void> FsyncFile(const std::string& path) {
  if (!durable_file::Sync(path)) return IoError("fsync " + path);
  return Ok();
}

// Makes a rename durable: fsync the directory holding the file.
Result<void> FsyncParent(const std::string& path) {
  if (!durable_file::SyncDirectoryOf(path)) return IoError("fsync the directory of " + path);
  return Ok();
}

// Creates path empty with mode 0600 (a backup holds survivors' data), replacing a leftover.
Result<void> CreatePrivate(const std::string& path) {
  ::unlink(path.c_str());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return IoError("create " + path);
  ::close(fd);
  return Ok();
}

void RemoveSidecars(const std::string& path) {
  std::error_code ignored;
  fs::remove(path + "-wal", ignored);
  fs::remove(path + "-shm", ignored);
  fs::remove(path + "-journal", ignored);
}

// The checks a file must pass before it may become the database.
Result<void> Verify(const std::string& path) {
  Handle h;
  TRY(OpenHandle(path, SQLITE_OPEN_READWRITE, h));
  auto verdict = QueryText(h, "PRAGMA integrity_check");
  if (!verdict) return Fail(verdict.error());
  if (*verdict != "ok") return IoError("integrity_check: " + *verdict);
  auto tables = QueryText(
      h, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!tables) return Fail(tables.error());
  if (tables->empty()) return IoError("not a dandelion database: no schema_migrations table");
  return Ok();
}

Result<void> CopyBackup(sqlite3* src, sqlite3* dest) {
  sqlite3_backup* backup = sqlite3_backup_init(dest, "main", src, "main");
  if (backup == nullptr) return IoError(std::string("backup init: ") + sqlite3_errmsg(dest));
  auto give_up = std::chrono::steady_clock::now() + kBusyGiveUp;
  int rc;
  while ((rc = sqlite3_backup_step(backup, kPagesPerStep)) != SQLITE_DONE) {
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      if (std::chrono::steady_clock::now() > give_up) break;
      std::this_thread::sleep_for(kBusyPause);
    } else if (rc != SQLITE_OK) {
      break;
    }
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return IoError(std::string("backup step: ") + sqlite3_errstr(rc));
  return Ok();
}

}  // namespace

Result<void> BackupSqlite(const std::string& db_path, const std::string& out_file) {
  auto src_path = SqlitePath(db_path, "backup");
  if (!src_path) return Fail(src_path.error());
  const std::string tmp = out_file + ".tmp";
  {
    Handle src, dest;
    TRY(OpenHandle(*src_path, SQLITE_OPEN_READONLY, src));
    // Hold one read transaction across all steps: every page comes from the same snapshot, and
    // the server's commits meanwhile neither block us nor restart the copy.
    if (sqlite3_exec(src.db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return IoError("begin on " + *src_path + ": " + src.Message());
    }
    TRY(QueryText(src, "SELECT count(*) FROM sqlite_master"));
    TRY(CreatePrivate(tmp));
    TRY(OpenHandle(tmp, SQLITE_OPEN_READWRITE, dest));
    if (auto r = CopyBackup(src.db, dest.db); !r) {
      ::unlink(tmp.c_str());
      return r;
    }
    sqlite3_exec(src.db, "COMMIT", nullptr, nullptr, nullptr);
  }
  // What is written is checked as a restore would check it: a corrupt database (its pages are
  // copied as they are) gives no backup rather than one that cannot be restored.
  Result<void> ok = Verify(tmp);
  RemoveSidecars(tmp);
  if (ok) ok = FsyncFile(tmp);
  if (!ok) {
    ::unlink(tmp.c_str());
    ok.error().detail = "no backup written, the copy failed its check (" + ok.error().detail +
                        "): the database " + *src_path + " is damaged";
    return ok;
  }
  if (::rename(tmp.c_str(), out_file.c_str()) != 0) return IoError("rename to " + out_file);
  return FsyncParent(out_file);
}

Result<std::string> PrepareRestore(const std::string& from_file, const std::string& db_path) {
  auto target = SqlitePath(db_path, "restore");
  if (!target) return Fail(target.error());
  std::error_code ec;
  if (!fs::is_regular_file(from_file, ec)) return IoError("restore: no such file " + from_file);
  if (fs::exists(from_file + "-wal", ec) && fs::file_size(from_file + "-wal", ec) > 0) {
    return IoError("restore: " + from_file +
                   " has a -wal file; it is a live database, not a "
                   "backup made by `dandelion backup`");
  }
  // Copy first, then verify the copy: what is checked is exactly what is put in place.
  const std::string tmp = *target + ".restore-tmp";
  TRY(CreatePrivate(tmp));
  fs::copy_file(from_file, tmp, fs::copy_options::overwrite_existing, ec);
  // copy_file copies the source's mode bits; the database stays readable by its owner only.
  if (!ec) fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, ec);
  Result<void> ok = ec ? IoError("restore: copy: " + ec.message()) : Verify(tmp);
  RemoveSidecars(tmp);
  if (ok) ok = FsyncFile(tmp);
  if (!ok) {
    ::unlink(tmp.c_str());
    ok.error().detail = "restore refused, " + *target + " untouched: " + ok.error().detail;
    return Fail(ok.error());
  }
  return tmp;
}

Result<std::string> ReplaceWithPrepared(const std::string& prepared, const std::string& db_path,
                                        const std::string& suffix) {
  auto target = SqlitePath(db_path, "restore");
  if (!target) return Fail(target.error());
  std::error_code ec;
  std::string kept;
  if (fs::exists(*target, ec)) {
    // The replaced database stays beside the new one, whole: its main file by a second name
    // (a hard link, so nothing is copied and nothing can half-fail), its -wal (which may hold
    // its latest commits) renamed to match.
    kept = *target + ".replaced-" + suffix;
    if (::link(target->c_str(), kept.c_str()) != 0) {
      return IoError("restore refused, " + *target + " untouched: cannot keep it as " + kept);
    }
    if (fs::exists(*target + "-wal", ec) &&
        ::rename((*target + "-wal").c_str(), (kept + "-wal").c_str()) != 0) {
      ::unlink(kept.c_str());
      return IoError("restore refused, " + *target + " untouched: cannot keep its -wal");
    }
  }
  // A -shm or -journal belongs to the old file; beside the new one it would be misread.
  RemoveSidecars(*target);
  if (::rename(prepared.c_str(), target->c_str()) != 0) return IoError("rename to " + *target);
  TRY(FsyncParent(*target));
  return kept;
}

Result<std::string> RestoreSqlite(const std::string& from_file, const std::string& db_path,
                                  const std::string& suffix) {
  const std::string prepared = TRY(PrepareRestore(from_file, db_path));
  auto kept = ReplaceWithPrepared(prepared, db_path, suffix);
  if (!kept) ::unlink(prepared.c_str());
  return kept;
}

}  // namespace dandelion::store

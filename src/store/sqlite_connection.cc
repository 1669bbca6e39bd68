#include "store/sqlite_connection.h"

#include <sys/mman.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace dandelion::store {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// A reader keeps up to 8 MB of pages (cache_size below): 4, 8, 16 and 32 MB measured the same
// for random case reads at 100,000 people and 4 MB halved the caseload (docs/performance.md).
constexpr int kReaderCacheKiB = 8192;
constexpr int kPageBytes = 4096;
// Beside the readers' caches, the pool holds the writer's and the audit journal's default 2 MB
// each, in slots of one 4 KB page.
constexpr int kOtherPoolPages = 2000;

// SQLite's process-wide settings, made once before it initializes itself (which the first open
// does; later calls answer SQLITE_MISUSE and change nothing).
//
// Memory statistics off: SQLite counted every allocation under one process-wide mutex, and
// under concurrent reads that mutex showed in the profile (docs/performance.md). Nothing here
// reads them.
//
// Pages in a pool of fixed slots instead of malloc, when pool_pages > 0 (the server only): a
// reader's whole cache is emptied whenever the database file changed since its last read (the
// audit journal is filed into it once a second), and refilling it from malloc freed and took
// back tens of megabytes a second. The allocator kept what was freed, so the server grew to
// 235 MB at 100,000 people, and each refill took page faults. SQLite links every slot when it
// initializes, so the pool (about 43 MB for four readers) is resident from the start: a fixed
// cost instead of a growing one. Pages that do not fit (a larger page size, more readers than
// the pool was sized for) come from malloc as before. A command-line run opens the database
// once and leaves: the pool's set-up (11,000 page faults) would be most of its time.
void ConfigureSqliteOnce(int pool_pages) {
  static std::once_flag once;
  std::call_once(once, [pool_pages] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (pool_pages <= 0) return;
    int header = 0;
    if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK) return;
    // Slots 8-byte aligned, as SQLite requires.
    const size_t slot = (static_cast<size_t>(kPageBytes + header) + 7) & ~size_t{7};
    const size_t bytes = slot * static_cast<size_t>(pool_pages);
    void* pool = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (pool == MAP_FAILED) return;  // SQLite then takes every page from malloc
    if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, pool, static_cast<int>(slot), pool_pages) !=
        SQLITE_OK) {
      munmap(pool, bytes);
    }
    // Otherwise the pool belongs to SQLite for the life of the process.
  });
}

bool OnlyWhitespace(const char* p) {
  for (; p != nullptr && *p != '\0'; ++p) {
    if (!std::isspace(static_cast<unsigned char>(*p)) && *p != ';') return false;
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path,
                                                                 Mode mode) {
  ConfigureSqliteOnce(0);
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == Mode::kCreatingWriter || path == ":memory:") flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail =
        "sqlite open " + path + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return Fail(ErrorCode::kInternal, "error.internal", detail);
  }
  // Extended codes tell a UNIQUE violation (-> conflict) from other constraint failures.
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db));
  // WAL lets readers keep their snapshot while the writer commits; synchronous=FULL makes every
  // commit durable across power loss, which a crash must never cost survivors' records.
  // secure_delete zeroes what a delete frees (an erased woman's key row among it): some builds
  // of SQLite have it on by default, Dandelion does not count on it.
  std::string pragmas = "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;";
  if (mode == Mode::kReader) {
    pragmas += "PRAGMA query_only=ON; PRAGMA cache_size=-" + std::to_string(kReaderCacheKiB) + ";";
  }
  TRY(conn->ExecScript(pragmas));
  if (mode != Mode::kReader && path != ":memory:") {
    // SQLite quietly keeps the old mode where WAL is impossible (e.g. some network file systems);
    // readers would then block the writer, so refuse instead.
    auto mode_rows = conn->Query("PRAGMA journal_mode=WAL", {});
    if (!mode_rows) return Fail(mode_rows.error());
    if (mode_rows->empty() || (*mode_rows)[0].Text(0) != "wal") {
      return Fail(ErrorCode::kInternal, "error.internal", "sqlite: cannot use WAL for " + path);
    }
  }
  return conn;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Result<bool> SqliteConnection::CheckpointAndTruncate(std::chrono::milliseconds wait) {
  sqlite3_busy_timeout(db_, static_cast<int>(wait.count()));
  const int rc =
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  if (rc == SQLITE_BUSY) return false;
  if (rc != SQLITE_OK) return Fail(MakeError(rc, "wal_checkpoint"));
  return true;
}

Error SqliteConnection::MakeError(int rc, std::string_view what) const {
  std::string detail = std::string(what) + ": " + sqlite3_errmsg(db_);
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return Error{ErrorCode::kConflict, "error.conflict", {}, std::move(detail)};
  }
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    return Error{ErrorCode::kUnavailable, "error.unavailable", {}, std::move(detail)};
  }
  return Error{ErrorCode::kInternal, "error.internal", {}, std::move(detail)};
}

Result<sqlite3_stmt*> SqliteConnection::Prepare(std::string_view sql, const Params& params) {
  sqlite3_stmt* stmt = nullptr;
  if (auto it = statements_.find(sql); it != statements_.end()) {
    stmt = it->second;
  } else {
    std::string key(sql);
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.data(), int(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                &tail);
    if (rc != SQLITE_OK) return Fail(MakeError(rc, "prepare"));
    if (stmt == nullptr) {
      return Fail(ErrorCode::kInternal, "error.internal", "empty statement: " + key);
    }
    // One statement per call: a second one would be silently ignored otherwise.
    if (!OnlyWhitespace(tail)) {
      sqlite3_finalize(stmt);
      return Fail(ErrorCode::kInternal, "error.internal", "more than one statement: " + key);
    }
    if (statements_.size() >= kMaxCachedStatements) {
      for (auto& [s, old] : statements_) sqlite3_finalize(old);
      statements_.clear();
    }
    statements_.emplace(std::move(key), stmt);
  }
  if (sqlite3_bind_parameter_count(stmt) != int(params.size())) {
    return Fail(ErrorCode::kInternal, "error.internal",
                "statement wants " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
                    " params, got " + std::to_string(params.size()) + ": " + std::string(sql));
  }
  // Text and bytes are bound in place (SQLITE_STATIC), not copied: every caller runs the statement
  // while params lives, and Run (or a failed bind below) clears the bindings before returning.
  for (size_t i = 0; i < params.size(); ++i) {
    const int n = int(i) + 1;
    const Value& v = params[i];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(v)) {
      rc = sqlite3_bind_null(stmt, n);
    } else if (const auto* x = std::get_if<int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, n, *x);
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, n, *d);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      rc = sqlite3_bind_text64(stmt, n, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else if (const auto* b = std::get_if<Blob>(&v)) {
      // A zero-length blob must still be a blob, not null: bind_zeroblob keeps the type.
      rc = b->bytes.empty()
               ? sqlite3_bind_zeroblob(stmt, n, 0)
               : sqlite3_bind_blob64(stmt, n, b->bytes.data(), b->bytes.size(), SQLITE_STATIC);
    }
    if (rc != SQLITE_OK) {
      sqlite3_clear_bindings(stmt);
      return Fail(MakeError(rc, "bind"));
    }
  }
  return stmt;
}

Result<void> SqliteConnection::Run(sqlite3_stmt* stmt, Rows* rows) {
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    if (rows == nullptr) continue;
    const int n = sqlite3_column_count(stmt);
    std::vector<Value> values;
    values.reserve(n);
    for (int c = 0; c < n; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          values.emplace_back(int64_t{sqlite3_column_int64(stmt, c)});
          break;
        case SQLITE_FLOAT:
          values.emplace_back(sqlite3_column_double(stmt, c));
          break;
        case SQLITE_TEXT: {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          values.emplace_back(std::string(p, sqlite3_column_bytes(stmt, c)));
          break;
        }
        case SQLITE_BLOB: {
          const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, c));
          const int size = sqlite3_column_bytes(stmt, c);
          values.emplace_back(Blob{size > 0 ? std::string(p, size) : std::string()});
          break;
        }
        default:
          values.emplace_back(nullptr);
      }
    }
    rows->emplace_back(std::move(values));
  }
  Result<void> result = Ok();
  if (rc != SQLITE_DONE) result = Fail(MakeError(rc, std::string("step: ") + sqlite3_sql(stmt)));
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  return result;
}

Result<Rows> SqliteConnection::Query(std::string_view sql, const Params& params) {
  auto stmt = Prepare(sql, params);
  if (!stmt) return Fail(stmt.error());
  Rows rows;
  TRY(Run(*stmt, &rows));
  return rows;
}

namespace {

// The statement and its parameters, unambiguously: each value tagged with its type, and text or
// bytes with their length.
std::string RememberedKey(std::string_view sql, const Params& params) {
  std::string key(sql);
  auto append_sized = [&key](std::string_view bytes) {
    const uint64_t n = bytes.size();
    key.append(reinterpret_cast<const char*>(&n), sizeof n);
    key.append(bytes);
  };
  for (const Value& v : params) {
    key.push_back(static_cast<char>('0' + v.index()));
    if (const auto* i = std::get_if<int64_t>(&v)) {
      key.append(reinterpret_cast<const char*>(i), sizeof *i);
    } else if (const auto* d = std::get_if<double>(&v)) {
      key.append(reinterpret_cast<const char*>(d), sizeof *d);
    } else if (const auto* t = std::get_if<std::string>(&v)) {
      append_sized(*t);
    } else if (const auto* b = std::get_if<Blob>(&v)) {
      append_sized(b->bytes);
    }
  }
  return key;
}

}  // namespace

Result<std::optional<Row>> SqliteConnection::FirstRow(std::string_view sql, const Params& params) {
  auto rows = TRY(Query(sql, params));
  if (rows.empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows.front()));
}

Result<void> SqliteConnection::CheckRememberedVersion() {
  // In the transaction's snapshot: SQLite moves a connection's data version whenever it finds at
  // a snapshot's start that anything committed since its last one.
  auto version = TRY(Query("PRAGMA data_version", {}));
  const int64_t now = version.empty() ? -1 : version.front().Int(0);
  if (now != remembered_version_ || now < 0) {
    remembered_.clear();
    remembered_version_ = now;
  }
  return Ok();
}

void SqliteConnection::Remember(std::string key, std::optional<Row> row, std::string derived) {
  if (remembered_version_ < 0) return;
  if (remembered_.size() >= kMaxRememberedAnswers) remembered_.clear();
  remembered_.emplace(std::move(key),
                      RememberedAnswer{.row = std::move(row), .derived = std::move(derived)});
}

Result<std::optional<Row>> SqliteConnection::QueryOneRemembered(std::string_view sql,
                                                                const Params& params,
                                                                bool check_version) {
  if (check_version) TRY(CheckRememberedVersion());
  std::string key = RememberedKey(sql, params);
  if (auto it = remembered_.find(key); it != remembered_.end()) return it->second.row;
  std::optional<Row> first = TRY(FirstRow(sql, params));
  Remember(std::move(key), first, {});
  return first;
}

Result<std::string> SqliteConnection::QueryOneRememberedAs(std::string_view sql,
                                                           const Params& params,
                                                           std::string_view as,
                                                           const Tx::Derive& derive,
                                                           bool check_version) {
  if (check_version) TRY(CheckRememberedVersion());
  // Apart from the plain answer's key, which begins with the statement's text: the name, a
  // zero byte, then that key.
  std::string key(as);
  key.push_back('\0');
  key += RememberedKey(sql, params);
  if (auto it = remembered_.find(key); it != remembered_.end()) return it->second.derived;
  std::optional<Row> first = TRY(FirstRow(sql, params));
  std::string derived = derive(first);
  Remember(std::move(key), std::nullopt, derived);
  return derived;
}

Result<int64_t> SqliteConnection::Exec(std::string_view sql, const Params& params) {
  auto stmt = Prepare(sql, params);
  if (!stmt) return Fail(stmt.error());
  TRY(Run(*stmt, nullptr));
  return int64_t{sqlite3_changes64(db_)};
}

Result<void> SqliteConnection::ExecScript(std::string_view sql) {
  std::string script(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Ok();
  Error error = MakeError(rc, "script");
  if (message != nullptr) {
    error.detail = std::string("script: ") + message;
    sqlite3_free(message);
  }
  if (InTransaction()) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  return Fail(std::move(error));
}

void ReserveSqlitePagePool(int readers) {
  ConfigureSqliteOnce(std::max(readers, 1) * (kReaderCacheKiB / (kPageBytes / 1024)) +
                      kOtherPoolPages);
}

}  // namespace dandelion::store

#include "store/sqlite_database.h"

#include <chrono>
#include <exception>

namespace dandelion::store {
namespace {

// The Tx handed to callbacks: a thin view of the connection for the duration of one call.
class SqliteTx final : public Tx {
 public:
  // remembers: a reader's read transaction. The writer never remembers: its own changes in the
  // transaction do not move the data version.
  SqliteTx(SqliteConnection& conn, bool remembers) : conn_(conn), remembers_(remembers) {}
  Result<Rows> Query(std::string_view sql, const Params& params) override {
    return conn_.Query(sql, params);
  }
  Result<int64_t> Exec(std::string_view sql, const Params& params) override {
    return conn_.Exec(sql, params);
  }
  Result<std::optional<Row>> QueryOneRemembered(std::string_view sql,
                                                const Params& params) override {
    if (!remembers_) return QueryOne(sql, params);
    // Checked until a call succeeds: one that failed may not have read the version.
    auto answer = conn_.QueryOneRemembered(sql, params, !version_checked_);
    if (answer) version_checked_ = true;
    return answer;
  }
  Result<std::string> QueryOneRememberedAs(std::string_view sql, const Params& params,
                                           std::string_view as, const Derive& derive) override {
    if (!remembers_) return derive(TRY(QueryOne(sql, params)));
    auto answer = conn_.QueryOneRememberedAs(sql, params, as, derive, !version_checked_);
    if (answer) version_checked_ = true;
    return answer;
  }
  bool Remembers() const override { return remembers_; }
  Dialect dialect() const override { return Dialect::kSqlite; }

 private:
  SqliteConnection& conn_;
  const bool remembers_;
  bool version_checked_ = false;
};

// The database whose writer this thread holds, if any; detects a nested Write().
thread_local const void* writing_database = nullptr;

// Ends a transaction that is already failing. The failure being returned is the one that
// matters, and a failed ROLLBACK has nothing to add to it.
void RollBackQuietly(SqliteConnection& conn) {
  [[maybe_unused]] auto rolled_back = conn.ExecScript("ROLLBACK");
}

// BEGIN or COMMIT as the connection's prepared statement: sqlite3_exec parsed them anew for
// every transaction (1-2 % of a case read's profile, though no change in throughput could be
// measured; docs/performance.md). A COMMIT that fails (a deferred foreign key) leaves the
// transaction open; it is rolled back here.
Result<void> Control(SqliteConnection& conn, const char* sql) {
  auto done = conn.Exec(sql, {});
  if (done) return Ok();
  if (conn.InTransaction()) RollBackQuietly(conn);
  return Fail(done.error());
}

}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const std::string& path, int readers,
                                                             Create create) {
  std::unique_ptr<SqliteDatabase> db(new SqliteDatabase());
  auto writer =
      SqliteConnection::Open(path, create == Create::kYes ? SqliteConnection::Mode::kCreatingWriter
                                                          : SqliteConnection::Mode::kWriter);
  if (!writer) return Fail(writer.error());
  db->writer_ = std::move(*writer);
  if (path == ":memory:") return db;
  for (int i = 0; i < std::max(readers, 1); ++i) {
    auto reader = SqliteConnection::Open(path, SqliteConnection::Mode::kReader);
    if (!reader) return Fail(reader.error());
    db->free_readers_.push_back(reader->get());
    db->readers_.push_back(std::move(*reader));
  }
  return db;
}

Result<void> SqliteDatabase::RunTransaction(SqliteConnection& conn, const char* begin,
                                            const std::function<Result<void>(Tx&)>& fn,
                                            bool remembers) {
  TRY(Control(conn, begin));
  SqliteTx tx(conn, remembers);
  Result<void> result = Ok();
  try {
    result = fn(tx);
  } catch (...) {
    // The exception belongs to the caller; leave the connection clean and let it continue up.
    RollBackQuietly(conn);
    throw;
  }
  if (!result && !result.error().commits) {
    if (conn.InTransaction()) RollBackQuietly(conn);
    return result;
  }
  TRY(Control(conn, "COMMIT"));
  return result;  // ok, or a recorded refusal (Error::commits)
}

Result<void> SqliteDatabase::Write(const std::function<Result<void>(Tx&)>& fn) {
  if (writing_database == this) {
    return Fail(ErrorCode::kInternal, "error.internal", "nested Write() on the same thread");
  }
  std::lock_guard lock(writer_mutex_);
  writing_database = this;
  struct Reset {
    ~Reset() { writing_database = nullptr; }
  } reset;
  return RunTransaction(*writer_, "BEGIN IMMEDIATE", fn);
}

Result<void> SqliteDatabase::Read(const std::function<Result<void>(Tx&)>& fn) {
  if (readers_.empty()) {
    if (writing_database == this) {
      return Fail(ErrorCode::kInternal, "error.internal", "Read() inside Write() on memory db");
    }
    std::lock_guard lock(writer_mutex_);
    return RunTransaction(*writer_, "BEGIN", fn);
  }
  SqliteConnection* conn = AcquireReader();
  struct Release {
    SqliteDatabase* db;
    SqliteConnection* conn;
    ~Release() { db->ReleaseReader(conn); }
  } release{this, conn};
  return RunTransaction(*conn, "BEGIN", fn, /*remembers=*/true);
}

Result<std::optional<Row>> SqliteDatabase::ReadOneRemembered(std::string_view sql,
                                                             const Params& params) {
  TRY(RequireSelect(sql));
  return ReadValue([&](Tx& tx) { return tx.QueryOneRemembered(sql, params); });
}

SqliteConnection* SqliteDatabase::AcquireReader() {
  std::unique_lock lock(readers_mutex_);
  reader_free_.wait(lock, [this] { return !free_readers_.empty(); });
  SqliteConnection* conn = free_readers_.back();
  free_readers_.pop_back();
  return conn;
}

void SqliteDatabase::ReleaseReader(SqliteConnection* conn) {
  {
    std::lock_guard lock(readers_mutex_);
    free_readers_.push_back(conn);
  }
  reader_free_.notify_one();
}

Result<void> SqliteDatabase::ExecScript(std::string_view sql) {
  if (writing_database == this) {
    return Fail(ErrorCode::kInternal, "error.internal", "ExecScript() inside Write()");
  }
  std::lock_guard lock(writer_mutex_);
  return writer_->ExecScript(sql);
}

Result<void> SqliteDatabase::CheckIntegrity() {
  Result<void> verdict = Ok();
  auto r = Read([&](Tx& tx) -> Result<void> {
    auto rows = tx.Query("PRAGMA integrity_check");
    if (!rows) return Fail(rows.error());
    if (rows->size() == 1 && (*rows)[0].Text(0) == "ok") return Ok();
    std::string faults;
    for (const Row& row : *rows) faults += row.Text(0) + "; ";
    verdict = Fail(ErrorCode::kInternal, "error.internal", "integrity_check: " + faults);
    return Ok();
  });
  if (!r) return r;
  return verdict;
}

Result<void> SqliteDatabase::ScrubDeleted() {
  if (readers_.empty()) return Ok();  // in memory: nothing on disk
  if (writing_database == this) {
    return Fail(ErrorCode::kInternal, "error.internal", "ScrubDeleted() inside Write()");
  }
  // Every frame goes into the database, where secure_delete left no deleted row, and the log is
  // cut to zero bytes, so no earlier page image outlives the erasure in it. Writes wait
  // meanwhile, so a long read (an export) is not waited out: the caller tries again later.
  constexpr std::chrono::milliseconds kWaitForReaders{250};
  std::lock_guard lock(writer_mutex_);
  if (!TRY(writer_->CheckpointAndTruncate(kWaitForReaders))) {
    return Fail(ErrorCode::kUnavailable, "error.unavailable",
                "sqlite: readers kept the write-ahead log from being truncated");
  }
  return Ok();
}

}  // namespace dandelion::store

#include "store/postgres_database.h"

#include <algorithm>
#include <span>

namespace dandelion::store {
namespace {

// How a transaction begins. A write takes the advisory lock every Write() holds (its key is any
// constant unique to Dandelion, "dndl"). Both go out with the transaction's first statement, in
// its round trip (PostgresConnection::BeginWithNextStatement).
constexpr const char* kBeginWrite[] = {"BEGIN ISOLATION LEVEL READ COMMITTED",
                                       "SELECT pg_advisory_xact_lock(1684956268)"};
constexpr const char* kBeginRead[] = {"BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ"};

class PostgresTx final : public Tx {
 public:
  explicit PostgresTx(PostgresConnection& conn) : conn_(conn) {}
  Result<Rows> Query(std::string_view sql, const Params& params) override {
    return conn_.Query(sql, params);
  }
  Result<int64_t> Exec(std::string_view sql, const Params& params) override {
    return conn_.Exec(sql, params);
  }
  Result<void> ExecMany(std::string_view sql, std::span<const Params> rows) override {
    return conn_.ExecMany(sql, rows);
  }
  Dialect dialect() const override { return Dialect::kPostgres; }

 private:
  PostgresConnection& conn_;
};

thread_local const void* writing_database = nullptr;

// Ends a transaction that is already failing. The failure being returned is the one that
// matters, and a failed ROLLBACK has nothing to add to it.
void RollBackQuietly(PostgresConnection& conn) {
  [[maybe_unused]] auto rolled_back = conn.ExecScript("ROLLBACK");
}

}  // namespace

class PostgresDatabase::Lease {
 public:
  Lease(PostgresDatabase* db, PostgresConnection* conn) : db_(db), conn_(conn) {}
  ~Lease() {
    conn_->DropPendingBegin();  // a transaction that ran no statement began nothing
    db_->Release(conn_);
  }
  PostgresConnection& conn() { return *conn_; }

 private:
  PostgresDatabase* db_;
  PostgresConnection* conn_;
};

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::Open(const std::string& url,
                                                                 int pool_size) {
  std::unique_ptr<PostgresDatabase> db(new PostgresDatabase());
  for (int i = 0; i < std::max(pool_size, 2); ++i) {
    auto conn = PostgresConnection::Connect(url);
    if (!conn) return Fail(conn.error());
    db->free_.push_back(conn->get());
    db->pool_.push_back(std::move(*conn));
  }
  return db;
}

Result<PostgresConnection*> PostgresDatabase::Acquire() {
  PostgresConnection* conn = nullptr;
  {
    std::unique_lock lock(mutex_);
    if (!freed_.wait_for(lock, kAcquireTimeout, [this] { return !free_.empty(); })) {
      return Fail(ErrorCode::kUnavailable, "error.unavailable", "postgres pool exhausted");
    }
    conn = free_.back();
    free_.pop_back();
  }
  // A connection lost since its last use (server restart, network) is re-established here.
  if (auto r = conn->EnsureConnected(); !r) {
    Release(conn);
    return Fail(r.error());
  }
  return conn;
}

void PostgresDatabase::Release(PostgresConnection* conn) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(conn);
  }
  freed_.notify_one();
}

Result<void> PostgresDatabase::RunTransaction(bool write,
                                              const std::function<Result<void>(Tx&)>& fn) {
  auto acquired = Acquire();
  if (!acquired) return Fail(acquired.error());
  Lease lease(this, *acquired);
  PostgresConnection& conn = lease.conn();
  // BEGIN (and a write's lock) wait for the first statement and go with it: one round trip
  // fewer. A connection that died while idle is noticed by that statement, which reconnects
  // and begins again (nothing had run); a wait for the lock that is cancelled fails that
  // statement, and the transaction is rolled back below like any failed one.
  conn.BeginWithNextStatement(write ? std::span<const char* const>(kBeginWrite)
                                    : std::span<const char* const>(kBeginRead));
  PostgresTx tx(conn);
  Result<void> result = Ok();
  try {
    result = fn(tx);
  } catch (...) {
    if (conn.InTransaction()) RollBackQuietly(conn);
    throw;
  }
  if (conn.BeginPending()) return result;  // no statement ran: nothing began, nothing to end
  if (!result && !result.error().commits) {
    if (conn.InTransaction()) RollBackQuietly(conn);
    return result;
  }
  // COMMIT of an aborted transaction "succeeds" as a ROLLBACK; report it as the failure it is.
  if (conn.Aborted()) {
    RollBackQuietly(conn);
    return Fail(ErrorCode::kInternal, "error.internal",
                "a statement failed in this transaction but the function returned ok");
  }
  TRY(conn.ExecScript("COMMIT"));
  return result;  // ok, or a recorded refusal (Error::commits)
}

Result<void> PostgresDatabase::Write(const std::function<Result<void>(Tx&)>& fn) {
  if (writing_database == this) {
    return Fail(ErrorCode::kInternal, "error.internal", "nested Write() on the same thread");
  }
  writing_database = this;
  struct Reset {
    ~Reset() { writing_database = nullptr; }
  } reset;
  return RunTransaction(/*write=*/true, fn);
}

Result<void> PostgresDatabase::Read(const std::function<Result<void>(Tx&)>& fn) {
  return RunTransaction(/*write=*/false, fn);
}

Result<Rows> PostgresDatabase::ReadStatement(std::string_view sql, const Params& params) {
  TRY(RequireSelect(sql));
  auto acquired = Acquire();
  if (!acquired) return Fail(acquired.error());
  Lease lease(this, *acquired);
  PostgresConnection& conn = lease.conn();
  // One statement is its own snapshot (autocommit): the same answer as in a read-only
  // transaction, one round trip instead of three. A connection that died while idle is noticed
  // here; a read that failed to reach the server changed nothing, so it is run once more.
  Result<Rows> rows = conn.Query(sql, params);
  if (!rows && rows.error().code == ErrorCode::kUnavailable && conn.EnsureConnected()) {
    rows = conn.Query(sql, params);
  }
  return rows;
}

Result<void> PostgresDatabase::ExecScript(std::string_view sql) {
  auto acquired = Acquire();
  if (!acquired) return Fail(acquired.error());
  Lease lease(this, *acquired);
  return lease.conn().ExecScript(sql);
}

Result<void> PostgresDatabase::CheckIntegrity() {
  // PostgreSQL checks its own pages (checksums, amcheck is an operator's tool); here we only
  // prove the server answers a query in a transaction.
  return Read([](Tx& tx) -> Result<void> {
    auto row = tx.QueryOne("SELECT 1");
    if (!row) return Fail(row.error());
    return Ok();
  });
}

}  // namespace dandelion::store

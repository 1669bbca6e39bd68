// PostgresDatabase: the scale-out backend of Database, over a pool of libpq connections.
//
// Write() runs READ COMMITTED and first takes a cluster-wide transaction-level advisory lock, so
// write transactions run one at a time across every node, exactly like SQLite's single writer.
// We chose this over SERIALIZABLE because SERIALIZABLE aborts transactions with 40001 under
// contention and needs the caller's function re-run, which is unsafe when a service has side
// effects; over plain READ COMMITTED because a service's check-then-write (e.g. "is this the
// last admin?") would race. Writes are short, so one writer at a time is not the bottleneck;
// readers are never blocked (MVCC).
// Read() runs BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ: one snapshot for the whole call.
//
// Unlike SQLite, a failed statement aborts the PostgreSQL transaction; a function that ignores
// such an error and returns ok gets the error back from Write() instead of a commit. Use
// `INSERT ... ON CONFLICT DO NOTHING` (portable) rather than catching a conflict mid-transaction.
//
// Thread-safety: all public methods may be called from any number of threads; a caller waits up
// to kAcquireTimeout for a free connection. A Write() nested in a Write() on one thread is refused.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/postgres_connection.h"

namespace dandelion::store {

class PostgresDatabase final : public Database {
 public:
  // pool_size: connections (at least 2), all opened now so a bad URL fails at start-up.
  static Result<std::unique_ptr<PostgresDatabase>> Open(const std::string& url, int pool_size);

  Dialect dialect() const override { return Dialect::kPostgres; }
  Result<void> Write(const std::function<Result<void>(Tx&)>& fn) override;
  Result<void> Read(const std::function<Result<void>(Tx&)>& fn) override;
  Result<Rows> ReadStatement(std::string_view sql, const Params& params) override;
  Result<void> ExecScript(std::string_view sql) override;
  Result<void> CheckIntegrity() override;
  Result<void> ScrubDeleted() override { return Ok(); }  // see Database: beyond a connection

 private:
  static constexpr std::chrono::seconds kAcquireTimeout{30};

  // A borrowed connection, returned to the pool when it goes out of scope.
  class Lease;

  PostgresDatabase() = default;
  Result<PostgresConnection*> Acquire();
  void Release(PostgresConnection* conn);
  // Runs fn in a write (serialized, read-committed) or read-only (snapshot) transaction.
  Result<void> RunTransaction(bool write, const std::function<Result<void>(Tx&)>& fn);

  std::vector<std::unique_ptr<PostgresConnection>> pool_;  // owns all; fixed after Open
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<PostgresConnection*> free_;  // GUARDED_BY(mutex_)
};

}  // namespace dandelion::store

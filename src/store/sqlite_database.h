// SqliteDatabase: the embedded backend of Database, one file in WAL mode.
//
// One writer connection, guarded by a mutex, runs every Write() in BEGIN IMMEDIATE, so writers
// queue in the process instead of failing with SQLITE_BUSY. A pool of reader connections
// (query_only) runs Read() in deferred read transactions; in WAL mode each keeps the snapshot
// of its first read while the writer commits. An in-memory database (":memory:") cannot be
// shared between connections, so it has no readers and Read() uses the writer connection.
//
// Thread-safety: all public methods may be called from any number of threads. A Write() inside a
// Write() callback on the same thread is refused (it would deadlock on the writer mutex).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/sqlite_connection.h"

namespace dandelion::store {

class SqliteDatabase final : public Database {
 public:
  // path: a file path, or ":memory:". readers: reader connections (ignored for memory).
  // create: kNo fails on a file that does not exist instead of creating an empty one.
  static Result<std::unique_ptr<SqliteDatabase>> Open(const std::string& path, int readers,
                                                      Create create = Create::kYes);

  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<void> Write(const std::function<Result<void>(Tx&)>& fn) override;
  Result<void> Read(const std::function<Result<void>(Tx&)>& fn) override;
  // Read(): a statement alone would still take a reader, BEGIN and COMMIT on it, and a read
  // that needs a second statement would pay for both.
  Result<void> ReadByOneStatement(const std::function<Result<void>(Tx&)>& fn) override {
    return Read(fn);
  }
  // In Read(): a reader answers it from memory while nothing has committed.
  Result<std::optional<Row>> ReadOneRemembered(std::string_view sql, const Params& params) override;
  Result<void> ExecScript(std::string_view sql) override;
  Result<void> CheckIntegrity() override;
  Result<void> ScrubDeleted() override;

 private:
  SqliteDatabase() = default;

  // Runs fn between begin and COMMIT on conn; rolls back on error or exception.
  // remembers: the transaction may answer QueryOneRemembered from the connection's memory (a
  // reader's read transaction only).
  static Result<void> RunTransaction(SqliteConnection& conn, const char* begin,
                                     const std::function<Result<void>(Tx&)>& fn,
                                     bool remembers = false);
  SqliteConnection* AcquireReader();
  void ReleaseReader(SqliteConnection* conn);

  std::mutex writer_mutex_;
  std::unique_ptr<SqliteConnection> writer_;  // GUARDED_BY(writer_mutex_)

  std::vector<std::unique_ptr<SqliteConnection>> readers_;  // owns all; fixed after Open
  std::mutex readers_mutex_;
  std::condition_variable reader_free_;
  std::vector<SqliteConnection*> free_readers_;  // GUARDED_BY(readers_mutex_)
};

}  // namespace dandelion::store

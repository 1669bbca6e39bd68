// SqliteConnection: one sqlite3 handle with its prepared-statement cache.
//
// Owns the handle and the statements prepared on it, keyed by SQL text so a repo's fixed SQL is
// parsed once per connection. Binds Value params (? placeholders) and reads rows back as Values.
// Errors become Error values: a UNIQUE or PRIMARY KEY violation is kConflict, anything else
// kInternal with SQLite's message in the detail.
//
// Thread-safety: none. SqliteDatabase gives each connection to one thread at a time.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/database.h"

namespace dandelion::store {

// Gives SQLite a fixed pool of page slots, sized for this many readers' caches, before the first
// database opens in this process; a no-op once SQLite has started. The server calls it (through
// store::PrepareForServing); a command-line run does not, since setting up the pool would be most
// of its time.
void ReserveSqlitePagePool(int readers);

class SqliteConnection {
 public:
  // kCreatingWriter creates the file when it does not exist; the others fail instead.
  enum class Mode { kCreatingWriter, kWriter, kReader };

  // Opens the file at path, or a private in-memory database when path
  // is ":memory:", and applies the connection pragmas (WAL, synchronous=FULL, foreign keys,
  // busy timeout; query_only for readers).
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, Mode mode);

  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Result<Rows> Query(std::string_view sql, const Params& params);
  Result<int64_t> Exec(std::string_view sql, const Params& params);
  // Runs one or more statements without parameters (sqlite3_exec). If the script leaves a
  // transaction open because it failed part-way, the transaction is rolled back.
  Result<void> ExecScript(std::string_view sql);

  // Copies every frame of the write-ahead log into the database and truncates the log to zero
  // bytes, waiting at most wait for readers still on older frames (instead of the connection's
  // usual busy timeout: the caller holds back every write meanwhile). False when readers kept it
  // from finishing.
  Result<bool> CheckpointAndTruncate(std::chrono::milliseconds wait);

  // For a reader inside a read transaction: QueryOne answered from what this connection read
  // before, when the database's data version is the one those answers were read at (store::Tx::
  // QueryOneRemembered). check_version: the transaction's first call, which reads the version
  // (beginning the snapshot if no statement has) and forgets every answer when it moved.
  Result<std::optional<Row>> QueryOneRemembered(std::string_view sql, const Params& params,
                                                bool check_version);
  // The same answer as derive makes it, remembered in its place under the name as (store::Tx::
  // QueryOneRememberedAs): derive runs once while the answer stands.
  Result<std::string> QueryOneRememberedAs(std::string_view sql, const Params& params,
                                           std::string_view as, const Tx::Derive& derive,
                                           bool check_version);

  // True while a transaction is open on this connection.
  bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}

  // Finds or prepares the statement for sql and binds params to it.
  Result<sqlite3_stmt*> Prepare(std::string_view sql, const Params& params);
  // Steps stmt to completion, collecting rows when rows is not null; always resets stmt.
  Result<void> Run(sqlite3_stmt* stmt, Rows* rows);
  Error MakeError(int rc, std::string_view what) const;
  // The statement's first row, or none: what a remembered answer holds.
  Result<std::optional<Row>> FirstRow(std::string_view sql, const Params& params);
  // Reads the data version in the current snapshot and forgets every remembered answer when it
  // moved since they were read.
  Result<void> CheckRememberedVersion();
  // Keeps an answer under key unless nothing may be remembered yet.
  void Remember(std::string key, std::optional<Row> row, std::string derived);

  struct RememberedAnswer {
    std::optional<Row> row;  // QueryOneRemembered's
    std::string derived;     // QueryOneRememberedAs's
  };

  // Statements are cached until this many distinct SQL texts have been seen; then the cache is
  // cleared, so SQL built at run time (e.g. IN lists of varying length) cannot grow it forever.
  static constexpr size_t kMaxCachedStatements = 256;

  // Remembered answers are forgotten all at once beyond this many: they are keyed by parameters
  // (a session, an organization), and a read of many different ones must not grow them forever.
  static constexpr size_t kMaxRememberedAnswers = 512;

  // Found by a statement's text as the caller holds it, without copying it into a key first: a
  // read runs a handful of statements, the audit's filer one per entry.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> statements_;
  // The data version the remembered answers were read at (-1: none read yet), and the answers by
  // statement and parameters.
  int64_t remembered_version_ = -1;
  std::unordered_map<std::string, RememberedAnswer> remembered_;
};

}  // namespace dandelion::store

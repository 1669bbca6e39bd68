// Database: the storage interface every repo uses, with SQLite and PostgreSQL backends.
//
// Repos write portable SQL with `?` placeholders; the PostgreSQL backend rewrites them to $n.
// Values cross the interface as Value (null, integer, real, text, blob). All work happens in a
// transaction: Write() runs its function in the single write transaction (SQLite: one writer;
// PostgreSQL: a pooled connection), commits when the function returns ok and rolls back
// otherwise — so a failed service call leaves nothing half-written. Read() runs on a reader
// connection in a read-only snapshot. Both are safe to call from many threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/result.h"

namespace dandelion::store {

// Bytes stored as BLOB (SQLite) / BYTEA (PostgreSQL): ciphertexts, hashes, blind indexes.
struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

using Value = std::variant<std::nullptr_t, int64_t, double, std::string, Blob>;

// One result row; columns in SELECT order.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }
  int64_t Int(size_t i) const;            // 0 when null
  double Real(size_t i) const;            // 0 when null
  std::string Text(size_t i) const;       // "" when null
  std::string BlobBytes(size_t i) const;  // "" when null
  std::optional<std::string> OptText(size_t i) const;
  std::optional<int64_t> OptInt(size_t i) const;
  const Value& at(size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;
using Params = std::vector<Value>;

// Optional columns: NULL for "" (text, or ciphertext bytes as a blob).
inline Value TextOrNull(const std::string& text) {
  return text.empty() ? Value(nullptr) : Value(text);
}
inline Value BlobOrNull(const std::string& bytes) {
  return bytes.empty() ? Value(nullptr) : Value(Blob{bytes});
}

enum class Dialect { kSqlite, kPostgres };

// A transaction in progress. Only valid inside the Read/Write callback that received it.
class Tx {
 public:
  virtual ~Tx() = default;
  // Runs a statement that returns rows.
  virtual Result<Rows> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a statement; returns the number of rows changed.
  virtual Result<int64_t> Exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement once for each set of parameters, in order, and stops at the first that
  // fails (a failed statement fails the transaction, as always). PostgreSQL sends them together
  // (libpq's pipeline mode): one round trip for many rows, where Exec in a loop is one each.
  virtual Result<void> ExecMany(std::string_view sql, std::span<const Params> rows);
  virtual Dialect dialect() const = 0;

  // Convenience: the first row, or nullopt when there is none.
  Result<std::optional<Row>> QueryOne(std::string_view sql, const Params& params = {});

  // QueryOne for a SELECT whose answer depends on nothing but the database's committed rows (no
  // clock, no randomness). On a SQLite reader the answer may come from this connection's memory
  // of the same statement with the same parameters, kept only while no transaction has
  // committed since, by any connection or process (SQLite's data version, read in this
  // snapshot, says so): the answer the statement would give now. Elsewhere the statement runs.
  // Never for a woman's key or sealed fields: a remembered answer stays in memory until its
  // connection next reads after a commit (docs/security.md, "What stays in memory between
  // requests"). docs/performance.md, "Small answers remembered while the database is unchanged".
  virtual Result<std::optional<Row>> QueryOneRemembered(std::string_view sql,
                                                        const Params& params = {}) {
    return QueryOne(sql, params);
  }
  // QueryOneRemembered's answer as derive makes it of the row (or of no row), for a value made
  // from the same answer by every request (a session's fingerprint): where the answer is
  // remembered, what derive made is remembered in its place under the name as, and derive runs
  // once while the answer stands. derive must depend on the row alone; as names it, one name
  // per derive. Elsewhere the statement runs and derive with it.
  using Derive = std::function<std::string(const std::optional<Row>&)>;
  virtual Result<std::string> QueryOneRememberedAs(std::string_view sql, const Params& params,
                                                   std::string_view /*as*/, const Derive& derive) {
    return derive(TRY(QueryOne(sql, params)));
  }
  // Whether QueryOneRemembered can answer without running its statement: a read may then prefer
  // small remembered statements to one statement that joins them (on PostgreSQL each statement
  // is a round trip, and nothing is remembered).
  virtual bool Remembers() const { return false; }
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;

  // Runs fn in a write transaction; commits on success, rolls back on error or exception.
  virtual Result<void> Write(const std::function<Result<void>(Tx&)>& fn) = 0;
  // Runs fn in a read-only transaction (a consistent snapshot).
  virtual Result<void> Read(const std::function<Result<void>(Tx&)>& fn) = 0;

  // Runs one SELECT in a snapshot of its own, outside any transaction: for a read that is a
  // single statement on every request (the session check), whose BEGIN and COMMIT would be two
  // more round trips on PostgreSQL. Anything but a SELECT is refused (kInternal): a change
  // needs Write().
  virtual Result<Rows> ReadStatement(std::string_view sql, const Params& params = {});

  // ReadStatement's first row, for a SELECT that Tx::QueryOneRemembered may answer (one that
  // depends on nothing but the database's rows). SQLite asks it in a read transaction, where a
  // reader answers from memory while nothing has committed; elsewhere it is ReadStatement.
  virtual Result<std::optional<Row>> ReadOneRemembered(std::string_view sql,
                                                       const Params& params = {});

  // Runs fn as a read that its first statement usually settles (a case read whose access the
  // case's own row decides; a kept case list checked by its generation): that statement runs as
  // ReadStatement does, in a snapshot of its own, outside any transaction. Should fn run a second
  // statement, that statement fails, fn's answer is set aside whatever it is, and fn runs again
  // from the start in Read(): every statement in one snapshot, as always. fn must therefore leave
  // nothing changed outside what it returns until its statements are done. SQLite runs Read()
  // at once: its BEGIN and COMMIT cost no round trip (ReadStatement). docs/performance.md,
  // "A read settled by its first statement".
  virtual Result<void> ReadByOneStatement(const std::function<Result<void>(Tx&)>& fn);

  // Read(), Write() and ReadByOneStatement() for a function that returns a value (a Result<T>):
  // the value, or the function's error (with the same commit and roll-back rules).
  template <class Fn>
  auto ReadValue(Fn&& fn) -> std::invoke_result_t<Fn, Tx&> {
    return Run(&Database::Read, std::forward<Fn>(fn));
  }
  template <class Fn>
  auto ReadValueByOneStatement(Fn&& fn) -> std::invoke_result_t<Fn, Tx&> {
    return Run(&Database::ReadByOneStatement, std::forward<Fn>(fn));
  }
  template <class Fn>
  auto WriteValue(Fn&& fn) -> std::invoke_result_t<Fn, Tx&> {
    return Run(&Database::Write, std::forward<Fn>(fn));
  }

  // Runs a statement outside any transaction (migrations use this for DDL in their own tx).
  virtual Result<void> ExecScript(std::string_view sql) = 0;

  // Checks the database's own integrity (SQLite: PRAGMA integrity_check). Error names a fault.
  virtual Result<void> CheckIntegrity() = 0;

  // After an erasure committed: overwrites what deleted rows left in the database's own files,
  // where the backend can. A deleted row's bytes otherwise stay on disk until reused, and an
  // erased woman's wrapped key among them would open her ciphertext to whoever holds the master
  // key. SQLite: every connection runs with secure_delete (freed space zeroed), and this writes
  // the write-ahead log into the database and truncates the log to nothing; kUnavailable when
  // readers kept it from finishing. PostgreSQL: nothing a connection can do (VACUUM frees space
  // without overwriting it; the server's WAL keeps old rows until recycled), so Ok.
  virtual Result<void> ScrubDeleted() = 0;

 private:
  using Transaction = Result<void> (Database::*)(const std::function<Result<void>(Tx&)>&);
  template <class Fn>
  auto Run(Transaction transaction, Fn&& fn) -> std::invoke_result_t<Fn, Tx&> {
    std::optional<typename std::invoke_result_t<Fn, Tx&>::value_type> out;
    TRY((this->*transaction)([&](Tx& tx) -> Result<void> {
      out.emplace(TRY(fn(tx)));
      return Ok();
    }));
    return std::move(*out);
  }
};

// Ok for a statement ReadStatement may run (a SELECT); else the kInternal it answers.
Result<void> RequireSelect(std::string_view sql);

// Whether Open may create a SQLite file that does not exist. Only `dandelion init` (and tests)
// create a database; every other command opens the one it has and refuses when it is gone.
enum class Create { kNo, kYes };

// For a process that will serve for long, called before the first Open: sets aside what the
// backend keeps for the life of the process (SQLite: a fixed pool for the readers' page caches).
void PrepareForServing(const std::string& url, int readers);

// Opens "sqlite:/path/to/file.db" or "postgresql://…" (also "postgres://…").
// readers: SQLite reader connections or PostgreSQL pool size.
Result<std::unique_ptr<Database>> Open(const std::string& url, int readers,
                                       Create create = Create::kYes);

}  // namespace dandelion::store

// PostgresConnection: one libpq connection, with Value <-> PostgreSQL conversion.
//
// Each statement is prepared once per connection (by its text and its parameters' types) and
// executed by name after that: PostgreSQL then parses and plans it once instead of on every
// call, which was most of the server's work for a case read (docs/performance.md). A connection
// keeps at most kMaxPrepared of them; past that, statements go out unnamed as before.
// Parameters go out as: Blob as binary bytea, int64 as int8 and double as float8
// (text form, shortest round-trip digits), strings as untyped text so the server infers the
// column's type. Results come back in text form and are decoded by column type: integers and
// booleans to int64, float4/float8 to double, bytea (hex output) to Blob, all else to string
// (NUMERIC too, so no precision is lost; Row::Int/Real parse it).
// A transaction's BEGIN goes out with its first statement in one pipeline
// (BeginWithNextStatement): a round trip fewer for every transaction. ExecMany sends one
// statement for many rows in one pipeline too.
// SQLSTATE 23505 (unique_violation) is kConflict; a lost connection is kUnavailable and is
// re-established by the next EnsureConnected(); other failures are kInternal with the server
// message.
//
// Thread-safety: none. PostgresDatabase lends each connection to one thread at a time.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/database.h"

namespace dandelion::store {

class PostgresConnection {
 public:
  static Result<std::unique_ptr<PostgresConnection>> Connect(const std::string& url);
  ~PostgresConnection();
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  // Re-establishes the connection if it was lost; ok when it is usable.
  Result<void> EnsureConnected();

  // sql uses ? placeholders (rewritten here) and holds one statement.
  Result<Rows> Query(std::string_view sql, const Params& params);
  Result<int64_t> Exec(std::string_view sql, const Params& params);
  // Runs sql once per set of parameters, all in one pipeline (kPipelineSlice at a time) after
  // the pending beginning, if any; the first failure, the rest then not run.
  Result<void> ExecMany(std::string_view sql, std::span<const Params> rows);
  // Runs one or more statements without parameters (simple query protocol). If the script leaves
  // a transaction open or aborted, it is rolled back.
  Result<void> ExecScript(std::string_view sql);

  // Has the next Query or Exec send `statements` (a transaction's beginning: no parameters, no
  // rows wanted; they must outlive that call) ahead of itself, in the same round trip (libpq's
  // pipeline mode), instead of a round trip of their own. If the connection turns out lost
  // before they ran, it is re-established and both are sent once more: nothing had run.
  void BeginWithNextStatement(std::span<const char* const> statements) { begin_ = statements; }
  // True while that beginning waits for its statement (the transaction has run none yet).
  bool BeginPending() const { return !begin_.empty(); }
  // Drops a beginning that no statement came for: nothing was sent, nothing is open.
  void DropPendingBegin() { begin_ = {}; }

  // True while a transaction block is open (or failed and not yet rolled back).
  bool InTransaction() const;
  // True when a statement failed in the open transaction, which now accepts only ROLLBACK.
  bool Aborted() const { return PQtransactionStatus(conn_) == PQTRANS_INERROR; }

  static constexpr size_t kMaxPrepared = 512;
  static constexpr size_t kPipelineSlice = 256;
  // How many statements this connection has prepared (for tests).
  size_t PreparedCount() const { return prepared_.size(); }

 private:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}

  // A statement with its parameters in libpq's form.
  struct Bound {
    std::string text;  // $n placeholders
    std::string key;   // text and parameter types: what Prepared() knows it by
    std::vector<std::string> storage;
    std::vector<const char*> values;
    std::vector<int> lengths, formats;
    std::vector<Oid> types;
  };
  static Bound Bind(std::string_view sql, const Params& params);

  // Executes and checks a statement (after the pending beginning, if any); on success returns
  // the result for the caller to read.
  Result<PGresult*> Run(std::string_view sql, const Params& params);
  // Sends statements after the pending beginning (if any) in one pipeline; the last one's
  // result, or the first failure. Sent again on a new connection if the beginning finds the
  // connection lost (nothing had run).
  Result<PGresult*> Pipeline(std::span<const Bound> statements);
  // One pipeline: begin, then statements, then a sync; the last one's result, or the first
  // failure.
  Result<PGresult*> Send(std::span<const char* const> begin, std::span<const Bound> statements);
  // The name of the statement prepared for key (its text and parameter types), preparing it
  // now if need be; "" when none may be (the connection keeps kMaxPrepared already).
  Result<std::string> Prepared(const std::string& key, const std::string& text,
                               const std::vector<Oid>& types);
  // Closes the connection and opens it again (its prepared statements forgotten).
  Result<void> Reconnect();
  // Forgets every prepared statement (after a reconnect, or a script that may change tables).
  void ForgetPrepared();
  Error MakeError(const PGresult* res, std::string_view what) const;

  PGconn* conn_;
  std::span<const char* const> begin_;  // BeginWithNextStatement's, until a statement takes it
  std::unordered_map<std::string, std::string> prepared_;  // text + types -> statement name
  size_t next_prepared_ = 0;
};

}  // namespace dandelion::store

// Open(): picks the backend from the database URL of the configuration.
#include "store/database.h"

#include <string>

#include "store/postgres_database.h"
#include "store/sqlite_connection.h"
#include "store/sqlite_database.h"

namespace dandelion::store {

void PrepareForServing(const std::string& url, int readers) {
  if (url.starts_with("sqlite:")) ReserveSqlitePagePool(readers);
}

Result<Rows> Database::ReadStatement(std::string_view sql, const Params& params) {
  TRY(RequireSelect(sql));
  // On SQLite BEGIN and COMMIT are two prepared statements on the reader, no round trip:
  // Read() serves it (PostgreSQL overrides this).
  return ReadValue([&](Tx& tx) { return tx.Query(sql, params); });
}

Result<std::optional<Row>> Database::ReadOneRemembered(std::string_view sql, const Params& params) {
  Rows rows = TRY(ReadStatement(sql, params));
  if (rows.empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows.front()));
}

namespace {

// The transaction ReadByOneStatement hands its function: the first SELECT runs alone; anything
// after it is refused, and the refusal is remembered, so that the read runs again in a
// transaction even if the function made light of the failure.
class FirstStatementTx final : public Tx {
 public:
  explicit FirstStatementTx(Database& db) : db_(db) {}
  Result<Rows> Query(std::string_view sql, const Params& params) override {
    if (ran_ || !sql.starts_with("SELECT ")) return Refuse();
    ran_ = true;
    return db_.ReadStatement(sql, params);
  }
  Result<int64_t> Exec(std::string_view, const Params&) override { return Refuse(); }
  Result<void> ExecMany(std::string_view, std::span<const Params>) override { return Refuse(); }
  Dialect dialect() const override { return db_.dialect(); }
  bool refused() const { return refused_; }

 private:
  Failure Refuse() {
    refused_ = true;
    return Fail(ErrorCode::kInternal, "error.internal",
                "a read's second statement runs in a transaction (ReadByOneStatement)");
  }

  Database& db_;
  bool ran_ = false;
  bool refused_ = false;
};

}  // namespace

Result<void> Database::ReadByOneStatement(const std::function<Result<void>(Tx&)>& fn) {
  FirstStatementTx first(*this);
  Result<void> settled = fn(first);
  if (!first.refused()) return settled;
  return Read(fn);
}

Result<void> RequireSelect(std::string_view sql) {
  if (sql.starts_with("SELECT ")) return Ok();
  return Fail(ErrorCode::kInternal, "error.internal",
              "ReadStatement runs a SELECT only: " + std::string(sql.substr(0, 40)));
}

Result<std::unique_ptr<Database>> Open(const std::string& url, int readers, Create create) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto db = PostgresDatabase::Open(url, readers);
    if (!db) return Fail(db.error());
    return std::unique_ptr<Database>(std::move(*db));
  }
  if (url.starts_with("sqlite:")) {
    std::string path = url.substr(std::string_view("sqlite:").size());
    if (path.empty()) {
      return Fail(ErrorCode::kInvalid, "error.invalid", "database url has no path: " + url);
    }
    auto db = SqliteDatabase::Open(path, readers, create);
    if (!db) return Fail(db.error());
    return std::unique_ptr<Database>(std::move(*db));
  }
  // The URL may carry a password; name only its scheme.
  return Fail(ErrorCode::kInvalid, "error.invalid",
              "unsupported database url scheme: " + url.substr(0, url.find(':')));
}

}  // namespace dandelion::store

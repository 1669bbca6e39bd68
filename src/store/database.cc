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

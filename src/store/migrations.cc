#include "store/migrations.h"

#include <algorithm>
#include <set>
#include <string>

#include "core/clock.h"

namespace dandelion::store {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

// "0002_security": how people and file names refer to a migration.
std::string Label(const Migration& m) {
  std::string number = std::to_string(m.version);
  return std::string(4 - std::min<size_t>(4, number.size()), '0') + number + "_" +
         std::string(m.name);
}

std::string Quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out.push_back(c);
    if (c == '\'') out.push_back('\'');
  }
  return out + "'";
}

Result<bool> TableExists(Tx& tx) {
  const char* sql = tx.dialect() == Dialect::kSqlite
                        ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                          "name = 'schema_migrations'"
                        : "SELECT 1 FROM information_schema.tables WHERE table_schema = "
                          "current_schema() AND table_name = 'schema_migrations'";
  auto row = TRY(tx.QueryOne(sql));
  return row.has_value();
}

Result<std::set<int64_t>> AppliedVersions(Database& db) {
  std::set<int64_t> versions;
  auto r = db.Read([&](Tx& tx) -> Result<void> {
    auto exists = TRY(TableExists(tx));
    if (!exists) return Ok();
    auto rows = TRY(tx.Query("SELECT version FROM schema_migrations"));
    for (const Row& row : rows) versions.insert(row.Int(0));
    return Ok();
  });
  if (!r) return Fail(r.error());
  return versions;
}

}  // namespace

Result<int> Migrate(Database& db) { return Migrate(db, EmbeddedMigrations(db.dialect())); }

Result<int> Migrate(Database& db, std::span<const Migration> migrations) {
  for (size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version <= migrations[i - 1].version) {
      return Fail(ErrorCode::kInternal, "error.internal",
                  "migrations out of order at " + Label(migrations[i]));
    }
  }
  if (auto r = db.ExecScript(kCreateTable); !r) {
    // Two PostgreSQL nodes creating the table at once: one loses the race; the table exists.
    TRY(db.ExecScript(kCreateTable));
  }
  auto applied = TRY(AppliedVersions(db));

  const char* begin = db.dialect() == Dialect::kSqlite ? "BEGIN IMMEDIATE;\n" : "BEGIN;\n";
  int count = 0;
  for (const Migration& m : migrations) {
    if (applied.contains(m.version)) continue;
    // The schema_migrations row goes first: it is the lock that makes concurrent runs safe.
    std::string script =
        std::string(begin) + "INSERT INTO schema_migrations (version, name, applied_at) VALUES (" +
        std::to_string(m.version) + ", " + Quote(m.name) + ", " +
        Quote(FormatRfc3339(SystemClock().Now())) + ");\n" + std::string(m.sql) + "\n;\nCOMMIT;";
    auto r = db.ExecScript(script);
    if (r) {
      ++count;
      continue;
    }
    if (r.error().code == ErrorCode::kConflict) {
      auto now = AppliedVersions(db);
      if (now && now->contains(m.version)) continue;  // another node applied it meanwhile
    }
    Error error = r.error();
    error.detail = "migration " + Label(m) + " failed: " + error.detail;
    return Fail(std::move(error));
  }
  return count;
}

Result<int> SchemaVersion(Database& db) {
  auto applied = TRY(AppliedVersions(db));
  return applied.empty() ? 0 : int(*applied.rbegin());
}

}  // namespace dandelion::store

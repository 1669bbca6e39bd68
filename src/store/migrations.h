// Migrations: brings a database's schema up to the version this binary was built with.
//
// Migrations are numbered SQL files per dialect (src/migrations/{sqlite,postgres}/NNNN_name.sql),
// compiled into the binary (cmake/embed_migrations.cmake). Each one runs in its own transaction
// together with its row in schema_migrations, so it is applied entirely or not at all. A file
// must not contain transaction control (BEGIN/COMMIT) or statements PostgreSQL refuses inside a
// transaction (CREATE INDEX CONCURRENTLY). Never edit a file once released; add a new number.
//
// Several nodes may call Migrate() at once: the schema_migrations row is inserted first, so a
// second node blocks on it (PostgreSQL) or on the write lock (SQLite), then sees a conflict and
// skips that migration.
//
// Thread-safety: functions only; safe to call concurrently (see above).
#pragma once

#include <span>
#include <string_view>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::store {

struct Migration {
  int version;
  std::string_view name;  // lower_snake, from the file name
  std::string_view sql;
};

// The migrations compiled into this binary for a dialect, in ascending version order.
std::span<const Migration> EmbeddedMigrations(Dialect dialect);

// Applies the pending embedded migrations; returns how many were applied (0 when up to date).
// A failing migration is rolled back and stops the run with an error naming it.
Result<int> Migrate(Database& db);
// The same with an explicit list (ascending versions), for tests.
Result<int> Migrate(Database& db, std::span<const Migration> migrations);

// The highest applied version; 0 for a database that was never migrated.
Result<int> SchemaVersion(Database& db);

}  // namespace dandelion::store

// Data dir checks: a data dir's database is never replaced silently.
//
// Once a data dir is initialized (config.toml and keys/master.key), its database must exist and
// hold Dandelion's schema. Only `init` creates one: every other command opens the database it
// has and refuses, saying so, when the SQLite file is missing or empty (0 bytes) or the database
// (also PostgreSQL) has no schema. Creating a new empty one in its place would hide the loss:
// the server would start with no organizations, `audit verify` would find an intact empty log
// and `backup` would write an empty backup.
//
// The last signed audit checkpoint is also kept outside the database, in
// <data_dir>/audit-checkpoint.txt (0600), written after it committed: by `serve` when it starts
// and stops, `audit checkpoint`, `restore` and `keys rotate`. `audit verify` and `serve` compare
// the log with it, so a database replaced by an older copy (entries lost) is noticed even though
// its own chain is intact. Once a checkpoint has been kept in a data dir, the database says so
// (kv_settings audit_checkpoint_kept:<the data dir's absolute path>: on PostgreSQL several data
// dirs may share one database), and the file's absence is refused like a lost entry: removing the
// file must not be the way to have an older copy accepted. (A copy from before the first
// checkpoint was kept cannot say so; such a copy holds only what `init` and the first commands
// before the first `serve` wrote.)
#pragma once

#include <memory>
#include <string>

#include "app/services.h"
#include "core/config.h"
#include "core/result.h"
#include "store/database.h"

namespace dandelion::app {

// Registers the Korean/English messages of these checks (idempotent; RegisterAllMessages calls it).
void RegisterDataDirMessages();

// What OpenDataDirDatabase accepts besides a database with Dandelion's schema.
enum class Schema {
  kRequired,          // every command but init and migrate --new-database
  kMayBeCreatedHere,  // migrate --new-database: an empty PostgreSQL database gets the schema
};

// Opens the data dir's existing database. kUnavailable "error.database_missing" (the SQLite file
// is gone) or "error.database_empty" (0 bytes, or no schema) with the path and what to do.
Result<std::unique_ptr<store::Database>> OpenDataDirDatabase(const Config& config, int readers,
                                                             Schema schema = Schema::kRequired);

// SQLite's PRAGMA quick_check (seconds even for a large file; PostgreSQL: nothing to do).
// kInternal "error.database_damaged" naming the first faults, and what to do.
Result<void> QuickCheck(store::Database& db);

// <data_dir>/audit-checkpoint.txt
std::string KeptCheckpointPath(const Config& config);

// Writes checkpoint_text (CheckpointText form) to the kept checkpoint file, atomically.
Result<void> KeepCheckpointText(const Config& config, const std::string& checkpoint_text);

// The same, then records in services' database, once, that a checkpoint is kept outside it (after
// the file is durable: a crash between leaves a file and no record, which refuses nothing).
Result<void> KeepCheckpointText(Services& services, const std::string& checkpoint_text);

// Signs a checkpoint of the current head (in its own transaction) and keeps it; Ok and nothing
// written while the log is empty.
Result<void> KeepCheckpoint(Services& services);

// Compares the audit log with the kept checkpoint (AuditLog::CompareKept). Without the file: Ok
// when the database never kept one (a data dir whose log is still empty, or from before the
// record existed), else security.audit_checkpoint_missing.
Result<void> CompareWithKeptCheckpoint(Services& services);

}  // namespace dandelion::app

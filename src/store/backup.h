// Backup and restore of a SQLite database file.
//
// BackupSqlite copies a live database with SQLite's online backup API: the copy is one
// consistent snapshot even while a server keeps writing (WAL readers do not block the writer),
// is written to a temporary file that is fsynced and renamed into place (so out_file is either
// the old file or a complete new one), and is readable by its owner only.
// BackupSqlite checks the copy (integrity_check) before it renames it into place: a damaged
// database gives an error and no backup, never a backup that cannot be restored.
// A restore happens in two steps, so that the caller can check more in between (app: the master
// key opens it, its schema version, its audit chain): PrepareRestore copies the backup next to
// the target and checks the copy (integrity_check, and it must have schema_migrations);
// ReplaceWithPrepared then renames it over the target in one rename(2), keeping the replaced
// database beside it as <target>.replaced-<suffix> (with its -wal) until the operator removes
// it. RestoreSqlite does both. A refused backup leaves the target untouched. The server must be
// stopped during a restore.
//
// PostgreSQL installations back up with pg_dump (docs/operations); both functions refuse a
// postgres URL. Paths may be given bare or as "sqlite:path" URLs.
//
// Thread-safety: functions only; BackupSqlite may run while other threads or processes write.
#pragma once

#include <string>

#include "core/result.h"

namespace dandelion::store {

Result<void> BackupSqlite(const std::string& db_path, const std::string& out_file);

// Returns the path of the checked copy (<target>.restore-tmp); the caller removes it if it does
// not go on to ReplaceWithPrepared.
Result<std::string> PrepareRestore(const std::string& from_file, const std::string& db_path);

// Returns the path the replaced database is kept at, or "" when there was none.
Result<std::string> ReplaceWithPrepared(const std::string& prepared, const std::string& db_path,
                                        const std::string& suffix);

Result<std::string> RestoreSqlite(const std::string& from_file, const std::string& db_path,
                                  const std::string& suffix = "test");

}  // namespace dandelion::store

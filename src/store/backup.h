// Backup and restore of a SQLite database file.
//
// BackupSqlite copies a live database with SQLite's online backup API: the copy is one
// consistent snapshot even while a server keeps writing (WAL readers do not block the writer),
// is written to a temporary file that is fsynced and renamed into place (so out_file is either
// the old file or a complete new one), and is readable by its owner only.
// RestoreSqlite puts a backup in place of a database: the backup is copied next to the target,
// checked (integrity_check, and it must have schema_migrations), and only then renamed over the
// target, with the target's -wal and -shm removed. A refused backup leaves the target untouched.
// The server must be stopped during a restore.
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

Result<void> RestoreSqlite(const std::string& from_file, const std::string& db_path);

}  // namespace dandelion::store

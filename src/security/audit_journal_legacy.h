// The audit journal of Dandelion before 2026-12-06: a SQLite file beside the database
// (<database>-audit, with its -wal and -shm), one row per entry. security/audit_journal.h
// replaced it; what one still holds after a crash of an earlier version is filed once, when the
// data dir is opened, and the file is then removed.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "security/audit_log.h"
#include "store/database.h"

namespace dandelion::security {

// The earlier journal's file for the database file at database_path.
std::string EarlierJournalPathFor(const std::string& database_path);

// Files the entries the earlier journal beside database_path holds past the database's marker
// into audit's chain in db, then removes the journal's files. Returns how many it filed (0, and
// nothing done, when there is no such journal).
Result<int64_t> FileEarlierJournal(const std::string& database_path, store::Database& db,
                                   const AuditLog& audit);

}  // namespace dandelion::security

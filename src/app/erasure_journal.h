// The erasure journal: erasures reach backups made before them.
//
// Erasing a woman destroys her person key in the live database, but a backup made earlier still
// holds it. The data dir therefore keeps, outside the database, <data_dir>/erasures.journal
// (0600): one line per erasure, "<id> <erased_at>", ids and times only, never a name. The id is a
// person's or a survivors' network member's (ids are random and never shared between the two,
// so a line names one record and says nothing of the other kind).
// It is append-only (O_APPEND, each line fsync'd before the erasure is answered) and written:
//   - by the server, after an erasure committed (PeopleService::SetErasureRecorder, and
//     SurvivorService's for members);
//   - by SyncErasureJournal, from the database's own tombstones (people.erased_at, members with
//     status 'erased'): at serve
//     start-up, at each backup and before a restore, so an erasure whose line a crash lost
//     between commit and append is still journaled.
// A restore re-applies the journal to the restored copy before it is put in place
// (ReapplyErasures): every woman of the journal still on record in the backup is erased again,
// exactly as PeopleService::Erase (or SurvivorService::Erase for a member) erases (her key row
// deleted, descriptive columns blanked, tombstone kept; a member's sign-in account closed again),
// and audited as "person.erase_reapplied"
// or "survivor.member.erase_reapplied". A restore never brings an erased woman back. After a
// pg_restore, `dandelion erasures reapply` does the same (docs/operations).
//
// Thread-safety: AppendErasure may be called from any thread (each line is one write(2) on an
// O_APPEND descriptor); the rest is for the CLI.
#pragma once

#include <set>
#include <string>

#include "app/services.h"
#include "core/config.h"
#include "core/result.h"

namespace dandelion::app {

// <data_dir>/erasures.journal
std::string ErasureJournalPath(const Config& config);

// Appends "<person_id> <erased_at>\n" and fsyncs it.
Result<void> AppendErasure(const std::string& journal_path, const std::string& person_id,
                           const std::string& erased_at);

// The person ids of the journal (empty when it does not exist yet). A malformed line is an
// error naming its number: a journal that cannot be read must not make a restore skip erasures.
Result<std::set<std::string>> ReadErasures(const std::string& journal_path);

// Appends every erased person and member of services' database missing from the journal;
// returns how many.
Result<int> SyncErasureJournal(Services& services);

// Erases again, in services' database, every person or member of ids still on record there,
// each audited by the console, in one transaction, then scrubs the database's files
// (store::Database::ScrubDeleted). Returns how many.
Result<int> ReapplyErasures(Services& services, const std::set<std::string>& ids);

}  // namespace dandelion::app

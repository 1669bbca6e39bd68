// AuditJournal: where a read's audit entry becomes durable on SQLite before it joins the chain
// (docs/security.md, "Audit log"; docs/performance.md, "Read audit entries in a journal" and "The
// audit journal as a file of its own").
//
// Why a journal: in WAL mode SQLite empties every reader connection's page cache when any other
// connection has committed to the database file. The read audit's group commit wrote to the
// database file hundreds of times a second under load, so nearly every read started with a cold
// cache. Entries of reads are therefore made durable in this file beside the database (one write
// and one fdatasync per group), and FileInto carries them into the hash-chained audit_log in one
// transaction about once a second: the database file then changes once a second, not once per
// group, and reads keep their caches.
//
// Why a plain file: a group is one record written (audit_journal_records.h) and one fdatasync;
// as a SQLite file each group rewrote six or seven pages of four kilobytes with their WAL headers
// and the filing deleted the rows again. Zeros are written ahead of the records: a record then
// lands in blocks the file already has, and its fdatasync writes those blocks alone, not the
// file's size and new blocks as well, which cost more than the SQLite file it replaced
// (docs/performance.md, "The audit journal as a file of its own"). A data dir's first journal
// has Options::grow_by of zeros and grows by as much when it fills; its successors are made by
// the filer, before any lock is taken, with zeros for all they will hold before they are replaced
// in turn, so under a steady load no read's group waits for zeros being written.
//
// Nothing is lost and nothing is filed twice, across crashes and across processes (the server and
// a console command may both append and file):
// - a group is acknowledged only after its record is written whole and fdatasync returned; the
//   records end where the zeros begin, and a record a crash cut short fails its length or hash
//   and is zeroed before anything is written after it (every appender, holding the file's lock,
//   looks past the last whole record it knows of: another process may have written there);
// - the database records, in the same transaction as the entries it files, how far into which
//   journal it has filed (kv_settings 'audit_journal_filed' = "<identity> <offset>"), and reads
//   the journal past that point inside that transaction: two processes filing at once are
//   serialized by the database's write lock;
// - the file is never cut: once it has grown past Options::rotate_at and nearly all of it is filed,
//   a new file with a new identity, holding the few entries not yet filed, replaces it by rename,
//   inside a write transaction of the database (no one files meanwhile) and under the file's
//   lock; an appender finding that the path names another file than the one it holds opens the
//   new one. A marker names one identity, so it never hides an entry of another file.
//
// Every reader of the audit log (its screens, verification, checkpoints, backups) files the
// journal first: AuditBatcher::FileJournal, or opening the data dir's services.
//
// Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "core/result.h"
#include "security/audit_log.h"
#include "store/database.h"

namespace dandelion::security {

// The database's marker of how far it has filed a journal of read entries (kv_settings
// 'audit_journal_filed' = "<journal identity> <position>", written in the transaction that files
// them): the position for the journal named identity, or 0 when the marker names another journal
// (or none).
Result<int64_t> JournalFiledUpTo(store::Tx& tx, const std::string& identity);
Result<void> MarkJournalFiled(store::Tx& tx, const std::string& identity, int64_t position);

class AuditJournal {
 public:
  struct Options {
    // A journal is replaced by a new one once its records pass this size.
    int64_t rotate_at = 16 << 20;
    // A new file holds zeros for rotate_at + grow_by of records; a journal whose filing lags
    // grows by this much at a time. At most this much not yet filed is carried over.
    int64_t grow_by = 2 << 20;
  };

  // Opens the journal at path, creating it when it does not exist, and zeroes what a crash left
  // after the last whole record.
  static Result<std::unique_ptr<AuditJournal>> Open(const std::string& path, Options options);
  static Result<std::unique_ptr<AuditJournal>> Open(const std::string& path) {
    return Open(path, Options{});
  }

  // The journal's file for the database file at database_path.
  static std::string PathFor(const std::string& database_path);

  // Makes events durable, in their order, as one record.
  Result<void> Append(std::span<const FiledAuditEvent> events);

  // Files every entry journaled so far into audit's chain in db, oldest first, in transactions
  // of about kFileBatch entries. Returns how many it filed.
  Result<int64_t> FileInto(store::Database& db, const AuditLog& audit);

  // Replaces the journal by a new one, carrying over the few entries not yet filed into db, once
  // it has grown past Options::rotate_at. FileInto does this after filing.
  Result<void> RotateIfDue(store::Database& db);

  // How many entries wait to be filed into db.
  Result<int64_t> Waiting(store::Database& db);
  // How many bytes of records wait to be filed into db: Waiting without reading them.
  Result<int64_t> UnfiledBytes(store::Database& db);

  static constexpr int64_t kFileBatch = 5000;
  // The pause between two batches of one filing, for writers waiting on the database.
  static constexpr std::chrono::milliseconds kGiveWay{2};

  ~AuditJournal();
  AuditJournal(const AuditJournal&) = delete;
  AuditJournal& operator=(const AuditJournal&) = delete;

 private:
  struct File {
    int fd = -1;
    std::string identity;  // random, made with the file
    int64_t end = 0;       // where its last whole record ends; zeros follow
    int64_t size = 0;      // the file's size, zeros written ahead included
  };
  AuditJournal(std::string path, Options options, File file)
      : path_(std::move(path)), options_(options), file_(std::move(file)) {}

  // Opens (or creates) the file at path, with its header checked and what follows the last whole
  // record zeroed.
  static Result<File> OpenFile(const std::string& path, const Options& options);
  // Runs fn holding mu_ and the file's lock, with file_ the file the path names (another process
  // may have replaced it) and file_.end the end of its last whole record (another may have
  // written records after it, or left one unfinished).
  Result<void> WithFile(const std::function<Result<void>()>& fn);
  // Moves file_.end past records another process wrote, or zeroes one it left unfinished; size:
  // the file's. Called holding the file's lock.
  Result<void> SettleEnd(int64_t size);
  // Files one transaction's worth; returns how many, and sets *all when nothing was left.
  Result<int64_t> FileBatch(store::Database& db, const AuditLog& audit, bool* all);

  const std::string path_;
  const Options options_;
  std::mutex filing_;  // one filer per process at a time (the database serializes processes)
  std::mutex mu_;      // guards file_: one appender or reader of the file per process at once
  File file_;          // locked (flock) across processes while written or read
};

}  // namespace dandelion::security

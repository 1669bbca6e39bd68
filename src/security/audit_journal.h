// AuditJournal: where a read's audit entry becomes durable on SQLite before it joins the chain
// (docs/security.md, "Audit log"; docs/performance.md, "Read audit entries in a journal").
//
// Why: in WAL mode SQLite empties every reader connection's page cache when any other connection
// has committed to the database file. The read audit's group commit wrote to the database file
// hundreds of times a second under load, so nearly every read started with a cold cache. Entries
// of reads are therefore made durable in this small file beside the database (one transaction and
// one fsync per group, as before), and MoveInto carries them into the hash-chained audit_log in
// one transaction about once a second: the database file then changes once a second, not once per
// group, and reads keep their caches.
//
// Nothing is lost and nothing is filed twice, across crashes and across processes: the database
// records, in the same transaction as the entries it files, how far into which journal it has
// filed (kv_settings 'audit_journal_filed' = "<journal identity> <last id>"), and reads the
// journal past that point inside that transaction, so two processes filing at once (the server
// and a console command) are serialized by the database's write lock. Journal rows are deleted
// after they are filed; ids never repeat (AUTOINCREMENT), and a new journal file gets a new
// identity, so a marker never hides an entry it has not filed.
//
// Every reader of the audit log (its screens, verification, checkpoints, backups) files the
// journal first: AuditBatcher::FileJournal, or opening the data dir's services.
//
// Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "core/result.h"
#include "security/audit_log.h"
#include "store/database.h"

namespace dandelion::security {

class AuditJournal {
 public:
  // Opens the journal at path (a SQLite file), creating it when it does not exist.
  static Result<std::unique_ptr<AuditJournal>> Open(const std::string& path);

  // The journal's file for the database file at database_path.
  static std::string PathFor(const std::string& database_path);

  // Makes events durable in one transaction, in their order.
  Result<void> Append(std::span<const FiledAuditEvent> events);

  // Files every entry journaled so far into audit's chain in db, oldest first, in transactions
  // of at most kFileBatch entries, then deletes them from the journal. Returns how many it
  // filed.
  Result<int64_t> FileInto(store::Database& db, const AuditLog& audit);

  // How many entries wait to be filed.
  Result<int64_t> Waiting();

  static constexpr int64_t kFileBatch = 5000;

  AuditJournal(std::unique_ptr<store::Database> file, std::string identity)
      : file_(std::move(file)), identity_(std::move(identity)) {}

 private:
  // Files one transaction's worth; returns how many.
  Result<int64_t> FileBatch(store::Database& db, const AuditLog& audit);

  std::unique_ptr<store::Database> file_;
  std::string identity_;  // random, made when the file was created
  std::mutex filing_;     // one filer per process at a time (the database serializes processes)
};

}  // namespace dandelion::security

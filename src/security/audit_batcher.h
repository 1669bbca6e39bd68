// AuditBatcher: group commit of audit entries for reads (docs/security.md, "Audit log").
//
// A read of survivor data must not be answered before its audit entry is durable, but giving
// every read its own write transaction costs one fsync each (milliseconds on SQLite with
// synchronous=FULL) behind the single writer. Reads therefore run in read transactions, in
// parallel, and hand their entry to this batcher: one thread appends everything queued in one
// write transaction (one fsync for the lot) and then tells each waiter whether its entry is on
// disk. The HTTP server holds the reply until then (http::Response::await_commit), so a reply
// whose entry could not be written is never sent: it becomes a 500.
//
// Writes keep appending their entries inside their own transaction (AuditLog::Append).
//
// On SQLite the groups go to an AuditJournal instead of the database file (why: audit_journal.h),
// and a second thread files the journal into the chain once a second; FileJournal() files it at
// once, for every reader of the audit log. Without a journal (PostgreSQL, tests in memory) each
// group is appended to the chain directly, as one AuditLog::AppendFiled: on PostgreSQL its rows
// go out in one pipeline: a few round trips a group instead of four an entry.
//
// Thread-safe. Stop() (or the destructor) writes what is queued and then ends the thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

#include "core/result.h"
#include "security/audit_journal.h"
#include "security/audit_log.h"
#include "store/database.h"

namespace dandelion::security {

class AuditBatcher {
 public:
  // Called once, from the batcher's thread: true when the entry is committed.
  using Done = std::function<void(bool committed)>;

  // journal: where groups become durable first (may be null: straight into the chain).
  AuditBatcher(store::Database& db, const AuditLog& audit, AuditJournal* journal = nullptr);
  ~AuditBatcher();
  AuditBatcher(const AuditBatcher&) = delete;
  AuditBatcher& operator=(const AuditBatcher&) = delete;

  // Queues event; done (may be empty) runs once it is committed or has failed. After Stop(),
  // the event is written at once on the caller's thread.
  void Submit(AuditEvent event, Done done);
  // Submits and waits.
  Result<void> AppendAndWait(AuditEvent event);
  // A refused read's answer: its entry written and waited for, then refusal; or the failure to
  // write the entry, so that no refusal leaves unrecorded.
  Error Refuse(AuditEvent event, Error refusal);
  // Writes what is queued, files the journal and ends the threads.
  void Stop();
  // Files every journaled entry into the chain now (Ok at once without a journal). Called before
  // anything reads the audit log.
  Result<void> FileJournal();

  // What the batcher has done since it started, for the server's metrics (docs/operations.md,
  // "Monitoring"). entries / groups is the mean group; a failed entry's reply was refused.
  struct Counts {
    int64_t entries = 0;  // entries made durable
    int64_t groups = 0;   // groups written: one transaction, or one journal record and fdatasync
    int64_t failed = 0;   // entries whose group could not be written
  };
  Counts Count() const;
  // How far filing lags: the journal's bytes not yet filed into the chain, by any process (0
  // without a journal).
  Result<int64_t> UnfiledBytes();

  // The most entries one transaction takes.
  static constexpr size_t kMaxBatch = 512;
  // How often the journal is filed into the chain.
  static constexpr std::chrono::milliseconds kFileEvery{1000};
  // While reads come concurrently (the last group held more than one entry), a group waits this
  // long for more entries before it is written: a group costs one transaction and one fdatasync
  // whatever its size, and at 64 connections groups of about six entries spent a tenth of the
  // server's time on them (docs/performance.md). A reader alone is written at once.
  static constexpr std::chrono::microseconds kGatherFor{1000};

 private:
  void Run();
  void RunFiler();
  void FileJournalOrLog();
  bool WriteBatch(const std::deque<std::pair<AuditEvent, Done>>& batch, bool into_journal);

  store::Database& db_;
  const AuditLog& audit_;
  AuditJournal* journal_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::condition_variable filer_wake_;
  std::deque<std::pair<AuditEvent, Done>> queue_;
  size_t last_group_ = 0;  // entries in the group written last; only Run() touches it
  std::atomic<int64_t> entries_{0};
  std::atomic<int64_t> groups_{0};
  std::atomic<int64_t> failed_{0};
  bool stopping_ = false;
  std::thread thread_;
  std::thread filer_;  // only with a journal
};

// An audit entry a read owes: the service builds it, the reply carries it, and the entry is
// written before the reply leaves (Submit) — or, if nobody asks, when it is destroyed, so an
// entry is never simply dropped. A reply made of two reads owes both entries (Join).
class PendingAudit {
 public:
  PendingAudit() = default;
  PendingAudit(AuditBatcher& batcher, AuditEvent event);
  PendingAudit(PendingAudit&& other) noexcept;
  PendingAudit& operator=(PendingAudit&& other) noexcept;
  ~PendingAudit();

  // Takes on the entries other owes (of the same batcher, or of none).
  void Join(PendingAudit&& other);
  // Queues the entries; done(true) once every one is durable, done(false) if any failed.
  void Submit(AuditBatcher::Done done);
  // Queues the entries and waits for them (command line, tests).
  Result<void> Wait();

 private:
  // Submits every entry owed without waiting (nobody asked).
  void SubmitUnasked();

  AuditBatcher* batcher_ = nullptr;
  std::vector<AuditEvent> events_;
};

// A value read from survivor data and the audit entry its reader owes.
template <typename T>
struct Audited {
  T value;
  PendingAudit audit;
};

}  // namespace dandelion::security

#include "security/audit_batcher.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdlib>
#include <future>
#include <memory>
#include <thread>

namespace dandelion::security {

AuditBatcher::AuditBatcher(store::Database& db, const AuditLog& audit, AuditJournal* journal)
    : db_(db), audit_(audit), journal_(journal), thread_([this] { Run(); }) {
  if (journal_ != nullptr) filer_ = std::thread([this] { RunFiler(); });
}

AuditBatcher::~AuditBatcher() { Stop(); }

void AuditBatcher::Submit(AuditEvent event, Done done) {
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      queue_.emplace_back(std::move(event), std::move(done));
      wake_.notify_one();
      return;
    }
  }
  std::deque<std::pair<AuditEvent, Done>> one;
  one.emplace_back(std::move(event), std::move(done));
  const bool ok = WriteBatch(one, false);
  if (one.front().second) one.front().second(ok);
}

Result<void> AuditBatcher::AppendAndWait(AuditEvent event) {
  std::promise<bool> written;
  auto future = written.get_future();
  Submit(std::move(event), [&written](bool ok) { written.set_value(ok); });
  if (!future.get()) return Fail(ErrorCode::kInternal, "error.internal", "audit entry not written");
  return Ok();
}

Error AuditBatcher::Refuse(AuditEvent event, Error refusal) {
  if (auto written = AppendAndWait(std::move(event)); !written) return written.error();
  return refusal;
}

void AuditBatcher::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
    wake_.notify_one();
    filer_wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
  if (filer_.joinable()) filer_.join();
  // What the last groups put in the journal joins the chain before the process goes.
  FileJournalOrLog();
}

void AuditBatcher::FileJournalOrLog() {
  // A failure leaves the entries durable in the journal; the next filing tries again.
  if (auto r = FileJournal(); !r) {
    spdlog::error("audit journal not filed into the audit log: {}", r.error().detail);
  }
}

Result<void> AuditBatcher::FileJournal() {
  if (journal_ == nullptr) return Ok();
  TRY(journal_->FileInto(db_, audit_));
  return Ok();
}

Result<int64_t> AuditBatcher::UnfiledBytes() {
  if (journal_ == nullptr) return int64_t{0};
  return journal_->UnfiledBytes(db_);
}

AuditBatcher::Counts AuditBatcher::Count() const {
  return {.entries = entries_.load(), .groups = groups_.load(), .failed = failed_.load()};
}

void AuditBatcher::RunFiler() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    filer_wake_.wait_for(lock, kFileEvery, [this] { return stopping_; });
    if (stopping_) return;
    lock.unlock();
    FileJournalOrLog();
    lock.lock();
  }
}

void AuditBatcher::Run() {
  for (;;) {
    std::deque<std::pair<AuditEvent, Done>> batch;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to write
      if (last_group_ > 1 && !stopping_ && queue_.size() < kMaxBatch) {
        lock.unlock();
        std::this_thread::sleep_for(kGatherFor);
        lock.lock();
      }
      const size_t n = std::min(queue_.size(), kMaxBatch);
      last_group_ = n;
      for (size_t i = 0; i < n; ++i) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    const bool ok = WriteBatch(batch, journal_ != nullptr);
    for (auto& [event, done] : batch) {
      if (done) done(ok);
    }
  }
}

bool AuditBatcher::WriteBatch(const std::deque<std::pair<AuditEvent, Done>>& batch,
                              bool into_journal) {
  // The time of the read, not of its filing into the chain.
  const int64_t now = audit_.NowMillis();
  std::vector<FiledAuditEvent> events;
  events.reserve(batch.size());
  for (const auto& [event, done] : batch) events.push_back({event, now});
  bool ok = false;
  if (into_journal) {
    ok = journal_->Append(events).has_value();
  } else {
    // The group chained at once: its rows sent together, the head read and moved once.
    auto written = db_.Write([&](store::Tx& tx) -> Result<void> {
      TRY(audit_.AppendFiled(tx, events));
      return Ok();
    });
    ok = written.has_value();
  }
  ++groups_;
  (ok ? entries_ : failed_) += static_cast<int64_t>(events.size());
  return ok;
}

PendingAudit::PendingAudit(AuditBatcher& batcher, AuditEvent event) : batcher_(&batcher) {
  events_.push_back(std::move(event));
}

PendingAudit::PendingAudit(PendingAudit&& other) noexcept
    : batcher_(std::exchange(other.batcher_, nullptr)), events_(std::move(other.events_)) {}

PendingAudit& PendingAudit::operator=(PendingAudit&& other) noexcept {
  if (this != &other) {
    SubmitUnasked();
    batcher_ = std::exchange(other.batcher_, nullptr);
    events_ = std::move(other.events_);
  }
  return *this;
}

PendingAudit::~PendingAudit() { SubmitUnasked(); }

void PendingAudit::SubmitUnasked() {
  if (batcher_ == nullptr) return;
  for (auto& event : events_) batcher_->Submit(std::move(event), {});
  batcher_ = nullptr;
  events_.clear();
}

void PendingAudit::Join(PendingAudit&& other) {
  if (other.batcher_ == nullptr) return;
  // Entries of two batchers would need two waits; no reply is built from two databases, so this
  // is a programming error, caught by the first test that makes it.
  if (batcher_ != nullptr && batcher_ != other.batcher_) {
    spdlog::critical("PendingAudit::Join: entries of another batcher");
    std::abort();
  }
  batcher_ = std::exchange(other.batcher_, nullptr);
  for (auto& event : other.events_) events_.push_back(std::move(event));
  other.events_.clear();
}

void PendingAudit::Submit(AuditBatcher::Done done) {
  if (batcher_ == nullptr) {
    if (done) done(true);  // nothing owed
    return;
  }
  AuditBatcher* batcher = std::exchange(batcher_, nullptr);
  std::vector<AuditEvent> events = std::move(events_);
  events_.clear();
  if (events.size() == 1) {
    batcher->Submit(std::move(events.front()), std::move(done));
    return;
  }
  // Queued together, they usually share one group; done once the last is durable.
  struct Owed {
    std::atomic<size_t> left;
    std::atomic<bool> ok{true};
    AuditBatcher::Done done;
  };
  auto owed = std::make_shared<Owed>();
  owed->left = events.size();
  owed->done = std::move(done);
  for (auto& event : events) {
    batcher->Submit(std::move(event), [owed](bool committed) {
      if (!committed) owed->ok = false;
      if (owed->left.fetch_sub(1) == 1 && owed->done) owed->done(owed->ok.load());
    });
  }
}

Result<void> PendingAudit::Wait() {
  if (batcher_ == nullptr) return Ok();
  AuditBatcher* batcher = std::exchange(batcher_, nullptr);
  std::vector<AuditEvent> events = std::move(events_);
  events_.clear();
  Result<void> result = Ok();
  for (auto& event : events) {
    auto written = batcher->AppendAndWait(std::move(event));
    if (!written && result) result = written;
  }
  return result;
}

}  // namespace dandelion::security

#include "security/audit_batcher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

#include "security/keys.h"
#include "security/sodium_init.h"
#include "store/migrations.h"
#include "store/test_backends.h"

namespace dandelion::security {
namespace {

AuditEvent Event(const char* action) {
  AuditEvent e;
  e.actor_user_id = "u";
  e.action = action;
  e.entity_type = "case";
  e.entity_id = "c";
  return e;
}

// On both backends: PostgreSQL has no journal, and the batcher chains each group itself.
class AuditBatcherTest : public store::test_support::BackendTest {
 protected:
  void SetUp() override {
    EnsureSodium();
    BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(store::Migrate(*db_));
    audit_ = std::make_unique<AuditLog>(SecretKey::Random(), clock_);
  }

  int64_t Entries(const char* action) {
    int64_t n = -1;
    EXPECT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
      auto row = tx.QueryOne("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
      if (!row) return Fail(row.error());
      n = (*row)->Int(0);
      return Ok();
    }));
    return n;
  }

  SystemClock clock_;
  std::unique_ptr<AuditLog> audit_;
};

TEST_P(AuditBatcherTest, EveryWaiterLearnsItsEntryIsWrittenAndTheChainHolds) {
  AuditBatcher batcher(*db_, *audit_);
  std::atomic<int> committed{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 8; ++t) {
    readers.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (batcher.AppendAndWait(Event("case.read"))) ++committed;
      }
    });
  }
  for (auto& t : readers) t.join();
  EXPECT_EQ(committed.load(), 400);
  EXPECT_EQ(Entries("case.read"), 400);
  EXPECT_TRUE(db_->Read([&](store::Tx& tx) { return audit_->Verify(tx); }));
}

TEST_P(AuditBatcherTest, AnEntryNobodyWaitsForIsStillWritten) {
  {
    AuditBatcher batcher(*db_, *audit_);
    { PendingAudit dropped(batcher, Event("person.read")); }
    PendingAudit moved(batcher, Event("person.read"));
    PendingAudit target = std::move(moved);
    bool done = false;
    target.Submit([&](bool ok) { done = ok; });
    batcher.Stop();
    EXPECT_TRUE(done);
    // After Stop, entries are written at once on the caller's thread.
    EXPECT_TRUE(batcher.AppendAndWait(Event("person.read")));
  }
  EXPECT_EQ(Entries("person.read"), 3);
}

// A refused read's entry is on disk when the refusal comes back, and the refusal is the caller's.
TEST_P(AuditBatcherTest, ARefusalComesBackOnlyOnceItsEntryIsWritten) {
  AuditBatcher batcher(*db_, *audit_);
  AuditEvent probe = Event("case.read");
  probe.outcome = "not_found";
  const Error refusal = batcher.Refuse(probe, Error{ErrorCode::kNotFound, "error.not_found"});
  EXPECT_EQ(refusal.code, ErrorCode::kNotFound);
  EXPECT_EQ(refusal.message_key, "error.not_found");
  EXPECT_EQ(Entries("case.read"), 1);
}

TEST_P(AuditBatcherTest, AReplyOfTwoReadsOwesBothEntries) {
  AuditBatcher batcher(*db_, *audit_);
  // Submitted: done once, after both are written.
  PendingAudit both(batcher, Event("case.list"));
  both.Join(PendingAudit(batcher, Event("appointment.list")));
  both.Join(PendingAudit());  // nothing owed: nothing added
  std::promise<bool> done;
  int calls = 0;
  both.Submit([&](bool ok) {
    ++calls;
    done.set_value(ok);
  });
  ASSERT_TRUE(done.get_future().get());
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(Entries("case.list"), 1);
  EXPECT_EQ(Entries("appointment.list"), 1);
  // Waited for, and joined into one that owed nothing.
  PendingAudit waited;
  waited.Join(PendingAudit(batcher, Event("case.list")));
  waited.Join(PendingAudit(batcher, Event("appointment.list")));
  ASSERT_TRUE(waited.Wait());
  EXPECT_EQ(Entries("case.list"), 2);
  EXPECT_EQ(Entries("appointment.list"), 2);
  // Dropped: still written, both.
  {
    PendingAudit dropped(batcher, Event("case.list"));
    dropped.Join(PendingAudit(batcher, Event("appointment.list")));
  }
  batcher.Stop();
  EXPECT_EQ(Entries("case.list"), 3);
  EXPECT_EQ(Entries("appointment.list"), 3);
}

TEST_P(AuditBatcherTest, GroupsAreChainedWholeAndSignedAtEveryThousandthRow) {
  // Entries queued faster than a group is written: groups of up to kMaxBatch, each group's rows
  // sent together; checkpoints signed at rows 1000 and 2000, wherever the groups' edges fall.
  {
    AuditBatcher batcher(*db_, *audit_);
    for (int i = 0; i < 2100; ++i) {
      PendingAudit unawaited(batcher, Event("case.read"));
    }
  }  // its destructor writes what is queued
  EXPECT_EQ(Entries("case.read"), 2100);
  ASSERT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
    EXPECT_EQ(TRY(tx.QueryOne("SELECT COUNT(*) FROM audit_checkpoints"))->Int(0), 2);
    EXPECT_EQ(TRY(tx.QueryOne("SELECT seq FROM audit_head WHERE id = 1"))->Int(0), 2100);
    return audit_->Verify(tx);
  }));
}

// The server's metrics count the groups, their entries, and the entries a group failed to write
// (docs/operations.md, "Monitoring").
TEST_P(AuditBatcherTest, CountsTheGroupsItWroteAndTheEntriesThatFailed) {
  AuditBatcher batcher(*db_, *audit_);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(batcher.AppendAndWait(Event("case.read")));
  AuditBatcher::Counts counts = batcher.Count();
  EXPECT_EQ(counts.entries, 3);
  EXPECT_EQ(counts.groups, 3);  // each waited for alone: a group each
  EXPECT_EQ(counts.failed, 0);
  EXPECT_EQ(batcher.UnfiledBytes().value(), 0);  // no journal: groups go into the chain
  // A chain that takes no more rows: the entry fails, its reader is told, and it is counted.
  ASSERT_TRUE(
      db_->ExecScript(GetParam() == store::test_support::Backend::kSqlite
                          ? "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
                            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
                          : "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS "
                            "$$ BEGIN RAISE EXCEPTION 'refused'; END $$; "
                            "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
                            "FOR EACH ROW EXECUTE FUNCTION refuse_audit()"));
  EXPECT_FALSE(batcher.AppendAndWait(Event("case.read")));
  counts = batcher.Count();
  EXPECT_EQ(counts.entries, 3);
  EXPECT_EQ(counts.groups, 4);
  EXPECT_EQ(counts.failed, 1);
  EXPECT_EQ(Entries("case.read"), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditBatcherTest,
                         ::testing::Values(store::test_support::Backend::kSqlite,
                                           store::test_support::Backend::kPostgres),
                         store::test_support::BackendName);

// On SQLite the groups go to the journal, and the filer carries them into the chain: what it has
// not carried yet is shown, so that an operator sees a filer that falls behind.
TEST(AuditBatcherJournalTest, ShowsHowMuchOfTheJournalIsNotFiledYet) {
  EnsureSodium();
  store::test_support::TempDir dir;
  auto db = store::Open("sqlite:" + dir.File("main.db"), 2);
  ASSERT_TRUE(db) << db.error().detail;
  ASSERT_TRUE(store::Migrate(**db));
  SystemClock clock;
  AuditLog audit(SecretKey::Random(), clock);
  auto journal = AuditJournal::Open(AuditJournal::PathFor(dir.File("main.db")));
  ASSERT_TRUE(journal) << journal.error().detail;
  auto unfiled = [&] { return (*journal)->UnfiledBytes(**db).value(); };
  EXPECT_EQ(unfiled(), 0);
  // Appended straight to the journal, past the batcher's filer.
  std::vector<FiledAuditEvent> events(3, FiledAuditEvent{Event("case.read"), 1});
  ASSERT_TRUE((*journal)->Append(events));
  const int64_t one_record = unfiled();
  EXPECT_GT(one_record, 0);
  ASSERT_TRUE((*journal)->Append(events));
  EXPECT_EQ(unfiled(), 2 * one_record);
  AuditBatcher batcher(**db, audit, journal->get());
  ASSERT_TRUE(batcher.AppendAndWait(Event("case.read")));
  EXPECT_EQ(batcher.Count().entries, 1);
  ASSERT_TRUE(batcher.FileJournal());
  EXPECT_EQ(batcher.UnfiledBytes().value(), 0);
  batcher.Stop();
}

}  // namespace
}  // namespace dandelion::security

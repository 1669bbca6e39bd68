#include "security/audit_batcher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "security/keys.h"
#include "security/sodium_init.h"
#include "store/migrations.h"

namespace dandelion::security {
namespace {

class AuditBatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    EnsureSodium();
    auto db = store::Open("sqlite::memory:", 1);
    ASSERT_TRUE(db);
    db_ = std::move(*db);
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

  AuditEvent Event(const char* action) {
    AuditEvent e;
    e.actor_user_id = "u";
    e.action = action;
    e.entity_type = "case";
    e.entity_id = "c";
    return e;
  }

  SystemClock clock_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<AuditLog> audit_;
};

TEST_F(AuditBatcherTest, EveryWaiterLearnsItsEntryIsWrittenAndTheChainHolds) {
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

TEST_F(AuditBatcherTest, AnEntryNobodyWaitsForIsStillWritten) {
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

}  // namespace
}  // namespace dandelion::security

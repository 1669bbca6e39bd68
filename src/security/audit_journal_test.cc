#include "security/audit_journal.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "core/ids.h"
#include "security/audit_batcher.h"
#include "security/keys.h"
#include "security/sodium_init.h"
#include "store/migrations.h"

namespace dandelion::security {
namespace {

namespace fs = std::filesystem;

class AuditJournalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    EnsureSodium();
    dir_ = fs::temp_directory_path() / ("dandelion-journal-" + RandomHex(6));
    fs::create_directories(dir_);
    db_ = OpenMain();
    ASSERT_TRUE(store::Migrate(*db_));
    audit_ = std::make_unique<AuditLog>(key_, clock_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The database as another process would open it: its own connections to the same file.
  std::unique_ptr<store::Database> OpenMain() {
    auto db = store::Open("sqlite:" + (dir_ / "main.db").string(), 2);
    EXPECT_TRUE(db);
    return std::move(*db);
  }
  std::string JournalPath() const { return AuditJournal::PathFor((dir_ / "main.db").string()); }
  std::unique_ptr<AuditJournal> OpenJournal() {
    auto journal = AuditJournal::Open(JournalPath());
    EXPECT_TRUE(journal);
    return std::move(*journal);
  }

  static FiledAuditEvent Read(const std::string& entity_id, int64_t at_ms) {
    FiledAuditEvent f;
    f.event.actor_user_id = "u1";
    f.event.org_id = "o1";
    f.event.action = "case.read";
    f.event.entity_type = "case";
    f.event.entity_id = entity_id;
    f.event.fields = {"summary", "status"};
    f.at_ms = at_ms;
    return f;
  }

  // audit_log as (entity_id, at_ms) in chain order.
  std::vector<std::pair<std::string, int64_t>> Chain() {
    std::vector<std::pair<std::string, int64_t>> out;
    EXPECT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
      for (const auto& r : TRY(tx.Query("SELECT entity_id, at_ms FROM audit_log ORDER BY seq"))) {
        out.emplace_back(r.Text(0), r.Int(1));
      }
      return Ok();
    }));
    return out;
  }

  void ExpectIntact() {
    EXPECT_TRUE(db_->Read([&](store::Tx& tx) { return audit_->Verify(tx); }));
  }

  fs::path dir_;
  SecretKey key_ = SecretKey::Random();
  SystemClock clock_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<AuditLog> audit_;
};

TEST_F(AuditJournalTest, FilesEntriesInOrderWithTheTimeOfTheRead) {
  auto journal = OpenJournal();
  std::vector<FiledAuditEvent> first = {Read("c1", 1000), Read("c2", 1001)};
  std::vector<FiledAuditEvent> second = {Read("c3", 1002)};
  ASSERT_TRUE(journal->Append(first));
  ASSERT_TRUE(journal->Append(second));
  EXPECT_EQ(*journal->Waiting(), 3);
  EXPECT_TRUE(Chain().empty());  // durable in the journal, not yet in the chain

  auto filed = journal->FileInto(*db_, *audit_);
  ASSERT_TRUE(filed);
  EXPECT_EQ(*filed, 3);
  EXPECT_EQ(Chain(), (std::vector<std::pair<std::string, int64_t>>{
                         {"c1", 1000}, {"c2", 1001}, {"c3", 1002}}));
  EXPECT_EQ(*journal->Waiting(), 0);
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), 0);
  ExpectIntact();
}

TEST_F(AuditJournalTest, EntriesFiledBeforeADeleteWasLostAreNotFiledTwice) {
  {
    auto journal = OpenJournal();
    std::vector<FiledAuditEvent> two = {Read("c1", 1), Read("c2", 2)};
    ASSERT_TRUE(journal->Append(two));
    ASSERT_TRUE(journal->FileInto(*db_, *audit_));
  }
  // As if the process had died between filing and deleting: the filed rows are back.
  auto raw = store::Open("sqlite:" + JournalPath(), 1);
  ASSERT_TRUE(raw);
  ASSERT_TRUE((*raw)->ExecScript(
      "INSERT INTO read_entries (id, at_ms, actor_user_id, actor_org_id, org_id, action, "
      "entity_type, entity_id, outcome, request_id, remote, fields) VALUES "
      "(1, 1, 'u1', '', 'o1', 'case.read', 'case', 'c1', 'ok', '', '', ''), "
      "(2, 2, 'u1', '', 'o1', 'case.read', 'case', 'c2', 'ok', '', '', '')"));
  auto journal = OpenJournal();
  std::vector<FiledAuditEvent> third = {Read("c3", 3)};
  ASSERT_TRUE(journal->Append(third));
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), 1);
  EXPECT_EQ(Chain().size(), 3u);
  EXPECT_EQ(*journal->Waiting(), 0);  // the stale rows are gone too
  ExpectIntact();
}

TEST_F(AuditJournalTest, ANewJournalFileIsFiledFromItsStart) {
  {
    auto journal = OpenJournal();
    std::vector<FiledAuditEvent> three = {Read("c1", 1), Read("c2", 2), Read("c3", 3)};
    ASSERT_TRUE(journal->Append(three));
    ASSERT_TRUE(journal->FileInto(*db_, *audit_));
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(JournalPath() + suffix);
  // Its ids start again at 1, below the database's marker; its identity tells them apart.
  auto journal = OpenJournal();
  std::vector<FiledAuditEvent> one = {Read("c4", 4)};
  ASSERT_TRUE(journal->Append(one));
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), 1);
  EXPECT_EQ(Chain().back().first, "c4");
}

TEST_F(AuditJournalTest, TwoProcessesFilingAtOnceFileEachEntryOnce) {
  auto db_b = OpenMain();
  auto journal_a = OpenJournal();
  auto journal_b = OpenJournal();
  std::atomic<bool> writing{true};
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) {
      std::vector<FiledAuditEvent> one = {Read("c" + std::to_string(i), i)};
      EXPECT_TRUE(journal_a->Append(one));
    }
    writing = false;
  });
  std::thread filer_b([&] {
    while (writing) EXPECT_TRUE(journal_b->FileInto(*db_b, *audit_));
  });
  while (writing) EXPECT_TRUE(journal_a->FileInto(*db_, *audit_));
  writer.join();
  filer_b.join();
  ASSERT_TRUE(journal_a->FileInto(*db_, *audit_));
  auto chain = Chain();
  ASSERT_EQ(chain.size(), 200u);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(chain[i].first, "c" + std::to_string(i));
  ExpectIntact();
}

TEST_F(AuditJournalTest, AFilingLongerThanABatchSignsItsCheckpoints) {
  auto journal = OpenJournal();
  std::vector<FiledAuditEvent> many;
  for (int i = 0; i < AuditJournal::kFileBatch + 1200; ++i) many.push_back(Read("c", i));
  ASSERT_TRUE(journal->Append(many));
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), AuditJournal::kFileBatch + 1200);
  int64_t checkpoints = 0;
  ASSERT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
    checkpoints = TRY(tx.QueryOne("SELECT COUNT(*) FROM audit_checkpoints"))->Int(0);
    return Ok();
  }));
  EXPECT_EQ(checkpoints, 6);  // rows 1000, 2000, ..., 6000
  ExpectIntact();
}

TEST_F(AuditJournalTest, TheBatcherAnswersOnceJournaledAndFilesOnRequestAndAtStop) {
  auto journal = OpenJournal();
  {
    AuditBatcher batcher(*db_, *audit_, journal.get());
    std::vector<std::thread> readers;
    std::atomic<int> committed{0};
    for (int t = 0; t < 4; ++t) {
      readers.emplace_back([&] {
        for (int i = 0; i < 25; ++i) {
          AuditEvent e = Read("c", 0).event;
          if (batcher.AppendAndWait(e)) ++committed;
        }
      });
    }
    for (auto& t : readers) t.join();
    EXPECT_EQ(committed.load(), 100);
    // Each is durable (journal or chain: the filer may have run) before its waiter is told.
    EXPECT_EQ(*journal->Waiting() + static_cast<int64_t>(Chain().size()), 100);
    ASSERT_TRUE(batcher.FileJournal());
    EXPECT_EQ(Chain().size(), 100u);
    ASSERT_TRUE(batcher.AppendAndWait(Read("last", 0).event));
  }
  // Stop filed the last one.
  EXPECT_EQ(*journal->Waiting(), 0);
  EXPECT_EQ(Chain().back().first, "last");
  ExpectIntact();
}

}  // namespace
}  // namespace dandelion::security

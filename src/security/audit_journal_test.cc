#include "security/audit_journal.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>
#include <vector>

#include "core/ids.h"
#include "security/audit_batcher.h"
#include "security/audit_journal_legacy.h"
#include "security/audit_journal_records.h"
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
  // Small files by default: the tests write many.
  std::unique_ptr<AuditJournal> OpenJournal(AuditJournal::Options options = {.rotate_at = 64 << 10,
                                                                             .grow_by = 4096}) {
    auto journal = AuditJournal::Open(JournalPath(), options);
    EXPECT_TRUE(journal);
    return std::move(*journal);
  }
  int64_t FileSize() const { return static_cast<int64_t>(fs::file_size(JournalPath())); }
  std::string FileBytes() const {
    std::ifstream in(JournalPath(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  std::string Identity() const {
    return JournalIdentity(FileBytes().substr(0, kJournalHeaderSize));
  }
  // Where the file's whole records end, read as the journal reads them.
  size_t RecordsEnd() const {
    const std::string bytes = FileBytes();
    const std::string identity = Identity();
    size_t at = kJournalHeaderSize;
    std::vector<FiledAuditEvent> entries;
    for (;;) {
      const size_t size = JournalRecordSize(std::string_view(bytes).substr(at));
      if (size == 0 || at + size > bytes.size() ||
          !ParseJournalRecord(std::string_view(bytes).substr(at, size), identity, entries)) {
        return at;
      }
      at += size;
    }
  }
  bool ZerosAfterRecords() const {
    const std::string bytes = FileBytes();
    return std::all_of(bytes.begin() + static_cast<std::ptrdiff_t>(RecordsEnd()), bytes.end(),
                       [](char c) { return c == 0; });
  }
  // Writes bytes into the journal's file at offset, as a crash or a power loss may leave them.
  void WriteRawAt(size_t offset, const std::string& bytes) const {
    std::fstream out(JournalPath(), std::ios::binary | std::ios::in | std::ios::out);
    out.seekp(static_cast<std::streamoff>(offset));
    out << bytes;
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
  EXPECT_EQ(*journal->Waiting(*db_), 3);
  EXPECT_TRUE(Chain().empty());  // durable in the journal, not yet in the chain

  auto filed = journal->FileInto(*db_, *audit_);
  ASSERT_TRUE(filed);
  EXPECT_EQ(*filed, 3);
  EXPECT_EQ(Chain(), (std::vector<std::pair<std::string, int64_t>>{
                         {"c1", 1000}, {"c2", 1001}, {"c3", 1002}}));
  EXPECT_EQ(*journal->Waiting(*db_), 0);
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), 0);
  ExpectIntact();
}

TEST_F(AuditJournalTest, EveryPartOfAnEntryComesBackAsItWasJournaled) {
  auto journal = OpenJournal();
  FiledAuditEvent full;
  full.event = {.actor_user_id = "u1",
                .actor_org_id = "o2",
                .org_id = "o1",
                .action = "person.read",
                .entity_type = "person",
                .entity_id = "p1",
                .outcome = "denied",
                .fields = {"legal_name", "phone"},
                .request_id = "r-9",
                .remote = "2001:db8::1"};
  full.at_ms = 1700000000123;
  FiledAuditEvent empty;  // anonymous, no fields
  empty.event.outcome = "";
  std::vector<FiledAuditEvent> both = {full, empty};
  ASSERT_TRUE(journal->Append(both));
  ASSERT_TRUE(journal->FileInto(*db_, *audit_));
  ASSERT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
    auto rows = TRY(audit_->Query(tx, {.limit = 10}));
    EXPECT_EQ(rows.size(), 2u);
    const AuditEntry& e = rows.at(1);  // newest first
    EXPECT_EQ(e.at_ms, full.at_ms);
    EXPECT_EQ(e.actor_user_id, "u1");
    EXPECT_EQ(e.actor_org_id, "o2");
    EXPECT_EQ(e.org_id, "o1");
    EXPECT_EQ(e.action, "person.read");
    EXPECT_EQ(e.entity_type, "person");
    EXPECT_EQ(e.entity_id, "p1");
    EXPECT_EQ(e.outcome, "denied");
    EXPECT_EQ(e.fields, (std::vector<std::string>{"legal_name", "phone"}));
    EXPECT_EQ(e.request_id, "r-9");
    EXPECT_EQ(e.remote, "2001:db8::1");
    EXPECT_TRUE(rows.at(0).fields.empty());
    EXPECT_EQ(rows.at(0).at_ms, 0);
    return Ok();
  }));
}

// A crash in the middle of a write, or a power loss before fdatasync returned, can leave part of
// a record after the last whole one, or blocks of one written out of order after zeros: none of
// it was acknowledged.
TEST_F(AuditJournalTest, WhatACrashLeftAfterTheLastWholeRecordIsZeroedAtOpen) {
  std::vector<FiledAuditEvent> two = {Read("c1", 1), Read("c2", 2)};
  int round = 0;
  for (const auto& tail : std::vector<std::function<std::string(const std::string&)>>{
           [](const std::string& r) { return r.substr(0, r.size() - 1); },
           [](const std::string& r) { return r.substr(0, 10); },
           [](const std::string& r) { return std::string(600, '\0') + r.substr(40); }}) {
    SCOPED_TRACE(round++);
    fs::remove(JournalPath());
    {
      auto journal = OpenJournal();
      ASSERT_TRUE(journal->Append(two));
    }
    const size_t whole = RecordsEnd();
    std::string record;
    AppendJournalRecord(record, Identity(), two);
    WriteRawAt(whole, tail(record));
    EXPECT_FALSE(ZerosAfterRecords());
    auto journal = OpenJournal();
    EXPECT_EQ(RecordsEnd(), whole);
    EXPECT_TRUE(ZerosAfterRecords());
    std::vector<FiledAuditEvent> third = {Read("c3", 3)};
    ASSERT_TRUE(journal->Append(third));
    EXPECT_EQ(*journal->Waiting(*db_), 3);
    EXPECT_TRUE(ZerosAfterRecords());
  }
  auto journal = OpenJournal();
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), 3);
  EXPECT_EQ(Chain().back().first, "c3");
  ExpectIntact();
}

TEST_F(AuditJournalTest, ARecordWithAChangedByteOrOfAnotherJournalIsNotTakenForEntries) {
  const std::string identity(kJournalIdentityChars, 'a');
  std::vector<FiledAuditEvent> one = {Read("c1", 1)};
  std::string record;
  AppendJournalRecord(record, identity, one);
  for (size_t i = 0; i < record.size(); ++i) {
    std::string changed = record;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    std::vector<FiledAuditEvent> out;
    const size_t size = JournalRecordSize(changed);
    EXPECT_FALSE(size == changed.size() && ParseJournalRecord(changed, identity, out))
        << "byte " << i;
    EXPECT_TRUE(out.empty());
  }
  std::vector<FiledAuditEvent> out;
  EXPECT_FALSE(ParseJournalRecord(record, std::string(kJournalIdentityChars, 'b'), out));
  EXPECT_TRUE(ParseJournalRecord(record, identity, out));
  EXPECT_EQ(out.size(), 1u);
  EXPECT_EQ(JournalRecordSize(std::string(kRecordHeaderSize, '\0')), 0u);
}

TEST_F(AuditJournalTest, AnAppenderZeroesWhatAnotherProcessLeftUnfinishedBeforeWriting) {
  auto a = OpenJournal();
  auto b = OpenJournal();  // another process's: its own open file
  std::vector<FiledAuditEvent> one = {Read("c1", 1)};
  ASSERT_TRUE(a->Append(one));
  std::vector<FiledAuditEvent> two = {Read("c2", 2)};
  ASSERT_TRUE(b->Append(two));  // b finds a's record and writes after it
  // Longer than the record written over it: what is left of it must not stay.
  std::vector<FiledAuditEvent> long_one = {Read("x1", 1), Read("x2", 2), Read("x3", 3)};
  std::string torn;
  AppendJournalRecord(torn, Identity(), long_one);
  WriteRawAt(RecordsEnd(), torn.substr(0, torn.size() - 3));
  std::vector<FiledAuditEvent> three = {Read("c3", 3)};
  ASSERT_TRUE(a->Append(three));  // a finds b's record, and the torn one, which it zeroes
  EXPECT_TRUE(ZerosAfterRecords());
  EXPECT_EQ(*b->FileInto(*db_, *audit_), 3);
  EXPECT_EQ(Chain(),
            (std::vector<std::pair<std::string, int64_t>>{{"c1", 1}, {"c2", 2}, {"c3", 3}}));
  ExpectIntact();
}

TEST_F(AuditJournalTest, RecordsLandInZerosWrittenAheadAndALaggingJournalGrowsByThem) {
  auto journal = OpenJournal({.rotate_at = 4096, .grow_by = 4096});
  const int64_t made = static_cast<int64_t>(kJournalHeaderSize) + 4096;
  EXPECT_EQ(FileSize(), made);
  std::vector<FiledAuditEvent> one = {Read("c1", 1)};
  ASSERT_TRUE(journal->Append(one));
  EXPECT_EQ(FileSize(), made);
  std::vector<FiledAuditEvent> many;
  for (int i = 0; i < 100; ++i) many.push_back(Read("d" + std::to_string(i), i));
  ASSERT_TRUE(journal->Append(many));  // past the zeros, not filed: grown by whole steps
  EXPECT_EQ(FileSize() % 4096, 0);
  EXPECT_GT(FileSize(), static_cast<int64_t>(RecordsEnd()));
  EXPECT_TRUE(ZerosAfterRecords());
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), 101);
  // Filed, and replaced by a new file with zeros for all it will hold before it is replaced.
  EXPECT_EQ(FileSize(), made + 4096);
  EXPECT_EQ(RecordsEnd(), kJournalHeaderSize);
}

// Reads' groups keep coming while the filer works: those written after its last filing move to
// the new file with it.
TEST_F(AuditJournalTest, EntriesNotYetFiledMoveToTheNewJournal) {
  auto rotating = OpenJournal({.rotate_at = 1024, .grow_by = 4096});
  auto filing = OpenJournal({.rotate_at = 1 << 30, .grow_by = 4096});  // never replaces it
  std::vector<FiledAuditEvent> many;
  for (int i = 0; i < 40; ++i) many.push_back(Read("d" + std::to_string(i), i));
  ASSERT_TRUE(rotating->Append(many));
  EXPECT_EQ(*filing->FileInto(*db_, *audit_), 40);
  std::vector<FiledAuditEvent> late = {Read("late1", 41), Read("late2", 42)};
  ASSERT_TRUE(rotating->Append(late));
  const std::string first = Identity();
  ASSERT_TRUE(rotating->RotateIfDue(*db_));
  EXPECT_NE(Identity(), first);
  EXPECT_EQ(*filing->Waiting(*db_), 2);  // it follows the rename
  EXPECT_EQ(*filing->FileInto(*db_, *audit_), 2);
  auto chain = Chain();
  ASSERT_EQ(chain.size(), 42u);
  EXPECT_EQ(chain[40].first, "late1");
  EXPECT_EQ(chain[41].first, "late2");
  ExpectIntact();
}

TEST_F(AuditJournalTest, ANewJournalFileIsFiledFromItsStart) {
  {
    auto journal = OpenJournal();
    std::vector<FiledAuditEvent> three = {Read("c1", 1), Read("c2", 2), Read("c3", 3)};
    ASSERT_TRUE(journal->Append(three));
    ASSERT_TRUE(journal->FileInto(*db_, *audit_));
  }
  const std::string first = Identity();
  fs::remove(JournalPath());
  // Its offsets start again after the header, below the database's marker; its identity tells
  // them apart.
  auto journal = OpenJournal();
  EXPECT_NE(Identity(), first);
  std::vector<FiledAuditEvent> one = {Read("c4", 4)};
  ASSERT_TRUE(journal->Append(one));
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), 1);
  EXPECT_EQ(Chain().back().first, "c4");
}

TEST_F(AuditJournalTest, AJournalCutByHandBelowWhatWasFiledStopsFilingLoudly) {
  {
    auto journal = OpenJournal();
    std::vector<FiledAuditEvent> three = {Read("c1", 1), Read("c2", 2), Read("c3", 3)};
    ASSERT_TRUE(journal->Append(three));
    ASSERT_TRUE(journal->FileInto(*db_, *audit_));
  }
  fs::resize_file(JournalPath(), kJournalHeaderSize);
  auto journal = OpenJournal();
  std::vector<FiledAuditEvent> one = {Read("c4", 4)};
  ASSERT_TRUE(journal->Append(one));
  auto filed = journal->FileInto(*db_, *audit_);
  ASSERT_FALSE(filed);
  EXPECT_EQ(filed.error().message_key, "security.audit_broken");
  EXPECT_NE(filed.error().detail.find("changed by hand"), std::string::npos);
  EXPECT_EQ(Chain().size(), 3u);
  // Moved aside, as the message says, a new journal is filed from its start.
  fs::rename(JournalPath(), JournalPath() + ".aside");
  journal = OpenJournal();
  ASSERT_TRUE(journal->Append(one));
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), 1);
}

TEST_F(AuditJournalTest, TwoProcessesAppendingAndFilingAtOnceFileEachEntryOnce) {
  auto db_b = OpenMain();
  // A small rotation size: the journal is replaced many times while both write to it.
  auto journal_a = OpenJournal({.rotate_at = 512, .grow_by = 4096});
  auto journal_b = OpenJournal({.rotate_at = 512, .grow_by = 4096});
  const std::string first = Identity();
  std::atomic<int> writing{2};
  auto writer = [&](AuditJournal& journal, const std::string& prefix) {
    for (int i = 0; i < 150; ++i) {
      std::vector<FiledAuditEvent> one = {Read(prefix + std::to_string(i), i)};
      EXPECT_TRUE(journal.Append(one));
    }
    --writing;
  };
  std::thread writer_a(writer, std::ref(*journal_a), "a");
  std::thread writer_b(writer, std::ref(*journal_b), "b");
  std::thread filer_b([&] {
    while (writing > 0) EXPECT_TRUE(journal_b->FileInto(*db_b, *audit_));
  });
  while (writing > 0) EXPECT_TRUE(journal_a->FileInto(*db_, *audit_));
  writer_a.join();
  writer_b.join();
  filer_b.join();
  ASSERT_TRUE(journal_a->FileInto(*db_, *audit_));
  ASSERT_TRUE(journal_b->FileInto(*db_b, *audit_));
  auto chain = Chain();
  ASSERT_EQ(chain.size(), 300u);
  std::vector<std::string> a, b;
  for (const auto& [id, at] : chain) (id[0] == 'a' ? a : b).push_back(id);
  ASSERT_EQ(a.size(), 150u);
  ASSERT_EQ(b.size(), 150u);
  for (int i = 0; i < 150; ++i) {  // each writer's entries in its order
    EXPECT_EQ(a[i], "a" + std::to_string(i));
    EXPECT_EQ(b[i], "b" + std::to_string(i));
  }
  EXPECT_NE(Identity(), first);  // replaced
  ExpectIntact();
}

TEST_F(AuditJournalTest, AFiledJournalPastItsSizeIsReplacedByANewOne) {
  auto journal = OpenJournal({.rotate_at = 1024, .grow_by = 4096});
  std::vector<FiledAuditEvent> few = {Read("c1", 1), Read("c2", 2)};
  ASSERT_TRUE(journal->Append(few));
  ASSERT_TRUE(journal->FileInto(*db_, *audit_));
  const std::string first = Identity();
  EXPECT_GT(RecordsEnd(), kJournalHeaderSize);  // below the size: kept
  std::vector<FiledAuditEvent> many;
  for (int i = 0; i < 40; ++i) many.push_back(Read("d" + std::to_string(i), i));
  ASSERT_TRUE(journal->Append(many));
  EXPECT_EQ(Identity(), first);  // not filed yet: kept whatever its size
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), 40);
  EXPECT_NE(Identity(), first);
  EXPECT_EQ(RecordsEnd(), kJournalHeaderSize);
  EXPECT_EQ(FileSize(), static_cast<int64_t>(kJournalHeaderSize) + 1024 + 4096);
  ASSERT_TRUE(journal->Append(few));
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), 2);
  EXPECT_EQ(Chain().size(), 44u);
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
    EXPECT_EQ(*journal->Waiting(*db_) + static_cast<int64_t>(Chain().size()), 100);
    ASSERT_TRUE(batcher.FileJournal());
    EXPECT_EQ(Chain().size(), 100u);
    ASSERT_TRUE(batcher.AppendAndWait(Read("last", 0).event));
  }
  // Stop filed the last one.
  EXPECT_EQ(*journal->Waiting(*db_), 0);
  EXPECT_EQ(Chain().back().first, "last");
  ExpectIntact();
}

// Written by Dandelion before the journal was a file of its own: a SQLite file, a row an entry.
TEST_F(AuditJournalTest, AnEarlierJournalIsFiledFromItsMarkerOnceAndRemoved) {
  const std::string main_db = (dir_ / "main.db").string();
  const std::string earlier = EarlierJournalPathFor(main_db);
  {
    auto raw = store::Open("sqlite:" + earlier, 1, store::Create::kYes);
    ASSERT_TRUE(raw);
    ASSERT_TRUE((*raw)->ExecScript(
        "CREATE TABLE journal_identity (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "identity TEXT NOT NULL);"
        "INSERT INTO journal_identity VALUES (1, 'e1');"
        "CREATE TABLE read_entries (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, "
        "actor_user_id TEXT NOT NULL, actor_org_id TEXT NOT NULL, org_id TEXT NOT NULL, "
        "action TEXT NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, "
        "outcome TEXT NOT NULL, request_id TEXT NOT NULL, remote TEXT NOT NULL, "
        "fields TEXT NOT NULL);"
        "INSERT INTO read_entries VALUES "
        "(1, 1, 'u1', '', 'o1', 'case.read', 'case', 'c1', 'ok', '', '', 'summary'), "
        "(2, 2, 'u1', '', 'o1', 'case.read', 'case', 'c2', 'ok', '', '', 'summary'), "
        "(3, 3, 'u1', '', 'o1', 'case.read', 'case', 'c3', 'ok', '', '', 'summary,status');"));
  }
  // The earlier Dandelion had filed the first before it stopped.
  ASSERT_TRUE(db_->Write([&](store::Tx& tx) -> Result<void> {
    std::vector<FiledAuditEvent> first = {Read("c1", 1)};
    TRY(audit_->AppendFiled(tx, first));
    TRY(tx.Exec("INSERT INTO kv_settings (key, value) VALUES ('audit_journal_filed', 'e1 1')"));
    return Ok();
  }));
  EXPECT_EQ(*FileEarlierJournal(main_db, *db_, *audit_), 2);
  for (const char* suffix : {"", "-wal", "-shm"}) EXPECT_FALSE(fs::exists(earlier + suffix));
  EXPECT_EQ(Chain(),
            (std::vector<std::pair<std::string, int64_t>>{{"c1", 1}, {"c2", 2}, {"c3", 3}}));
  EXPECT_EQ(*FileEarlierJournal(main_db, *db_, *audit_), 0);  // gone: nothing to do
  // The new journal is filed from its start whatever the earlier one's marker said.
  auto journal = OpenJournal();
  std::vector<FiledAuditEvent> one = {Read("c4", 4)};
  ASSERT_TRUE(journal->Append(one));
  EXPECT_EQ(*journal->FileInto(*db_, *audit_), 1);
  ExpectIntact();
}

}  // namespace
}  // namespace dandelion::security

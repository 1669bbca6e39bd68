#include "security/audit_log.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "security/keys.h"
#include "security/sodium_init.h"
#include "store/migrations.h"
#include "store/test_backends.h"

namespace dandelion::security {
namespace {

// On both backends: the entity index is led by the entry's epoch (migration 0026), and a search
// by entity walks the epochs from the newest.
class AuditLogTest : public store::test_support::BackendTest {
 protected:
  void SetUp() override {
    EnsureSodium();
    BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(store::Migrate(*db_));
    audit_ = std::make_unique<AuditLog>(SecretKey::Random(), clock_);
  }

  // Appends n reads of case entity_id, in one transaction.
  void Append(const std::string& entity_id, int64_t n) {
    std::vector<FiledAuditEvent> events(static_cast<size_t>(n));
    for (auto& f : events) {
      f.event.actor_user_id = "u1";
      f.event.actor_org_id = "o1";
      f.event.org_id = "o1";
      f.event.action = "case.read";
      f.event.entity_type = "case";
      f.event.entity_id = entity_id;
      f.at_ms = 1;
    }
    ASSERT_TRUE(db_->Write([&](store::Tx& tx) -> Result<void> {
      TRY(audit_->AppendFiled(tx, events));
      return Ok();
    }));
  }

  // The seqs a search for case entity_id answers with.
  std::vector<int64_t> Seqs(const std::string& entity_id, int limit, int64_t before_seq = 0,
                            const std::string& org_id = "") {
    std::vector<int64_t> out;
    EXPECT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
      AuditQuery q{.org_id = org_id,
                   .entity_type = "case",
                   .entity_id = entity_id,
                   .before_seq = before_seq,
                   .limit = limit};
      for (const auto& r : TRY(audit_->Query(tx, q))) out.push_back(r.seq);
      return Ok();
    }));
    return out;
  }

  SystemClock clock_;
  std::unique_ptr<AuditLog> audit_;
};

TEST_P(AuditLogTest, FindsAnEntitysEntriesInEveryEpochNewestFirstAndPagesThem) {
  constexpr int64_t kEpoch = int64_t{1} << AuditLog::kEntityEpochBits;
  Append("case-a", 2);              // seq 1, 2: the first epoch
  Append("other", kEpoch + 2 - 2);  // up to seq kEpoch + 2
  Append("case-a", 2);              // seq kEpoch + 3, kEpoch + 4: the second
  Append("other", 1);               // kEpoch + 5

  EXPECT_EQ(Seqs("case-a", 50), (std::vector<int64_t>{kEpoch + 4, kEpoch + 3, 2, 1}));
  EXPECT_EQ(Seqs("case-a", 3), (std::vector<int64_t>{kEpoch + 4, kEpoch + 3, 2}));
  // The next page, from the cursor: the walk goes on into the older epoch.
  EXPECT_EQ(Seqs("case-a", 3, 2), (std::vector<int64_t>{1}));
  EXPECT_EQ(Seqs("case-a", 50, kEpoch + 3), (std::vector<int64_t>{2, 1}));
  // A cursor in an epoch that holds none of hers.
  EXPECT_EQ(Seqs("case-a", 50, kEpoch - 10), (std::vector<int64_t>{2, 1}));
  EXPECT_EQ(Seqs("case-a", 50, 0, "o1").size(), 4u);
  EXPECT_TRUE(Seqs("case-a", 50, 0, "o2").empty());
  EXPECT_TRUE(Seqs("case-b", 50).empty());
  EXPECT_EQ(Seqs("other", 2), (std::vector<int64_t>{kEpoch + 5, kEpoch + 2}));
  ASSERT_TRUE(db_->Read([&](store::Tx& tx) { return audit_->Verify(tx); }));
}

// A log of years spans hundreds of epochs, read sixteen a statement: entries far apart, in
// epochs of different statements, come newest first and page across the statements. The rows are
// written straight into the table at the seqs wanted (a search reads no hash; nothing verifies
// this log).
TEST_P(AuditLogTest, FindsEntriesInEpochsReadByDifferentStatements) {
  constexpr int64_t kEpoch = int64_t{1} << AuditLog::kEntityEpochBits;
  constexpr int64_t kGroup = AuditLog::kEpochsPerStatement;
  const std::vector<int64_t> hers = {(2 * kGroup + 3) * kEpoch + 7, (kGroup + 1) * kEpoch,
                                     kGroup * kEpoch - 1, 3 * kEpoch + 1, 1};
  const std::vector<int64_t> others = {(2 * kGroup + 3) * kEpoch + 9, (2 * kGroup + 3) * kEpoch + 8,
                                       kGroup * kEpoch, 2};
  ASSERT_TRUE(db_->Write([&](store::Tx& tx) -> Result<void> {
    for (const auto* seqs : {&hers, &others}) {
      for (int64_t seq : *seqs) {
        TRY(
            tx.Exec("INSERT INTO audit_log (seq, at_ms, actor_user_id, actor_org_id, org_id, "
                    "action, entity_type, entity_id, outcome, request_id, remote, fields, hash) "
                    "VALUES (?, 1, 'u1', 'o1', 'o1', 'case.read', 'case', ?, 'ok', 'r', "
                    "'127.0.0.1', '', ?)",
                    {seq, std::string(seqs == &hers ? "case-a" : "other"),
                     store::Blob{std::string(32, 'h')}}));
      }
    }
    return Ok();
  }));
  EXPECT_EQ(Seqs("case-a", 50), hers);
  EXPECT_EQ(Seqs("case-a", 2), (std::vector<int64_t>{hers[0], hers[1]}));
  // Paged by the cursor, each page from a statement further back.
  EXPECT_EQ(Seqs("case-a", 2, hers[1]), (std::vector<int64_t>{hers[2], hers[3]}));
  EXPECT_EQ(Seqs("case-a", 2, hers[3]), (std::vector<int64_t>{hers[4]}));
  EXPECT_EQ(Seqs("case-a", 50, hers[0]),
            (std::vector<int64_t>{hers[1], hers[2], hers[3], hers[4]}));
  EXPECT_EQ(Seqs("other", 50), others);
  EXPECT_TRUE(Seqs("case-a", 50, 0, "o2").empty());
}

TEST_P(AuditLogTest, AnEmptyLogAnswersNothing) { EXPECT_TRUE(Seqs("case-a", 50).empty()); }

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest,
                         ::testing::Values(store::test_support::Backend::kSqlite,
                                           store::test_support::Backend::kPostgres),
                         store::test_support::BackendName);

}  // namespace
}  // namespace dandelion::security

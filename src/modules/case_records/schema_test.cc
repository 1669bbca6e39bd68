// The case-records tables as both backends build them: notes are append-only in the database
// itself, so not even a faulty repo or a hand-typed UPDATE can rewrite what was noted.
#include <gtest/gtest.h>

#include "security/sodium_init.h"
#include "store/migrations.h"
#include "store/test_backends.h"

namespace dandelion::case_records {
namespace {

using store::test_support::Backend;

class CaseRecordsSchemaTest : public store::test_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(store::Migrate(*db_));
    auto r = db_->Write([](store::Tx& tx) -> Result<void> {
      for (const char* sql : {
               "INSERT INTO organizations (id, slug, name, kind, region, created_at) "
               "VALUES ('ORG1', 'org-1', 'Org', 'counseling_center', 'KR-11', '2026-01-01')",
               "INSERT INTO people (id, org_id, code, code_year, code_seq, created_at, "
               "updated_at) VALUES ('P1', 'ORG1', 'ORG1-2026-0001', 2026, 1, '2026-01-01', "
               "'2026-01-01')",
               "INSERT INTO cases (id, org_id, person_id, number, number_year, number_seq, "
               "status, intake_channel, risk_level, risk_rank, opened_at, created_by, "
               "updated_at) VALUES ('C1', 'ORG1', 'P1', 'ORG1-C-2026-0001', 2026, 1, 'open', "
               "'hotline', 'high', 2, '2026-01-01', 'U1', '2026-01-01')",
           }) {
        if (auto s = tx.Exec(sql); !s) return Fail(s.error());
      }
      auto s = tx.Exec(
          "INSERT INTO case_notes (id, case_id, org_id, text, author_id, created_at) "
          "VALUES ('N1', 'C1', 'ORG1', ?, 'U1', '2026-01-02T00:00:00Z')",
          {store::Blob{"sealed"}});
      if (!s) return Fail(s.error());
      return Ok();
    });
    ASSERT_TRUE(r) << r.error().detail;
  }

  Result<void> Run(const char* sql) {
    return db_->Write([&](store::Tx& tx) -> Result<void> {
      auto s = tx.Exec(sql);
      if (!s) return Fail(s.error());
      return Ok();
    });
  }

  int64_t Count(const char* sql) {
    int64_t n = -1;
    EXPECT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
      auto row = tx.QueryOne(sql);
      if (!row) return Fail(row.error());
      n = (*row)->Int(0);
      return Ok();
    }));
    return n;
  }
};

TEST_P(CaseRecordsSchemaTest, NotesCannotBeEditedOrDeleted) {
  EXPECT_FALSE(Run("UPDATE case_notes SET author_id = 'U2' WHERE id = 'N1'"));
  EXPECT_FALSE(Run("DELETE FROM case_notes WHERE id = 'N1'"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_notes WHERE id = 'N1' AND author_id = 'U1'"), 1);
  // Appending stays possible, amendments included.
  EXPECT_TRUE(
      Run("INSERT INTO case_notes (id, case_id, org_id, text, amends, author_id, created_at) "
          "VALUES ('N2', 'C1', 'ORG1', 'sealed', 'N1', 'U1', '2026-01-03T00:00:00Z')"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_notes"), 2);
}

TEST_P(CaseRecordsSchemaTest, ClearColumnsRefuseImpossibleValues) {
  EXPECT_FALSE(
      Run("INSERT INTO case_services (id, case_id, org_id, type, date, minutes, recorded_by, "
          "created_at) VALUES ('S1', 'C1', 'ORG1', 'counseling', '2026-01-02', -1, 'U1', 'x')"));
  EXPECT_FALSE(
      Run("INSERT INTO appointments (id, case_id, org_id, worker_id, starts_at, kind, status, "
          "created_by, created_at, updated_at) VALUES ('A1', 'C1', 'ORG1', 'U1', 'x', 'visit', "
          "'postponed', 'U1', 'x', 'x')"));
  EXPECT_FALSE(
      Run("INSERT INTO case_notes (id, case_id, org_id, text, author_id, created_at) "
          "VALUES ('N3', 'NOCASE', 'ORG1', 'sealed', 'U1', 'x')"));
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseRecordsSchemaTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         store::test_support::BackendName);

}  // namespace
}  // namespace dandelion::case_records

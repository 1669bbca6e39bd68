// Migrations 0025 and 0027 on both backends: every change to what a case list reads moves the
// list generation of the organizations whose lists show it, whoever makes the change (the
// triggers live in the database), and a change nothing listed shows moves nothing
// (cases/list_cache.h); each such change names the woman it was about with the generation it
// moved to, and a change that reaches every case moves wide_at (cases/case_cache.h).
#include <gtest/gtest.h>

#include <string>

#include "store/migrations.h"
#include "store/test_backends.h"

namespace dandelion::cases {
namespace {

using store::test_support::Backend;

class ListGenerationsTest : public store::test_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(store::Migrate(*db_));
    for (const char* org : {"ORG1", "ORG2"}) {
      Run(std::string("INSERT INTO organizations (id, slug, name, kind, region, created_at) "
                      "VALUES ('") +
          org + "', '" + org + "', 'Org', 'counseling_center', 'KR-11', '2026-01-01')");
      Run(std::string("INSERT INTO users (id, org_id, username, display_name, roles, "
                      "password_hash, last_active_at, created_at) VALUES ('U-") +
          org + "', '" + org + "', 'user-" + org + "', 'Worker', 'case_worker', 'x', 0, 'x')");
    }
    Run("INSERT INTO people (id, org_id, code, code_year, code_seq, created_at, updated_at) "
        "VALUES ('P1', 'ORG1', 'ORG1-2026-0001', 2026, 1, 'x', 'x')");
    Run("INSERT INTO cases (id, org_id, person_id, number, number_year, number_seq, status, "
        "intake_channel, risk_level, risk_rank, opened_at, created_by, updated_at) VALUES "
        "('C1', 'ORG1', 'P1', 'ORG1-C-2026-0001', 2026, 1, 'open', 'hotline', 'high', 2, 'x', "
        "'U-ORG1', 'x')");
  }

  void Run(const std::string& sql) {
    auto r = db_->Write([&](store::Tx& tx) -> Result<void> {
      TRY(tx.Exec(sql));
      return Ok();
    });
    ASSERT_TRUE(r) << sql << ": " << r.error().detail;
  }

  // The number sql's one row holds, -1 for no row.
  int64_t Number(const std::string& sql, const store::Params& params) {
    int64_t n = -1;
    auto r = db_->Read([&](store::Tx& tx) -> Result<void> {
      auto row = TRY(tx.QueryOne(sql, params));
      if (row) n = row->Int(0);
      return Ok();
    });
    EXPECT_TRUE(r);
    return n;
  }
  int64_t Generation(const std::string& org) {
    return Number("SELECT n FROM list_generations WHERE org_id = ?", {org});
  }
  int64_t WideAt(const std::string& org) {
    return Number("SELECT wide_at FROM list_generations WHERE org_id = ?", {org});
  }
  // The generation of the last change about person in org (person_generations).
  int64_t Stamp(const std::string& org, const std::string& person) {
    return Number("SELECT n FROM person_generations WHERE org_id = ? AND person_id = ?",
                  {org, person});
  }

  // Whether sql moved ORG1's generation, and whether it moved ORG2's.
  std::pair<bool, bool> Moves(const std::string& sql) {
    const int64_t one = Generation("ORG1");
    const int64_t two = Generation("ORG2");
    Run(sql);
    return {Generation("ORG1") > one, Generation("ORG2") > two};
  }
};

TEST_P(ListGenerationsTest, EachOrganizationHasOne) {
  EXPECT_GE(Generation("ORG1"), 0);
  EXPECT_GE(Generation("ORG2"), 0);
  EXPECT_EQ(Generation("NOSUCH"), -1);
}

TEST_P(ListGenerationsTest, ChangesToWhatAListShowsMoveItsOrganizationOnly) {
  using Moved = std::pair<bool, bool>;
  const Moved only_one{true, false};
  // The case itself.
  EXPECT_EQ(Moves("UPDATE cases SET risk_level = 'low', risk_rank = 0 WHERE id = 'C1'"), only_one);
  // Its workers.
  EXPECT_EQ(Moves("INSERT INTO case_workers (case_id, user_id, assigned_at) "
                  "VALUES ('C1', 'U-ORG1', 'x')"),
            only_one);
  EXPECT_EQ(Moves("UPDATE case_workers SET assigned_at = 'y' WHERE case_id = 'C1'"), only_one);
  EXPECT_EQ(Moves("DELETE FROM case_workers WHERE case_id = 'C1'"), only_one);
  // Her person and her keys.
  EXPECT_EQ(Moves("UPDATE people SET updated_at = 'y' WHERE id = 'P1'"), only_one);
  EXPECT_EQ(Moves("INSERT INTO person_keys (person_id, version, wrapped, org_key_version, "
                  "created_at) VALUES ('P1', 1, 'k', 1, 'x')"),
            only_one);
  EXPECT_EQ(Moves("UPDATE person_keys SET wrapped = 'l' WHERE person_id = 'P1'"), only_one);
  EXPECT_EQ(Moves("DELETE FROM person_keys WHERE person_id = 'P1'"), only_one);
  // A new case; a case deleted.
  EXPECT_EQ(Moves("INSERT INTO cases (id, org_id, person_id, number, number_year, number_seq, "
                  "status, intake_channel, risk_level, risk_rank, opened_at, created_by, "
                  "updated_at) VALUES ('C2', 'ORG1', 'P1', 'ORG1-C-2026-0002', 2026, 2, 'open', "
                  "'hotline', 'low', 0, 'x', 'U-ORG1', 'x')"),
            only_one);
  EXPECT_EQ(Moves("DELETE FROM cases WHERE id = 'C2'"), only_one);
  // A worker's name or account: any organization's lists may show her.
  EXPECT_EQ(Moves("UPDATE users SET display_name = 'Renamed' WHERE id = 'U-ORG2'"),
            Moved(true, true));
  EXPECT_EQ(Moves("UPDATE users SET disabled_at = 'x' WHERE id = 'U-ORG2'"), Moved(true, true));
}

TEST_P(ListGenerationsTest, EachChangeNamesTheWomanItWasAbout) {
  // A second woman of ORG1 with a case of her own: changes about the first leave her stamp alone.
  Run("INSERT INTO people (id, org_id, code, code_year, code_seq, created_at, updated_at) "
      "VALUES ('P2', 'ORG1', 'ORG1-2026-0002', 2026, 2, 'x', 'x')");
  Run("INSERT INTO cases (id, org_id, person_id, number, number_year, number_seq, status, "
      "intake_channel, risk_level, risk_rank, opened_at, created_by, updated_at) VALUES "
      "('C3', 'ORG1', 'P2', 'ORG1-C-2026-0003', 2026, 3, 'open', 'hotline', 'low', 0, 'x', "
      "'U-ORG1', 'x')");
  const int64_t second = Stamp("ORG1", "P2");
  ASSERT_GT(second, 0);
  const int64_t wide = WideAt("ORG1");
  for (const char* about_her :
       {"UPDATE cases SET risk_level = 'low', risk_rank = 0 WHERE id = 'C1'",
        "INSERT INTO case_workers (case_id, user_id, assigned_at) VALUES ('C1', 'U-ORG1', 'x')",
        "UPDATE case_workers SET assigned_at = 'y' WHERE case_id = 'C1'",
        "DELETE FROM case_workers WHERE case_id = 'C1'",
        "UPDATE people SET updated_at = 'y' WHERE id = 'P1'",
        "INSERT INTO person_keys (person_id, version, wrapped, org_key_version, created_at) "
        "VALUES ('P1', 1, 'k', 1, 'x')",
        "UPDATE person_keys SET wrapped = 'l' WHERE person_id = 'P1'",
        "DELETE FROM person_keys WHERE person_id = 'P1'",
        "INSERT INTO cases (id, org_id, person_id, number, number_year, number_seq, status, "
        "intake_channel, risk_level, risk_rank, opened_at, created_by, updated_at) VALUES ('C2', "
        "'ORG1', 'P1', 'ORG1-C-2026-0002', 2026, 2, 'open', 'hotline', 'low', 0, 'x', 'U-ORG1', "
        "'x')",
        "DELETE FROM cases WHERE id = 'C2'"}) {
    const int64_t before = Generation("ORG1");
    Run(about_her);
    EXPECT_GT(Generation("ORG1"), before) << about_her;
    EXPECT_EQ(Stamp("ORG1", "P1"), Generation("ORG1")) << about_her;
    EXPECT_EQ(Stamp("ORG1", "P2"), second) << about_her;
    EXPECT_EQ(Stamp("ORG2", "P1"), -1) << about_her;
  }
  EXPECT_EQ(WideAt("ORG1"), wide);

  // A worker's name reaches every case of every organization: wide_at, and no woman's stamp.
  const int64_t first = Stamp("ORG1", "P1");
  Run("UPDATE users SET display_name = 'Renamed' WHERE id = 'U-ORG2'");
  EXPECT_EQ(WideAt("ORG1"), Generation("ORG1"));
  EXPECT_EQ(WideAt("ORG2"), Generation("ORG2"));
  EXPECT_EQ(Stamp("ORG1", "P1"), first);
  // So does a stamp taken away by hand: without it her rows would look unchanged.
  const int64_t before = Generation("ORG1");
  Run("DELETE FROM person_generations WHERE person_id = 'P2'");
  EXPECT_GT(WideAt("ORG1"), before);
  EXPECT_EQ(WideAt("ORG1"), Generation("ORG1"));
}

TEST_P(ListGenerationsTest, ChangesNoListShowsMoveNothing) {
  using Moved = std::pair<bool, bool>;
  // A signed-in worker's activity is written on every request: it must not empty the cache.
  EXPECT_EQ(Moves("UPDATE users SET last_active_at = 42 WHERE id = 'U-ORG1'"), Moved(false, false));
  EXPECT_EQ(Moves("UPDATE organizations SET name = 'Other' WHERE id = 'ORG1'"),
            Moved(false, false));
}

TEST_P(ListGenerationsTest, ANewOrganizationStartsOne) {
  Run("INSERT INTO organizations (id, slug, name, kind, region, created_at) "
      "VALUES ('ORG3', 'org-3', 'Org', 'shelter', 'KR-11', 'x')");
  EXPECT_EQ(Generation("ORG3"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ListGenerationsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         store::test_support::BackendName);

}  // namespace
}  // namespace dandelion::cases

// PostgreSQL-only behaviour: what has no SQLite counterpart. Skips without DANDELION_TEST_PG_URL.
#include "store/postgres_database.h"

#include <gtest/gtest.h>

#include "store/test_backends.h"

namespace dandelion::store {
namespace {

using test_support::Backend;
using test_support::BackendTest;

class PostgresDatabaseTest : public BackendTest {};

TEST_P(PostgresDatabaseTest, ReconnectsAfterTheServerDropsItsConnections) {
  // Touch every pooled connection so each has a backend to kill.
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(db_->Read([](Tx&) { return Ok(); }));
  ASSERT_TRUE(admin_->ExecScript(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
      "AND pid <> pg_backend_pid() AND query NOT LIKE '%pg_terminate_backend%' "
      "AND application_name = ''"));
  for (int i = 0; i < 8; ++i) {
    auto r = db_->Read([](Tx& tx) -> Result<void> {
      auto row = tx.QueryOne("SELECT 1");
      return row ? Ok() : Fail(row.error());
    });
    EXPECT_TRUE(r) << r.error().detail;
  }
}

TEST_P(PostgresDatabaseTest, RefusesToCommitAfterAFailedStatement) {
  ASSERT_TRUE(db_->ExecScript("CREATE TABLE t (id TEXT PRIMARY KEY)"));
  ASSERT_TRUE(db_->ExecScript("INSERT INTO t VALUES ('a')"));
  auto r = db_->Write([](Tx& tx) -> Result<void> {
    EXPECT_FALSE(tx.Exec("INSERT INTO t VALUES (?)", {std::string("a")}));  // ignored
    return Ok();
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

TEST_P(PostgresDatabaseTest, ReportsAnUnreachableServerAsUnavailable) {
  auto db = Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 2);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, ErrorCode::kUnavailable);
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresDatabaseTest, ::testing::Values(Backend::kPostgres),
                         test_support::BackendName);

}  // namespace
}  // namespace dandelion::store

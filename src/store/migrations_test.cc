#include "store/migrations.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "store/test_backends.h"

namespace dandelion::store {
namespace {

using test_support::Backend;
using test_support::BackendTest;

class MigrationsTest : public BackendTest {
 protected:
  bool TableExists(const std::string& name) {
    bool exists = false;
    EXPECT_TRUE(db_->Read([&](Tx& tx) -> Result<void> {
      auto row = tx.QueryOne(tx.dialect() == Dialect::kSqlite
                                 ? "SELECT 1 FROM sqlite_master WHERE name = ?"
                                 : "SELECT 1 FROM information_schema.tables WHERE table_schema = "
                                   "current_schema() AND table_name = ?",
                             {name});
      if (!row) return Fail(row.error());
      exists = row->has_value();
      return Ok();
    }));
    return exists;
  }
};

TEST_P(MigrationsTest, ReportsVersionZeroForANewDatabase) {
  auto version = SchemaVersion(*db_);
  ASSERT_TRUE(version) << version.error().detail;
  EXPECT_EQ(*version, 0);
}

TEST_P(MigrationsTest, AppliesTheEmbeddedMigrationsOnceAndIsIdempotent) {
  const auto embedded = EmbeddedMigrations(db_->dialect());
  ASSERT_FALSE(embedded.empty());
  auto first = Migrate(*db_);
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(*first, int(embedded.size()));
  EXPECT_TRUE(TableExists("kv_settings"));
  EXPECT_TRUE(TableExists("probe_writes"));
  auto second = Migrate(*db_);
  ASSERT_TRUE(second) << second.error().detail;
  EXPECT_EQ(*second, 0);
  EXPECT_EQ(*SchemaVersion(*db_), embedded.back().version);
  EXPECT_TRUE(db_->Read([](Tx& tx) -> Result<void> {
    auto row = tx.QueryOne("SELECT name, applied_at FROM schema_migrations WHERE version = 1");
    EXPECT_TRUE(row && row->has_value());
    EXPECT_EQ((*row)->Text(0), "platform");
    EXPECT_TRUE((*row)->Text(1).ends_with("Z")) << (*row)->Text(1);
    return Ok();
  }));
}

TEST_P(MigrationsTest, StopsAtAFailingMigrationAndNamesIt) {
  const Migration migrations[] = {
      {1, "good", "CREATE TABLE good (id TEXT PRIMARY KEY);"},
      {2, "bad", "CREATE TABLE half_done (id TEXT); INSERT INTO no_such_table VALUES (1);"},
      {3, "later", "CREATE TABLE later (id TEXT);"},
  };
  auto r = Migrate(*db_, migrations);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("0002_bad"), std::string::npos) << r.error().detail;
  EXPECT_EQ(*SchemaVersion(*db_), 1);
  EXPECT_TRUE(TableExists("good"));
  EXPECT_FALSE(TableExists("half_done"));
  EXPECT_FALSE(TableExists("later"));
}

TEST_P(MigrationsTest, AppliesOnlyWhatIsPendingWhenMoreAreAdded) {
  const Migration v1[] = {{1, "one", "CREATE TABLE one (id TEXT);"}};
  const Migration v2[] = {{1, "one", "CREATE TABLE one (id TEXT);"},
                          {2, "two", "CREATE TABLE two (id TEXT);"}};
  EXPECT_EQ(*Migrate(*db_, v1), 1);
  EXPECT_EQ(*Migrate(*db_, v2), 1);
  EXPECT_EQ(*SchemaVersion(*db_), 2);
}

TEST_P(MigrationsTest, TwoNodesMigratingAtOnceApplyEachMigrationOnce) {
  auto other = OpenAgain();
  ASSERT_NE(other, nullptr);
  Result<int> a = 0, b = 0;
  std::thread ta([&] { a = Migrate(*db_); });
  std::thread tb([&] { b = Migrate(*other); });
  ta.join();
  tb.join();
  ASSERT_TRUE(a) << a.error().detail;
  ASSERT_TRUE(b) << b.error().detail;
  EXPECT_EQ(*a + *b, int(EmbeddedMigrations(db_->dialect()).size()));
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         test_support::BackendName);

TEST(EmbeddedMigrationsTest, AreNumberedFromOneWithoutGapsInBothDialects) {
  for (Dialect dialect : {Dialect::kSqlite, Dialect::kPostgres}) {
    const auto migrations = EmbeddedMigrations(dialect);
    ASSERT_FALSE(migrations.empty());
    for (size_t i = 0; i < migrations.size(); ++i) {
      EXPECT_EQ(migrations[i].version, int(i) + 1);
      EXPECT_FALSE(migrations[i].sql.empty());
    }
  }
}

TEST(EmbeddedMigrationsTest, HaveTheSameNumbersAndNamesInBothDialects) {
  const auto sqlite = EmbeddedMigrations(Dialect::kSqlite);
  const auto postgres = EmbeddedMigrations(Dialect::kPostgres);
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (size_t i = 0; i < sqlite.size(); ++i) EXPECT_EQ(sqlite[i].name, postgres[i].name);
}

}  // namespace
}  // namespace dandelion::store

#include "store/backup.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "store/database.h"
#include "store/migrations.h"
#include "store/test_backends.h"

namespace dandelion::store {
namespace {

using test_support::TempDir;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenDb(path_);
    ASSERT_TRUE(Migrate(*db_));
    AddRows(*db_, 0, 2000);  // a few MB: the backup takes many steps
  }

  static std::unique_ptr<Database> OpenDb(const std::string& path) {
    auto db = Open("sqlite:" + path, 2);
    EXPECT_TRUE(db) << db.error().detail;
    return db ? std::move(*db) : nullptr;
  }

  static void AddRows(Database& db, int from, int to) {
    ASSERT_TRUE(db.Write([&](Tx& tx) -> Result<void> {
      for (int i = from; i < to; ++i) {
        auto r = tx.Exec("INSERT INTO probe_writes (id, payload, created_at) VALUES (?, ?, ?)",
                         {"row-" + std::to_string(i), std::string(1000, 'x'), std::string("t")});
        if (!r) return Fail(r.error());
      }
      return Ok();
    }));
  }

  static int64_t CountRows(Database& db) {
    int64_t count = -1;
    EXPECT_TRUE(db.Read([&](Tx& tx) -> Result<void> {
      auto row = tx.QueryOne("SELECT COUNT(*) FROM probe_writes");
      if (!row) return Fail(row.error());
      count = (*row)->Int(0);
      return Ok();
    }));
    return count;
  }

  TempDir dir_;
  std::string path_ = dir_.File("live.db");
  std::string backup_ = dir_.File("backup.db");
  std::unique_ptr<Database> db_;
};

TEST_F(BackupTest, BackupWhileAnotherThreadWritesPassesTheIntegrityCheck) {
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 2000; !stop; i += 10) AddRows(*db_, i, i + 10);
  });
  for (int round = 0; round < 3; ++round) {
    auto r = BackupSqlite(path_, backup_);
    ASSERT_TRUE(r) << r.error().detail;
  }
  stop = true;
  writer.join();
  auto copy = OpenDb(backup_);
  ASSERT_NE(copy, nullptr);
  auto check = copy->CheckIntegrity();
  EXPECT_TRUE(check) << check.error().detail;
  EXPECT_GE(CountRows(*copy), 2000);
  EXPECT_LE(CountRows(*copy), CountRows(*db_));
  EXPECT_EQ(*SchemaVersion(*copy), *SchemaVersion(*db_));
  struct stat st {};
  ASSERT_EQ(stat(backup_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(BackupTest, RestorePutsTheBackupInPlaceOfTheDatabase) {
  ASSERT_TRUE(BackupSqlite("sqlite:" + path_, backup_));
  AddRows(*db_, 2000, 2100);
  db_.reset();  // the server is stopped for a restore
  auto r = RestoreSqlite(backup_, path_);
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_FALSE(std::filesystem::exists(path_ + "-wal"));
  auto restored = OpenDb(path_);
  EXPECT_EQ(CountRows(*restored), 2000);
  EXPECT_TRUE(restored->CheckIntegrity());
}

TEST_F(BackupTest, RestoreKeepsTheReplacedDatabaseWholeBesideTheNewOne) {
  ASSERT_TRUE(BackupSqlite(path_, backup_));
  AddRows(*db_, 2000, 2100);  // in the -wal only: the server was stopped without a checkpoint
  auto r = RestoreSqlite(backup_, path_, "20261202T101500Z");
  db_.reset();
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(*r, path_ + ".replaced-20261202T101500Z");
  auto kept = OpenDb(*r);
  EXPECT_EQ(CountRows(*kept), 2100);
  EXPECT_EQ(CountRows(*OpenDb(path_)), 2000);
}

TEST_F(BackupTest, OpeningWithoutCreateRefusesAMissingFile) {
  auto db = Open("sqlite:" + dir_.File("gone.db"), 1, Create::kNo);
  ASSERT_FALSE(db);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("gone.db")));
}

TEST_F(BackupTest, BackupOfADamagedDatabaseWritesNothing) {
  db_.reset();
  {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(5 * 4096);
    const std::string garbage(4 * 4096, '\x5a');
    f.write(garbage.data(), std::streamsize(garbage.size()));
  }
  auto r = BackupSqlite(path_, backup_);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("no backup written"), std::string::npos) << r.error().detail;
  EXPECT_FALSE(std::filesystem::exists(backup_));
  EXPECT_FALSE(std::filesystem::exists(backup_ + ".tmp"));
}

TEST_F(BackupTest, RestoreRefusesACorruptFileAndLeavesTheTargetUntouched) {
  ASSERT_TRUE(BackupSqlite(path_, backup_));
  {
    std::fstream f(backup_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(3 * 4096);
    const std::string garbage(3 * 4096, '\x5a');
    f.write(garbage.data(), std::streamsize(garbage.size()));
  }
  db_.reset();
  const std::string before = ReadFile(path_);
  auto r = RestoreSqlite(backup_, path_);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("untouched"), std::string::npos) << r.error().detail;
  EXPECT_EQ(ReadFile(path_), before);
  EXPECT_FALSE(std::filesystem::exists(path_ + ".restore-tmp"));
  auto db = OpenDb(path_);
  EXPECT_EQ(CountRows(*db), 2000);
}

TEST_F(BackupTest, RestoreRefusesADatabaseThatIsNotDandelions) {
  const std::string other = dir_.File("other.db");
  ASSERT_TRUE(OpenDb(other)->ExecScript("CREATE TABLE t (x INTEGER)"));
  auto r = RestoreSqlite(other, path_);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("schema_migrations"), std::string::npos) << r.error().detail;
  EXPECT_EQ(CountRows(*db_), 2000);
}

TEST_F(BackupTest, RefusesPostgresUrlsAndPointsToPgDump) {
  auto b = BackupSqlite("postgresql://dandelion@127.0.0.1/dandelion", backup_);
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().detail.find("pg_dump"), std::string::npos);
  EXPECT_FALSE(RestoreSqlite(backup_, "postgres://dandelion@127.0.0.1/dandelion"));
}

}  // namespace
}  // namespace dandelion::store

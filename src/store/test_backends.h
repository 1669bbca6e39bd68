// TestBackend: a fresh, empty database on either backend for one test, for the shared test suite.
//
// The store tests are parameterized on Backend so both backends pass the very same cases
// (docs/architecture.md, "Rules", 4). SQLite: a new file in a new temporary directory. PostgreSQL:
// a new schema in the database named by DANDELION_TEST_PG_URL (tests skip when it is unset), made
// the search_path of every pooled connection, and dropped afterwards.
//
// Thread-safety: one per test; the Database it hands out is as thread-safe as ever.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/database.h"

namespace dandelion::store::test_support {

enum class Backend { kSqlite, kPostgres };

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

inline std::string PgTestUrl() {
  const char* url = std::getenv("DANDELION_TEST_PG_URL");
  return url != nullptr ? url : "";
}

// A directory removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "store-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres) {
      const std::string base = PgTestUrl();
      if (base.empty()) GTEST_SKIP() << "DANDELION_TEST_PG_URL is not set";
      static std::atomic<int> counter{0};
      schema_ = "store_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
      auto admin = Open(base, 2);
      ASSERT_TRUE(admin) << admin.error().detail;
      admin_ = std::move(*admin);
      ASSERT_TRUE(admin_->ExecScript("DROP SCHEMA IF EXISTS " + schema_ +
                                     " CASCADE; CREATE SCHEMA " + schema_));
      url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
             schema_;
    } else {
      url_ = "sqlite:" + dir_.File("test.db");
    }
    auto db = Open(url_, 4);
    ASSERT_TRUE(db) << db.error().detail;
    db_ = std::move(*db);
  }

  void TearDown() override {
    db_.reset();
    if (admin_) {
      auto dropped = admin_->ExecScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      EXPECT_TRUE(dropped) << dropped.error().detail;
    }
  }

  // Opens another Database on the same data, as a second server process would.
  std::unique_ptr<Database> OpenAgain() {
    auto db = Open(url_, 4);
    EXPECT_TRUE(db) << db.error().detail;
    return db ? std::move(*db) : nullptr;
  }

  TempDir dir_;
  std::string url_;
  std::string schema_;
  std::unique_ptr<Database> admin_;
  std::unique_ptr<Database> db_;
};

}  // namespace dandelion::store::test_support

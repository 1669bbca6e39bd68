// PostgreSQL-only behaviour: what has no SQLite counterpart. Skips without DANDELION_TEST_PG_URL.
#include "store/postgres_database.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "store/postgres_connection.h"
#include "store/test_backends.h"

namespace dandelion::store {
namespace {

using test_support::Backend;
using test_support::BackendTest;

class PostgresDatabaseTest : public BackendTest {};

TEST_P(PostgresDatabaseTest, ReconnectsAfterTheServerDropsItsConnections) {
  // Touch the pooled connections so each has a backend to kill.
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(db_->Read([](Tx& tx) -> Result<void> {
      TRY(tx.QueryOne("SELECT 1"));
      return Ok();
    }));
  }
  ASSERT_TRUE(admin_->ExecScript(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
      "AND pid <> pg_backend_pid() AND query NOT LIKE '%pg_terminate_backend%' "
      "AND application_name = ''"));
  // pg_terminate_backend only signals: a backend still alive would take the next transaction's
  // first statement and die under a later one (its COMMIT), where no retry is right. Wait until
  // they are gone.
  auto watcher = PostgresConnection::Connect(url_);
  ASSERT_TRUE(watcher) << watcher.error().detail;
  for (int i = 0; i < 500; ++i) {
    auto left = (*watcher)->Query(
        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
        "pg_backend_pid() AND application_name = '' AND backend_type = 'client backend'",
        {});
    ASSERT_TRUE(left) << left.error().detail;
    if ((*left)[0].Int(0) <= 1) break;  // only admin_'s own connection is left
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
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

// A write whose wait for the write lock is cancelled fails, and leaves its connection outside
// any transaction: the writes after it, on the same pooled connection, still run.
TEST_P(PostgresDatabaseTest, AWriteCancelledWhileWaitingForTheLockLeavesNoTransactionOpen) {
  auto holder = PostgresConnection::Connect(url_);
  auto canceller = PostgresConnection::Connect(url_);
  ASSERT_TRUE(holder && canceller);
  ASSERT_TRUE((*holder)->ExecScript("SELECT pg_advisory_lock(1684956268)"));
  std::thread waiting_write([&] {
    // (The lock is taken with the transaction's first statement.)
    auto r = db_->Write([](Tx& tx) -> Result<void> {
      TRY(tx.QueryOne("SELECT 1"));
      return Ok();
    });
    EXPECT_FALSE(r);
  });
  const std::string cancel_waiting_write =
      "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND "
      "query LIKE '%pg_advisory_xact_lock%'";
  bool cancelled = false;
  for (int i = 0; i < 200 && !cancelled; ++i) {
    auto rows = (*canceller)->Query(cancel_waiting_write, {});
    ASSERT_TRUE(rows) << rows.error().detail;
    cancelled = !rows->empty();
    if (!cancelled) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  waiting_write.join();
  ASSERT_TRUE(cancelled);
  ASSERT_TRUE((*holder)->ExecScript("SELECT pg_advisory_unlock(1684956268)"));
  // The pool hands out the connection released last first: the cancelled one.
  for (int i = 0; i < 4; ++i) {
    auto r = db_->Write([](Tx& tx) -> Result<void> {
      TRY(tx.QueryOne("SELECT 1"));
      return Ok();
    });
    EXPECT_TRUE(r) << r.error().detail;
  }
}

// BEGIN, and a write's lock, go out with the transaction's first statement (one round trip
// fewer): every statement still runs inside the transaction, as the kind of transaction asked,
// even after a first statement that failed before anything began.
TEST_P(PostgresDatabaseTest, ATransactionBeginsWithItsFirstStatement) {
  const std::string settings =
      "SELECT current_setting('transaction_isolation'), "
      "current_setting('transaction_read_only'), (SELECT COUNT(*) FROM pg_locks WHERE locktype "
      "= 'advisory' AND pid = pg_backend_pid()), now(), clock_timestamp()";
  auto read = db_->ReadValue([&](Tx& tx) -> Result<std::pair<Rows, Rows>> {
    Rows first = TRY(tx.Query(settings));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return std::pair(first, TRY(tx.Query(settings)));
  });
  ASSERT_TRUE(read) << read.error().detail;
  const Row& r = read->first[0];
  EXPECT_EQ(r.Text(0), "repeatable read");
  EXPECT_EQ(r.Text(1), "on");
  EXPECT_EQ(r.Int(2), 0);
  EXPECT_EQ(read->second[0].Text(3), r.Text(3));  // one transaction: its start time, twice
  EXPECT_NE(read->second[0].Text(4), r.Text(4));

  auto write = db_->WriteValue([&](Tx& tx) { return tx.Query(settings); });
  ASSERT_TRUE(write) << write.error().detail;
  EXPECT_EQ((*write)[0].Text(0), "read committed");
  EXPECT_EQ((*write)[0].Text(1), "off");
  EXPECT_EQ((*write)[0].Int(2), 1);  // the write lock

  // A first statement that fails before it is sent (PostgreSQL cannot prepare it): the
  // statement after it still begins the transaction.
  auto after_failure = db_->ReadValue([&](Tx& tx) -> Result<Rows> {
    EXPECT_FALSE(tx.Query("SELECT no_such_column FROM pg_class"));
    return tx.Query(settings);
  });
  ASSERT_TRUE(after_failure) << after_failure.error().detail;
  EXPECT_EQ((*after_failure)[0].Text(0), "repeatable read");

  // A transaction that runs no statement sends nothing and leaves nothing open.
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(db_->Write([](Tx&) { return Ok(); }));
  auto open = db_->ReadValue([](Tx& tx) -> Result<Rows> {
    return tx.Query(
        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE "
        "'idle in transaction%'");
  });
  ASSERT_TRUE(open) << open.error().detail;
  EXPECT_EQ((*open)[0].Int(0), 0);
}

TEST_P(PostgresDatabaseTest, ReportsAnUnreachableServerAsUnavailable) {
  auto db = Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 2);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, ErrorCode::kUnavailable);
}

// Statements are prepared once per connection and run by name: the same text with other
// parameter types (a null where a number was) is a statement of its own, a table changed by a
// script does not break a statement prepared before it, and past the limit statements still run.
TEST_P(PostgresDatabaseTest, PreparesEachStatementOncePerConnection) {
  auto conn = PostgresConnection::Connect(url_);
  ASSERT_TRUE(conn) << conn.error().detail;
  PostgresConnection& c = **conn;
  ASSERT_TRUE(c.ExecScript("CREATE TABLE p (id TEXT PRIMARY KEY, n INTEGER, b BYTEA)"));
  const std::string insert = "INSERT INTO p (id, n, b) VALUES (?, ?, ?)";
  ASSERT_TRUE(c.Exec(insert, {std::string("a"), int64_t{1}, Blob{std::string("\0x", 2)}}));
  ASSERT_TRUE(c.Exec(insert, {std::string("b"), int64_t{2}, nullptr}));
  ASSERT_TRUE(c.Exec(insert, {std::string("c"), nullptr, nullptr}));
  EXPECT_EQ(c.PreparedCount(), 3u);  // three signatures of one text
  for (int i = 0; i < 3; ++i) {
    auto rows = c.Query("SELECT n, b FROM p WHERE id = ?", {std::string("a")});
    ASSERT_TRUE(rows) << rows.error().detail;
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].Int(0), 1);
    EXPECT_EQ((*rows)[0].BlobBytes(1), std::string("\0x", 2));
  }
  EXPECT_EQ(c.PreparedCount(), 4u);

  // A script that changes the table's columns: the statements are forgotten and prepared anew.
  ASSERT_TRUE(c.ExecScript("ALTER TABLE p ALTER COLUMN n TYPE TEXT"));
  EXPECT_EQ(c.PreparedCount(), 0u);
  auto changed = c.Query("SELECT n, b FROM p WHERE id = ?", {std::string("b")});
  ASSERT_TRUE(changed) << changed.error().detail;
  EXPECT_EQ((*changed)[0].Text(0), "2");

  // A statement that does not prepare is an error like any other, and prepares nothing.
  auto wrong = c.Query("SELECT nope FROM p WHERE id = ?", {std::string("a")});
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kInternal);
  EXPECT_EQ(c.PreparedCount(), 1u);

  // Past the limit, distinct statements go out unnamed and still answer.
  for (size_t i = 0; i < PostgresConnection::kMaxPrepared + 5; ++i) {
    auto rows = c.Query("SELECT " + std::to_string(i) + " FROM p WHERE id = ?", {std::string("c")});
    ASSERT_TRUE(rows) << rows.error().detail;
    EXPECT_EQ((*rows)[0].Int(0), static_cast<int64_t>(i));
  }
  EXPECT_EQ(c.PreparedCount(), PostgresConnection::kMaxPrepared);
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresDatabaseTest, ::testing::Values(Backend::kPostgres),
                         test_support::BackendName);

}  // namespace
}  // namespace dandelion::store

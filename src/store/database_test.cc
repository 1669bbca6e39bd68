// The shared suite: every case runs on SQLite and, when DANDELION_TEST_PG_URL is set, PostgreSQL.
#include "store/database.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store/select.h"
#include "store/test_backends.h"

namespace dandelion::store {
namespace {

using test_support::Backend;
using test_support::BackendTest;

class DatabaseTest : public BackendTest {
 protected:
  // A table with one column of each type; BLOB is spelled per dialect.
  void CreateTables() {
    const std::string blob = db_->dialect() == Dialect::kSqlite ? "BLOB" : "BYTEA";
    ASSERT_TRUE(db_->ExecScript(
        "CREATE TABLE items (id TEXT PRIMARY KEY, n BIGINT, r DOUBLE PRECISION, t TEXT, b " + blob +
        "); CREATE TABLE counter (id INTEGER PRIMARY KEY, value BIGINT NOT NULL);"
        "INSERT INTO counter (id, value) VALUES (1, 0);"));
  }

  int64_t CountItems() {
    int64_t count = -1;
    EXPECT_TRUE(db_->Read([&](Tx& tx) -> Result<void> {
      auto row = tx.QueryOne("SELECT COUNT(*) FROM items");
      if (!row) return Fail(row.error());
      count = (*row)->Int(0);
      return Ok();
    }));
    return count;
  }
};

TEST_P(DatabaseTest, RoundTripsEveryValueType) {
  CreateTables();
  const std::string bytes("\x00\x01\xfe\xff\\x'\"", 9);
  const std::string text = "민들레 'quoted' \\ ?";
  ASSERT_TRUE(db_->Write([&](Tx& tx) -> Result<void> {
    auto a = tx.Exec("INSERT INTO items (id, n, r, t, b) VALUES (?, ?, ?, ?, ?)",
                     {std::string("a"), int64_t{-9007199254740993}, 0.1 + 0.2, text, Blob{bytes}});
    if (!a) return Fail(a.error());
    auto b = tx.Exec("INSERT INTO items (id, n, r, t, b) VALUES (?, ?, ?, ?, ?)",
                     {std::string("b"), nullptr, nullptr, nullptr, nullptr});
    if (!b) return Fail(b.error());
    return tx.Exec("INSERT INTO items (id, b) VALUES (?, ?)", {std::string("c"), Blob{}})
               ? Ok()
               : Fail(ErrorCode::kInternal, "error.internal");
  }));
  ASSERT_TRUE(db_->Read([&](Tx& tx) -> Result<void> {
    auto rows = tx.Query("SELECT id, n, r, t, b FROM items ORDER BY id");
    EXPECT_TRUE(rows) << rows.error().detail;
    EXPECT_EQ(rows->size(), 3u);
    const Row& a = (*rows)[0];
    EXPECT_EQ(a.at(0), Value(std::string("a")));
    EXPECT_EQ(a.at(1), Value(int64_t{-9007199254740993}));
    EXPECT_EQ(a.at(2), Value(0.1 + 0.2));
    EXPECT_EQ(a.at(3), Value(text));
    EXPECT_EQ(a.at(4), Value(Blob{bytes}));
    const Row& b = (*rows)[1];
    for (size_t i = 1; i < 5; ++i) EXPECT_TRUE(b.IsNull(i)) << i;
    EXPECT_EQ(b.OptText(3), std::nullopt);
    EXPECT_EQ(b.OptInt(1), std::nullopt);
    EXPECT_EQ((*rows)[2].at(4), Value(Blob{}));
    return Ok();
  }));
}

// OneOf finds exactly the rows of its values, whatever their characters: on PostgreSQL they
// travel as one array literal, whose quoting must hold.
TEST_P(DatabaseTest, OneOfFindsExactlyTheRowsOfItsValues) {
  CreateTables();
  const std::vector<std::string> ids = {"plain",       "with,comma", "with \"quote\"",
                                        "back\\slash", "{brace}",    " space ",
                                        "NULL",        "상담",       ""};
  ASSERT_TRUE(db_->Write([&](Tx& tx) -> Result<void> {
    for (const auto& id : ids) TRY(tx.Exec("INSERT INTO items (id) VALUES (?)", {id}));
    TRY(tx.Exec("INSERT INTO items (id) VALUES (?)", {std::string("not asked")}));
    return Ok();
  }));
  auto found = db_->ReadValue([&](Tx& tx) -> Result<std::vector<std::string>> {
    Params params;
    const std::string where = OneOf(db_->dialect(), "id", ids, params);
    std::vector<std::string> out;
    for (const auto& row : TRY(tx.Query("SELECT id FROM items WHERE " + where, params))) {
      out.push_back(row.Text(0));
    }
    return out;
  });
  ASSERT_TRUE(found) << found.error().detail;
  std::vector<std::string> want = ids;
  std::sort(want.begin(), want.end());
  std::sort(found->begin(), found->end());
  EXPECT_EQ(*found, want);
}

TEST_P(DatabaseTest, RollsBackWhenTheFunctionFails) {
  CreateTables();
  auto r = db_->Write([](Tx& tx) -> Result<void> {
    auto a = tx.Exec("INSERT INTO items (id) VALUES (?)", {std::string("x")});
    EXPECT_TRUE(a);
    EXPECT_EQ(*a, 1);
    return Fail(ErrorCode::kForbidden, "error.forbidden");
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(CountItems(), 0);
}

TEST_P(DatabaseTest, CommitsARecordedRefusalAndStillReturnsIt) {
  CreateTables();
  auto r = db_->Write([](Tx& tx) -> Result<void> {
    TRY(tx.Exec("INSERT INTO items (id) VALUES (?)", {std::string("attempt")}));
    return Fail(RecordedRefusal(Error{ErrorCode::kNotFound, "error.not_found"}));
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(CountItems(), 1);
}

TEST_P(DatabaseTest, ACommitThatFailsRollsBackAndTheNextWriteGoesThrough) {
  // A deferred foreign key is checked at COMMIT: the commit fails, nothing of the transaction
  // stays, and the connection is clean for the next one.
  ASSERT_TRUE(db_->ExecScript(
      "CREATE TABLE parents (id TEXT PRIMARY KEY); CREATE TABLE children (id TEXT PRIMARY KEY, "
      "parent_id TEXT REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED);"));
  auto orphan = db_->Write([](Tx& tx) -> Result<void> {
    TRY(tx.Exec("INSERT INTO children (id, parent_id) VALUES ('c1', 'nobody')"));
    return Ok();
  });
  ASSERT_FALSE(orphan);
  auto written = db_->Write([](Tx& tx) -> Result<void> {
    TRY(tx.Exec("INSERT INTO parents (id) VALUES ('p1')"));
    TRY(tx.Exec("INSERT INTO children (id, parent_id) VALUES ('c2', 'p1')"));
    return Ok();
  });
  ASSERT_TRUE(written) << written.error().detail;
  auto children = db_->ReadValue([](Tx& tx) -> Result<std::string> {
    auto rows = TRY(tx.Query("SELECT id FROM children ORDER BY id"));
    std::string ids;
    for (const auto& row : rows) ids += row.Text(0) + ";";
    return ids;
  });
  ASSERT_TRUE(children);
  EXPECT_EQ(*children, "c2;");
}

TEST_P(DatabaseTest, ReadValueAndWriteValueReturnTheFunctionsValueOrError) {
  CreateTables();
  auto written = db_->WriteValue([](Tx& tx) -> Result<int64_t> {
    return tx.Exec("INSERT INTO items (id) VALUES (?)", {std::string("a")});
  });
  ASSERT_TRUE(written);
  EXPECT_EQ(*written, 1);
  auto read = db_->ReadValue([](Tx& tx) -> Result<std::string> {
    auto rows = TRY(tx.Query("SELECT id FROM items"));
    return rows.at(0).Text(0);
  });
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, "a");
  auto refused = db_->WriteValue([](Tx& tx) -> Result<int64_t> {
    TRY(tx.Exec("INSERT INTO items (id) VALUES (?)", {std::string("b")}));
    return Fail(ErrorCode::kForbidden, "error.forbidden");
  });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(CountItems(), 1);
}

TEST_P(DatabaseTest, RollsBackWhenTheFunctionThrows) {
  CreateTables();
  EXPECT_THROW(db_->Write([](Tx& tx) -> Result<void> {
    EXPECT_TRUE(tx.Exec("INSERT INTO items (id) VALUES (?)", {std::string("x")}));
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(CountItems(), 0);
  // The writer is usable afterwards.
  EXPECT_TRUE(db_->Write([](Tx& tx) -> Result<void> {
    auto r = tx.Exec("INSERT INTO items (id) VALUES (?)", {std::string("y")});
    return r ? Ok() : Fail(r.error());
  }));
  EXPECT_EQ(CountItems(), 1);
}

TEST_P(DatabaseTest, MapsADuplicateKeyToConflict) {
  CreateTables();
  auto insert = [&] {
    return db_->Write([](Tx& tx) -> Result<void> {
      auto r = tx.Exec("INSERT INTO items (id) VALUES (?)", {std::string("dup")});
      return r ? Ok() : Fail(r.error());
    });
  };
  ASSERT_TRUE(insert());
  auto second = insert();
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_EQ(second.error().message_key, "error.conflict");
}

TEST_P(DatabaseTest, ExecManyRunsAStatementOncePerRowInOrder) {
  CreateTables();
  // More rows than PostgreSQL sends in one pipeline, and values of every type (a null where
  // another row has a number), as the transaction's first statement and after another.
  std::vector<Params> rows;
  for (int i = 0; i < 600; ++i) {
    rows.push_back({std::string("item-") + std::to_string(1000 + i),
                    i % 7 == 0 ? Value(nullptr) : Value(int64_t{i}), 0.5 * i,
                    std::string("민들레 ") + std::to_string(i),
                    Blob{std::string("\x00\x01\xfe\xff", 4)}});
  }
  ASSERT_TRUE(db_->Write([&](Tx& tx) -> Result<void> {
    TRY(tx.ExecMany("INSERT INTO items (id, n, r, t, b) VALUES (?, ?, ?, ?, ?)",
                    std::span(rows).first(300)));
    TRY(tx.Exec("UPDATE counter SET value = value + 1 WHERE id = 1"));
    TRY(tx.ExecMany("INSERT INTO items (id, n, r, t, b) VALUES (?, ?, ?, ?, ?)",
                    std::span(rows).subspan(300)));
    TRY(tx.ExecMany("INSERT INTO items (id) VALUES (?)", {}));  // nothing: nothing sent
    return Ok();
  }));
  EXPECT_EQ(CountItems(), 600);
  ASSERT_TRUE(db_->Read([&](Tx& tx) -> Result<void> {
    auto found = TRY(tx.Query("SELECT id, n, r, t, b FROM items ORDER BY id"));
    EXPECT_EQ(found.size(), 600u);
    for (size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(found[i].Text(0), std::get<std::string>(rows[i][0]));
      EXPECT_EQ(found[i].IsNull(1), i % 7 == 0);
      if (i % 7 != 0) {
        EXPECT_EQ(found[i].Int(1), static_cast<int64_t>(i));
      }
      EXPECT_EQ(found[i].Text(3), std::get<std::string>(rows[i][3]));
      EXPECT_EQ(found[i].BlobBytes(4), std::string("\x00\x01\xfe\xff", 4));
    }
    return Ok();
  }));
}

TEST_P(DatabaseTest, ExecManyStopsAtTheFirstFailureAndTheWriteLeavesNothing) {
  CreateTables();
  ASSERT_TRUE(db_->ExecScript("INSERT INTO items (id) VALUES ('taken')"));
  std::vector<Params> rows = {{std::string("a")}, {std::string("taken")}, {std::string("b")}};
  auto r = db_->Write([&](Tx& tx) -> Result<void> {
    TRY(tx.Exec("UPDATE counter SET value = value + 1 WHERE id = 1"));
    return tx.ExecMany("INSERT INTO items (id) VALUES (?)", rows);
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(CountItems(), 1);
  // Nothing of the write stayed, and the next one goes through on the same pool.
  ASSERT_TRUE(db_->Write([&](Tx& tx) -> Result<void> {
    return tx.ExecMany("INSERT INTO items (id) VALUES (?)", std::span(rows).first(1));
  }));
  EXPECT_EQ(CountItems(), 2);
  ASSERT_TRUE(db_->Read([&](Tx& tx) -> Result<void> {
    auto counter = TRY(tx.QueryOne("SELECT value FROM counter WHERE id = 1"));
    EXPECT_EQ(counter->Int(0), 0);
    return Ok();
  }));
}

TEST_P(DatabaseTest, ReportsOtherFailuresAsInternalWithDetail) {
  auto r = db_->Read([](Tx& tx) -> Result<void> {
    auto q = tx.Query("SELECT nope FROM no_such_table");
    return q ? Ok() : Fail(q.error());
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  EXPECT_NE(r.error().detail.find("no_such_table"), std::string::npos) << r.error().detail;
}

TEST_P(DatabaseTest, InsertOnConflictDoNothingSkipsADuplicate) {
  CreateTables();
  ASSERT_TRUE(db_->Write([](Tx& tx) -> Result<void> {
    auto r = tx.Exec("INSERT INTO items (id) VALUES (?)", {std::string("dup")});
    return r ? Ok() : Fail(r.error());
  }));
  // Portable code uses ON CONFLICT instead of catching the conflict mid-transaction.
  ASSERT_TRUE(db_->Write([](Tx& tx) -> Result<void> {
    auto r =
        tx.Exec("INSERT INTO items (id) VALUES (?) ON CONFLICT DO NOTHING", {std::string("dup")});
    EXPECT_TRUE(r);
    EXPECT_EQ(*r, 0);
    return Ok();
  }));
}

TEST_P(DatabaseTest, ReadTransactionsRefuseWrites) {
  CreateTables();
  auto r = db_->Read([](Tx& tx) -> Result<void> {
    auto e = tx.Exec("INSERT INTO items (id) VALUES (?)", {std::string("x")});
    return e ? Ok() : Fail(e.error());
  });
  EXPECT_FALSE(r);
  EXPECT_EQ(CountItems(), 0);
}

// ReadStatement: one SELECT with its parameters, outside a transaction; the pool's connection
// is clean after it (a transaction follows on it), and anything but a SELECT changes nothing.
TEST_P(DatabaseTest, ReadStatementRunsOneSelectAndRefusesAnythingElse) {
  CreateTables();
  ASSERT_TRUE(db_->Write([](Tx& tx) -> Result<void> {
    TRY(tx.Exec("INSERT INTO items (id, n, b) VALUES (?, ?, ?)",
                {std::string("a"), int64_t{7}, Blob{std::string("\0k", 2)}}));
    return Ok();
  }));
  for (int i = 0; i < 3; ++i) {  // the same pooled connections, again and again
    auto rows = db_->ReadStatement("SELECT n, b FROM items WHERE id = ?", {std::string("a")});
    ASSERT_TRUE(rows) << rows.error().detail;
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].Int(0), 7);
    EXPECT_EQ((*rows)[0].BlobBytes(1), std::string("\0k", 2));
    auto none = db_->ReadStatement("SELECT n FROM items WHERE id = ?", {std::string("z")});
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
    EXPECT_EQ(CountItems(), 1);  // a read transaction right after, on a clean connection
  }
  for (const char* change : {"INSERT INTO items (id) VALUES ('x')", "DELETE FROM items",
                             "WITH gone AS (DELETE FROM items RETURNING id) SELECT id FROM gone"}) {
    auto refused = db_->ReadStatement(change);
    ASSERT_FALSE(refused) << change;
    EXPECT_EQ(refused.error().code, ErrorCode::kInternal);
  }
  EXPECT_EQ(CountItems(), 1);
}

// ReadByOneStatement: a read its first statement settles runs that statement alone (PostgreSQL:
// outside a transaction, so in the server's default isolation); a second statement sends the
// whole read to Read(), one snapshot (REPEATABLE READ), even when the function made light of the
// refusal; and a change is refused as in any read.
TEST_P(DatabaseTest, ReadByOneStatementRunsAFirstStatementAloneAndTheRestInOneSnapshot) {
  CreateTables();
  ASSERT_TRUE(db_->Write([](Tx& tx) -> Result<void> {
    TRY(tx.Exec("INSERT INTO items (id, n) VALUES ('a', 7), ('b', 8)"));
    return Ok();
  }));
  const bool postgres = db_->dialect() == Dialect::kPostgres;
  const std::string isolation =
      postgres ? "SELECT current_setting('transaction_isolation'), n FROM items WHERE id = ?"
               : "SELECT 'sqlite', n FROM items WHERE id = ?";

  int runs = 0;
  auto alone = db_->ReadValueByOneStatement([&](Tx& tx) -> Result<std::string> {
    ++runs;
    auto row = TRY(tx.QueryOne(isolation, {std::string("a")}));
    return row->Text(0) + " " + std::to_string(row->Int(1));
  });
  ASSERT_TRUE(alone) << alone.error().detail;
  EXPECT_EQ(*alone, postgres ? "read committed 7" : "sqlite 7");
  EXPECT_EQ(runs, 1);

  runs = 0;
  auto both = db_->ReadValueByOneStatement([&](Tx& tx) -> Result<std::string> {
    ++runs;
    auto a = TRY(tx.QueryOne(isolation, {std::string("a")}));
    auto b = tx.QueryOne("SELECT n FROM items WHERE id = ?", {std::string("b")});
    // Made light of: the answer is set aside all the same and the read runs again.
    const int64_t n = b ? (*b)->Int(0) : -1;
    return a->Text(0) + " " + std::to_string(a->Int(1) + n);
  });
  ASSERT_TRUE(both) << both.error().detail;
  EXPECT_EQ(*both, postgres ? "repeatable read 15" : "sqlite 15");
  EXPECT_EQ(runs, postgres ? 2 : 1);

  auto change = db_->ReadByOneStatement([](Tx& tx) -> Result<void> {
    TRY(tx.Exec("INSERT INTO items (id) VALUES ('x')"));
    return Ok();
  });
  EXPECT_FALSE(change);
  EXPECT_EQ(CountItems(), 2);
}

TEST_P(DatabaseTest, KeepsQuestionMarksInsideStringLiterals) {
  ASSERT_TRUE(db_->Read([](Tx& tx) -> Result<void> {
    auto row = tx.QueryOne("SELECT 'what?' || ?", {std::string("!")});
    EXPECT_TRUE(row) << row.error().detail;
    EXPECT_EQ((*row)->Text(0), "what?!");
    auto none = tx.QueryOne("SELECT 1 WHERE 1 = 0");
    EXPECT_TRUE(none);
    EXPECT_FALSE(none->has_value());
    return Ok();
  }));
}

TEST_P(DatabaseTest, RefusesANestedWrite) {
  auto r = db_->Write([&](Tx&) -> Result<void> { return db_->Write([](Tx&) { return Ok(); }); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

TEST_P(DatabaseTest, ReadersSeeAConsistentSnapshotDuringAWrite) {
  CreateTables();
  std::atomic<bool> stop{false};
  std::atomic<int> inconsistent{0}, reads{0};
  // The writer moves one unit between two rows per transaction; the sum must always be 100.
  ASSERT_TRUE(db_->ExecScript("INSERT INTO items (id, n) VALUES ('p', 100), ('q', 0)"));
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) {
      ASSERT_TRUE(db_->Write([](Tx& tx) -> Result<void> {
        if (!tx.Exec("UPDATE items SET n = n - 1 WHERE id = 'p'"))
          return Fail(ErrorCode::kInternal, "x");
        std::this_thread::yield();
        if (!tx.Exec("UPDATE items SET n = n + 1 WHERE id = 'q'"))
          return Fail(ErrorCode::kInternal, "x");
        return Ok();
      }));
    }
    stop = true;
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        ASSERT_TRUE(db_->Read([&](Tx& tx) -> Result<void> {
          auto p = tx.QueryOne("SELECT n FROM items WHERE id = 'p'");
          std::this_thread::yield();
          auto q = tx.QueryOne("SELECT n FROM items WHERE id = 'q'");
          if (!p || !q) return Fail(ErrorCode::kInternal, "error.internal");
          if ((*p)->Int(0) + (*q)->Int(0) != 100) ++inconsistent;
          ++reads;
          return Ok();
        }));
      }
    });
  }
  writer.join();
  for (auto& t : readers) t.join();
  EXPECT_EQ(inconsistent, 0);
  EXPECT_GT(reads, 0);
}

TEST_P(DatabaseTest, ConcurrentWritersLoseNoUpdates) {
  CreateTables();
  auto other = OpenAgain();  // a second process on the same data
  ASSERT_NE(other, nullptr);
  auto bump = [](Database& db) {
    for (int i = 0; i < 50; ++i) {
      ASSERT_TRUE(db.Write([](Tx& tx) -> Result<void> {
        auto row = tx.QueryOne("SELECT value FROM counter WHERE id = 1");
        if (!row) return Fail(row.error());
        auto r = tx.Exec("UPDATE counter SET value = ? WHERE id = 1", {(*row)->Int(0) + 1});
        return r ? Ok() : Fail(r.error());
      }));
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) threads.emplace_back([&] { bump(*db_); });
  threads.emplace_back([&] { bump(*other); });
  for (auto& t : threads) t.join();
  ASSERT_TRUE(db_->Read([](Tx& tx) -> Result<void> {
    auto row = tx.QueryOne("SELECT value FROM counter WHERE id = 1");
    EXPECT_EQ((*row)->Int(0), 150);
    return Ok();
  }));
}

TEST_P(DatabaseTest, PassesItsIntegrityCheck) {
  CreateTables();
  auto r = db_->CheckIntegrity();
  EXPECT_TRUE(r) << r.error().detail;
}

TEST_P(DatabaseTest, ARememberedAnswerIsWhatTheStatementAnswersAfterEveryCommit) {
  CreateTables();
  auto value_of_counter = [&]() {
    int64_t value = -1;
    EXPECT_TRUE(db_->Read([&](Tx& tx) -> Result<void> {
      auto row = TRY(tx.QueryOneRemembered("SELECT value FROM counter WHERE id = ?", {int64_t{1}}));
      value = row ? row->Int(0) : -2;
      return Ok();
    }));
    return value;
  };
  EXPECT_EQ(value_of_counter(), 0);
  for (int64_t i = 1; i <= 3; ++i) {
    ASSERT_TRUE(db_->Write([&](Tx& tx) -> Result<void> {
      // The writer's own change is seen within its transaction: it never remembers.
      EXPECT_FALSE(tx.Remembers());
      TRY(tx.Exec("UPDATE counter SET value = ? WHERE id = 1", {i}));
      auto row = TRY(tx.QueryOneRemembered("SELECT value FROM counter WHERE id = ?", {int64_t{1}}));
      EXPECT_EQ(row->Int(0), i);
      return Ok();
    }));
    EXPECT_EQ(value_of_counter(), i);
    EXPECT_EQ(value_of_counter(), i);
  }
  // Outside a transaction, the same; anything but a SELECT is refused.
  auto outside = db_->ReadOneRemembered("SELECT value FROM counter WHERE id = ?", {int64_t{1}});
  ASSERT_TRUE(outside) << outside.error().detail;
  EXPECT_EQ((*outside)->Int(0), 3);
  auto none = db_->ReadOneRemembered("SELECT value FROM counter WHERE id = ?", {int64_t{2}});
  ASSERT_TRUE(none) << none.error().detail;
  EXPECT_FALSE(*none);
  EXPECT_FALSE(db_->ReadOneRemembered("DELETE FROM counter"));
  EXPECT_EQ(value_of_counter(), 3);
  // No row is an answer too, and another parameter another statement.
  EXPECT_TRUE(db_->Read([&](Tx& tx) -> Result<void> {
    EXPECT_FALSE(
        TRY(tx.QueryOneRemembered("SELECT value FROM counter WHERE id = ?", {int64_t{2}})));
    EXPECT_EQ(
        TRY(tx.QueryOneRemembered("SELECT value FROM counter WHERE id = ?", {int64_t{1}}))->Int(0),
        3);
    return Ok();
  }));
}

// What derive makes of a remembered answer is what it would make of the statement's answer now,
// after every commit, on every backend; no row is an answer too.
TEST_P(DatabaseTest, ADerivedAnswerFollowsTheStatementAfterEveryCommit) {
  CreateTables();
  auto derived = [&](int64_t id) {
    std::string out;
    EXPECT_TRUE(db_->Read([&](Tx& tx) -> Result<void> {
      out = TRY(tx.QueryOneRememberedAs("SELECT value FROM counter WHERE id = ?", {id}, "as text",
                                        [](const std::optional<Row>& row) {
                                          return row ? "value " + std::to_string(row->Int(0))
                                                     : std::string("none");
                                        }));
      return Ok();
    }));
    return out;
  };
  EXPECT_EQ(derived(1), "value 0");
  EXPECT_EQ(derived(2), "none");
  for (int64_t i = 1; i <= 2; ++i) {
    ASSERT_TRUE(db_->Write([&](Tx& tx) -> Result<void> {
      TRY(tx.Exec("UPDATE counter SET value = ? WHERE id = 1", {i}));
      return Ok();
    }));
    EXPECT_EQ(derived(1), "value " + std::to_string(i));
    EXPECT_EQ(derived(1), "value " + std::to_string(i));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         test_support::BackendName);

TEST(OpenTest, RefusesAnUnknownScheme) {
  auto db = Open("mysql://user:secret@host/db", 1);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().detail.find("secret"), std::string::npos);
}

TEST(OpenTest, OpensAnInMemorySqliteDatabase) {
  auto db = Open("sqlite::memory:", 2);
  ASSERT_TRUE(db) << db.error().detail;
  EXPECT_TRUE((*db)->ExecScript("CREATE TABLE t (x INTEGER)"));
  EXPECT_TRUE((*db)->Read([](Tx& tx) -> Result<void> {
    auto row = tx.QueryOne("SELECT COUNT(*) FROM t");
    EXPECT_EQ((*row)->Int(0), 0);
    return Ok();
  }));
}

// A SQLite reader remembers: random() is answered twice the same while nothing commits, and
// anew after a commit by this process's writer or by another process (here another Database on
// the same file, as `dandelion` commands run beside the server).
TEST(SqliteRememberedTest, AnAnswerIsKeptUntilAnythingCommitsFromAnywhere) {
  test_support::TempDir dir;
  const std::string url = "sqlite:" + dir.File("remembered.db");
  auto opened = Open(url, 1);  // one reader: every read below is on the same connection
  ASSERT_TRUE(opened) << opened.error().detail;
  Database& db = **opened;
  ASSERT_TRUE(db.ExecScript("CREATE TABLE t (x INTEGER)"));
  auto answer = [&](const Params& params) {
    int64_t value = 0;
    EXPECT_TRUE(db.Read([&](Tx& tx) -> Result<void> {
      EXPECT_TRUE(tx.Remembers());
      value = TRY(tx.QueryOneRemembered("SELECT random() + 0 * ?", params))->Int(0);
      return Ok();
    }));
    return value;
  };
  const int64_t first = answer({int64_t{1}});
  EXPECT_EQ(answer({int64_t{1}}), first);
  // The parameters are part of what is remembered: another value, or the same digits as text,
  // is another statement.
  const int64_t other = answer({int64_t{2}});
  EXPECT_NE(other, first);
  EXPECT_NE(answer({std::string("1")}), first);
  EXPECT_EQ(answer({int64_t{2}}), other);

  ASSERT_TRUE(db.Write([](Tx& tx) -> Result<void> {
    TRY(tx.Exec("INSERT INTO t (x) VALUES (1)"));
    return Ok();
  }));
  const int64_t after_write = answer({int64_t{1}});
  EXPECT_NE(after_write, first);
  EXPECT_EQ(answer({int64_t{1}}), after_write);

  auto elsewhere = Open(url, 1);
  ASSERT_TRUE(elsewhere) << elsewhere.error().detail;
  ASSERT_TRUE((*elsewhere)->Write([](Tx& tx) -> Result<void> {
    TRY(tx.Exec("INSERT INTO t (x) VALUES (2)"));
    return Ok();
  }));
  EXPECT_NE(answer({int64_t{1}}), after_write);

  // The same outside a transaction (the gate's session check).
  auto outside = [&] { return db.ReadOneRemembered("SELECT random()").value()->Int(0); };
  const int64_t remembered = outside();
  EXPECT_EQ(outside(), remembered);
  ASSERT_TRUE(db.Write([](Tx& tx) -> Result<void> {
    TRY(tx.Exec("INSERT INTO t (x) VALUES (3)"));
    return Ok();
  }));
  EXPECT_NE(outside(), remembered);
}

// A SQLite database in dir with one reader and table t (x INTEGER): every read is on the same
// connection, so what it remembers is seen by the next read.
std::unique_ptr<Database> OneReaderDatabase(const test_support::TempDir& dir) {
  auto opened = Open("sqlite:" + dir.File("remembered.db"), 1);
  EXPECT_TRUE(opened) << opened.error().detail;
  if (!opened) return nullptr;
  EXPECT_TRUE((*opened)->ExecScript("CREATE TABLE t (x INTEGER)"));
  return std::move(*opened);
}

// A SQLite reader derives once per remembered answer: derive runs again only after a commit,
// each name keeps its own derivation, and the plain answer of the same statement is its own.
TEST(SqliteRememberedTest, DeriveRunsOncePerRememberedAnswer) {
  test_support::TempDir dir;
  auto opened = OneReaderDatabase(dir);
  ASSERT_TRUE(opened);
  Database& db = *opened;
  ASSERT_TRUE(db.ExecScript("INSERT INTO t (x) VALUES (7)"));
  int runs = 0;
  auto derived = [&](std::string_view as, std::string prefix) {
    std::string out;
    EXPECT_TRUE(db.Read([&](Tx& tx) -> Result<void> {
      out = TRY(tx.QueryOneRememberedAs("SELECT x FROM t WHERE x > ?", {int64_t{0}}, as,
                                        [&](const std::optional<Row>& row) {
                                          ++runs;
                                          return prefix + std::to_string(row->Int(0));
                                        }));
      // The plain answer is kept apart from the derived one.
      const int64_t plain =
          TRY(tx.QueryOneRemembered("SELECT x FROM t WHERE x > ?", {int64_t{0}}))->Int(0);
      EXPECT_EQ(out, prefix + std::to_string(plain));
      return Ok();
    }));
    return out;
  };
  EXPECT_EQ(derived("a", "a"), "a7");
  EXPECT_EQ(derived("a", "a"), "a7");
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(derived("b", "b"), "b7");
  EXPECT_EQ(runs, 2);
  ASSERT_TRUE(db.Write([](Tx& tx) -> Result<void> {
    TRY(tx.Exec("UPDATE t SET x = 8"));
    return Ok();
  }));
  EXPECT_EQ(derived("a", "a"), "a8");
  EXPECT_EQ(derived("a", "a"), "a8");
  EXPECT_EQ(runs, 3);
}

// Many different parameters do not grow the memory without end, and answers stay right.
TEST(SqliteRememberedTest, ManyDifferentParametersStillGetTheirOwnAnswers) {
  test_support::TempDir dir;
  auto opened = OneReaderDatabase(dir);
  ASSERT_TRUE(opened);
  Database& db = *opened;
  for (int round = 0; round < 2; ++round) {
    EXPECT_TRUE(db.Read([&](Tx& tx) -> Result<void> {
      for (int64_t i = 0; i < 2000; ++i) {
        EXPECT_EQ(TRY(tx.QueryOneRemembered("SELECT ? * 2", {i}))->Int(0), 2 * i);
      }
      return Ok();
    }));
  }
}

// Whether a file holds bytes anywhere (false when the file does not exist).
bool FileHolds(const std::string& path, const std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return content.find(bytes) != std::string::npos;
}

TEST(SqliteScrubTest, ADeletedRowLeavesNoTraceInTheFilesOnceScrubbed) {
  test_support::TempDir dir;
  const std::string path = dir.File("scrub.db");
  auto opened = Open("sqlite:" + path, 2);
  ASSERT_TRUE(opened) << opened.error().detail;
  Database& db = **opened;
  ASSERT_TRUE(db.ExecScript("CREATE TABLE keys (id TEXT PRIMARY KEY, wrapped BLOB NOT NULL)"));
  const std::string victim = "\x01wrapped-key-of-an-erased-woman\x02\x03\x04\x05\x06\x07";
  ASSERT_TRUE(db.Write([&](Tx& tx) -> Result<void> {
    for (int i = 0; i < 300; ++i) {
      TRY(tx.Exec("INSERT INTO keys (id, wrapped) VALUES (?, ?)",
                  {"p" + std::to_string(i), Blob{std::string(48, char('a' + i % 26))}}));
    }
    TRY(tx.Exec("INSERT INTO keys (id, wrapped) VALUES ('victim', ?)", {Blob{victim}}));
    return Ok();
  }));
  ASSERT_TRUE(db.Write([&](Tx& tx) -> Result<void> {
    TRY(tx.Exec("DELETE FROM keys WHERE id = 'victim'"));
    return Ok();
  }));
  // Deleted and committed, yet still on disk: the log holds the page as it was written.
  EXPECT_TRUE(FileHolds(path, victim) || FileHolds(path + "-wal", victim));

  auto scrubbed = db.ScrubDeleted();
  ASSERT_TRUE(scrubbed) << scrubbed.error().detail;
  EXPECT_FALSE(FileHolds(path, victim));
  EXPECT_FALSE(FileHolds(path + "-wal", victim));
  EXPECT_EQ(std::filesystem::file_size(path + "-wal"), 0u);
  // The other rows are all still there.
  EXPECT_TRUE(db.Read([](Tx& tx) -> Result<void> {
    auto row = TRY(tx.QueryOne("SELECT COUNT(*) FROM keys"));
    EXPECT_EQ(row->Int(0), 300);
    return Ok();
  }));
}

TEST(SqliteScrubTest, AReaderOnAnOlderSnapshotPutsTheScrubOffWithoutHoldingWritesLong) {
  test_support::TempDir dir;
  auto opened = Open("sqlite:" + dir.File("scrub.db"), 2);
  ASSERT_TRUE(opened) << opened.error().detail;
  Database& db = **opened;
  ASSERT_TRUE(db.ExecScript("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)"));
  std::atomic<bool> reading{false};
  std::atomic<bool> release{false};
  std::thread reader([&] {
    EXPECT_TRUE(db.Read([&](Tx& tx) -> Result<void> {
      TRY(tx.QueryOne("SELECT COUNT(*) FROM t"));  // the snapshot is taken here
      reading = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return Ok();
    }));
  });
  while (!reading) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_TRUE(db.Write([](Tx& tx) -> Result<void> {
    TRY(tx.Exec("INSERT INTO t VALUES (2)"));
    return Ok();
  }));
  const auto start = std::chrono::steady_clock::now();
  auto put_off = db.ScrubDeleted();
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(put_off);
  EXPECT_EQ(put_off.error().code, ErrorCode::kUnavailable);
  EXPECT_LT(waited, std::chrono::seconds(2));  // not the 5 s a write would wait for a lock
  release = true;
  reader.join();
  auto scrubbed = db.ScrubDeleted();
  EXPECT_TRUE(scrubbed) << scrubbed.error().detail;
}

}  // namespace
}  // namespace dandelion::store

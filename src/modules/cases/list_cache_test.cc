// The lists a case worker reads again and again come from ListCache while nothing they show has
// changed, and never once something has: through the services, or behind them (another process,
// an operator's hand), an erasure included.
#include "modules/cases/list_cache.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "modules/cases/kept_rows_test_world.h"

namespace dandelion::cases {
namespace {

class ListCacheTest : public KeptRowsTest {
 protected:
  // Her caseload as she reads it.
  Case Caseload() {
    auto listed = testing::Must(cases_->List(worker_, {.status = "open", .assigned_to_me = true}));
    EXPECT_EQ(listed.value.size(), 1u);
    return listed.value.empty() ? Case{} : listed.value.front();
  }

  ListCache::Counts Counts() { return cases_->listed_rows().Count(); }
};

TEST_F(ListCacheTest, AListIsReadOnceUntilSomethingItShowsChanges) {
  EXPECT_EQ(Caseload().risk_level, "high");
  EXPECT_EQ(Counts().misses, 1);
  EXPECT_EQ(Caseload().person.legal_name, "김민지");  // opened afresh from the kept rows
  EXPECT_EQ(Counts().hits, 1);
  EXPECT_EQ(Counts().entries, 1u);

  // Through the services: the case, its workers, her person.
  CaseFields lower;
  lower.risk_level = "medium";
  ASSERT_TRUE(cases_->Update(worker_, case_, lower));
  EXPECT_EQ(Caseload().risk_level, "medium");
  ASSERT_TRUE(cases_->Assign(supervisor_, case_, {worker_.user_id, colleague_.user_id}));
  EXPECT_EQ(Caseload().assigned.size(), 2u);
  people::PersonFields renamed;
  renamed.legal_name = "김민서";
  ASSERT_TRUE(people_->Update(worker_, person_, renamed));
  EXPECT_EQ(Caseload().person.legal_name, "김민서");
  EXPECT_EQ(Counts().hits, 1);

  // Behind them.
  Behind("UPDATE users SET display_name = '박상담' WHERE id = '" + colleague_.user_id + "'");
  bool renamed_colleague = false;
  for (const auto& w : Caseload().assigned) renamed_colleague |= w.display_name == "박상담";
  EXPECT_TRUE(renamed_colleague);
  Behind("UPDATE cases SET risk_level = 'critical', risk_rank = 3 WHERE id = '" + case_ + "'");
  EXPECT_EQ(Caseload().risk_level, "critical");
  EXPECT_EQ(Counts().hits, 1);
  EXPECT_EQ(Counts().misses, 6);

  // Her own activity, written on every request, leaves the kept rows in use.
  Behind("UPDATE users SET last_active_at = last_active_at + 1 WHERE id = '" + worker_.user_id +
         "'");
  EXPECT_EQ(Caseload().risk_level, "critical");
  EXPECT_EQ(Counts().hits, 2);
  // Only the latest rows of a list are kept.
  EXPECT_EQ(Counts().entries, 1u);
}

TEST_F(ListCacheTest, AnotherOrganizationsChangesLeaveTheListInUse) {
  const std::string other_org = AddOrg("busan1-center");
  const security::Actor elsewhere = AddUser(other_org, "busan", "case_worker");
  Caseload();
  OpenCase(elsewhere, Register(elsewhere, "최수진"), "low", "상담");
  Caseload();
  EXPECT_EQ(Counts().hits, 1);
}

TEST_F(ListCacheTest, ErasedWomenLeaveNoListBehind) {
  Caseload();
  ASSERT_EQ(Counts().entries, 1u);
  ASSERT_TRUE(people_->Erase(supervisor_, person_, "본인 요청"));
  // The server forgets every kept list when an erasure commits (app/serve.cc); without that,
  // the next read or sweep lets go of them, and none is ever shown again.
  auto listed = testing::Must(cases_->List(worker_, {.status = "open", .assigned_to_me = true}));
  EXPECT_TRUE(listed.value.empty());
  EXPECT_EQ(Counts().hits, 0);
  cases_->listed_rows().Forget();
  EXPECT_EQ(Counts().entries, 0u);
  EXPECT_EQ(Counts().bytes, 0u);
}

// A list read on a snapshot from before an erasure may hold her wrapped key: once the erasure
// has made the cache forget, that read must not put its rows back.
TEST_F(ListCacheTest, AListReadBeforeAnErasureIsNotKeptAfterIt) {
  const case_repo::ListFilter f{.org_id = org_, .status = "open", .assigned_to = worker_.user_id};
  auto read_keeping = [&](ListCache& cache, bool erased_meanwhile) {
    ASSERT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
      const ListCache::Looked looked = TRY(cache.Look(tx, f));
      EXPECT_EQ(looked.rows, nullptr);
      auto rows = std::make_shared<ListedRows>();
      rows->cases = TRY(case_repo::List(tx, f));
      EXPECT_EQ(rows->cases.size(), 1u);
      if (erased_meanwhile) cache.Forget();
      cache.Keep(looked, rows);
      return Ok();
    }));
  };
  ListCache cache(*keyring_);
  read_keeping(cache, /*erased_meanwhile=*/true);
  EXPECT_EQ(cache.Count().entries, 0u);
  read_keeping(cache, /*erased_meanwhile=*/false);
  EXPECT_EQ(cache.Count().entries, 1u);
}

TEST_F(ListCacheTest, TheSweepLetsGoOfWhatAnotherProcessChanged) {
  Caseload();
  ASSERT_TRUE(cases_->List(supervisor_, {.status = "open"}));
  ASSERT_EQ(Counts().entries, 2u);
  EXPECT_EQ(testing::Must(cases_->listed_rows().Sweep(*db_)), 0);
  EXPECT_EQ(Counts().entries, 2u);
  Behind("DELETE FROM person_keys WHERE person_id = '" + person_ + "'");
  EXPECT_EQ(testing::Must(cases_->listed_rows().Sweep(*db_)), 2);
  EXPECT_EQ(Counts().entries, 0u);
  EXPECT_EQ(Counts().bytes, 0u);
}

// Each listed woman's key is kept unwrapped beside her rows, counted at its locked page, and goes
// with them.
TEST_F(ListCacheTest, HerKeyIsKeptWithHerRowsAndGoesWithThem) {
  ListCache cache(*keyring_);
  const case_repo::ListFilter f{.org_id = org_, .status = "open", .assigned_to = worker_.user_id};
  auto read = [&] {
    return testing::Must(db_->ReadValue([&](store::Tx& tx) { return cache.Read(tx, f); }));
  };
  const std::shared_ptr<const ListedRows> first = read();
  ASSERT_EQ(first->cases.size(), 1u);
  ASSERT_EQ(first->keys.count(person_), 1u);
  // Her card holds her name; the three fields it holds are left unread beside it.
  EXPECT_EQ(testing::Must(first->keys.at(person_).OpenCard(first->cases[0].card)).legal_name,
            "김민지");
  EXPECT_EQ(first->cases[0].legal_name, "");
  EXPECT_GE(cache.Count().bytes, ListCache::kKeyBytes);
  EXPECT_EQ(cache.Count().keys, 1u);
  EXPECT_EQ(read(), first);  // the same rows and keys, not unwrapped again
  cache.Forget();
  EXPECT_EQ(cache.Count().bytes, 0u);
  EXPECT_EQ(cache.Count().keys, 0u);
  EXPECT_NE(read(), first);
}

// Days without contact count back from the second of the read: such a list never comes twice.
// Her key, not kept, is unwrapped from the list's row.
TEST_F(ListCacheTest, AListByDaysWithoutContactIsNotKept) {
  auto quiet = [&] {
    auto listed = cases_->List(worker_, {.status = "open", .no_contact_days = 1});
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->value.size(), 1u);
    EXPECT_EQ(listed->value[0].person.legal_name, "김민지");
  };
  clock_.Advance(std::chrono::hours(48));
  quiet();
  clock_.Advance(std::chrono::seconds(1));
  quiet();
  EXPECT_EQ(Counts().entries, 0u);
  EXPECT_EQ(Counts().misses, 0);  // not even looked for
}

TEST_F(ListCacheTest, ItKeepsWithinItsBytesTheMostRecentlyRead) {
  Caseload();
  const size_t one = Counts().bytes;  // a list of her one case
  ASSERT_GT(one, 500u);
  // Room for one such list, not two: the second list read pushes the first out.
  ListCache small(*keyring_, one * 3 / 2);
  auto read = [&](ListCache& cache, const std::string& assigned_to) {
    case_repo::ListFilter f{.org_id = org_, .status = "open", .assigned_to = assigned_to};
    return testing::Must(db_->ReadValue([&](store::Tx& tx) { return cache.Read(tx, f); }));
  };
  EXPECT_EQ(read(small, worker_.user_id)->cases.size(), 1u);
  EXPECT_EQ(small.Count().entries, 1u);
  EXPECT_EQ(read(small, "")->cases.size(), 1u);
  EXPECT_EQ(small.Count().entries, 1u);
  EXPECT_LE(small.Count().bytes, one * 3 / 2);
  read(small, "");
  EXPECT_EQ(small.Count().hits, 1);
  read(small, worker_.user_id);
  EXPECT_EQ(small.Count().hits, 1);  // pushed out: read afresh
  // A list larger than the whole cache is shown, not kept.
  ListCache tiny(*keyring_, one / 2);
  EXPECT_EQ(read(tiny, worker_.user_id)->cases.size(), 1u);
  EXPECT_EQ(tiny.Count().entries, 0u);
}

}  // namespace
}  // namespace dandelion::cases

// A case read again comes from CaseCache's packed rows while nothing it shows has changed, and
// never once something has: through the services or behind them (another process, an operator's
// hand), an erasure included. Access is decided for each reader, whoever read the case first.
#include "modules/cases/case_cache.h"

#include <gtest/gtest.h>

#include <string>

#include "core/ids.h"
#include "modules/cases/kept_rows_test_world.h"

namespace dandelion::cases {
namespace {

class CaseCacheTest : public KeptRowsTest {
 protected:
  Case Read(const security::Actor& reader) {
    auto read = cases_->Get(reader, case_);
    EXPECT_TRUE(read) << (read ? "" : read.error().message_key);
    return read ? read->value : Case{};
  }

  CaseCache::Counts Counts() { return cases_->kept_cases().Count(); }
};

TEST_F(CaseCacheTest, ACaseIsReadOnceUntilSomethingItShowsChanges) {
  EXPECT_EQ(Read(worker_).summary, "선불금 채무");
  EXPECT_EQ(Counts().misses, 1);
  const Case again = Read(worker_);  // her fields opened afresh from the kept rows
  EXPECT_EQ(again.person.legal_name, "김민지");
  EXPECT_EQ(again.summary, "선불금 채무");
  EXPECT_EQ(Counts().hits, 1);
  EXPECT_EQ(Counts().entries, 1u);

  // Through the services: the case, its workers, her person.
  CaseFields lower;
  lower.risk_level = "medium";
  lower.summary = "채무 정리 중";
  ASSERT_TRUE(cases_->Update(worker_, case_, lower));
  EXPECT_EQ(Read(worker_).summary, "채무 정리 중");
  ASSERT_TRUE(cases_->Assign(supervisor_, case_, {worker_.user_id, colleague_.user_id}));
  EXPECT_EQ(Read(worker_).assigned.size(), 2u);
  people::PersonFields renamed;
  renamed.legal_name = "김민서";
  ASSERT_TRUE(people_->Update(worker_, person_, renamed));
  EXPECT_EQ(Read(worker_).person.legal_name, "김민서");
  EXPECT_EQ(Counts().hits, 1);

  // Behind them.
  Behind("UPDATE users SET display_name = '박상담' WHERE id = '" + colleague_.user_id + "'");
  bool renamed_colleague = false;
  for (const auto& w : Read(worker_).assigned) renamed_colleague |= w.display_name == "박상담";
  EXPECT_TRUE(renamed_colleague);
  Behind("UPDATE cases SET risk_level = 'critical', risk_rank = 3 WHERE id = '" + case_ + "'");
  EXPECT_EQ(Read(worker_).risk_level, "critical");
  EXPECT_EQ(Counts().hits, 1);

  // Her own activity, written on every request, leaves the kept rows in use.
  Behind("UPDATE users SET last_active_at = last_active_at + 1 WHERE id = '" + worker_.user_id +
         "'");
  EXPECT_EQ(Read(worker_).risk_level, "critical");
  EXPECT_EQ(Counts().hits, 2);
  EXPECT_EQ(Counts().entries, 1u);
}

TEST_F(CaseCacheTest, AChangeToAnotherWomansCaseLeavesHersKept) {
  CaseCache& kept = cases_->kept_cases();
  EXPECT_EQ(testing::Must(kept.Sweep(*db_)), 0);  // the sweep learns where the organization is
  Read(worker_);
  ASSERT_EQ(Counts().entries, 1u);

  // Another woman of the organization: registered, a case opened and changed, through the
  // services and behind them.
  const std::string other_case = OpenCase(worker_, Register(worker_, "이서연"), "low", "주거 지원");
  CaseFields higher;
  higher.risk_level = "medium";
  ASSERT_TRUE(cases_->Update(worker_, other_case, higher));
  ASSERT_TRUE(cases_->Assign(supervisor_, other_case, {colleague_.user_id}));
  Behind("UPDATE cases SET risk_level = 'critical', risk_rank = 3 WHERE id = '" + other_case + "'");
  EXPECT_EQ(Read(worker_).summary, "선불금 채무");
  EXPECT_EQ(Counts().hits, 1);
  EXPECT_EQ(testing::Must(kept.Sweep(*db_)), 0);
  EXPECT_EQ(Counts().entries, 1u);

  // A worker's name reaches every case: read afresh.
  Behind("UPDATE users SET display_name = '박상담' WHERE id = '" + colleague_.user_id + "'");
  Read(worker_);
  EXPECT_EQ(Counts().hits, 1);
  EXPECT_EQ(Read(worker_).summary, "선불금 채무");
  EXPECT_EQ(Counts().hits, 2);

  // A second case of hers changes what a read of the first shows (her other cases): read afresh,
  // and the sweep lets go of it.
  OpenCase(worker_, person_, "low", "주거 지원");
  EXPECT_EQ(testing::Must(kept.Sweep(*db_)), 1);
  EXPECT_EQ(Counts().entries, 0u);
  Read(worker_);
  EXPECT_EQ(Counts().hits, 2);
}

TEST_F(CaseCacheTest, EachReaderIsDecidedForAfreshFromTheKeptRows) {
  EXPECT_EQ(Read(worker_).access, "assigned");
  EXPECT_EQ(Read(colleague_).access, "organization");
  EXPECT_EQ(Read(supervisor_).access, "supervisor");
  EXPECT_EQ(Counts().hits, 2);
  // Restricted behind the services: the kept rows are not used, and the colleague is refused.
  Behind("UPDATE cases SET restricted = 1 WHERE id = '" + case_ + "'");
  auto refused = cases_->Get(colleague_, case_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message_key, "cases.break_glass_required");
  EXPECT_EQ(Read(worker_).access, "assigned");
  // Another organization's reader finds nothing, kept or not.
  const security::Actor elsewhere = AddUser(AddOrg("busan1-center"), "busan", "case_worker");
  auto unknown = cases_->Get(elsewhere, case_);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_F(CaseCacheTest, AnErasedWomansCaseIsNotShownAgainNorKept) {
  Read(worker_);
  ASSERT_EQ(Counts().entries, 1u);
  ASSERT_TRUE(people_->Erase(supervisor_, person_, "본인 요청"));
  // The server forgets every kept case when an erasure commits (app/serve.cc); without that,
  // the generation already keeps it from being shown.
  auto gone = cases_->Get(worker_, case_);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  cases_->kept_cases().Forget();
  EXPECT_EQ(Counts().entries, 0u);
  EXPECT_EQ(Counts().bytes, 0u);
}

TEST_F(CaseCacheTest, TheSweepLetsGoOfWhatAnotherProcessChanged) {
  Read(worker_);
  ASSERT_EQ(Counts().entries, 1u);
  EXPECT_EQ(testing::Must(cases_->kept_cases().Sweep(*db_)), 0);
  Behind("DELETE FROM person_keys WHERE person_id = '" + person_ + "'");
  EXPECT_EQ(testing::Must(cases_->kept_cases().Sweep(*db_)), 1);
  EXPECT_EQ(Counts().entries, 0u);
  EXPECT_EQ(Counts().bytes, 0u);
}

TEST_F(CaseCacheTest, ItKeepsWithinItsBytesTheMostRecentlyRead) {
  const std::string second = OpenCase(worker_, person_, "low", "두 번째");
  auto read = [&](CaseCache& cache, const std::string& id) {
    return testing::Must(
        db_->ReadValue([&](store::Tx& tx) { return cache.Read(tx, id, worker_); }));
  };
  CaseCache measure;
  ASSERT_TRUE(read(measure, case_));
  const size_t one = measure.Count().bytes;
  ASSERT_GT(one, 300u);
  // Room for one case, not two: the second read pushes the first out.
  CaseCache small(one * 3 / 2);
  EXPECT_EQ(read(small, case_)->listed.c.id, case_);
  EXPECT_EQ(read(small, second)->listed.c.id, second);
  EXPECT_EQ(small.Count().entries, 1u);
  read(small, second);
  EXPECT_EQ(small.Count().hits, 1);
  read(small, case_);
  EXPECT_EQ(small.Count().hits, 1);    // pushed out: read afresh
  EXPECT_FALSE(read(small, NewId()));  // nothing to keep
  EXPECT_EQ(small.Count().entries, 1u);
}

TEST(CaseCachePackTest, EveryMemberComesBackAsItWasPacked) {
  case_repo::CaseForCaller rows;
  case_repo::StoredCase& c = rows.listed.c;
  int n = 0;
  for (std::string* s : {&c.id,
                         &c.org_id,
                         &c.person_id,
                         &c.number,
                         &c.status,
                         &c.intake_channel,
                         &c.situation,
                         &c.risk_level,
                         &c.summary,
                         &c.safety_plan,
                         &c.opened_at,
                         &c.closed_at,
                         &c.closure_reason,
                         &c.closure_note,
                         &c.reopen_reason,
                         &c.last_contact_at,
                         &c.created_by,
                         &c.updated_at,
                         &rows.listed.person_code,
                         &rows.listed.legal_name,
                         &rows.listed.alias,
                         &rows.listed.safe_contact,
                         &rows.listed.card}) {
    ++n;
    *s = "value " + std::to_string(n) + std::string(static_cast<size_t>(n * 7), '\xef');
  }
  c.summary += std::string("\0sealed\0", 8);  // sealed fields are bytes, zeros included
  c.number_year = 2026;
  c.number_seq = -3;
  c.restricted = true;
  rows.listed.person_erased = true;
  rows.listed.key = people::person_repo::StoredPersonKey{
      .version = 4, .wrapped = std::string(72, '\x01'), .org_key_version = 1LL << 40};
  rows.listed.person_restricted = false;
  rows.workers = {{"u1", "김상담"}, {"u2", ""}};
  rows.generation = 123456789;
  rows.assigned = true;  // not packed: decided for each reader

  const std::string packed = CaseCache::Pack(rows);
  const case_repo::CaseForCaller back = testing::Must(CaseCache::Unpack(packed));
  const case_repo::StoredCase& b = back.listed.c;
  EXPECT_EQ(b.id, c.id);
  EXPECT_EQ(b.org_id, c.org_id);
  EXPECT_EQ(b.person_id, c.person_id);
  EXPECT_EQ(b.number, c.number);
  EXPECT_EQ(b.number_year, 2026);
  EXPECT_EQ(b.number_seq, -3);
  EXPECT_EQ(b.status, c.status);
  EXPECT_EQ(b.intake_channel, c.intake_channel);
  EXPECT_EQ(b.situation, c.situation);
  EXPECT_EQ(b.risk_level, c.risk_level);
  EXPECT_EQ(b.summary, c.summary);
  EXPECT_EQ(b.safety_plan, c.safety_plan);
  EXPECT_TRUE(b.restricted);
  EXPECT_EQ(b.opened_at, c.opened_at);
  EXPECT_EQ(b.closed_at, c.closed_at);
  EXPECT_EQ(b.closure_reason, c.closure_reason);
  EXPECT_EQ(b.closure_note, c.closure_note);
  EXPECT_EQ(b.reopen_reason, c.reopen_reason);
  EXPECT_EQ(b.last_contact_at, c.last_contact_at);
  EXPECT_EQ(b.created_by, c.created_by);
  EXPECT_EQ(b.updated_at, c.updated_at);
  EXPECT_TRUE(back.listed.person_erased);
  EXPECT_EQ(back.listed.person_code, rows.listed.person_code);
  EXPECT_EQ(back.listed.legal_name, rows.listed.legal_name);
  EXPECT_EQ(back.listed.alias, rows.listed.alias);
  EXPECT_EQ(back.listed.safe_contact, rows.listed.safe_contact);
  EXPECT_EQ(back.listed.card, rows.listed.card);
  ASSERT_TRUE(back.listed.key);
  EXPECT_EQ(back.listed.key->version, 4);
  EXPECT_EQ(back.listed.key->wrapped, rows.listed.key->wrapped);
  EXPECT_EQ(back.listed.key->org_key_version, 1LL << 40);
  EXPECT_EQ(back.listed.person_restricted, std::optional<bool>(false));
  EXPECT_EQ(back.workers, rows.workers);
  EXPECT_EQ(back.generation, std::optional<int64_t>(123456789));
  EXPECT_FALSE(back.assigned);
  EXPECT_FALSE(back.session);

  // Absent optionals stay absent.
  rows.listed.key.reset();
  rows.listed.person_restricted.reset();
  rows.generation.reset();
  const case_repo::CaseForCaller bare = testing::Must(CaseCache::Unpack(CaseCache::Pack(rows)));
  EXPECT_FALSE(bare.listed.key);
  EXPECT_FALSE(bare.listed.person_restricted);
  EXPECT_FALSE(bare.generation);

  // A buffer cut short, or with bytes after its end, is refused.
  EXPECT_FALSE(CaseCache::Unpack(std::string_view(packed).substr(0, packed.size() - 1)));
  EXPECT_FALSE(CaseCache::Unpack(packed + "x"));
}

}  // namespace
}  // namespace dandelion::cases

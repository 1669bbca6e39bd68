// The restricted-person decision against a real (SQLite) database, and the people service's
// use of it: who reaches a woman with a restricted case, what a refusal names, and that a
// refused read, change or search shows and changes nothing of her.
#include "modules/access/person_access.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "modules/cases/case_service.h"
#include "modules/people/people_service.h"
#include "testing/test_world.h"

namespace dandelion::access {
namespace {

using testing::At;

class PersonAccessTest : public testing::WorldTest {
 protected:
  PersonAccessTest() : WorldTest({.start = At("2026-03-02T09:00:00Z")}) {}

  void SetUp() override {
    WorldTest::SetUp();
    org_ = AddOrg("seoul1-center");
    opener_ = AddUser(org_, "opener", "case_worker");
    sibling_worker_ = AddUser(org_, "sibling", "case_worker");
    stranger_ = AddUser(org_, "stranger", "case_worker");
    supervisor_ = AddUser(org_, "super", "supervisor");
    people::PersonFields minji;
    minji.legal_name = "김민지";
    minji.phone = "010-1234-5678";
    minji.safe_contact = "문자 남기지 말 것";
    person_id_ = testing::Must(people_->Create(opener_, minji)).id;
  }

  std::string OpenCase(const security::Actor& by, bool restricted) {
    cases::CaseFields f;
    f.person_id = person_id_;
    f.intake_channel = "hotline";
    f.risk_level = "high";
    f.summary = "요약";
    f.restricted = restricted;
    return testing::Must(cases_->Open(by, f)).id;
  }

  PersonDecision Decide(const security::Actor& actor) {
    PersonDecision out;
    testing::Must(db_->Read([&](store::Tx& tx) -> Result<void> {
      auto d = DecidePersonAccess(tx, actor, person_id_, clock_.Now());
      if (!d) return Fail(d.error());
      out = std::move(*d);
      return Ok();
    }));
    return out;
  }

  std::string LastOutcome(const std::string& action) {
    auto entries = AuditOf(action);
    return entries.empty() ? "" : entries.front().outcome;
  }

  std::string org_, person_id_;
  security::Actor opener_, sibling_worker_, stranger_, supervisor_;
};

TEST_F(PersonAccessTest, AWomanWithoutARestrictedCaseIsOpenToHerOrganization) {
  OpenCase(opener_, false);
  PersonDecision d = Decide(stranger_);
  EXPECT_TRUE(d.allowed);
  EXPECT_FALSE(d.restricted);
  EXPECT_EQ(d.access, PersonAccess::kOrganization);
  EXPECT_EQ(d.Outcome(), "ok");
}

TEST_F(PersonAccessTest, ARestrictedCaseClosesHerToWhoeverIsNotHers) {
  OpenCase(sibling_worker_, false);
  const std::string first = OpenCase(opener_, true);
  clock_.Advance(std::chrono::hours(1));
  const std::string second = OpenCase(opener_, true);
  PersonDecision d = Decide(stranger_);
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.restricted);
  EXPECT_EQ(d.Outcome(), "break_glass_required");
  EXPECT_EQ(d.restricted_cases, (std::vector<std::string>{second, first}));  // newest first
  Error e = Refusal(d);
  EXPECT_EQ(e.code, ErrorCode::kBreakGlassRequired);
  EXPECT_EQ(e.message_key, "people.break_glass_required");
  EXPECT_EQ(e.refs.at(std::string(kBreakGlassCases)), (std::vector<std::string>{second, first}));

  EXPECT_EQ(Decide(opener_).access, PersonAccess::kAssigned);
  EXPECT_EQ(Decide(sibling_worker_).access, PersonAccess::kAssigned);  // her other case's worker
  EXPECT_EQ(Decide(supervisor_).access, PersonAccess::kSupervisor);
}

TEST_F(PersonAccessTest, AClosedRestrictedCaseStillCloses) {
  const std::string c = OpenCase(opener_, true);
  ASSERT_TRUE(cases_->Close(opener_, c, "goals_met", ""));
  EXPECT_FALSE(Decide(stranger_).allowed);
}

TEST_F(PersonAccessTest, ABreakGlassGrantOpensHerForEightHours) {
  const std::string c = OpenCase(opener_, true);
  ASSERT_TRUE(cases_->BreakGlass(stranger_, c, "야간 긴급 상담"));
  PersonDecision d = Decide(stranger_);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.access, PersonAccess::kBreakGlass);
  EXPECT_EQ(d.Outcome(), "break_glass");
  clock_.Advance(std::chrono::hours(8));
  EXPECT_FALSE(Decide(stranger_).allowed);
}

TEST_F(PersonAccessTest, LiftingTheRestrictionOpensHerAgain) {
  const std::string c = OpenCase(opener_, true);
  EXPECT_FALSE(Decide(stranger_).allowed);
  ASSERT_TRUE(cases_->Restrict(supervisor_, c, false));
  EXPECT_TRUE(Decide(stranger_).allowed);
}

TEST_F(PersonAccessTest, ARefusedReadChangeOrCaseShowsAndChangesNothing) {
  OpenCase(opener_, true);
  auto read = people_->Get(stranger_, person_id_);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kBreakGlassRequired);
  EXPECT_EQ(LastOutcome("person.read"), "break_glass_required");

  people::PersonFields change;
  change.safe_contact = "아무 때나 전화";
  auto changed = people_->Update(stranger_, person_id_, change);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, ErrorCode::kBreakGlassRequired);
  EXPECT_EQ(LastOutcome("person.update"), "break_glass_required");
  auto mine = people_->Get(opener_, person_id_);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->value.safe_contact, "문자 남기지 말 것");
  EXPECT_TRUE(mine->value.restricted);
  EXPECT_EQ(mine->value.access, "assigned");

  // Opening a case would make her the stranger's: refused, nothing opened.
  cases::CaseFields f;
  f.person_id = person_id_;
  f.intake_channel = "hotline";
  f.risk_level = "low";
  f.summary = "x";
  auto opened = cases_->Open(stranger_, f);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kBreakGlassRequired);
  auto listed = cases_->List(stranger_, {.person_id = person_id_});
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->value.size(), 1u);
  EXPECT_EQ(listed->value[0].person.id, "");  // listed as person = null
}

TEST_F(PersonAccessTest, SearchShowsARestrictedMatchAsAStub) {
  OpenCase(opener_, true);
  for (auto key : {people::PersonQuery::Key::kName, people::PersonQuery::Key::kPhone}) {
    people::PersonQuery q{
        .key = key, .value = key == people::PersonQuery::Key::kName ? "김민지" : "01012345678"};
    auto found = people_->Search(stranger_, q);
    ASSERT_TRUE(found) << found.error().detail;
    ASSERT_EQ(found->value.size(), 1u);
    const people::Person& p = found->value[0];
    EXPECT_TRUE(p.hidden);
    EXPECT_TRUE(p.restricted);
    EXPECT_EQ(p.id, person_id_);
    EXPECT_FALSE(p.code.empty());
    EXPECT_EQ(p.legal_name, "");
    EXPECT_EQ(p.phone, "");
    EXPECT_EQ(p.safe_contact, "");
    // The match is on record before the list is answered (the list's own entry travels with it).
    EXPECT_EQ(LastOutcome("person.search"), "break_glass_required");
  }
  auto by_supervisor =
      people_->Search(supervisor_, {.key = people::PersonQuery::Key::kName, .value = "김민지"});
  ASSERT_TRUE(by_supervisor);
  ASSERT_EQ(by_supervisor->value.size(), 1u);
  EXPECT_FALSE(by_supervisor->value[0].hidden);
  EXPECT_EQ(by_supervisor->value[0].legal_name, "김민지");
}

}  // namespace
}  // namespace dandelion::access

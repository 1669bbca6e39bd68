// The restricted-person decision against a real (SQLite) database, and the people service's
// use of it: who reaches a woman with a restricted case, what a refusal names, and that a
// refused read, change or search shows and changes nothing of her.
#include "modules/access/person_access.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/ids.h"
#include "modules/cases/case_service.h"
#include "modules/network/org_service.h"
#include "modules/people/people_service.h"
#include "security/sodium_init.h"
#include "store/migrations.h"

namespace dandelion::access {
namespace {

TimePoint At(const char* rfc3339) {
  TimePoint t{};
  EXPECT_TRUE(ParseRfc3339(rfc3339, &t));
  return t;
}

class PersonAccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    security::EnsureSodium();
    auto db = store::Open("sqlite::memory:", 1);
    ASSERT_TRUE(db) << db.error().detail;
    db_ = std::move(*db);
    ASSERT_TRUE(store::Migrate(*db_));
    security::SecretKey master = security::SecretKey::Random();
    audit_ = std::make_unique<security::AuditLog>(master, clock_);
    keyring_ = std::make_unique<security::Keyring>(std::move(master), 1);
    auth_ = std::make_unique<security::AuthService>(*db_, *keyring_, *audit_, clock_,
                                                    security::AuthOptions{});
    orgs_ = std::make_unique<network::OrgService>(*db_, *keyring_, *audit_, clock_);
    reads_ = std::make_unique<security::AuditBatcher>(*db_, *audit_);
    people_ = std::make_unique<people::PeopleService>(*db_, *keyring_, *audit_, *reads_, *auth_,
                                                      *orgs_, clock_);
    cases_ =
        std::make_unique<cases::CaseService>(*db_, *keyring_, *audit_, *reads_, *orgs_, clock_);
    auto org = orgs_->Create(security::Actor::Console(),
                             {"seoul1-center", "seoul1-center", "counseling_center", "", "KR-11"});
    ASSERT_TRUE(org) << org.error().detail;
    org_ = org->id;
    opener_ = User("opener", "case_worker");
    sibling_worker_ = User("sibling", "case_worker");
    stranger_ = User("stranger", "case_worker");
    supervisor_ = User("super", "supervisor");
    people::PersonFields minji;
    minji.legal_name = "김민지";
    minji.phone = "010-1234-5678";
    minji.safe_contact = "문자 남기지 말 것";
    auto person = people_->Create(opener_, minji);
    ASSERT_TRUE(person) << person.error().detail;
    person_id_ = person->id;
  }

  security::Actor User(const std::string& name, const char* role) {
    security::Actor a;
    a.user_id = NewId();
    a.org_id = org_;
    a.roles = {role};
    a.mfa_complete = true;
    a.request_id = "req";
    a.remote = "127.0.0.1";
    EXPECT_TRUE(db_->Write([&](store::Tx& tx) -> Result<void> {
      auto s = tx.Exec(
          "INSERT INTO users (id, org_id, username, display_name, roles, password_hash, "
          "last_active_at, created_at) VALUES (?, ?, ?, ?, ?, 'x', 0, '2026-01-01')",
          {a.user_id, org_, name, name, std::string(role)});
      if (!s) return Fail(s.error());
      return Ok();
    }));
    return a;
  }

  std::string OpenCase(const security::Actor& by, bool restricted) {
    cases::CaseFields f;
    f.person_id = person_id_;
    f.intake_channel = "hotline";
    f.risk_level = "high";
    f.summary = "요약";
    f.restricted = restricted;
    auto c = cases_->Open(by, f);
    EXPECT_TRUE(c) << c.error().detail;
    return c ? c->id : "";
  }

  PersonDecision Decide(const security::Actor& actor) {
    PersonDecision out;
    EXPECT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
      auto d = DecidePersonAccess(tx, actor, person_id_, clock_.Now());
      if (!d) return Fail(d.error());
      out = std::move(*d);
      return Ok();
    }));
    return out;
  }

  std::string LastOutcome(const std::string& action) {
    std::string out;
    EXPECT_TRUE(db_->Read([&](store::Tx& tx) -> Result<void> {
      security::AuditQuery q;
      q.action = action;
      auto items = audit_->Query(tx, q);
      if (!items) return Fail(items.error());
      if (!items->empty()) out = items->front().outcome;
      return Ok();
    }));
    return out;
  }

  ManualClock clock_{At("2026-03-02T09:00:00Z")};
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<security::AuditLog> audit_;
  std::unique_ptr<security::Keyring> keyring_;
  std::unique_ptr<security::AuthService> auth_;
  std::unique_ptr<network::OrgService> orgs_;
  std::unique_ptr<security::AuditBatcher> reads_;
  std::unique_ptr<people::PeopleService> people_;
  std::unique_ptr<cases::CaseService> cases_;
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

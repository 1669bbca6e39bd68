#include "modules/cases/case_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>

#include "core/ids.h"
#include "modules/people/people_service.h"
#include "security/account_repo.h"
#include "security/session_confirmation.h"
#include "testing/test_world.h"

namespace dandelion::cases {
namespace {

using testing::At;

TEST(CaseModelTest, NumbersValuesAndValidation) {
  EXPECT_EQ(FormatCaseNumber("SEOU", 2026, 42), "SEOU-C-2026-0042");
  EXPECT_EQ(FormatCaseNumber("SEOU", 2026, 12345), "SEOU-C-2026-12345");
  EXPECT_LT(RiskRank("low"), RiskRank("critical"));
  EXPECT_EQ(RiskRank("extreme"), -1);
  EXPECT_EQ(SplitTags("online,street"), (std::vector<std::string>{"online", "street"}));
  EXPECT_EQ(JoinTags({"online", "street"}), "online,street");
  EXPECT_TRUE(SplitTags("").empty());

  CaseFields open;
  auto missing = ValidateCaseFields(open, true);
  ASSERT_FALSE(missing);
  for (const char* f : {"person_id", "intake_channel", "risk_level", "summary"}) {
    EXPECT_TRUE(missing.error().fields.contains(f)) << f;
  }
  CaseFields change;
  change.situation = std::vector<std::string>{"online", "online"};  // a tag twice
  change.risk_level = "low";
  auto twice = ValidateCaseFields(change, false);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().fields.size(), 1u);
  EXPECT_TRUE(twice.error().fields.contains("situation"));
}

class CaseServiceTest : public testing::WorldTest {
 protected:
  CaseServiceTest() : WorldTest({.start = At("2026-03-01T09:30:00Z")}) {}

  void SetUp() override {
    WorldTest::SetUp();
    org_ = AddOrg("seoul1-center");
    worker_ = AddUser(org_, "worker", "case_worker");
    other_worker_ = AddUser(org_, "other", "case_worker");
    supervisor_ = AddUser(org_, "super", "supervisor");
    people::PersonFields minji;
    minji.legal_name = "김민지";
    minji.safe_contact = "문자 남기지 말 것";
    person_ = testing::Must(people_->Create(worker_, minji)).id;
  }

  CaseFields Intake(bool restricted = false) {
    CaseFields f;
    f.person_id = person_;
    f.intake_channel = "hotline";
    f.risk_level = "high";
    f.summary = "선불금 채무";
    f.restricted = restricted;
    return f;
  }

  std::string org_;
  std::string person_;
  security::Actor worker_;
  security::Actor other_worker_;
  security::Actor supervisor_;
};

TEST_F(CaseServiceTest, SummaryIsSealedAndNumbersCountPerYear) {
  auto first = cases_->Open(worker_, Intake());
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(first->number, "SEOU-C-2026-0001");
  EXPECT_EQ(first->summary, "선불금 채무");
  EXPECT_EQ(first->person.safe_contact, "문자 남기지 말 것");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE summary IS NOT NULL"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE CAST(summary AS TEXT) LIKE '%선불금%'"), 0);
  clock_.Set(At("2027-01-02T09:00:00Z"));
  auto next_year = cases_->Open(worker_, Intake());
  ASSERT_TRUE(next_year);
  EXPECT_EQ(next_year->number, "SEOU-C-2027-0001");
}

TEST_F(CaseServiceTest, BreakGlassLastsAWorkingDay) {
  auto c = cases_->Open(worker_, Intake(true));
  ASSERT_TRUE(c);
  auto refused = cases_->Get(other_worker_, c->id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kBreakGlassRequired);
  // The refusal is on record even though the request failed.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'break_glass_required'"), 1);
  auto granted = cases_->BreakGlass(other_worker_, c->id, "야간 긴급 연락");
  ASSERT_TRUE(granted) << granted.error().detail;
  EXPECT_TRUE(cases_->Get(other_worker_, c->id));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE kind = 'break_glass'"), 1);
  clock_.Advance(kBreakGlassFor + std::chrono::seconds(1));
  EXPECT_FALSE(cases_->Get(other_worker_, c->id));
  EXPECT_TRUE(cases_->Get(supervisor_, c->id));
}

// A read names the case's workers from the statement that decides access: in the order they
// were assigned (then by name), and nobody once nobody works it.
TEST_F(CaseServiceTest, ReadNamesEveryWorkerInAssignmentOrder) {
  auto c = cases_->Open(worker_, Intake());
  ASSERT_TRUE(c);
  auto names = [&](const security::Actor& reader) {
    std::vector<std::string> out;
    for (const Worker& w : testing::Must(cases_->Get(reader, c->id)).value.assigned) {
      out.push_back(w.user_id);
    }
    return out;
  };
  EXPECT_EQ(names(worker_), (std::vector<std::string>{worker_.user_id}));
  clock_.Advance(std::chrono::minutes(5));
  ASSERT_TRUE(cases_->Assign(supervisor_, c->id, {worker_.user_id, other_worker_.user_id}));
  // Both are workers of the case now, assigned at the same moment ("other" before "worker" by
  // name): each reads it as assigned, and sees both.
  for (const auto* reader : {&worker_, &other_worker_}) {
    EXPECT_EQ(names(*reader), (std::vector<std::string>{other_worker_.user_id, worker_.user_id}));
    EXPECT_EQ(testing::Must(cases_->Get(*reader, c->id)).value.access, "assigned");
  }
  // Assign refuses an empty list: the rows are removed directly to read a case nobody works.
  testing::Must(db_->Write([&](store::Tx& tx) -> Result<void> {
    TRY(tx.Exec("DELETE FROM case_workers WHERE case_id = ?", {c->id}));
    return Ok();
  }));
  EXPECT_TRUE(names(supervisor_).empty());
  EXPECT_EQ(testing::Must(cases_->Get(worker_, c->id)).value.access, "organization");
}

// A read given a session the gate took from memory (security/session_confirmation.h) confirms
// it in the statement that reads the case, or a list's generation: the read stands while the
// session is unchanged, and fails, unaudited, for any case id, any list and any bad query once it
// ended or her roles changed.
TEST_F(CaseServiceTest, ReadsConfirmARememberedSessionInTheirOwnStatement) {
  const std::string id = testing::Must(cases_->Open(worker_, Intake())).id;
  const security::Actor remembered = RememberedSession(worker_, std::string(32, 'k'));
  auto seen = testing::Must(cases_->Get(remembered, id));
  EXPECT_EQ(seen.value.id, id);
  testing::Must(seen.audit.Wait());  // so that the counts below see every entry owed so far
  for (const std::string& unknown : {NewId(), std::string("not-an-id")}) {
    auto r = cases_->Get(remembered, unknown);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  }
  const CaseListQuery kept{.status = "open"};
  const CaseListQuery not_kept{.no_contact_days = 30};  // counted from this second: never kept
  const CaseListQuery bad{.status = "bogus"};
  for (const CaseListQuery* q : {&kept, &kept, &not_kept}) {
    auto listed = testing::Must(cases_->List(remembered, *q));
    if (q == &kept) {
      EXPECT_EQ(listed.value.size(), 1u);
    }
    testing::Must(listed.audit.Wait());
  }
  // A bad query is answered only after a full check of the session (BeforeConfirmation).
  EXPECT_EQ(cases_->List(remembered, bad).error().message_key, security::kSessionUnconfirmed);
  EXPECT_EQ(cases_->List(worker_, bad).error().code, ErrorCode::kInvalid);
  auto refused_for_every_id = [&](const char* why) {
    const size_t audited = AuditOf("case.read").size() + AuditOf("case.list").size();
    for (const std::string& any : {id, NewId(), std::string("not-an-id")}) {
      auto r = cases_->Get(remembered, any);
      ASSERT_FALSE(r) << why;
      EXPECT_EQ(r.error().message_key, security::kSessionUnconfirmed) << why;
    }
    for (const CaseListQuery* q : {&kept, &kept, &not_kept, &bad}) {
      auto r = cases_->List(remembered, *q);
      ASSERT_FALSE(r) << why;
      EXPECT_EQ(r.error().message_key, security::kSessionUnconfirmed) << why;
    }
    EXPECT_EQ(AuditOf("case.read").size() + AuditOf("case.list").size(), audited) << why;
  };
  testing::Must(db_->Write([&](store::Tx& tx) {
    return security::account_repo::UpdateRoles(tx, worker_.user_id, "supervisor");
  }));
  refused_for_every_id("roles changed");
  testing::Must(db_->Write([&](store::Tx& tx) {
    return security::account_repo::UpdateRoles(tx, worker_.user_id, "case_worker");
  }));
  seen = testing::Must(cases_->Get(remembered, id));
  EXPECT_EQ(seen.value.id, id);
  testing::Must(seen.audit.Wait());
  testing::Must(db_->Write([&](store::Tx& tx) {
    return security::account_repo::EndSession(tx, remembered.session_id, UnixSeconds(clock_.Now()));
  }));
  refused_for_every_id("ended");
  EXPECT_EQ(testing::Must(cases_->Get(worker_, id)).value.id, id);  // a checked actor reads
  EXPECT_EQ(testing::Must(cases_->List(worker_, kept)).value.size(), 1u);
}

// The organization's list, to a worker on none of its cases: a woman without a restricted case
// shows to her (the list tells that in its own statement), a woman with one shows on none of
// her cases until the worker breaks the glass on it (then access::DecidePersonAccess decides).
TEST_F(CaseServiceTest, OrganizationListShowsOnlyWhomTheCallerMayReach) {
  people::PersonFields jiwoo;
  jiwoo.legal_name = "이지우";
  const std::string open_person = testing::Must(people_->Create(worker_, jiwoo)).id;
  CaseFields hers = Intake();
  hers.person_id = open_person;
  const std::string open_case = testing::Must(cases_->Open(worker_, hers)).id;
  const std::string restricted = testing::Must(cases_->Open(worker_, Intake(true))).id;
  const std::string unrestricted = testing::Must(cases_->Open(worker_, Intake())).id;

  auto shown = [&](const security::Actor& who) {
    std::map<std::string, std::pair<std::string, std::string>> out;  // id → access, name
    auto listed = cases_->List(who, {});
    EXPECT_TRUE(listed) << listed.error().detail;
    for (const Case& c : listed->value) out[c.id] = {c.access, c.person.legal_name};
    return out;
  };
  auto before = shown(other_worker_);
  ASSERT_EQ(before.size(), 3u);
  EXPECT_EQ(before[open_case], std::make_pair(std::string("organization"), std::string("이지우")));
  EXPECT_EQ(before[restricted], std::make_pair(std::string(), std::string()));
  EXPECT_EQ(before[unrestricted], std::make_pair(std::string(), std::string()));

  ASSERT_TRUE(cases_->BreakGlass(other_worker_, restricted, "야간 긴급 연락"));
  auto after = shown(other_worker_);
  EXPECT_EQ(after[open_case], before[open_case]);
  EXPECT_EQ(after[restricted], std::make_pair(std::string("break_glass"), std::string("김민지")));
  EXPECT_EQ(after[unrestricted], std::make_pair(std::string("break_glass"), std::string("김민지")));
  EXPECT_EQ(shown(worker_)[unrestricted].first, "assigned");
  EXPECT_EQ(shown(supervisor_)[unrestricted].first, "supervisor");
}

TEST_F(CaseServiceTest, ErasingHerMakesHerCasesUnknown) {
  auto c = cases_->Open(worker_, Intake());
  ASSERT_TRUE(c);
  security::Actor supervisor = supervisor_;
  supervisor.reauth_at = UnixSeconds(clock_.Now());
  ASSERT_TRUE(people_->Erase(supervisor, person_, "본인 요청"));
  auto gone = cases_->Get(worker_, c->id);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  auto listed = cases_->List(worker_, {});
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->value.empty());
}

// A list reads each case's person in the same statement as the case (case_repo::List): each
// case must show its own person, a person with two cases both, and an erased person none. It
// leaves the cases' sealed fields sealed (no list shows them); one case read opens them.
// Her caseload comes in the organization list's order: riskiest first, then the newest, then
// by number. (Her caseload and the organization's list are read by statements that start from
// different tables.)
TEST_F(CaseServiceTest, HerCaseloadComesInTheOrganizationListsOrder) {
  const std::vector<std::string> risks = {"high", "high", "critical", "low", "critical", "low"};
  for (size_t i = 0; i < risks.size(); ++i) {
    CaseFields f = Intake();
    f.risk_level = risks[i];
    ASSERT_TRUE(cases_->Open(worker_, f));
    if (i % 2 == 1) clock_.Advance(std::chrono::hours(1));  // two cases opened at each time
  }
  auto ids = [](const std::vector<Case>& listed) {
    std::vector<std::string> out;
    for (const Case& c : listed) out.push_back(c.id);
    return out;
  };
  auto mine = testing::Must(cases_->List(worker_, {.status = "open", .assigned_to_me = true}));
  auto all = testing::Must(cases_->List(supervisor_, {.status = "open"}));
  ASSERT_EQ(mine.value.size(), risks.size());
  EXPECT_EQ(ids(mine.value), ids(all.value));
  std::vector<Case> expected = all.value;
  std::sort(expected.begin(), expected.end(), [](const Case& a, const Case& b) {
    return std::tuple(RiskRank(b.risk_level), b.opened_at, a.number) <
           std::tuple(RiskRank(a.risk_level), a.opened_at, b.number);
  });
  EXPECT_EQ(ids(mine.value), ids(expected));
  // Opened at three times, two cases each: the two high ones at once (their numbers decide),
  // critical and low ones at the two later times (the newer first).
  std::vector<std::string> risk_order;
  for (const Case& c : mine.value) risk_order.push_back(c.risk_level);
  EXPECT_EQ(risk_order,
            (std::vector<std::string>{"critical", "critical", "high", "high", "low", "low"}));
  EXPECT_GT(mine.value[0].opened_at, mine.value[1].opened_at);
  EXPECT_EQ(mine.value[2].opened_at, mine.value[3].opened_at);
  EXPECT_LT(mine.value[2].number, mine.value[3].number);
}

TEST_F(CaseServiceTest, ListShowsEachCaseWithItsOwnPerson) {
  people::PersonFields jiwoo;
  jiwoo.legal_name = "이지우";
  jiwoo.alias = "지우";
  const std::string second = testing::Must(people_->Create(worker_, jiwoo)).id;
  ASSERT_TRUE(cases_->Open(worker_, Intake()));
  ASSERT_TRUE(cases_->Open(worker_, Intake()));
  CaseFields hers = Intake();
  hers.person_id = second;
  hers.summary = "온라인 착취";
  ASSERT_TRUE(cases_->Open(worker_, hers));

  auto listed = cases_->List(worker_, {});
  ASSERT_TRUE(listed) << listed.error().detail;
  ASSERT_EQ(listed->value.size(), 3u);
  int minji = 0;
  for (const Case& c : listed->value) {
    EXPECT_EQ(c.access, "assigned");
    if (c.person.id == person_) {
      ++minji;
      EXPECT_EQ(c.person.legal_name, "김민지");
      EXPECT_EQ(c.person.safe_contact, "문자 남기지 말 것");
    } else {
      EXPECT_EQ(c.person.id, second);
      EXPECT_EQ(c.person.legal_name, "이지우");
      EXPECT_EQ(c.person.alias, "지우");
      EXPECT_EQ(testing::Must(cases_->Get(worker_, c.id)).value.summary, "온라인 착취");
    }
    EXPECT_EQ(c.summary, "");
  }
  EXPECT_EQ(minji, 2);
  // A woman written before cards existed (migration 0028) is listed from her three fields.
  ASSERT_TRUE(db_->ExecScript("UPDATE people SET card = NULL WHERE id = '" + second + "'"));
  auto uncarded = testing::Must(cases_->List(worker_, {}));
  ASSERT_EQ(uncarded.value.size(), 3u);
  for (const Case& c : uncarded.value) {
    EXPECT_EQ(c.person.legal_name, c.person.id == second ? "이지우" : "김민지");
    EXPECT_EQ(c.person.safe_contact, c.person.id == second ? "" : "문자 남기지 말 것");
  }

  security::Actor supervisor = supervisor_;
  supervisor.reauth_at = UnixSeconds(clock_.Now());
  ASSERT_TRUE(people_->Erase(supervisor, second, "본인 요청"));
  auto after = cases_->List(worker_, {});
  ASSERT_TRUE(after);
  ASSERT_EQ(after->value.size(), 2u);
  for (const Case& c : after->value) EXPECT_EQ(c.person.id, person_);
}

TEST_F(CaseServiceTest, ClosedCasesRefuseASecondClosureAndReopenWithAReason) {
  auto c = cases_->Open(worker_, Intake());
  ASSERT_TRUE(c);
  ASSERT_TRUE(cases_->Close(worker_, c->id, "goals_met", ""));
  auto again = cases_->Close(worker_, c->id, "goals_met", "");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto blank = cases_->Reopen(worker_, c->id, " ");
  ASSERT_FALSE(blank);
  EXPECT_TRUE(blank.error().fields.contains("reason"));
  auto reopened = cases_->Reopen(worker_, c->id, "다시 연락 옴");
  ASSERT_TRUE(reopened);
  EXPECT_EQ(reopened->status, "open");
  EXPECT_EQ(reopened->reopen_reason, "다시 연락 옴");
}

}  // namespace
}  // namespace dandelion::cases

#include "modules/funds/fund_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "modules/people/people_service.h"
#include "testing/test_world.h"

namespace dandelion::funds {
namespace {

using testing::Must;

// The unit tests' clock starts on 2027-01-15 (Seoul).
constexpr const char* kPaidOn = "2027-01-20";

class FundServiceTest : public testing::WorldTest {
 protected:
  void SetUp() override {
    WorldTest::SetUp();
    org_ = AddOrg("jarip1", "self_reliance_center");
    other_org_ = AddOrg("jarip2", "self_reliance_center");
    admin_ = AddUser(org_, "admin", "org_admin");
    finance_ = AddUser(org_, "finance", "finance");
    finance2_ = AddUser(org_, "finance2", "finance");
    worker_ = AddUser(org_, "worker", "case_worker");
    supervisor_ = AddUser(org_, "supervisor", "supervisor");
    other_finance_ = AddUser(other_org_, "finance3", "finance");
    service_ = world_->services->funds.get();
    her_ = Person("별");
  }

  std::string Person(const std::string& alias) {
    people::PersonFields f;
    f.legal_name = "이름 " + alias;
    f.alias = alias;
    return Must(people_->Create(worker_, f)).id;
  }

  // The first city's ordinance (docs/api-funds.md).
  SourceFields CityA(int64_t budget = 100'000'000) {
    return {
        .name = "A시 자립지원",
        .year = 2027,
        .budget = budget,
        .rules = {{"living_costs", {.monthly = 1'000'000, .max_months = 24, .per_child = 100'000}},
                  {"housing_deposit", {.cap = 14'000'000, .committee = true}},
                  {"training", {.cap = 7'200'000}},
                  {"grant", {.cap = 5'000'000, .committee = true, .clawback = true}}}};
  }

  Result<fund_repo::Entry> Pay(const std::string& source, const std::string& kind, int64_t amount,
                               const std::string& month = "") {
    return service_->Pay(
        finance_, her_,
        {.source_id = source, .kind = kind, .amount = amount, .paid_on = kPaidOn, .month = month});
  }

  int64_t Entries() { return Count("SELECT COUNT(*) FROM fund_entries"); }

  std::string org_, other_org_, her_;
  security::Actor admin_, finance_, finance2_, worker_, supervisor_, other_finance_;
  FundService* service_ = nullptr;
};

TEST_F(FundServiceTest, ASourceKeepsEveryVersionOfItsRules) {
  SourceView s = Must(service_->CreateSource(admin_, CityA()));
  EXPECT_EQ(s.source.version, 1);
  EXPECT_EQ(s.remaining, 100'000'000);
  SourceFields changed = CityA();
  changed.rules["living_costs"].max_months = 12;
  SourceView v2 = Must(service_->UpdateSource(finance_, s.source.id, changed));
  EXPECT_EQ(v2.source.version, 2);
  SourceDetail d = Must(service_->GetSource(worker_, s.source.id));
  ASSERT_EQ(d.versions.size(), 2u);
  EXPECT_EQ(d.versions[0].rules.at("living_costs").max_months, 24);
  EXPECT_EQ(d.versions[1].rules.at("living_costs").max_months, 12);
  EXPECT_EQ(AuditOf("funds.source.update").size(), 1u);
  // A payment names the version it was checked against.
  auto e = Must(Pay(s.source.id, "living_costs", 1'000'000));
  EXPECT_EQ(e.rule_version, 2);
  // Strict rules: unknown kinds and negative amounts are refused; workers cannot edit.
  SourceFields bad = CityA();
  bad.rules["bonus"] = {.cap = 1};
  bad.rules["training"].cap = -1;
  auto refused = service_->CreateSource(admin_, bad);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at("rules.bonus"), "field.unknown_value");
  EXPECT_EQ(refused.error().fields.at("rules.training"), "field.out_of_range");
  EXPECT_EQ(service_->CreateSource(worker_, CityA()).error().code, ErrorCode::kForbidden);
}

TEST_F(FundServiceTest, APaymentPastALimitIsRefusedAndWritesNothing) {
  auto s = Must(service_->CreateSource(admin_, CityA(3'000'000))).source.id;
  Must(Pay(s, "training", 2'000'000));
  const int64_t before = Entries();
  auto cap = Pay(s, "living_costs", 1'000'001);
  ASSERT_FALSE(cap);
  EXPECT_EQ(cap.error().code, ErrorCode::kRuleExceeded);
  EXPECT_EQ(cap.error().limit, "monthly");
  EXPECT_EQ(cap.error().remaining, 1'000'000);
  auto budget = Pay(s, "training", 1'000'001);
  ASSERT_FALSE(budget);
  EXPECT_EQ(budget.error().code, ErrorCode::kBudgetExceeded);
  EXPECT_EQ(budget.error().remaining, 1'000'000);
  // A committee kind without an approved application.
  auto committee = Pay(s, "grant", 100);
  ASSERT_FALSE(committee);
  EXPECT_EQ(committee.error().message_key, "funds.decision_needed");
  EXPECT_EQ(Entries(), before);
  EXPECT_EQ(AuditOf("funds.disbursement.create").size(), 1u);
}

TEST_F(FundServiceTest, AnApplicationDecidedByTheCommitteeIsPaidUpToItsAmount) {
  auto s = Must(service_->CreateSource(admin_, CityA())).source.id;
  auto a = Must(service_->Apply(worker_, her_,
                                {.source_id = s,
                                 .kind = "housing_deposit",
                                 .amount = 10'000'000,
                                 .reason = "임대주택 보증금"}));
  EXPECT_EQ(a.reason, "임대주택 보증금");
  // Finance never sees the reason; the committee's date is required for a committee kind.
  auto seen = Must(service_->ApplicationsOf(finance_, her_));
  ASSERT_EQ(seen.value.size(), 1u);
  EXPECT_FALSE(seen.value[0].reason);
  auto no_date = service_->Decide(supervisor_, a.stored.id, {.approve = true});
  ASSERT_FALSE(no_date);
  EXPECT_EQ(no_date.error().fields.at("committee_on"), "funds.committee_date_required");
  EXPECT_EQ(service_->Decide(worker_, a.stored.id, {.approve = true}).error().code,
            ErrorCode::kForbidden);
  auto d =
      Must(service_->Decide(supervisor_, a.stored.id,
                            {.approve = true, .amount = 8'000'000, .committee_on = "2027-01-10"}));
  EXPECT_EQ(d.stored.status, "approved");
  auto p = Must(service_->Pay(finance_, her_,
                              {.source_id = s,
                               .kind = "housing_deposit",
                               .amount = 8'000'000,
                               .paid_on = kPaidOn,
                               .application_id = a.stored.id}));
  EXPECT_EQ(p.Status(), "paid");
  auto more = service_->Pay(finance_, her_,
                            {.source_id = s,
                             .kind = "housing_deposit",
                             .amount = 1,
                             .paid_on = kPaidOn,
                             .application_id = a.stored.id});
  ASSERT_FALSE(more);
  EXPECT_EQ(more.error().limit, "approved");
  // An ask over the cap is refused at once.
  auto over = service_->Apply(
      worker_, her_,
      {.source_id = s, .kind = "housing_deposit", .amount = 6'000'001, .reason = "추가"});
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().limit, "cap");
  EXPECT_EQ(over.error().remaining, 6'000'000);
}

TEST_F(FundServiceTest, ALargePaymentWaitsForASecondUser) {
  auto s = Must(service_->CreateSource(admin_, CityA(10'000'000))).source.id;
  Must(service_->SetThreshold(admin_, 500'000));
  auto e = Must(Pay(s, "training", 600'000));
  EXPECT_EQ(e.Status(), "pending_approval");
  EXPECT_EQ(Must(service_->PendingPayments(finance2_)).size(), 1u);
  auto self = service_->Approve(finance_, e.id, true);
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().message_key, "funds.second_person_needed");
  // Waiting counts against the budget and cannot be reversed.
  EXPECT_EQ(Must(service_->GetSource(admin_, s)).view.remaining, 9'400'000);
  EXPECT_EQ(service_->Reverse(finance_, e.id, "entry_error", std::nullopt).error().message_key,
            "funds.not_paid");
  auto ok = Must(service_->Approve(finance2_, e.id, true));
  EXPECT_EQ(ok.Status(), "paid");
  EXPECT_EQ(service_->Approve(supervisor_, e.id, true).error().message_key, "funds.not_pending");
  auto small = Must(Pay(s, "training", 500'000));
  EXPECT_EQ(small.Status(), "paid");
}

TEST_F(FundServiceTest, AReversalIsANewNegativeEntryAndBalancesFollowIt) {
  auto s = Must(service_->CreateSource(admin_, CityA())).source.id;
  auto e = Must(Pay(s, "training", 3'000'000));
  auto r = Must(service_->Reverse(finance_, e.id, "entry_error", 1'000'000));
  EXPECT_EQ(r.amount, -1'000'000);
  EXPECT_EQ(r.reverses, e.id);
  EXPECT_EQ(service_->Reverse(finance_, e.id, "duplicate", 2'000'001).error().fields.at("amount"),
            "funds.reversal_too_large");
  EXPECT_EQ(service_->Reverse(finance_, r.id, "duplicate", std::nullopt).error().message_key,
            "funds.not_reversible");
  EXPECT_EQ(service_->Reverse(finance_, e.id, "clawback", std::nullopt).error().message_key,
            "funds.no_clawback");
  auto ledger = Must(service_->LedgerOf(finance_, her_));
  Must(ledger.audit.Wait());
  ASSERT_EQ(ledger.value.entries.size(), 2u);
  ASSERT_EQ(ledger.value.balances.size(), 1u);
  const auto& b = ledger.value.balances[0];
  EXPECT_EQ(b.balance.paid, 3'000'000);
  EXPECT_EQ(b.balance.reversed, 1'000'000);
  EXPECT_EQ(*b.balance.remaining, 7'200'000 - 2'000'000);
  EXPECT_EQ(AuditOf("funds.ledger.read").size(), 1u);
  // The amounts themselves are never updated: the database refuses it.
  auto update = db_->Write([&](store::Tx& tx) -> Result<void> {
    TRY(tx.Exec("UPDATE fund_entries SET amount = 1 WHERE id = ?", {e.id}));
    return Ok();
  });
  EXPECT_FALSE(update);
}

TEST_F(FundServiceTest, AnotherOrganizationsRecordsAnswerNotFound) {
  auto s = Must(service_->CreateSource(admin_, CityA())).source.id;
  auto e = Must(Pay(s, "training", 1'000'000));
  EXPECT_EQ(service_->GetSource(other_finance_, s).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_->LedgerOf(other_finance_, her_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_->Reverse(other_finance_, e.id, "entry_error", std::nullopt).error().code,
            ErrorCode::kNotFound);
  auto pay = service_->Pay(other_finance_, her_,
                           {.source_id = s, .kind = "training", .amount = 1, .paid_on = kPaidOn});
  EXPECT_EQ(pay.error().code, ErrorCode::kNotFound);
  // Its own person with this organization's source: the source is unknown there.
  auto other_admin = AddUser(other_org_, "admin2", "org_admin");
  (void)other_admin;
  EXPECT_EQ(Entries(), 1);
}

TEST_F(FundServiceTest, ConcurrentPaymentsSpendExactlyTheBudget) {
  auto s = Must(service_->CreateSource(admin_, CityA(5'000'000))).source.id;
  std::vector<std::string> people;
  for (int i = 0; i < 8; ++i) people.push_back(Person("p" + std::to_string(i)));
  std::atomic<int> ok{0}, refused{0};
  std::vector<std::thread> threads;
  for (const auto& p : people) {
    threads.emplace_back([&, p] {
      auto r = service_->Pay(
          finance_, p,
          {.source_id = s, .kind = "training", .amount = 1'000'000, .paid_on = kPaidOn});
      if (r) {
        ++ok;
      } else if (r.error().code == ErrorCode::kBudgetExceeded) {
        ++refused;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 5);
  EXPECT_EQ(refused.load(), 3);
  EXPECT_EQ(Must(service_->GetSource(admin_, s)).view.remaining, 0);
}

}  // namespace
}  // namespace dandelion::funds

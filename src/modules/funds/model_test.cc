#include "modules/funds/model.h"

#include <gtest/gtest.h>

#include <random>

namespace dandelion::funds {
namespace {

KindRule Living() {
  return {.monthly = 1'000'000, .max_months = 24, .per_child = 100'000, .committee = true};
}

TEST(FundRules, LivingCostsNeedAMonthlyAmountAndMonthsOthersACap) {
  EXPECT_EQ(CheckRule("living_costs", Living()), "");
  EXPECT_EQ(CheckRule("living_costs", {.monthly = 1}), "funds.living_costs_rule");
  EXPECT_EQ(CheckRule("housing_deposit", {.cap = 14'000'000}), "");
  EXPECT_EQ(CheckRule("housing_deposit", {}), "funds.cap_required");
  EXPECT_EQ(CheckRule("grant", {.cap = 5, .monthly = 1}), "funds.monthly_only_living_costs");
  EXPECT_EQ(CheckRule("grant", {.cap = -1}), "field.out_of_range");
  EXPECT_EQ(CheckRule("bonus", {.cap = 1}), "field.unknown_value");
}

TEST(FundRules, RulesRoundTripThroughTheirStoredForm) {
  Rules rules{{"living_costs", Living()},
              {"housing_deposit", {.cap = 14'000'000, .committee = true, .clawback = true}},
              {"training", {.cap = 7'200'000}}};
  auto back = ParseRules(FormatRules(rules));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, rules);
  EXPECT_FALSE(ParseRules("{\"bonus\":{}}"));
  EXPECT_FALSE(ParseRules("[]"));
}

TEST(FundRules, DaysAndMonths) {
  EXPECT_TRUE(IsDay("2026-02-28"));
  EXPECT_FALSE(IsDay("2026-02-30"));
  EXPECT_FALSE(IsDay("2026-2-28"));
  EXPECT_TRUE(IsMonth("2026-12"));
  EXPECT_FALSE(IsMonth("2026-13"));
  EXPECT_EQ(SeoulDay(1'800'000'000), "2027-01-15");  // 2027-01-15T08:00Z is 17:00 in Seoul
  EXPECT_EQ(SeoulDay(1'799'960'400), "2027-01-15");  // 2027-01-14T21:00Z is already the 15th
}

TEST(FundChecks, APaymentOverTheCapIsRefusedNamingWhatRemains) {
  KindRule housing{.cap = 7'000'000};
  std::vector<Entry> hers{{"housing_deposit", 5'000'000, "2026-03"}};
  auto b = CheckPayment(housing, hers, 100'000'000, 5'000'000,
                        {.kind = "housing_deposit", .amount = 2'000'001, .month = "2026-04"});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->limit, "cap");
  EXPECT_EQ(b->remaining, 2'000'000);
  EXPECT_FALSE(CheckPayment(housing, hers, 100'000'000, 5'000'000,
                            {.kind = "housing_deposit", .amount = 2'000'000, .month = "2026-04"}));
}

TEST(FundChecks, LivingCostsFollowTheMonthlyAmountWithChildrenAndTheMonths) {
  KindRule living{.monthly = 1'000'000, .max_months = 2, .per_child = 100'000};
  std::vector<Entry> hers;
  Payment p{.kind = "living_costs", .amount = 1'200'000, .month = "2026-01", .children = 2};
  EXPECT_FALSE(CheckPayment(living, hers, 1'000'000'000, 0, p));
  p.amount = 1'200'001;
  auto b = CheckPayment(living, hers, 1'000'000'000, 0, p);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->limit, "monthly");
  EXPECT_EQ(b->remaining, 1'200'000);
  hers = {{"living_costs", 1'000'000, "2026-01"}, {"living_costs", 1'000'000, "2026-02"}};
  b = CheckPayment(living, hers, 1'000'000'000, 0,
                   {.kind = "living_costs", .amount = 1, .month = "2026-03"});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->limit, "months");
  EXPECT_EQ(b->remaining, 0);
  // A month already paid can still take the rest of its amount.
  EXPECT_FALSE(
      CheckPayment(living, hers, 1'000'000'000, 0,
                   {.kind = "living_costs", .amount = 100'000, .month = "2026-02", .children = 1}));
  // A month reversed in full no longer counts.
  hers.push_back({"living_costs", -1'000'000, "2026-02"});
  EXPECT_EQ(MonthsUsed(hers), 1);
  EXPECT_FALSE(CheckPayment(living, hers, 1'000'000'000, 0,
                            {.kind = "living_costs", .amount = 1'000'000, .month = "2026-03"}));
}

TEST(FundChecks, TheBudgetAndTheApprovedAmountBind) {
  KindRule grant{.cap = 5'000'000};
  auto b = CheckPayment(grant, {}, 10'000'000, 7'000'000,
                        {.kind = "grant", .amount = 3'000'001, .month = "2026-05"});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->limit, "budget");
  EXPECT_EQ(b->remaining, 3'000'000);
  b = CheckPayment(grant, {}, 10'000'000, 0,
                   {.kind = "grant", .amount = 2, .month = "2026-05", .approved_left = 1});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->limit, "approved");
}

TEST(FundChecks, Reversals) {
  EXPECT_TRUE(ReversalFits(100, 0, 100));
  EXPECT_TRUE(ReversalFits(100, 40, 60));
  EXPECT_FALSE(ReversalFits(100, 40, 61));
  EXPECT_FALSE(ReversalFits(100, 0, 0));
  EXPECT_FALSE(ReversalFits(-100, 0, 1));
}

// For any sequence of payments and reversals under two people, one source: every balance is the
// sum of its entries, no cap, monthly amount, month count or budget is ever exceeded, and every
// refused payment is one that would have exceeded one of them.
TEST(FundProperty, BalancesAreTheSumsOfEntriesAndNoLimitIsEverExceeded) {
  std::mt19937_64 rng(20261202);
  for (int round = 0; round < 300; ++round) {
    Rules rules{{"living_costs",
                 {.monthly = 1'000'000, .max_months = 1 + int(rng() % 6), .per_child = 100'000}},
                {"housing_deposit", {.cap = int64_t(1 + rng() % 14) * 1'000'000}},
                {"grant", {.cap = 5'000'000}}};
    const int64_t budget = int64_t(rng() % 30) * 1'000'000;
    struct Paid {
      int person;
      Entry entry;
      int64_t reversed = 0;
    };
    std::vector<Paid> paid;                  // payments
    std::vector<std::pair<int, Entry>> all;  // every entry, reversals included
    auto hers = [&](int person) {
      std::vector<Entry> out;
      for (const auto& [p, e] : all) {
        if (p == person) out.push_back(e);
      }
      return out;
    };
    auto source_total = [&] {
      int64_t sum = 0;
      for (const auto& [p, e] : all) sum += e.amount;
      return sum;
    };
    for (int step = 0; step < 60; ++step) {
      if (!paid.empty() && rng() % 4 == 0) {
        Paid& original = paid[rng() % paid.size()];
        const int64_t left = original.entry.amount - original.reversed;
        const int64_t amount = 1 + int64_t(rng() % uint64_t(original.entry.amount));
        const bool fits = ReversalFits(original.entry.amount, original.reversed, amount);
        EXPECT_EQ(fits, amount <= left);
        if (fits) {
          original.reversed += amount;
          all.push_back({original.person, {original.entry.kind, -amount, original.entry.month}});
        }
        continue;
      }
      const int person = int(rng() % 2);
      static const char* kinds[] = {"living_costs", "housing_deposit", "grant"};
      Payment p{.kind = kinds[rng() % 3],
                .amount = 1 + int64_t(rng() % 3'000'000),
                .month = "2026-0" + std::to_string(1 + rng() % 9),
                .children = int64_t(rng() % 3)};
      const KindRule& rule = rules.at(p.kind);
      auto mine = hers(person);
      auto breach = CheckPayment(rule, mine, budget, source_total(), p);
      // What the payment would do, computed independently.
      int64_t kind_total = 0, month_total = 0;
      std::map<std::string, int64_t> months;
      for (const auto& e : mine) {
        if (e.kind == p.kind) kind_total += e.amount;
        if (e.kind == "living_costs") months[e.month] += e.amount;
      }
      month_total = months[p.month];
      int64_t used = 0;
      for (const auto& [m, net] : months) used += net > 0 ? 1 : 0;
      const bool over_cap = rule.cap && kind_total + p.amount > *rule.cap;
      const bool over_month = p.kind == "living_costs" &&
                              month_total + p.amount > rule.monthly + rule.per_child * p.children;
      const bool over_months =
          p.kind == "living_costs" && month_total <= 0 && used >= rule.max_months;
      const bool over_budget = source_total() + p.amount > budget;
      EXPECT_EQ(breach.has_value(), over_cap || over_month || over_months || over_budget)
          << "round " << round << " step " << step;
      if (!breach) {
        Entry e{p.kind, p.amount, p.month};
        all.push_back({person, e});
        paid.push_back({person, e});
      }
      // Invariants after every step.
      ASSERT_LE(source_total(), budget);
      for (int who = 0; who < 2; ++who) {
        auto entries = hers(who);
        std::vector<LedgerEntry> ledger;
        for (const auto& e : entries) ledger.push_back({e, false});
        auto balances = Balances(rules, ledger);
        for (const auto& [kind, b] : balances) {
          int64_t pos = 0, neg = 0;
          for (const auto& e : entries) {
            if (e.kind != kind) continue;
            (e.amount > 0 ? pos : neg) += e.amount;
          }
          EXPECT_EQ(b.paid, pos);
          EXPECT_EQ(b.reversed, -neg);
          const auto& r = rules.at(kind);
          if (r.cap) {
            EXPECT_EQ(*b.remaining, *r.cap - (pos + neg));
            EXPECT_GE(*b.remaining, 0);
          }
          if (kind == "living_costs") {
            EXPECT_LE(b.months_used, r.max_months);
          }
        }
        std::map<std::string, int64_t> by_month;
        for (const auto& e : entries) {
          if (e.kind == "living_costs") by_month[e.month] += e.amount;
        }
        for (const auto& [m, net] : by_month) {
          EXPECT_LE(net, 1'000'000 + 2 * 100'000);
          EXPECT_GE(net, 0);
        }
      }
    }
  }
}

}  // namespace
}  // namespace dandelion::funds

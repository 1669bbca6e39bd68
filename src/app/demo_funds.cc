#include "app/demo_funds.h"

#include <string>
#include <vector>

#include "modules/funds/fund_service.h"

namespace dandelion::app {
namespace {

using funds::KindRule;

funds::SourceFields FirstCity(int64_t year) {
  return {.name = "(데모) 서울시 자립지원금",
          .year = year,
          .budget = 200'000'000,
          .rules = {{"living_costs",
                     KindRule{.monthly = 1'000'000, .max_months = 24, .per_child = 100'000}},
                    {"housing_deposit", KindRule{.cap = 14'000'000, .committee = true}},
                    {"training", KindRule{.cap = 7'200'000}},
                    {"grant", KindRule{.cap = 5'000'000, .committee = true, .clawback = true}}}};
}

funds::SourceFields SecondCity(int64_t year) {
  return {.name = "(데모) 부산시 자립지원금",
          .year = year,
          .budget = 80'000'000,
          .rules = {{"living_costs", KindRule{.monthly = 1'000'000, .max_months = 12}},
                    {"housing_deposit", KindRule{.cap = 7'000'000}}}};
}

Result<std::vector<std::string>> PeopleOf(Services& services, const std::string& org_id) {
  return services.db->ReadValue([&](store::Tx& tx) -> Result<std::vector<std::string>> {
    std::vector<std::string> ids;
    for (const auto& r : TRY(tx.Query(
             "SELECT id FROM people WHERE org_id = ? AND erased_at IS NULL ORDER BY code LIMIT 4",
             {org_id}))) {
      ids.push_back(r.Text(0));
    }
    return ids;
  });
}

std::string Day(int64_t year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(year), month, day);
  return buf;
}

}  // namespace

Result<int> FillDemoFunds(Services& services, std::span<const DemoFundTeam> teams) {
  funds::FundService& fund = *services.funds;
  const std::string today = funds::SeoulDay(UnixSeconds(services.clock->Now()));
  const int64_t year = std::stoll(today.substr(0, 4));
  const int month_now = std::stoi(today.substr(5, 2));
  int entries = 0;
  for (const auto& t : teams) {
    auto first = TRY(fund.CreateSource(t.admin, FirstCity(year))).source.id;
    auto second = TRY(fund.CreateSource(t.finance, SecondCity(year))).source.id;
    TRY(fund.SetThreshold(t.admin, 3'000'000));
    const auto people = TRY(PeopleOf(services, t.admin.org_id));
    if (people.size() < 4) continue;
    // Living costs every month so far this year (up to three), one child for the first woman.
    for (int m = std::max(1, month_now - 2); m <= month_now; ++m) {
      TRY(fund.Pay(t.finance, people[0],
                   {.source_id = first,
                    .kind = "living_costs",
                    .amount = 1'100'000,
                    .paid_on = Day(year, m, 1),
                    .children = 1}));
      TRY(fund.Pay(t.finance, people[3],
                   {.source_id = second,
                    .kind = "living_costs",
                    .amount = 1'000'000,
                    .paid_on = Day(year, m, 1)}));
      entries += 2;
    }
    // A housing deposit the committee decided.
    auto applied = TRY(fund.Apply(t.worker, people[1],
                                  {.source_id = first,
                                   .kind = "housing_deposit",
                                   .amount = 10'000'000,
                                   .reason = "(데모) LH 임대주택 입주 보증금"}));
    TRY(fund.Decide(t.supervisor, applied.stored.id,
                    {.approve = true, .committee_on = Day(year, month_now, 1)}));
    TRY(fund.Pay(t.supervisor, people[1],
                 {.source_id = first,
                  .kind = "housing_deposit",
                  .amount = 2'500'000,
                  .paid_on = Day(year, month_now, 2),
                  .application_id = applied.stored.id}));
    // A training payment entered too high, corrected by a reversal.
    auto training = TRY(fund.Pay(t.finance, people[2],
                                 {.source_id = first,
                                  .kind = "training",
                                  .amount = 1'500'000,
                                  .paid_on = Day(year, month_now, 1)}));
    TRY(fund.Reverse(t.finance, training.id, "entry_error", 500'000));
    // A large payment waiting for its second approval.
    TRY(fund.Pay(t.finance, people[3],
                 {.source_id = second,
                  .kind = "housing_deposit",
                  .amount = 5'000'000,
                  .paid_on = Day(year, month_now, 2)}));
    entries += 4;
  }
  return entries;
}

}  // namespace dandelion::app

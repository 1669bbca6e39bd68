#include "modules/shelters/model.h"

#include <gtest/gtest.h>

namespace dandelion::shelters {
namespace {

Day D(const char* text) {
  auto d = ParseDay(text);
  EXPECT_TRUE(d) << text;
  return d.value_or(Day{});
}

StayNights Stay(const char* admitted, const char* exited = nullptr,
                std::vector<StayNights::Leave> leaves = {}) {
  StayNights s{.admitted = D(admitted), .leaves = std::move(leaves)};
  if (exited != nullptr) s.exited = D(exited);
  return s;
}

StayNights::Leave Leave(const char* from, const char* back = nullptr) {
  StayNights::Leave l{.from = D(from)};
  if (back != nullptr) l.back = D(back);
  return l;
}

struct NightsCase {
  const char* what;
  std::vector<StayNights> stays;
  int year;
  unsigned month;
  const char* until;
  int nights;
};

TEST(OccupancyNightsTest, CountsNightsAsFundersDo) {
  const std::vector<NightsCase> cases = {
      {"same-day entry and exit counts one night",
       {Stay("2026-03-10", "2026-03-10")},
       2026,
       3,
       "2026-04-01",
       1},
      {"entry and exit the next day: one night",
       {Stay("2026-03-10", "2026-03-11")},
       2026,
       3,
       "2026-04-01",
       1},
      {"the exit day's night is not hers",
       {Stay("2026-03-10", "2026-03-13")},
       2026,
       3,
       "2026-04-01",
       3},
      {"a stay over the month's end counts in each month: March",
       {Stay("2026-03-30", "2026-04-02")},
       2026,
       3,
       "2026-05-01",
       2},
      {"… and April", {Stay("2026-03-30", "2026-04-02")}, 2026, 4, "2026-05-01", 1},
      {"a whole month of 31 nights", {Stay("2026-01-15")}, 2026, 3, "2026-05-01", 31},
      {"February 2028 has 29 nights", {Stay("2028-01-01")}, 2028, 2, "2028-04-01", 29},
      {"an open stay counts only nights already past",
       {Stay("2026-03-01")},
       2026,
       3,
       "2026-03-11",
       10},
      {"admitted on the month's last day",
       {Stay("2026-03-31", "2026-04-05")},
       2026,
       3,
       "2026-05-01",
       1},
      {"exit on the month's first day leaves nothing in that month",
       {Stay("2026-02-20", "2026-03-01")},
       2026,
       3,
       "2026-05-01",
       0},
      {"overnight leave: the nights away are not counted",
       {Stay("2026-03-01", "2026-03-11", {Leave("2026-03-04", "2026-03-06")})},
       2026,
       3,
       "2026-05-01",
       8},
      {"overnight leave over the month's end",
       {Stay("2026-03-01", "2026-04-10", {Leave("2026-03-31", "2026-04-02")})},
       2026,
       4,
       "2026-05-01",
       8},
      {"still away: no nights until she is back",
       {Stay("2026-03-01", nullptr, {Leave("2026-03-20")})},
       2026,
       3,
       "2026-05-01",
       19},
      {"two residents add up",
       {Stay("2026-03-01", "2026-03-03"), Stay("2026-03-02", "2026-03-02")},
       2026,
       3,
       "2026-05-01",
       3},
      {"a stay before the month counts nothing there",
       {Stay("2026-01-01", "2026-02-01")},
       2026,
       3,
       "2026-05-01",
       0},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(OccupancyNights(c.stays, c.year, c.month, D(c.until)), c.nights) << c.what;
  }
}

TEST(StayLimitTest, PlansFromTheFacilityTypesLimit) {
  const StayLimits limits = DefaultStayLimits();
  auto general = PlanStay(LimitFor(limits, "general"), D("2026-03-15"), std::nullopt);
  ASSERT_TRUE(general);
  EXPECT_EQ(FormatDay(general->planned_end), "2027-03-15");
  EXPECT_EQ(FormatDay(general->max_end), "2028-09-15");
  // An organization that is not a support facility follows the general limit.
  EXPECT_EQ(LimitFor(limits, ""), LimitFor(limits, "general"));
  auto home = PlanStay(LimitFor(limits, "group_home"), D("2026-01-31"), std::nullopt);
  ASSERT_TRUE(home);
  EXPECT_EQ(FormatDay(home->planned_end), "2028-01-31");
  EXPECT_EQ(FormatDay(home->max_end), "2030-01-31");
}

TEST(StayLimitTest, AYouthStayEndsOnHerNineteenthBirthday) {
  const StayLimit youth = DefaultStayLimits().at("youth");
  auto plan = PlanStay(youth, D("2026-03-01"), D("2009-07-20"));
  ASSERT_TRUE(plan);
  EXPECT_EQ(FormatDay(plan->planned_end), "2028-07-20");
  EXPECT_EQ(FormatDay(plan->max_end), "2030-07-20");
  auto no_birth = PlanStay(youth, D("2026-03-01"), std::nullopt);
  ASSERT_FALSE(no_birth);
  EXPECT_EQ(no_birth.error().fields.at("person_id"), "shelter.needs_birth_date");
  auto too_old = PlanStay(youth, D("2026-03-01"), D("2007-03-01"));
  ASSERT_FALSE(too_old);
  EXPECT_EQ(too_old.error().fields.at("person_id"), "shelter.over_age");
}

TEST(StayLimitTest, MonthsAddToTheLastDayOfAShortMonth) {
  EXPECT_EQ(FormatDay(AddMonths(D("2026-01-31"), 1)), "2026-02-28");
  EXPECT_EQ(FormatDay(AddMonths(D("2028-02-29"), 12)), "2029-02-28");
  EXPECT_EQ(FormatDay(AddMonths(D("2026-11-30"), 3)), "2027-02-28");
}

TEST(StayLimitTest, LimitsRoundTripThroughTheirStoredText) {
  StayLimits limits = DefaultStayLimits();
  limits["general"].extension_months = 12;
  auto back = ParseLimits(FormatLimits(limits));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, limits);
  EXPECT_FALSE(ParseLimits("general:12"));
  EXPECT_FALSE(ParseLimits("general:a:0:1"));
  EXPECT_EQ(CheckLimit({.months = 12, .until_age = 19}), "shelter.limit_one_rule");
  EXPECT_EQ(CheckLimit({.months = 12, .extension_months = 18}), "");
}

TEST(CountdownTest, MarksNinetyThirtyAndSevenDays) {
  EXPECT_EQ(Countdown(200), 0);
  EXPECT_EQ(Countdown(91), 0);
  EXPECT_EQ(Countdown(90), 90);
  EXPECT_EQ(Countdown(31), 90);
  EXPECT_EQ(Countdown(30), 30);
  EXPECT_EQ(Countdown(8), 30);
  EXPECT_EQ(Countdown(7), 7);
  EXPECT_EQ(Countdown(-3), 7);
}

TEST(SeoulDayTest, TheDayTurnsAtMidnightInKorea) {
  TimePoint t;
  ASSERT_TRUE(ParseRfc3339("2026-03-01T14:59:59Z", &t));
  EXPECT_EQ(FormatDay(SeoulDay(t)), "2026-03-01");
  ASSERT_TRUE(ParseRfc3339("2026-03-01T15:00:00Z", &t));
  EXPECT_EQ(FormatDay(SeoulDay(t)), "2026-03-02");
}

}  // namespace
}  // namespace dandelion::shelters

#include "modules/campaigns/model.h"

#include <gtest/gtest.h>

namespace dandelion::campaigns {
namespace {

CampaignFields Good() {
  return {.title_ko = "제22회 민들레 순례",
          .starts_on = "2026-09-01",
          .ends_on = "2026-09-30",
          .themes = {"curbing_demand", "memorial"},
          .status = "active"};
}

StopFields GoodStop() {
  return {.day = "2026-09-10",
          .region = "KR-45",
          .city = "군산시",
          .venue = "대명동 화재 현장",
          .activities = {"memorial", "vigil"}};
}

TEST(CampaignModelTest, AGoodCampaignPasses) {
  EXPECT_TRUE(ValidateCampaign(Good()).fields.empty());
}

TEST(CampaignModelTest, CampaignFieldsAreChecked) {
  CampaignFields f = Good();
  f.title_ko = "  ";
  f.ends_on = "2026-08-31";
  f.themes = {"curbing_demand", "curbing_demand"};
  f.status = "paused";
  Error e = ValidateCampaign(f);
  EXPECT_EQ(e.fields.at("title_ko"), "field.required");
  EXPECT_EQ(e.fields.at("ends_on"), "campaigns.ends_before_start");
  EXPECT_EQ(e.fields.at("themes"), "field.unknown_value");
  EXPECT_EQ(e.fields.at("status"), "field.unknown_value");
}

TEST(CampaignModelTest, APeriodOfAtMostAYear) {
  CampaignFields f = Good();
  f.starts_on = "2026-01-01";
  f.ends_on = "2026-12-31";  // 364 days later
  EXPECT_TRUE(ValidateCampaign(f).fields.empty());
  f.ends_on = "2027-01-02";  // 366 days later
  EXPECT_EQ(ValidateCampaign(f).fields.at("ends_on"), "campaigns.too_long");
  f.ends_on = "2026-02-30";
  EXPECT_EQ(ValidateCampaign(f).fields.at("ends_on"), "field.required");
}

TEST(CampaignModelTest, DaysBetweenCountsCalendarDays) {
  EXPECT_EQ(DaysBetween("2026-02-28", "2026-03-01"), 1);
  EXPECT_EQ(DaysBetween("2028-02-28", "2028-03-01"), 2);
  EXPECT_EQ(DaysBetween("2026-03-01", "2026-02-28"), -1);
  EXPECT_FALSE(DaysBetween("2026-13-01", "2026-02-28"));
}

TEST(CampaignModelTest, AStopLiesWithinThePeriod) {
  EXPECT_TRUE(ValidateStop(GoodStop(), "2026-09-01", "2026-09-30").fields.empty());
  StopFields s = GoodStop();
  s.day = "2026-10-01";
  s.region = "KR-99";
  s.activities = {"picnic"};
  s.host_org_id = "a";
  s.host_partner_id = "b";
  Error e = ValidateStop(s, "2026-09-01", "2026-09-30");
  EXPECT_EQ(e.fields.at("date"), "campaigns.stop_outside_period");
  EXPECT_EQ(e.fields.at("region"), "field.unknown_value");
  EXPECT_EQ(e.fields.at("activities"), "field.unknown_value");
  EXPECT_EQ(e.fields.at("host_partner_id"), "campaigns.one_host");
  s = GoodStop();
  s.activities.clear();
  EXPECT_EQ(ValidateStop(s, "2026-09-01", "2026-09-30").fields.at("activities"), "field.required");
}

TEST(CampaignModelTest, TheRouteNeverGoesBackwards) {
  EXPECT_TRUE(RouteInOrder({}));
  EXPECT_TRUE(RouteInOrder({"2026-09-01", "2026-09-01", "2026-09-03"}));
  EXPECT_FALSE(RouteInOrder({"2026-09-02", "2026-09-01"}));
}

TEST(CampaignModelTest, ANewStopGoesAfterTheLastOnOrBeforeItsDay) {
  const std::vector<std::string> days = {"2026-09-01", "2026-09-03", "2026-09-03", "2026-09-07"};
  EXPECT_EQ(InsertPosition(days, "2026-08-31"), 1);
  EXPECT_EQ(InsertPosition(days, "2026-09-01"), 2);
  EXPECT_EQ(InsertPosition(days, "2026-09-03"), 4);
  EXPECT_EQ(InsertPosition(days, "2026-09-05"), 4);
  EXPECT_EQ(InsertPosition(days, "2026-09-30"), 5);
  EXPECT_EQ(InsertPosition({}, "2026-09-30"), 1);
}

TEST(CampaignModelTest, AReorderNamesEveryStopOnce) {
  EXPECT_TRUE(IsPermutation({"a", "b", "c"}, {"c", "a", "b"}));
  EXPECT_FALSE(IsPermutation({"a", "b", "c"}, {"a", "b"}));
  EXPECT_FALSE(IsPermutation({"a", "b", "c"}, {"a", "b", "b"}));
  EXPECT_FALSE(IsPermutation({"a", "b"}, {"a", "x"}));
}

TEST(CampaignModelTest, ProgressCountsStopsDoneByKoreaToday) {
  const std::vector<StopState> stops = {
      {"2026-09-01", false}, {"2026-09-03", false}, {"2026-09-03", true}, {"2026-09-07", false}};
  Progress p = ComputeProgress(stops, "2026-09-03");
  EXPECT_EQ(p.stops_total, 4);
  EXPECT_EQ(p.stops_done, 2);  // the 1st, and the 3rd whose event has ended today
  EXPECT_EQ(p.next_stop_on, "2026-09-03");
  p = ComputeProgress(stops, "2026-09-08");
  EXPECT_EQ(p.stops_done, 4);
  EXPECT_EQ(p.next_stop_on, "");
  p = ComputeProgress({}, "2026-09-08");
  EXPECT_EQ(p.stops_total, 0);
}

TEST(CampaignModelTest, ListsRoundTrip) {
  EXPECT_EQ(JoinList({"rally", "vigil"}), "rally,vigil");
  EXPECT_EQ(SplitList("rally,vigil"), (std::vector<std::string>{"rally", "vigil"}));
  EXPECT_TRUE(SplitList("").empty());
}

TEST(CampaignModelTest, PartnersAndTheirRecords) {
  EXPECT_TRUE(ValidatePartner({"womens_rights", "한국여성인권진흥원", "", "https://example.kr", ""})
                  .fields.empty());
  Error e = ValidatePartner({"army", "", "", "ftp://x", ""});
  EXPECT_EQ(e.fields.at("kind"), "field.unknown_value");
  EXPECT_EQ(e.fields.at("name_ko"), "field.required");
  EXPECT_EQ(e.fields.at("website"), "campaigns.bad_url");

  EXPECT_TRUE(ValidateContact({"김담당", "팀장", "010-1234-5678", ""}).fields.empty());
  EXPECT_EQ(ValidateContact({"김담당", "", "", ""}).fields.at("phone"), "partners.contact_reach");
  EXPECT_EQ(ValidateContact({"김담당", "", "", "nobody"}).fields.at("email"), "partners.bad_email");

  EXPECT_TRUE(ValidateAlliance("성매매 근절 연대", "2019-03-01", "").fields.empty());
  EXPECT_EQ(ValidateAlliance("연대", "2019-03-01", "2018-01-01").fields.at("until"),
            "partners.dates");
  EXPECT_EQ(ValidateAgreement("업무협약", "2025-01-01", "2024-12-31").fields.at("expires_on"),
            "partners.dates");
  EXPECT_TRUE(AgreementActive("", "2026-01-01"));
  EXPECT_TRUE(AgreementActive("2026-01-01", "2026-01-01"));
  EXPECT_FALSE(AgreementActive("2025-12-31", "2026-01-01"));
  EXPECT_EQ(ValidateInteraction("2026-01-02", "meeting", "간담회", "2026-01-01").fields.at("date"),
            "partners.future");
  EXPECT_TRUE(ValidateInteraction("2026-01-01", "call", "통화", "2026-01-01").fields.empty());
}

TEST(CampaignModelTest, TheSecretariatSeesAndEditsEverything) {
  const Caller member_advocate{"org-a", false, {"advocate"}};
  const Caller member_worker{"org-a", false, {"case_worker"}};
  const Caller secretariat_advocate{"sec", true, {"advocate"}};
  const Caller secretariat_worker{"sec", true, {"case_worker"}};
  const Caller secretariat_admin{"sec", true, {"org_admin"}};
  const std::string_view write = "campaign.write";
  EXPECT_TRUE(MaySee(member_advocate, "org-a"));
  EXPECT_FALSE(MaySee(member_advocate, "org-b"));
  EXPECT_TRUE(MaySee(member_worker, "org-a"));
  EXPECT_TRUE(MaySee(secretariat_worker, "org-b"));
  EXPECT_TRUE(MayEdit(member_advocate, "org-a", write));
  EXPECT_FALSE(MayEdit(member_advocate, "org-b", write));
  EXPECT_FALSE(MayEdit(member_worker, "org-a", write));
  EXPECT_TRUE(MayEdit(secretariat_advocate, "org-b", write));
  EXPECT_FALSE(MayEdit(secretariat_worker, "org-b", write));
  EXPECT_FALSE(MayEdit(secretariat_admin, "org-b", write));  // its own, not the members'
  EXPECT_TRUE(MayEdit(secretariat_admin, "sec", write));
  EXPECT_FALSE(MaySee(Caller{}, ""));
}

}  // namespace
}  // namespace dandelion::campaigns

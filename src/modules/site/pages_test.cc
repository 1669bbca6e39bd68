#include "modules/site/pages.h"

#include <gtest/gtest.h>

#include "modules/site/html.h"
#include "modules/site/routes.h"

namespace dandelion::site {
namespace {

events::PublicEvent Pilgrimage() {
  events::PublicEvent e;
  e.stored.id = "0190aaaa-0000-7000-8000-000000000001";
  e.stored.kind = "pilgrimage_stop";
  e.stored.title_ko = "민들레순례 <군산>";
  e.stored.title_en = "Dandelion Pilgrimage: Gunsan";
  e.stored.starts_at = "2026-10-03T05:00:00Z";
  e.stored.ends_at = "2026-10-03T08:00:00Z";
  e.stored.venue = "군산 개복동";
  e.stored.region = "KR-45";
  e.stored.org_name = "전국연대 사무국";
  e.places_left = 12;
  e.availability = "open";
  return e;
}

TEST(SiteHtmlTest, EscapesMarkupAndQuotes) {
  EXPECT_EQ(Esc("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(Path(Lang::kKo, ""), "/");
  EXPECT_EQ(Path(Lang::kEn, "events/7"), "/en/events/7");
  EXPECT_TRUE(StylesheetPath().starts_with("/site.css?v="));
}

TEST(SiteHtmlTest, TimesAreKoreaTimeInWords) {
  EXPECT_EQ(KoreaWhen(Lang::kKo, "2026-10-03T05:00:00Z"), "2026년 10월 3일 (토) 오후 2:00");
  EXPECT_EQ(KoreaWhen(Lang::kEn, "2026-10-03T05:00:00Z"), "Sat 3 Oct 2026, 2:00 pm");
  // 23:30 UTC is the next morning in Korea.
  EXPECT_EQ(KoreaWhen(Lang::kKo, "2026-12-31T23:30:00Z"), "2027년 1월 1일 (금) 오전 8:30");
  EXPECT_EQ(KoreaWhen(Lang::kEn, "2026-12-31T15:05:00Z"), "Fri 1 Jan 2027, 12:05 am");
}

TEST(SitePagesTest, HomeCountsSheltersWithoutNamingThem) {
  HomeData data;
  data.events.push_back(Pilgrimage());
  data.members.push_back({.name = "서울 상담소", .kind = "counseling_center", .region = "KR-11"});
  data.members.push_back({.name = "", .kind = "support_facility", .region = ""});
  data.members.push_back({.name = "", .kind = "support_facility", .region = ""});
  data.map.push_back({.code = "KR-41", .status = "in_force", .ordinances = 2, .score = 70});
  std::string ko = HomePage(Lang::kKo, data);
  EXPECT_NE(ko.find("<html lang=\"ko\">"), std::string::npos);
  EXPECT_NE(ko.find("서울 상담소"), std::string::npos);
  EXPECT_NE(ko.find("지원시설(쉼터) 2곳"), std::string::npos);
  EXPECT_NE(ko.find("민들레순례 &lt;군산&gt;"), std::string::npos);
  EXPECT_NE(ko.find("자리 12개 남음"), std::string::npos);
  EXPECT_NE(ko.find("href=\"/help\""), std::string::npos);
  EXPECT_NE(ko.find("광역 조례 시행"), std::string::npos);
  EXPECT_EQ(ko.find("<script"), std::string::npos);
  EXPECT_EQ(ko.find("style=\""), std::string::npos);  // the CSP allows no inline style
  std::string en = HomePage(Lang::kEn, data);
  EXPECT_NE(en.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en.find("Dandelion Pilgrimage: Gunsan"), std::string::npos);
  EXPECT_NE(en.find("href=\"/help/en\""), std::string::npos);
  EXPECT_NE(en.find("And 2 support facilities"), std::string::npos);
}

TEST(SitePagesTest, EventFormKeepsHerEntriesAndNamesWhatToCorrect) {
  RegistrationForm form{.name = "김<하나>", .contact = "x", .alias = "민들레"};
  form.errors.emplace_back("contact", "field.required");
  std::string page = EventPage(Lang::kKo, Pilgrimage(), form);
  EXPECT_NE(page.find(kTokenSlot), std::string::npos);
  EXPECT_NE(page.find("value=\"김&lt;하나&gt;\""), std::string::npos);
  EXPECT_NE(page.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(page.find("href=\"#f-contact\""), std::string::npos);
  EXPECT_NE(page.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(page.find("action=\"/events/" + Pilgrimage().stored.id), std::string::npos);
  auto closed = Pilgrimage();
  closed.availability = "closed";
  EXPECT_EQ(EventPage(Lang::kEn, closed, {}).find("<form"), std::string::npos);
}

TEST(SitePagesTest, TicketShowsReferenceAndCode) {
  std::string page = TicketPage(Lang::kEn, Pilgrimage(), "ABCD-2345", "waitlisted", "<svg></svg>");
  EXPECT_NE(page.find("ABCD-2345"), std::string::npos);
  EXPECT_NE(page.find("<svg></svg>"), std::string::npos);
  EXPECT_NE(page.find("waiting list"), std::string::npos);
}

TEST(SitePagesTest, CampaignShowsItsRouteWithHostsAndProgress) {
  campaigns::PublicCampaign c;
  c.id = "c1";
  c.title_ko = "제22회 민들레순례";
  c.starts_on = "2026-09-01";
  c.ends_on = "2026-10-31";
  c.organizer_name = "전국연대 사무국";
  c.themes = {"memorial"};
  c.progress = {.stops_total = 2, .stops_done = 1, .next_stop_on = "2026-10-03"};
  c.stops.push_back({.position = 1,
                     .date = "2026-09-19",
                     .region = "KR-11",
                     .city = "영등포",
                     .venue = "집결지 앞",
                     .host = campaigns::PublicHost{"member", "서울 상담소"},
                     .activities = {"rally", "vigil"},
                     .done = true});
  c.stops.push_back(
      {.position = 2, .date = "2026-10-03", .region = "KR-45", .city = "군산", .event_id = "e1"});
  std::string ko = CampaignPage(Lang::kKo, c);
  EXPECT_NE(ko.find("2026년 9월 19일 · 서울특별시 영등포"), std::string::npos);
  EXPECT_NE(ko.find("맞이하는 곳: 서울 상담소"), std::string::npos);
  EXPECT_NE(ko.find("촛불 문화제"), std::string::npos);
  EXPECT_NE(ko.find("경유지 2곳 중 1곳을 지났습니다"), std::string::npos);
  EXPECT_NE(ko.find("<progress max=\"2\" value=\"1\">"), std::string::npos);
  EXPECT_NE(ko.find("href=\"/events/e1\""), std::string::npos);
  EXPECT_NE(CampaignPage(Lang::kEn, c).find("1 of 2 stops done"), std::string::npos);
}

TEST(SitePagesTest, CertificatePageNamesNoOne) {
  std::string valid =
      CertificatePage(Lang::kKo, "ABCD-EFGH", true, "신입 활동가 기본 교육", "2026-11-20");
  EXPECT_NE(valid.find("유효한 수료증입니다."), std::string::npos);
  EXPECT_NE(valid.find("2026년 11월 20일"), std::string::npos);
  std::string invalid = CertificatePage(Lang::kEn, "<x>", false, "", "");
  EXPECT_NE(invalid.find("cannot be confirmed"), std::string::npos);
  EXPECT_EQ(invalid.find("<x>"), std::string::npos);
}

TEST(SiteFormTest, ParsesAFormPost) {
  RegistrationForm form;
  std::string token;
  ASSERT_TRUE(ParseRegistration(
      "name=%EA%B9%80+%ED%95%98%EB%82%98&contact=010-1234-5678&alias=&photo_consent=yes&"
      "form_token=t.1.x&submit=",
      &form, &token));
  EXPECT_EQ(form.name, "김 하나");
  EXPECT_EQ(form.contact, "010-1234-5678");
  EXPECT_TRUE(form.alias.empty());
  EXPECT_TRUE(form.photo_consent);
  EXPECT_EQ(token, "t.1.x");
  EXPECT_TRUE(form.errors.empty());
}

TEST(SiteFormTest, RefusesBadEscapesInvalidUtf8AndLongFields) {
  RegistrationForm form;
  std::string token;
  EXPECT_FALSE(ParseRegistration("name=%ZZ", &form, &token));
  EXPECT_FALSE(ParseRegistration("name=%C3%28", &form, &token));
  RegistrationForm longer;
  ASSERT_TRUE(ParseRegistration("alias=" + std::string(101, 'a'), &longer, &token));
  ASSERT_EQ(longer.errors.size(), 1u);
  EXPECT_EQ(longer.errors[0].first, "alias");
  EXPECT_EQ(longer.errors[0].second, "field.too_long");
}

}  // namespace
}  // namespace dandelion::site

#include "app/demo_campaigns.h"

#include <chrono>

#include "core/korea_date.h"

namespace dandelion::app {
namespace {

using std::chrono::hours;

struct DemoPartner {
  const char* kind;
  const char* name_ko;
  const char* name_en;
  const char* website;
  const char* contact_name;
  const char* contact_role;
  const char* phone;
  const char* email;
};

constexpr DemoPartner kPartners[] = {
    {"womens_rights", "(데모) 군산여성연대", "(Demo) Gunsan Women's Solidarity",
     "https://example.org/gunsan-women", "(데모) 한소망", "사무국장", "010-5550-0201", ""},
    {"civil_society", "(데모) 시민사회연대회의", "(Demo) Civil Society Council",
     "https://example.org/civil", "(데모) 오세린", "정책팀장", "", "demo.civil@example.org"},
    {"government", "(데모) 군산시 여성가족과", "(Demo) Gunsan City, Women and Family Division", "",
     "(데모) 윤가람", "주무관", "063-555-0203", ""},
    {"police", "(데모) 전북경찰청 여성청소년과", "(Demo) Jeonbuk Police, Women and Youth", "",
     "(데모) 장도윤", "경감", "063-555-0204", ""},
    {"hospital", "(데모) 한빛병원", "(Demo) Hanbit Hospital", "https://example.org/hanbit",
     "(데모) 서예린", "의료사회복지사", "02-555-0205", "demo.hanbit@example.org"},
    {"legal_aid", "(데모) 공익법센터 온길", "(Demo) Ongil Public Interest Law Center",
     "https://example.org/ongil", "(데모) 문지후", "변호사", "", "demo.ongil@example.org"},
    {"international", "(데모) 성착취 반대 국제연대",
     "(Demo) International Coalition Against "
     "Sexual Exploitation",
     "https://example.org/intl", "(Demo) Alex Kim", "Asia coordinator", "",
     "demo.intl@example.org"},
    {"press", "(데모) 평화신문", "(Demo) Peace Daily", "https://example.org/peace-daily",
     "(데모) 노은채", "사회부 기자", "010-5550-0208", ""},
};

}  // namespace

Result<DemoCampaignCounts> FillDemoCampaigns(Services& services, const security::Actor& secretariat,
                                             const std::string& gunsan_org_id) {
  DemoCampaignCounts counts;
  auto& c = *services.campaigns;
  const TimePoint now = services.clock->Now();
  auto day = [&](int days) { return KoreaDate(now + hours(24 * days)); };

  // ---- Partners ----
  std::vector<std::string> partner_ids;
  for (const auto& p : kPartners) {
    auto made = TRY(c.CreatePartner(
        secretariat, {p.kind, p.name_ko, p.name_en, p.website, "합성 데모 협력 단체입니다."}));
    partner_ids.push_back(made.partner.stored.id);
    TRY(c.AddContact(secretariat, made.partner.stored.id,
                     {p.contact_name, p.contact_role, p.phone, p.email}));
    ++counts.partners;
  }
  const std::string& womens = partner_ids[0];
  const std::string& hospital = partner_ids[4];
  const std::string& legal = partner_ids[5];
  const std::string& civil = partner_ids[1];
  for (const auto& id : {womens, partner_ids[1], partner_ids[6]}) {
    TRY(c.AddAlliance(secretariat, id,
                      {.name = "(데모) 성매매 문제 해결을 위한 공동행동", .since = "2019-03-08"}));
  }
  TRY(c.AddAgreement(secretariat, hospital,
                     {.title = "(데모) 탈성매매 여성 의료 지원 업무협약",
                      .signed_on = day(-300),
                      .expires_on = day(400)}));
  auto legal_agreement = TRY(c.AddAgreement(
      secretariat, legal,
      {.title = "(데모) 법률 지원 협약", .signed_on = day(-800), .expires_on = day(-70)}));
  TRY(c.SetAgreementFile(secretariat, legal, legal_agreement.id, "demo-agreement.txt", "text/plain",
                         "(데모) 합성 협약서입니다. Synthetic demo agreement.\n"));
  TRY(c.AddInteraction(secretariat, womens,
                       {.day = day(-60),
                        .kind = "meeting",
                        .summary = "(데모) 순례 군산 구간 준비 회의: 추모 장소와 동선 확인"}));
  TRY(c.AddInteraction(secretariat, partner_ids[2],
                       {.day = day(-20),
                        .kind = "letter",
                        .summary = "(데모) 추모 행사 장소 사용 협조 요청 공문 발송"}));
  TRY(c.AddInteraction(secretariat, partner_ids[7],
                       {.day = day(-12), .kind = "call", .summary = "(데모) 기자회견 취재 요청"}));

  // ---- Last year's pilgrimage, finished ----
  auto last = TRY(c.Create(secretariat, {.title_ko = "(데모) 제21회 민들레 순례",
                                         .title_en = "(Demo) 21st Dandelion Pilgrimage",
                                         .summary_ko = "성매매 집결지를 지나 군산 화재 참사 "
                                                       "현장까지 걸은 지난해의 순례입니다.",
                                         .summary_en = "Last year's pilgrimage through red-light "
                                                       "districts to the Gunsan fire sites.",
                                         .starts_on = day(-400),
                                         .ends_on = day(-380),
                                         .themes = {"memorial", "curbing_demand"},
                                         .status = "finished",
                                         .published = true}));
  ++counts.campaigns;
  for (const auto& [offset, region, city, venue] :
       {std::tuple{-400, "KR-11", "서울특별시", "(데모) 영등포역 광장"},
        std::tuple{-380, "KR-45", "군산시", "(데모) 개복동 화재 현장"}}) {
    TRY(c.AddStop(secretariat, last.campaign.stored.id,
                  {.day = day(offset),
                   .region = region,
                   .city = city,
                   .venue = venue,
                   .activities = std::vector<std::string>{"memorial", "march"}}));
    ++counts.stops;
  }

  // ---- This year's: the 22nd ----
  auto pilgrimage = TRY(c.Create(
      secretariat,
      {.title_ko = "(데모) 제22회 민들레 순례",
       .title_en = "(Demo) 22nd Dandelion Pilgrimage",
       .summary_ko = "2006년부터 이어 온 순례: 전국의 성매매 집결지를 지나 2000년과 2002년 "
                     "군산 화재 참사 현장에서 목숨을 잃은 여성들을 추모합니다.",
       .summary_en = "Since 2006: through the country's red-light districts to the sites of the "
                     "Gunsan fires of 2000 and 2002, in memory of the women who died there.",
       .goal_ko = "성구매 수요 차단, 알선·업주 처벌 강화, 성매매 여성 비범죄화",
       .goal_en = "Curb demand, punish pimps and brothel owners, decriminalize women",
       .starts_on = day(-45),
       .ends_on = day(35),
       .themes = {"memorial", "curbing_demand", "punishing_pimps", "decriminalizing_women"},
       .status = "active",
       .published = true}));
  ++counts.campaigns;
  const std::string id = pilgrimage.campaign.stored.id;
  // The secretariat's pilgrimage events (demo_events): linked, and each a stop at its date.
  for (const auto& e : TRY(services.events->List(secretariat))) {
    const auto& s = e.stored;
    if (s.kind != "pilgrimage_stop" && s.kind != "press_conference") continue;
    TRY(c.LinkEvent(secretariat, id, s.id));
    if (s.kind != "pilgrimage_stop") continue;
    TimePoint t{};
    ParseRfc3339(s.starts_at, &t);
    const bool busan = s.region == "KR-26";
    TRY(c.AddStop(secretariat, id,
                  {.day = KoreaDate(t),
                   .region = s.region,
                   .city = s.region == "KR-11" ? "서울특별시"
                           : busan             ? "부산광역시"
                                               : "대구광역시",
                   .venue = s.venue,
                   .activities = std::vector<std::string>{"march", "rally"},
                   .host_partner_id = busan ? std::optional<std::string>(civil) : std::nullopt,
                   .event_id = s.id}));
    ++counts.stops;
  }
  // The fire sites, hosted by the Gunsan member (its memorial event is its own to link).
  TRY(c.AddStop(secretariat, id,
                {.day = day(19),
                 .region = "KR-45",
                 .city = "군산시",
                 .venue = "(데모) 개복동·대명동 화재 현장",
                 .note = "화재 참사 추모",
                 .activities = std::vector<std::string>{"memorial", "vigil", "press_conference"},
                 .host_org_id = gunsan_org_id}));
  ++counts.stops;
  TRY(c.AddStop(secretariat, id,
                {.day = day(-5),
                 .region = "KR-29",
                 .city = "광주광역시",
                 .venue = "(데모) 광주 대인동",
                 .activities = std::vector<std::string>{"vigil", "forum"}}));
  ++counts.stops;
  TRY(c.AddPress(secretariat, id,
                 {.day = day(-39),
                  .outlet = "(데모) 평화신문",
                  .title = "(데모) 민들레 순례, 영등포에서 출발",
                  .url = "https://example.org/peace-daily/pilgrimage-start"}));
  TRY(c.AddPress(secretariat, id,
                 {.day = day(-11),
                  .outlet = "(데모) 시민방송",
                  .title = "(데모) \"성매매 여성 처벌 말고 구매자 처벌을\" 기자회견",
                  .url = "https://example.org/citizen-tv/press-conference"}));
  TRY(c.AddMaterial(
      secretariat, id,
      {.title = "(데모) 순례 경로 안내",
       .file_name = "demo-route.txt",
       .content_type = "text/plain",
       .content = "(데모) 제22회 민들레 순례 경로: 서울 - 대구 - 광주 - 군산 - 부산\n",
       .is_public = true}));
  TRY(c.AddMaterial(secretariat, id,
                    {.title = "(데모) 순례 보도자료",
                     .url = "https://example.org/press-kit",
                     .is_public = true}));
  TRY(c.AddMaterial(secretariat, id,
                    {.title = "(데모) 내부용 진행 계획",
                     .file_name = "demo-plan.txt",
                     .content_type = "text/plain",
                     .content = "(데모) 내부 진행 계획 — 공개하지 않습니다.\n"}));
  return counts;
}

}  // namespace dandelion::app

#include "modules/site/pages.h"

#include <algorithm>
#include <array>
#include <chrono>

#include "core/clock.h"
#include "modules/site/about.h"
#include "modules/site/html.h"
#include "modules/site/words.h"

namespace dandelion::site {
namespace {

// Where each region sits on the tile map: the same layout as the web app's
// (web/src/ui/tileGrid.ts).
struct Tile {
  std::string_view code;
  int col, row;
};
constexpr std::array<Tile, 17> kTiles{{
    {"KR-41", 1, 0},
    {"KR-42", 2, 0},
    {"KR-28", 0, 1},
    {"KR-11", 1, 1},
    {"KR-43", 2, 1},
    {"KR-47", 3, 1},
    {"KR-44", 0, 2},
    {"KR-50", 1, 2},
    {"KR-30", 2, 2},
    {"KR-27", 3, 2},
    {"KR-31", 4, 2},
    {"KR-45", 1, 3},
    {"KR-48", 2, 3},
    {"KR-26", 3, 3},
    {"KR-29", 0, 4},
    {"KR-46", 1, 4},
    {"KR-49", 0, 5},
}};

constexpr std::array<std::string_view, 4> kStatuses{"in_force", "municipal", "considering", "none"};

std::string_view Title(Lang lang, std::string_view ko, std::string_view en) {
  return lang == Lang::kEn && !en.empty() ? en : ko;
}

std::string StatementTitle(Lang lang, const policy::work_repo::Statement& s) {
  return Esc(Title(lang, s.title_ko, s.title_en));
}

std::string Day(Lang lang, std::string_view rfc3339) {
  std::string when = KoreaWhen(lang, rfc3339);
  // The day without the hour: up to the weekday's closing parenthesis, or the first comma.
  size_t cut = lang == Lang::kEn ? when.find(',') : when.find(')');
  if (cut == std::string::npos) return when;
  return when.substr(0, lang == Lang::kEn ? cut : cut + 1);
}

void EventCards(std::string& h, Lang l, const std::vector<events::PublicEvent>& list) {
  if (list.empty()) {
    h += "<p class=\"muted\">";
    h += Pick(l, "지금 신청을 받는 행사가 없습니다.", "No events are open for registration now.");
    h += "</p>";
    return;
  }
  h += "<ul class=\"cards\">";
  for (const auto& e : list) {
    const auto& s = e.stored;
    h += "<li class=\"card\"><h3><a href=\"" + Esc(Path(l, "events/" + s.id)) + "\">" +
         Esc(Title(l, s.title_ko, s.title_en)) + "</a></h3><p><span class=\"tag\">" +
         std::string(EventKindWord(l, s.kind)) + "</span>" + Esc(KoreaWhen(l, s.starts_at)) +
         "</p><p class=\"muted\">" + Esc(s.venue) + " · " + std::string(RegionWord(l, s.region)) +
         "</p><p>" + Esc(AvailabilityWords(l, e)) + "</p></li>";
  }
  h += "</ul>";
}

void MapTiles(std::string& h, Lang l, const std::vector<policy::MapCell>& map) {
  h += "<ul class=\"legend\" aria-label=\"";
  h += Pick(l, "범례", "Legend");
  h += "\">";
  for (auto status : kStatuses) {
    h += "<li><span class=\"s-" + std::string(status) + "\" aria-hidden=\"true\"></span>" +
         std::string(MapStatusWord(l, status)) + "</li>";
  }
  h += "</ul><ul class=\"tiles\">";
  for (const auto& t : kTiles) {
    auto cell =
        std::find_if(map.begin(), map.end(), [&](const auto& c) { return c.code == t.code; });
    std::string status = cell == map.end() ? "none" : cell->status;
    h += "<li class=\"c" + std::to_string(t.col) + " r" + std::to_string(t.row) + " s-" + status +
         "\"><b>" + std::string(RegionShort(l, t.code)) + "</b>" +
         std::string(MapStatusShort(l, status)) + "</li>";
  }
  h += "</ul>";
}

void MapTable(std::string& h, Lang l, const std::vector<policy::MapCell>& map) {
  h += "<table><caption>";
  h += Pick(l, "지역별 탈성매매 지원 조례",
            "Ordinances supporting women leaving prostitution, by region");
  h += "</caption><thead><tr><th scope=\"col\">";
  h += Pick(l, "지역", "Region");
  h += "</th><th scope=\"col\">";
  h += Pick(l, "상태", "Status");
  h += "</th><th scope=\"col\">";
  h += Pick(l, "조례 수", "Ordinances");
  h += "</th><th scope=\"col\">";
  h += Pick(l, "평가 점수", "Score");
  h += "</th></tr></thead><tbody>";
  for (const auto& c : map) {
    h += "<tr><th scope=\"row\">" + std::string(RegionWord(l, c.code)) + "</th><td>" +
         std::string(MapStatusWord(l, c.status)) + "</td><td>" + std::to_string(c.ordinances) +
         "</td><td>" + (c.score ? std::to_string(*c.score) : std::string("–")) + "</td></tr>";
  }
  h += "</tbody></table>";
}

void Members(std::string& h, Lang l, const std::vector<network::Organization>& orgs) {
  int shelters = 0;
  h += "<ul class=\"cards\">";
  for (const auto& o : orgs) {
    if (o.kind == "support_facility") {
      ++shelters;  // a shelter's name and place are kept from the public
      continue;
    }
    if (o.kind == "secretariat") continue;
    h += "<li class=\"card\"><h3>" + Esc(o.name) + "</h3><p><span class=\"tag\">" +
         std::string(OrgKindWord(l, o.kind)) + "</span>" + std::string(RegionWord(l, o.region)) +
         "</p></li>";
  }
  h += "</ul>";
  if (shelters > 0) {
    h += "<p>";
    h += l == Lang::kEn ? "And " + std::to_string(shelters) +
                              " support facilities (shelters), whose names and places are not "
                              "published to keep the women who live there safe."
                        : "그리고 지원시설(쉼터) " + std::to_string(shelters) +
                              "곳이 함께합니다. 그곳에 사는 여성들의 안전을 위해 이름과 위치는 "
                              "공개하지 않습니다.";
    h += "</p>";
  }
}

}  // namespace

std::string KoreaWhen(Lang lang, std::string_view rfc3339) {
  TimePoint t;
  if (!ParseRfc3339(rfc3339, &t)) return std::string(rfc3339);
  auto local = std::chrono::floor<std::chrono::minutes>(t + std::chrono::hours(9));
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::year_month_day ymd{day};
  std::chrono::weekday wd{day};
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  int hour = static_cast<int>(minutes / 60), minute = static_cast<int>(minutes % 60);
  char mm[8];
  std::snprintf(mm, sizeof mm, "%02d", minute);
  int h12 = hour % 12 == 0 ? 12 : hour % 12;
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  static constexpr std::array<std::string_view, 7> kKo{"일", "월", "화", "수", "목", "금", "토"};
  static constexpr std::array<std::string_view, 7> kEn{"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 12> kMonths{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (lang == Lang::kEn) {
    return std::string(kEn[wd.c_encoding()]) + " " + std::to_string(d) + " " +
           std::string(kMonths[m - 1]) + " " + std::to_string(y) + ", " + std::to_string(h12) +
           ":" + mm + (hour < 12 ? " am" : " pm");
  }
  return std::to_string(y) + "년 " + std::to_string(m) + "월 " + std::to_string(d) + "일 (" +
         std::string(kKo[wd.c_encoding()]) + ") " + (hour < 12 ? "오전 " : "오후 ") +
         std::to_string(h12) + ":" + mm;
}

std::string HomePage(Lang l, const HomeData& data) {
  std::string h;
  h += "<h1>";
  h += Pick(l, "성매매 없는 세상, 여성들과 함께 만듭니다",
            "A world without prostitution, made with women");
  h += "</h1><section aria-labelledby=\"about\"><h2 id=\"about\">";
  h += Pick(l, "전국연대 소개", "About the network");
  h += "</h2>";
  h += AboutHtml(l);
  h += "</section><section aria-labelledby=\"campaigns\"><h2 id=\"campaigns\">";
  h += Pick(l, "캠페인", "Campaigns");
  h += "</h2>";
  CampaignCards(h, l, data.campaigns);
  h += "</section><section aria-labelledby=\"events\"><h2 id=\"events\">";
  h += Pick(l, "다가오는 행사", "Upcoming events");
  h += "</h2>";
  EventCards(h, l, data.events);
  h += "</section><section aria-labelledby=\"statements-h\"><h2 id=\"statements-h\">";
  h += Pick(l, "성명서", "Statements");
  h += "</h2>";
  if (data.statements.empty()) {
    h += "<p class=\"muted\">";
    h += Pick(l, "발표한 성명서가 아직 없습니다.", "No statements published yet.");
    h += "</p>";
  } else {
    h += "<ul>";
    for (size_t i = 0; i < data.statements.size() && i < 5; ++i) {
      const auto& s = data.statements[i];
      h += "<li><a href=\"" + Esc(Path(l, "statements/" + s.id)) + "\">" + StatementTitle(l, s) +
           "</a> <span class=\"muted\">" + Esc(Day(l, s.published_at)) + "</span></li>";
    }
    h += "</ul><p><a href=\"" + Path(l, "statements") + "\">";
    h += Pick(l, "성명서 모두 보기", "All statements");
    h += "</a></p>";
  }
  h += "</section><section aria-labelledby=\"policy-h\"><h2 id=\"policy-h\">";
  h += Pick(l, "지역 조례 지도", "Local ordinances on the map");
  h += "</h2>";
  MapTiles(h, l, data.map);
  h += "<p><a href=\"" + Path(l, "policy") + "\">";
  h += Pick(l, "지역별 표로 보기", "See it as a table by region");
  h += "</a></p></section><section aria-labelledby=\"members\"><h2 id=\"members\">";
  h += Pick(l, "회원 단체", "Member organizations");
  h += "</h2>";
  Members(h, l, data.members);
  h += "</section>";
  return RenderFrame({.lang = l, .title = "", .rest = "", .body = std::move(h)});
}

std::string MapPage(Lang l, const std::vector<policy::MapCell>& map) {
  std::string h = "<h1>";
  h += Pick(l, "지역 조례 지도", "Local ordinances on the map");
  h += "</h1><p>";
  h +=
      Pick(l,
           "탈성매매 여성의 자립을 지원하는 조례가 있는 지역입니다. 지도와 같은 내용을 아래 표로도 "
           "볼 수 있습니다.",
           "Where ordinances support women leaving prostitution. The table below holds the same "
           "as the map.");
  h += "</p>";
  MapTiles(h, l, map);
  MapTable(h, l, map);
  return RenderFrame({.lang = l,
                      .title = std::string(Pick(l, "지역 조례 지도", "Local ordinances")),
                      .rest = "policy",
                      .body = std::move(h)});
}

std::string StatementsPage(Lang l, const std::vector<policy::work_repo::Statement>& list,
                           const std::string& extra) {
  std::string h = "<h1>";
  h += Pick(l, "성명서", "Statements");
  h += "</h1>";
  if (list.empty()) {
    h += "<p class=\"muted\">";
    h += Pick(l, "발표한 성명서가 아직 없습니다.", "No statements published yet.");
    h += "</p>";
  }
  h += "<ul>";
  for (const auto& s : list) {
    h += "<li><a href=\"" + Esc(Path(l, "statements/" + s.id)) + "\">" + StatementTitle(l, s) +
         "</a> <span class=\"muted\">" + Esc(Day(l, s.published_at)) + "</span></li>";
  }
  h += "</ul>";
  h += extra;
  return RenderFrame({.lang = l,
                      .title = std::string(Pick(l, "성명서", "Statements")),
                      .rest = "statements",
                      .body = std::move(h)});
}

std::string StatementPage(Lang l, const policy::work_repo::Statement& s) {
  std::string h = "<article><h1>" + StatementTitle(l, s) + "</h1><p class=\"muted\">" +
                  Esc(Day(l, s.published_at)) + "</p>";
  h += Paragraphs(Title(l, s.body_ko, s.body_en));
  h += "</article><p><a href=\"" + Path(l, "statements") + "\">";
  h += Pick(l, "성명서 목록으로", "Back to all statements");
  h += "</a></p>";
  return RenderFrame({.lang = l,
                      .title = std::string(Title(l, s.title_ko, s.title_en)),
                      .rest = "statements/" + s.id,
                      .body = std::move(h)});
}

std::string NotFoundPage(Lang l) {
  std::string h = "<h1>";
  h += Pick(l, "찾는 페이지가 없습니다", "This page does not exist");
  h += "</h1><p><a href=\"" + Path(l, "") + "\">";
  h += Pick(l, "첫 화면으로", "Go to the home page");
  h += "</a></p>";
  return RenderFrame({.lang = l,
                      .title = std::string(Pick(l, "페이지 없음", "Not found")),
                      .rest = "",
                      .body = std::move(h)});
}

}  // namespace dandelion::site

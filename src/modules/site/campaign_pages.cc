// A campaign's public page (its route of stops, the events on it, press coverage, materials),
// the campaigns' cards on the home page, and the page a training certificate's QR code opens.
#include "modules/site/html.h"
#include "modules/site/pages.h"
#include "modules/site/words.h"

namespace dandelion::site {
namespace {

std::string_view Choose(Lang lang, std::string_view ko, std::string_view en) {
  return lang == Lang::kEn && !en.empty() ? en : ko;
}

// "2026-10-03" → "2026년 10월 3일" / "3 Oct 2026".
std::string DayWords(Lang lang, std::string_view day) {
  if (day.size() != 10) return std::string(day);
  std::string when = KoreaWhen(lang, std::string(day) + "T00:00:00+09:00");
  if (lang == Lang::kEn) {
    // "Sat 3 Oct 2026, 12:00 am" → "3 Oct 2026"
    size_t space = when.find(' '), comma = when.find(',');
    return space == std::string::npos || comma == std::string::npos
               ? when
               : when.substr(space + 1, comma - space - 1);
  }
  size_t paren = when.find(" (");
  return paren == std::string::npos ? when : when.substr(0, paren);
}

std::string Period(Lang lang, const campaigns::PublicCampaign& c) {
  return DayWords(lang, c.starts_on) + " – " + DayWords(lang, c.ends_on);
}

void ProgressLine(std::string& h, Lang l, const campaigns::Progress& p) {
  if (p.stops_total == 0) return;
  const std::string words = l == Lang::kEn ? std::to_string(p.stops_done) + " of " +
                                                 std::to_string(p.stops_total) + " stops done"
                                           : "경유지 " + std::to_string(p.stops_total) + "곳 중 " +
                                                 std::to_string(p.stops_done) + "곳을 지났습니다";
  h += "<p><label>" + Esc(words) + " <progress max=\"" + std::to_string(p.stops_total) +
       "\" value=\"" + std::to_string(p.stops_done) + "\">" + Esc(words) + "</progress></label>";
  if (!p.next_stop_on.empty()) {
    h += "<br>";
    h += Pick(l, "다음 경유지: ", "Next stop: ");
    h += Esc(DayWords(l, p.next_stop_on));
  }
  h += "</p>";
}

void Themes(std::string& h, Lang l, const std::vector<std::string>& themes) {
  if (themes.empty()) return;
  h += "<p>";
  for (const auto& t : themes)
    h += "<span class=\"tag\">" + std::string(ThemeWord(l, t)) + "</span>";
  h += "</p>";
}

void Route(std::string& h, Lang l, const campaigns::PublicCampaign& c) {
  h += "<h2 id=\"route\">";
  h += Pick(l, "경로", "Route");
  h += "</h2><ol class=\"route\">";
  for (const auto& s : c.stops) {
    h += "<li class=\"card";
    h += s.done ? " done\">" : "\">";
    h += "<h3>" + Esc(DayWords(l, s.date)) + " · " + std::string(RegionWord(l, s.region));
    if (!s.city.empty()) h += " " + Esc(s.city);
    h += "</h3><p>";
    h += s.done ? Pick(l, "지났습니다", "Done") : Pick(l, "예정", "Coming");
    if (!s.venue.empty()) h += " · " + Esc(s.venue);
    h += "</p>";
    if (s.host) {
      h += "<p>";
      h += Pick(l, "맞이하는 곳: ", "Hosted by: ");
      h += Esc(s.host->name) + "</p>";
    }
    if (!s.activities.empty()) {
      h += "<p>";
      for (const auto& a : s.activities) {
        h += "<span class=\"tag\">" + std::string(ActivityWord(l, a)) + "</span>";
      }
      h += "</p>";
    }
    if (!s.event_id.empty()) {
      h += "<p><a href=\"" + Esc(Path(l, "events/" + s.event_id)) + "\">";
      h += Pick(l, "이 행사에 참가 신청하기", "Register for this event");
      h += "</a></p>";
    }
    h += "</li>";
  }
  h += "</ol>";
}

}  // namespace

void CampaignCards(std::string& h, Lang l, const std::vector<campaigns::PublicCampaign>& list) {
  if (list.empty()) {
    h += "<p class=\"muted\">";
    h += Pick(l, "공개한 캠페인이 아직 없습니다.", "No campaigns published yet.");
    h += "</p>";
    return;
  }
  h += "<ul class=\"cards\">";
  for (const auto& c : list) {
    h += "<li class=\"card\"><h3><a href=\"" + Esc(Path(l, "campaigns/" + c.id)) + "\">" +
         Esc(Choose(l, c.title_ko, c.title_en)) + "</a></h3><p class=\"muted\">" +
         Esc(Period(l, c)) + "</p>";
    ProgressLine(h, l, c.progress);
    h += "</li>";
  }
  h += "</ul>";
}

std::string CampaignPage(Lang l, const campaigns::PublicCampaign& c) {
  std::string h = "<h1>" + Esc(Choose(l, c.title_ko, c.title_en)) + "</h1><p class=\"muted\">" +
                  Esc(Period(l, c)) + " · " + Esc(c.organizer_name) + "</p>";
  Themes(h, l, c.themes);
  const std::string_view summary = Choose(l, c.summary_ko, c.summary_en);
  if (!summary.empty()) h += "<p>" + Esc(summary) + "</p>";
  const std::string_view goal = Choose(l, c.goal_ko, c.goal_en);
  if (!goal.empty()) {
    h += "<p><strong>";
    h += Pick(l, "목표: ", "Goal: ");
    h += "</strong>" + Esc(goal) + "</p>";
  }
  ProgressLine(h, l, c.progress);
  if (!c.stops.empty()) Route(h, l, c);
  if (!c.events.empty()) {
    h += "<h2>";
    h += Pick(l, "함께하는 행사", "Events of the campaign");
    h += "</h2><ul>";
    for (const auto& e : c.events) {
      h += "<li><a href=\"" + Esc(Path(l, "events/" + e.id)) + "\">" +
           Esc(Choose(l, e.title_ko, e.title_en)) + "</a> <span class=\"muted\">" +
           Esc(KoreaWhen(l, e.starts_at)) + "</span></li>";
    }
    h += "</ul>";
  }
  if (!c.press.empty()) {
    h += "<h2>";
    h += Pick(l, "언론 보도", "In the press");
    h += "</h2><ul>";
    for (const auto& p : c.press) {
      h += "<li>" + Esc(DayWords(l, p.date)) + " · " + Esc(p.outlet) + ": ";
      if (p.url.empty()) {
        h += Esc(p.title);
      } else {
        h += "<a href=\"" + Esc(p.url) + "\" rel=\"noopener noreferrer\">" + Esc(p.title) + "</a>";
      }
      h += "</li>";
    }
    h += "</ul>";
  }
  if (!c.materials.empty()) {
    h += "<h2>";
    h += Pick(l, "자료", "Materials");
    h += "</h2><ul>";
    for (const auto& m : c.materials) {
      const std::string href =
          m.url.empty() ? "/api/v1/public/campaigns/" + c.id + "/materials/" + m.id + "/file"
                        : m.url;
      h += "<li><a href=\"" + Esc(href) + "\" rel=\"noopener noreferrer\">" + Esc(m.title) +
           "</a></li>";
    }
    h += "</ul>";
  }
  return RenderFrame({.lang = l,
                      .title = std::string(Choose(l, c.title_ko, c.title_en)),
                      .rest = "campaigns/" + c.id,
                      .body = std::move(h)});
}

std::string CertificatePage(Lang l, std::string_view code, bool valid, std::string_view course,
                            std::string_view issued_on) {
  std::string h = "<h1>";
  h += Pick(l, "수료증 확인", "Certificate check");
  h += "</h1><div class=\"ticket\"><p class=\"ref\">" + Esc(code) + "</p>";
  if (valid) {
    h += "<p><strong>";
    h += Pick(l, "유효한 수료증입니다.", "This certificate is valid.");
    h += "</strong></p><dl><dt>";
    h += Pick(l, "교육 과정", "Course");
    h += "</dt><dd>" + Esc(course) + "</dd><dt>";
    h += Pick(l, "발급일", "Issued on");
    h += "</dt><dd>" + Esc(DayWords(l, issued_on)) + "</dd></dl>";
  } else {
    h += "<p><strong>";
    h += Pick(l, "확인할 수 없는 수료증입니다.", "This certificate cannot be confirmed.");
    h += "</strong></p><p>";
    h += Pick(l, "번호가 틀렸거나, 바뀌었거나, 취소된 수료증입니다. 발급한 단체에 문의하세요.",
              "The code is wrong or altered, or the certificate was revoked. Ask the organization "
              "that issued it.");
    h += "</p>";
  }
  h += "</div><p class=\"hint\">";
  h += Pick(l,
            "이 페이지는 수료증의 유효 여부만 알려 주며, 수료한 사람의 이름은 보여 주지 않습니다.",
            "This page tells only whether the certificate is valid; it never shows who holds it.");
  h += "</p>";
  return RenderFrame({.lang = l,
                      .title = std::string(Pick(l, "수료증 확인", "Certificate check")),
                      .rest = "certificates/" + std::string(code),
                      .body = std::move(h)});
}

}  // namespace dandelion::site

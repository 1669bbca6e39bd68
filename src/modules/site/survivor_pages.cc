#include "modules/site/survivor_pages.h"

#include "core/clock.h"
#include "core/korea_date.h"
#include "modules/site/html.h"

namespace dandelion::site {
namespace {

std::string_view Title(Lang l, const survivors::PublicStatement& s) {
  return l == Lang::kEn && !s.title_en.empty() ? s.title_en : s.title_ko;
}

std::string DayOf(const std::string& at) {
  TimePoint t{};
  if (!ParseRfc3339(at, &t)) return "";
  return KoreaDate(t);
}

}  // namespace

std::string SignedBy(Lang l, int n) {
  return l == Lang::kEn ? "Signed by " + std::to_string(n) + " members of the survivors' network"
                        : "당사자 네트워크 회원 " + std::to_string(n) + "명이 서명했습니다";
}

std::string SurvivorStatementsSection(Lang l, const std::vector<survivors::PublicStatement>& list) {
  if (list.empty()) return "";
  std::string h = "<h2>";
  h += Pick(l, "당사자 네트워크 공동 성명", "Statements of the survivors' network");
  h += "</h2><ul>";
  for (const auto& s : list) {
    h += "<li><a href=\"" + Esc(Path(l, "statements/" + s.id)) + "\">" + Esc(Title(l, s)) +
         "</a> <span class=\"muted\">" + Esc(SignedBy(l, s.signatures)) + "</span></li>";
  }
  h += "</ul>";
  return h;
}

std::string SurvivorStatementPage(Lang l, const survivors::PublicStatement& s) {
  std::string h = "<article><h1>" + Esc(Title(l, s)) + "</h1><p class=\"muted\">" +
                  Esc(DayOf(s.published_at)) + "</p>";
  h += Paragraphs(l == Lang::kEn && !s.body_en.empty() ? s.body_en : s.body_ko);
  h += "<p><strong>" + Esc(SignedBy(l, s.signatures)) + "</strong></p>";
  h += "</article><p><a href=\"" + Path(l, "statements") + "\">";
  h += Pick(l, "성명서 목록으로", "Back to all statements");
  h += "</a></p>";
  return RenderFrame({.lang = l,
                      .title = std::string(Title(l, s)),
                      .rest = "statements/" + s.id,
                      .body = std::move(h)});
}

}  // namespace dandelion::site

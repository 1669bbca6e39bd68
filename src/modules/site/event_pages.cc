// An event's public page with its registration form, and the ticket page after registering.
// The form is plain HTML that posts to the page's own address: it works without script, on any
// phone, and with a screen reader; errors come back on the same form with her entries kept.
#include "modules/events/model.h"
#include "modules/site/html.h"
#include "modules/site/pages.h"
#include "modules/site/words.h"

namespace dandelion::site {
namespace {

std::string_view Title(Lang lang, const events::event_repo::StoredEvent& e) {
  return lang == Lang::kEn && !e.title_en.empty() ? e.title_en : e.title_ko;
}

std::string FieldError(const RegistrationForm& form, std::string_view field, Lang l) {
  for (const auto& [name, key] : form.errors) {
    if (name == field) return Translate(key, l);
  }
  return "";
}

void Input(std::string& h, Lang l, const RegistrationForm& form, std::string_view name,
           std::string_view label, std::string_view hint, std::string_view value,
           std::string_view autocomplete) {
  const std::string error = FieldError(form, name, l);
  const std::string id = "f-" + std::string(name);
  h += "<label for=\"" + id + "\">" + std::string(label) + "</label>";
  std::string described;
  if (!hint.empty()) {
    h += "<p class=\"hint\" id=\"" + id + "-hint\">" + std::string(hint) + "</p>";
    described = id + "-hint";
  }
  if (!error.empty()) {
    h += "<p class=\"error\" id=\"" + id + "-error\">" + Esc(error) + "</p>";
    described += (described.empty() ? "" : " ") + id + "-error";
  }
  h += "<input type=\"text\" id=\"" + id + "\" name=\"" + std::string(name) + "\" value=\"" +
       Esc(value) + "\" autocomplete=\"" + std::string(autocomplete) + "\"";
  if (!described.empty()) h += " aria-describedby=\"" + described + "\"";
  if (!error.empty()) h += " aria-invalid=\"true\"";
  h += ">";
}

void Details(std::string& h, Lang l, const events::PublicEvent& e) {
  const auto& s = e.stored;
  h += "<p><span class=\"tag\">" + std::string(EventKindWord(l, s.kind)) + "</span></p><dl>";
  h += "<dt>" + std::string(Pick(l, "일시", "When")) + "</dt><dd>" +
       Esc(KoreaWhen(l, s.starts_at)) + " – " + Esc(KoreaWhen(l, s.ends_at)) + "</dd>";
  h += "<dt>" + std::string(Pick(l, "장소", "Where")) + "</dt><dd>" + Esc(s.venue) + ", " +
       std::string(RegionWord(l, s.region)) + "</dd>";
  h += "<dt>" + std::string(Pick(l, "주최", "Organized by")) + "</dt><dd>" + Esc(s.org_name) +
       "</dd>";
  h += "<dt>" + std::string(Pick(l, "신청", "Registration")) + "</dt><dd>" +
       Esc(AvailabilityWords(l, e)) + "</dd></dl>";
  const std::string& description =
      l == Lang::kEn && !s.description_en.empty() ? s.description_en : s.description_ko;
  h += Paragraphs(description);
}

}  // namespace

std::string EventPage(Lang l, const events::PublicEvent& e, const RegistrationForm& form) {
  const auto& s = e.stored;
  std::string h = "<h1>" + Esc(Title(l, s)) + "</h1>";
  Details(h, l, e);
  h += "<h2 id=\"register\">";
  h += Pick(l, "참가 신청", "Register");
  h += "</h2>";
  if (e.availability == "closed") {
    h += "<p>";
    h += Pick(l, "이 행사는 지금 신청을 받지 않습니다.",
              "This event is not taking registrations now.");
    h += "</p>";
  } else {
    if (!form.errors.empty() || !form.problem.empty()) {
      h += "<div class=\"errors\" role=\"alert\"><p><strong>";
      h += Pick(l, "신청이 접수되지 않았습니다.", "Your registration was not taken.");
      h += "</strong></p><ul>";
      if (!form.problem.empty()) h += "<li>" + Esc(Translate(form.problem, l)) + "</li>";
      for (const auto& [field, key] : form.errors) {
        if (field == "form_token") {
          h += "<li>" + Esc(Translate(key, l)) + "</li>";
        } else {
          h += "<li><a href=\"#f-" + Esc(field) + "\">" + Esc(Translate(key, l)) + "</a></li>";
        }
      }
      h += "</ul></div>";
    }
    h += "<form class=\"register\" method=\"post\" action=\"" + Esc(Path(l, "events/" + s.id)) +
         "#register\"><input type=\"hidden\" name=\"form_token\" value=\"" +
         std::string(kTokenSlot) + "\">";
    Input(h, l, form, "name", Pick(l, "이름", "Name"),
          Pick(l, "주최 측만 봅니다. 명단과 명찰에는 쓰지 않습니다.",
               "Only the organizers see it; it is never on a list or a badge."),
          form.name, "name");
    Input(h, l, form, "contact", Pick(l, "연락처 (전화번호 또는 이메일)", "Phone or e-mail"),
          Pick(l, "행사 안내에만 씁니다.", "Used only to reach you about this event."),
          form.contact, "off");
    Input(h, l, form, "alias",
          Pick(l, "다른 이름으로 참가 (선택)", "Attend under another name (optional)"),
          Pick(l, "적으면 모든 명단과 명찰에 이 이름만 나옵니다.",
               "If you give one, every list and badge shows only this name."),
          form.alias, "off");
    h += "<label class=\"check\"><input type=\"checkbox\" name=\"photo_consent\" value=\"yes\"";
    if (form.photo_consent) h += " checked";
    h += "> ";
    h += Pick(l, "행사 사진에 제가 나와도 됩니다.", "I agree to appear in photos of the event.");
    h += "</label><button type=\"submit\">";
    h += Pick(l, "신청하기", "Register");
    h += "</button></form>";
  }
  return RenderFrame({.lang = l,
                      .title = std::string(Title(l, s)),
                      .rest = "events/" + s.id,
                      .body = std::move(h)});
}

std::string TicketPage(Lang l, const events::PublicEvent& e, std::string_view reference,
                       std::string_view status, std::string_view ticket_svg) {
  const auto& s = e.stored;
  const bool waiting = status == "waitlisted";
  std::string h = "<h1>";
  h += waiting ? Pick(l, "대기자로 신청되었습니다", "You are on the waiting list")
               : Pick(l, "신청되었습니다", "You are registered");
  h += "</h1><p>" + Esc(Title(l, s)) + " · " + Esc(KoreaWhen(l, s.starts_at)) + "</p><p>";
  h += waiting ? Pick(l, "자리가 나면 대기 순서대로 참가가 확정됩니다. 이 표를 간직하세요.",
                      "When a place frees up, the waiting list moves in order. Keep this ticket.")
               : Pick(l, "행사장 입구에서 이 QR 표나 신청 번호를 보여 주세요.",
                      "Show this QR ticket or the reference at the entrance.");
  h += "</p><div class=\"ticket\"><p class=\"ref\">" + Esc(reference) + "</p>";
  // The SVG is the events module's own output (no script, no reference): inlined as it is.
  h += "<div role=\"img\" aria-label=\"";
  h += Pick(l, "입장용 QR 표", "QR ticket for the entrance");
  h += "\">" + std::string(ticket_svg) + "</div></div><p class=\"hint\">";
  h += Pick(l, "이 화면을 캡처하거나 신청 번호를 적어 두세요. 이 페이지는 저장되지 않습니다.",
            "Take a screenshot or note the reference: this page is not kept.");
  h += "</p><p><a href=\"" + Path(l, "") + "\">";
  h += Pick(l, "첫 화면으로", "Go to the home page");
  h += "</a></p>";
  return RenderFrame({.lang = l,
                      .title = std::string(waiting ? Pick(l, "대기 신청", "Waiting list")
                                                   : Pick(l, "신청 완료", "Registered")),
                      .rest = "events/" + s.id,
                      .body = std::move(h)});
}

}  // namespace dandelion::site

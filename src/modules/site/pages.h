// The public site's pages, rendered from what the modules publish (events, the policy monitor,
// the network's directory). Pure functions of their inputs: the same data renders the same page,
// so the pages are unit-tested without a server, and the service may cache what they return.
//
// What never appears: a registrant or anyone who came; a shelter's name or place (a support
// facility is counted, not named); anything not marked published by its editors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "modules/campaigns/campaign_service.h"
#include "modules/events/event_service.h"
#include "modules/network/model.h"
#include "modules/policy/model.h"
#include "modules/policy/work_repo.h"

namespace dandelion::site {

// What the home page shows.
struct HomeData {
  std::vector<events::PublicEvent> events;               // upcoming, soonest first
  std::vector<policy::work_repo::Statement> statements;  // published, newest first
  std::vector<policy::MapCell> map;                      // the 17 regions
  std::vector<network::Organization> members;            // the whole network
  std::vector<campaigns::PublicCampaign> campaigns;      // published, without their routes
};

std::string HomePage(Lang lang, const HomeData& data);
std::string MapPage(Lang lang, const std::vector<policy::MapCell>& map);
// extra: more HTML after the list (the survivors' network's statements), "" for none.
std::string StatementsPage(Lang lang, const std::vector<policy::work_repo::Statement>& list,
                           const std::string& extra = "");
std::string StatementPage(Lang lang, const policy::work_repo::Statement& statement);
std::string NotFoundPage(Lang lang);

// A campaign with its route of stops, linked events, press coverage and materials.
std::string CampaignPage(Lang lang, const campaigns::PublicCampaign& campaign);
// The campaigns' cards on the home page.
void CampaignCards(std::string& html, Lang lang,
                   const std::vector<campaigns::PublicCampaign>& list);
// What the QR on a training certificate leads to: valid or not, the course and the day. Never a
// name.
std::string CertificatePage(Lang lang, std::string_view code, bool valid, std::string_view course,
                            std::string_view issued_on);

// The registration form as she filled it, and what was wrong with it (field -> message key).
struct RegistrationForm {
  std::string name, contact, alias;
  bool photo_consent = false;
  std::vector<std::pair<std::string, std::string>> errors;
  std::string problem;  // a message key about the whole form ("" when none)
};

// An event's page with its registration form. form_token is placed where kTokenSlot is, so the
// page without it can be cached and each visitor still gets her own token.
inline constexpr std::string_view kTokenSlot = "\x01token\x01";
std::string EventPage(Lang lang, const events::PublicEvent& event, const RegistrationForm& form);
// After a registration: the reference and the QR ticket, and whether she waits for a place.
std::string TicketPage(Lang lang, const events::PublicEvent& event, std::string_view reference,
                       std::string_view status, std::string_view ticket_svg);

// "2026년 10월 3일 (토) 오후 2:00" / "Sat 3 Oct 2026, 2:00 pm", in Korea time, from RFC 3339.
std::string KoreaWhen(Lang lang, std::string_view rfc3339);

}  // namespace dandelion::site

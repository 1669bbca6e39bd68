// PublicSite: the one door to the network's public site (`GET /` and `/en/`, docs/site.md).
//
// It reads only what the modules publish for anyone (published upcoming events and campaigns,
// published statements, the published policy map, the public directory of members, whether a
// certificate is valid) and renders it as
// HTML without script. What it holds between requests is that public content and the pages
// made from it, for a couple of seconds (kFreshFor): a busy day (a campaign in the news) is
// served from memory, and an edit shows within that time. Nothing personal is ever in it:
// registration goes straight to the events module, and the ticket page is not cached.
//
// Thread-safe: the snapshot is swapped under a mutex; readers keep the one they took.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/messages.h"
#include "core/result.h"
#include "modules/campaigns/campaign_service.h"
#include "modules/events/event_service.h"
#include "modules/network/org_service.h"
#include "modules/policy/policy_service.h"
#include "modules/site/pages.h"
#include "modules/survivors/survivor_service.h"
#include "modules/training/training_service.h"

namespace dandelion::site {

inline constexpr std::chrono::milliseconds kFreshFor{2000};

// A page to send: its status and HTML.
struct Page {
  int status = 200;
  std::string html;
};

class PublicSite {
 public:
  PublicSite(events::EventService& events, policy::PolicyService& policy, network::OrgService& orgs,
             campaigns::CampaignService& campaigns, training::TrainingService& training,
             const Clock& clock);

  Result<std::shared_ptr<const std::string>> Home(Lang lang);
  Result<std::shared_ptr<const std::string>> Map(Lang lang);
  Result<std::shared_ptr<const std::string>> Statements(Lang lang);
  Result<Page> Statement(Lang lang, const std::string& id);
  // The survivors' network's statements are shown only while their live signature count meets
  // the network's minimum, checked at each rebuild (kFreshFor) — a count, never a name.
  void SetSurvivors(survivors::SurvivorService* survivors) { survivors_ = survivors; }
  // A published campaign with its route, or 404.
  Result<Page> Campaign(Lang lang, const std::string& id);
  // What a training certificate's QR code opens: valid or not, never who holds it.
  Result<Page> Certificate(Lang lang, const std::string& code);
  // The event's page with a fresh registration form token, or 404.
  Result<Page> Event(Lang lang, const std::string& id);
  // A registration from the page's form: the ticket (201), or the form again with what to
  // correct (400, 409, 429), her entries kept and a fresh token.
  Page Register(Lang lang, const std::string& id, RegistrationForm form,
                const std::string& form_token, const std::string& address,
                const std::string& request_id);
  // The form again with what the route found wrong before asking the events module (400).
  Page RegisterRefused(Lang lang, const std::string& id, const RegistrationForm& form);
  Page NotFound(Lang lang) const;

 private:
  struct Snapshot;
  Result<std::shared_ptr<const Snapshot>> Current();
  // The event as the public sees it now, or nullptr.
  const events::PublicEvent* FindEvent(const Snapshot& s, const std::string& id) const;
  std::string WithToken(const std::string& page) const;

  events::EventService& events_;
  policy::PolicyService& policy_;
  network::OrgService& orgs_;
  campaigns::CampaignService& campaigns_;
  training::TrainingService& training_;
  survivors::SurvivorService* survivors_ = nullptr;
  const Clock& clock_;
  std::mutex mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace dandelion::site

// CampaignService: the public answers — published campaigns only, nothing personal.
#include <map>

#include "core/ids.h"
#include "modules/campaigns/campaign_service.h"
#include "modules/campaigns/service_parts.h"

namespace dandelion::campaigns {

using campaign_repo::StoredCampaign;
using namespace parts;

namespace {

PublicCampaign Summary(const StoredCampaign& c, const Progress& progress) {
  return {.id = c.id,
          .title_ko = c.title_ko,
          .title_en = c.title_en,
          .summary_ko = c.summary_ko,
          .summary_en = c.summary_en,
          .goal_ko = c.goal_ko,
          .goal_en = c.goal_en,
          .starts_on = c.starts_on,
          .ends_on = c.ends_on,
          .status = c.status,
          .organizer_name = c.org_name,
          .themes = SplitList(c.themes),
          .progress = progress};
}

}  // namespace

Result<std::vector<PublicCampaign>> CampaignService::PublicCampaigns() {
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<PublicCampaign>> {
    std::vector<PublicCampaign> out;
    for (const auto& c : TRY(campaign_repo::PublishedCampaigns(tx))) {
      out.push_back(Summary(c, TRY(ProgressOf(tx, c.id))));
    }
    return out;
  });
}

Result<PublicCampaign> CampaignService::PublicCampaignOf(const std::string& id) {
  const std::string now = Fmt(clock_.Now());
  const std::string today = Today();
  return db_.ReadValue([&](store::Tx& tx) -> Result<PublicCampaign> {
    auto c = LooksLikeId(id) ? TRY(campaign_repo::FindCampaign(tx, id)) : std::nullopt;
    if (!c || !c->published) return Fail(NotFound());
    std::map<std::string, bool> ended;
    std::vector<PublicEventRef> events;
    for (const auto& e : TRY(campaign_repo::EventsOf(tx, c->id))) {
      ended[e.id] = e.ends_at <= now;
      if (!e.published) continue;
      PublicEventRef ref{.id = e.id,
                         .kind = e.kind,
                         .title_ko = e.title_ko,
                         .title_en = e.title_en,
                         .starts_at = e.starts_at,
                         .venue = e.venue,
                         .organizer_name = e.org_name};
      TimePoint t{};
      ParseRfc3339(e.starts_at, &t);
      ref.date = KoreaDate(t);
      for (const auto& p : TRY(partner_repo::CoOrganizersOf(tx, e.id))) {
        ref.co_organizers.push_back(p.name_ko);
      }
      events.push_back(std::move(ref));
    }
    std::map<std::string, bool> published_event;
    for (const auto& e : events) published_event[e.id] = true;
    std::vector<StopState> states;
    std::vector<PublicStop> stops;
    for (const auto& s : TRY(campaign_repo::StopsOf(tx, c->id))) {
      StopState st{s.day, !s.event_id.empty() && ended[s.event_id]};
      states.push_back(st);
      PublicStop p{.position = s.position,
                   .date = s.day,
                   .region = s.region,
                   .city = s.city,
                   .venue = s.venue,
                   .activities = SplitList(s.activities),
                   .event_id = published_event[s.event_id] ? s.event_id : "",
                   .done = StopDone(st, today)};
      if (!s.host_org_id.empty()) p.host = PublicHost{"member", s.host_name};
      if (!s.host_partner_id.empty()) p.host = PublicHost{"partner", s.host_name};
      stops.push_back(std::move(p));
    }
    PublicCampaign out = Summary(*c, ComputeProgress(states, today));
    out.stops = std::move(stops);
    out.events = std::move(events);
    for (const auto& m : TRY(campaign_repo::MaterialsOf(tx, c->id))) {
      if (!m.is_public) continue;
      out.materials.push_back({.id = m.id,
                               .title = m.title,
                               .url = m.url,
                               .file_name = m.file_name,
                               .content_type = m.content_type,
                               .size = m.content_type.empty() ? 0 : m.size});
    }
    for (const auto& p : TRY(campaign_repo::PressOf(tx, c->id))) {
      out.press.push_back({p.day, p.outlet, p.title, p.url});
    }
    return out;
  });
}

Result<MaterialFile> CampaignService::PublicMaterial(const std::string& id,
                                                     const std::string& material_id) {
  return db_.ReadValue([&](store::Tx& tx) -> Result<MaterialFile> {
    auto c = LooksLikeId(id) ? TRY(campaign_repo::FindCampaign(tx, id)) : std::nullopt;
    if (!c || !c->published) return Fail(NotFound());
    auto m =
        LooksLikeId(material_id) ? TRY(campaign_repo::FindMaterial(tx, material_id)) : std::nullopt;
    if (!m || m->campaign_id != c->id || !m->is_public || m->content_type.empty()) {
      return Fail(NotFound());
    }
    return MaterialFile{*m, TRY(campaign_repo::MaterialContent(tx, m->id))};
  });
}

}  // namespace dandelion::campaigns

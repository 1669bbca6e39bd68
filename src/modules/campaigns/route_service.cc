// CampaignService: the route (stops and their order), linked events, materials and press
// coverage.
#include <algorithm>

#include "core/ids.h"
#include "modules/campaigns/campaign_service.h"
#include "modules/campaigns/service_parts.h"

namespace dandelion::campaigns {

using campaign_repo::StoredCampaign;
using campaign_repo::StoredStop;
using namespace parts;

namespace {

StopFields FieldsOf(const StoredStop& s) {
  return {.day = s.day,
          .region = s.region,
          .city = s.city,
          .venue = s.venue,
          .activities = SplitList(s.activities),
          .host_org_id = s.host_org_id,
          .host_partner_id = s.host_partner_id,
          .event_id = s.event_id,
          .note = s.note};
}

void Apply(const StopFields& f, StoredStop& s) {
  s.day = f.day;
  s.region = f.region;
  s.city = f.city;
  s.venue = f.venue;
  s.activities = JoinList(f.activities);
  s.host_org_id = f.host_org_id;
  s.host_partner_id = f.host_partner_id;
  s.event_id = f.event_id;
  s.note = f.note;
}

// The stops' days in route order, after moving / replacing one.
std::vector<std::string> DaysOf(const std::vector<StoredStop>& stops) {
  std::vector<std::string> days;
  for (const auto& s : stops) days.push_back(s.day);
  return days;
}

}  // namespace

Result<void> CampaignService::CheckStopRefs(store::Tx& tx, const security::Actor& actor,
                                            const StoredCampaign& c, const StopFields& s,
                                            Error& bad) {
  if (!s.host_org_id.empty()) {
    auto org =
        LooksLikeId(s.host_org_id) ? TRY(campaign_repo::FindOrg(tx, s.host_org_id)) : std::nullopt;
    if (!org) bad.Field("host_org_id", "field.unknown_value");
  }
  if (!s.host_partner_id.empty()) {
    auto p = LooksLikeId(s.host_partner_id) ? TRY(partner_repo::FindPartner(tx, s.host_partner_id))
                                            : std::nullopt;
    const Caller caller = TRY(CallerOf(tx, actor));
    // A partner the caller sees, or one of the campaign's organization.
    if (!p || !(MaySee(caller, p->org_id) || p->org_id == c.org_id)) {
      bad.Field("host_partner_id", "field.unknown_value");
    }
  }
  if (!s.event_id.empty()) {
    std::optional<events::event_repo::StoredEvent> e;
    if (LooksLikeId(s.event_id)) e = TRY(events::event_repo::FindEvent(tx, s.event_id));
    if (!e || e->campaign_id != c.id) bad.Field("event_id", "campaigns.event_not_linked");
  }
  return Ok();
}

Result<CampaignDetail> CampaignService::AddStop(const security::Actor& actor, const std::string& id,
                                                const StopPatch& in) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<CampaignDetail> {
    if (LooksLikeId(id)) TRY(campaign_repo::LockCampaign(tx, id));
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, true));
    StopFields f{.day = in.day.value_or(""),
                 .region = in.region.value_or(""),
                 .city = in.city.value_or(""),
                 .venue = in.venue.value_or(""),
                 .activities = in.activities.value_or(std::vector<std::string>{}),
                 .host_org_id = in.host_org_id.value_or(""),
                 .host_partner_id = in.host_partner_id.value_or(""),
                 .event_id = in.event_id.value_or(""),
                 .note = in.note.value_or("")};
    Error bad = ValidateStop(f, c.starts_on, c.ends_on);
    TRY(CheckStopRefs(tx, actor, c, f, bad));
    if (!bad.fields.empty()) return Fail(bad);
    auto stops = TRY(campaign_repo::StopsOf(tx, c.id));
    const int count = static_cast<int>(stops.size());
    int position = in.position.value_or(InsertPosition(DaysOf(stops), f.day));
    if (position < 1 || position > count + 1) {
      return Fail(Invalid().Field("position", "campaigns.bad_position"));
    }
    StoredStop s{.id = NewId(), .campaign_id = c.id, .created_at = now, .updated_at = now};
    Apply(f, s);
    stops.insert(stops.begin() + (position - 1), s);
    if (!RouteInOrder(DaysOf(stops))) return Fail(Conflict("campaigns.route_order"));
    s.position = position;
    TRY(campaign_repo::InsertStop(tx, s));
    std::vector<std::string> order;
    for (const auto& x : stops) order.push_back(x.id);
    TRY(campaign_repo::SetPositions(tx, order, now));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "campaign.stop.add", "campaign_stop", s.id,
                                               {"date", "place", "activities"}, c.org_id)));
    return Detail(tx, actor, std::move(c));
  });
}

Result<CampaignDetail> CampaignService::UpdateStop(const security::Actor& actor,
                                                   const std::string& id,
                                                   const std::string& stop_id, const StopPatch& p) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<CampaignDetail> {
    if (LooksLikeId(id)) TRY(campaign_repo::LockCampaign(tx, id));
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, true));
    auto stops = TRY(campaign_repo::StopsOf(tx, c.id));
    auto it = std::find_if(stops.begin(), stops.end(),
                           [&](const StoredStop& s) { return s.id == stop_id; });
    if (it == stops.end()) return Fail(NotFound());
    StopFields f = FieldsOf(*it);
    std::vector<std::string> changed;
    auto set = [&](auto& field, const auto& given, const char* name) {
      if (given && !(field == *given)) {
        field = *given;
        changed.emplace_back(name);
      }
    };
    set(f.day, p.day, "date");
    set(f.region, p.region, "region");
    set(f.city, p.city, "city");
    set(f.venue, p.venue, "venue");
    set(f.note, p.note, "note");
    set(f.activities, p.activities, "activities");
    set(f.host_org_id, p.host_org_id, "host_org_id");
    set(f.host_partner_id, p.host_partner_id, "host_partner_id");
    set(f.event_id, p.event_id, "event_id");
    Error bad = ValidateStop(f, c.starts_on, c.ends_on);
    TRY(CheckStopRefs(tx, actor, c, f, bad));
    if (!bad.fields.empty()) return Fail(bad);
    if (changed.empty()) return Detail(tx, actor, std::move(c));
    Apply(f, *it);
    if (!RouteInOrder(DaysOf(stops))) return Fail(Conflict("campaigns.route_order"));
    it->updated_at = now;
    TRY(campaign_repo::UpdateStop(tx, *it));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "campaign.stop.update", "campaign_stop",
                                               it->id, changed, c.org_id)));
    return Detail(tx, actor, std::move(c));
  });
}

Result<CampaignDetail> CampaignService::RemoveStop(const security::Actor& actor,
                                                   const std::string& id,
                                                   const std::string& stop_id) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<CampaignDetail> {
    if (LooksLikeId(id)) TRY(campaign_repo::LockCampaign(tx, id));
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, true));
    auto stops = TRY(campaign_repo::StopsOf(tx, c.id));
    auto it = std::find_if(stops.begin(), stops.end(),
                           [&](const StoredStop& s) { return s.id == stop_id; });
    if (it == stops.end()) return Fail(NotFound());
    TRY(campaign_repo::DeleteStop(tx, stop_id));
    stops.erase(it);
    std::vector<std::string> order;
    for (const auto& x : stops) order.push_back(x.id);
    TRY(campaign_repo::SetPositions(tx, order, now));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "campaign.stop.remove", "campaign_stop",
                                               stop_id, {}, c.org_id)));
    return Detail(tx, actor, std::move(c));
  });
}

Result<CampaignDetail> CampaignService::Reorder(const security::Actor& actor, const std::string& id,
                                                const std::vector<std::string>& stop_ids) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<CampaignDetail> {
    if (LooksLikeId(id)) TRY(campaign_repo::LockCampaign(tx, id));
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, true));
    auto stops = TRY(campaign_repo::StopsOf(tx, c.id));
    std::vector<std::string> current;
    for (const auto& s : stops) current.push_back(s.id);
    if (!IsPermutation(current, stop_ids)) {
      return Fail(Invalid().Field("stop_ids", "campaigns.route_ids"));
    }
    std::vector<std::string> days;
    for (const auto& sid : stop_ids) {
      days.push_back(std::find_if(stops.begin(), stops.end(), [&](const StoredStop& s) {
                       return s.id == sid;
                     })->day);
    }
    if (!RouteInOrder(days)) return Fail(Conflict("campaigns.route_order"));
    if (current == stop_ids) return Detail(tx, actor, std::move(c));
    TRY(campaign_repo::SetPositions(tx, stop_ids, now));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "campaign.route.reorder", "campaign", c.id, {"position"})));
    return Detail(tx, actor, std::move(c));
  });
}

// ---- Linked events --------------------------------------------------------------------------

Result<void> CampaignService::CheckEventLink(store::Tx& tx, const security::Actor& actor,
                                             const std::string& event_org_id,
                                             const std::string& campaign_id) {
  // The campaign must be one she may edit (one she cannot see answers as unknown).
  auto c =
      LooksLikeId(campaign_id) ? TRY(campaign_repo::FindCampaign(tx, campaign_id)) : std::nullopt;
  const Caller caller = TRY(CallerOf(tx, actor));
  if (!c || !MaySee(caller, c->org_id)) {
    return Fail(Invalid().Field("campaign_id", "field.unknown_value"));
  }
  if (!MayEdit(caller, c->org_id, perm::kCampaignWrite)) return Fail(NotEditor());
  if (event_org_id == c->org_id) return Ok();
  for (const auto& s : TRY(campaign_repo::StopsOf(tx, c->id))) {
    if (s.host_org_id == event_org_id) return Ok();
  }
  return Fail(Conflict("campaigns.event_not_together"));
}

Result<CampaignDetail> CampaignService::LinkEvent(const security::Actor& actor,
                                                  const std::string& id,
                                                  const std::string& event_id) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<CampaignDetail> {
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, true));
    // The event must be one she may edit: her organization's, with event.write.
    std::optional<events::event_repo::StoredEvent> e;
    if (LooksLikeId(event_id)) e = TRY(events::event_repo::FindEvent(tx, event_id));
    if (!e || e->org_id != actor.org_id || !security::Allows(perm::kEventWrite, actor.roles)) {
      return Fail(NotFound());
    }
    if (e->campaign_id == c.id) return Detail(tx, actor, std::move(c));
    if (!e->campaign_id.empty()) {
      Error err = Conflict("campaigns.event_elsewhere");
      err.refs["campaign"] = {e->campaign_id};
      return Fail(err);
    }
    TRY(CheckEventLink(tx, actor, e->org_id, c.id));
    TRY(campaign_repo::SetEventCampaign(tx, e->id, c.id, now));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "campaign.event.link", "event", e->id,
                                               {"campaign_id"}, e->org_id)));
    return Detail(tx, actor, std::move(c));
  });
}

Result<CampaignDetail> CampaignService::UnlinkEvent(const security::Actor& actor,
                                                    const std::string& id,
                                                    const std::string& event_id) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<CampaignDetail> {
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, true));
    std::optional<events::event_repo::StoredEvent> e;
    if (LooksLikeId(event_id)) e = TRY(events::event_repo::FindEvent(tx, event_id));
    // Not linked here: nothing to do (the answer tells nothing about the event).
    if (!e || e->campaign_id != c.id) return Detail(tx, actor, std::move(c));
    TRY(campaign_repo::ClearStopEvent(tx, c.id, e->id));
    TRY(campaign_repo::SetEventCampaign(tx, e->id, "", now));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "campaign.event.unlink", "event", e->id,
                                               {"campaign_id"}, e->org_id)));
    return Detail(tx, actor, std::move(c));
  });
}

// ---- Materials ------------------------------------------------------------------------------

Result<campaign_repo::StoredMaterial> CampaignService::AddMaterial(const security::Actor& actor,
                                                                   const std::string& id,
                                                                   NewMaterial m) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  if (m.content.size() > kMaxFileBytes) return Fail(ErrorCode::kTooLarge, "error.too_large");
  Error bad = Invalid();
  if (Blank(m.title)) bad.Field("title", "field.required");
  const bool file = m.url.empty();
  if (file) {
    CheckFile(m.file_name, m.content_type, m.content, bad);
  } else if (!IsWebUrl(m.url)) {
    bad.Field("url", "campaigns.bad_url");
  }
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<campaign_repo::StoredMaterial> {
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, true));
    if (!bad.fields.empty()) return Fail(bad);
    campaign_repo::StoredMaterial s{.id = NewId(),
                                    .campaign_id = c.id,
                                    .title = m.title,
                                    .url = file ? "" : m.url,
                                    .file_name = file ? m.file_name : "",
                                    .content_type = file ? m.content_type : "",
                                    .size = static_cast<int64_t>(m.content.size()),
                                    .is_public = m.is_public,
                                    .created_at = now};
    TRY(campaign_repo::InsertMaterial(tx, s, file ? m.content : std::string(), actor.user_id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "campaign.material.add", "campaign_material",
                                               s.id, {"title", file ? "file" : "url"}, c.org_id)));
    return s;
  });
}

Result<void> CampaignService::RemoveMaterial(const security::Actor& actor, const std::string& id,
                                             const std::string& material_id) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, true));
    auto m =
        LooksLikeId(material_id) ? TRY(campaign_repo::FindMaterial(tx, material_id)) : std::nullopt;
    if (!m || m->campaign_id != c.id) return Fail(NotFound());
    TRY(campaign_repo::DeleteMaterial(tx, m->id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "campaign.material.remove",
                                               "campaign_material", m->id, {}, c.org_id)));
    return Ok();
  });
}

Result<MaterialFile> CampaignService::MaterialContent(const security::Actor& actor,
                                                      const std::string& id,
                                                      const std::string& material_id) {
  TRY(RequirePermission(actor, perm::kCampaignRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<MaterialFile> {
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, false));
    auto m =
        LooksLikeId(material_id) ? TRY(campaign_repo::FindMaterial(tx, material_id)) : std::nullopt;
    if (!m || m->campaign_id != c.id || m->content_type.empty()) return Fail(NotFound());
    return MaterialFile{*m, TRY(campaign_repo::MaterialContent(tx, m->id))};
  });
}

// ---- Press coverage -------------------------------------------------------------------------

Result<campaign_repo::StoredPress> CampaignService::AddPress(const security::Actor& actor,
                                                             const std::string& id,
                                                             const campaign_repo::StoredPress& in) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  Error bad = Invalid();
  if (!IsDay(in.day)) bad.Field("date", "field.required");
  if (Blank(in.outlet)) bad.Field("outlet", "field.required");
  if (Blank(in.title)) bad.Field("title", "field.required");
  if (!IsWebUrl(in.url)) bad.Field("url", "campaigns.bad_url");
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<campaign_repo::StoredPress> {
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, true));
    if (!bad.fields.empty()) return Fail(bad);
    campaign_repo::StoredPress p = in;
    p.id = NewId();
    p.campaign_id = c.id;
    p.created_at = now;
    TRY(campaign_repo::InsertPress(tx, p, actor.user_id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "campaign.press.add", "campaign_press", p.id,
                                               {"date", "outlet", "title", "url"}, c.org_id)));
    return p;
  });
}

Result<void> CampaignService::RemovePress(const security::Actor& actor, const std::string& id,
                                          const std::string& press_id) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, true));
    auto p = LooksLikeId(press_id) ? TRY(campaign_repo::FindPress(tx, press_id)) : std::nullopt;
    if (!p || p->campaign_id != c.id) return Fail(NotFound());
    TRY(campaign_repo::DeletePress(tx, p->id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "campaign.press.remove", "campaign_press",
                                               p->id, {}, c.org_id)));
    return Ok();
  });
}

}  // namespace dandelion::campaigns

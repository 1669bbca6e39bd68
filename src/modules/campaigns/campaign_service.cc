#include "modules/campaigns/campaign_service.h"

#include <map>

#include "core/ids.h"
#include "modules/campaigns/service_parts.h"

namespace dandelion::campaigns {

using campaign_repo::StoredCampaign;
using namespace parts;

namespace {

CampaignFields FieldsOf(const StoredCampaign& c) {
  return {.title_ko = c.title_ko,
          .title_en = c.title_en,
          .summary_ko = c.summary_ko,
          .summary_en = c.summary_en,
          .goal_ko = c.goal_ko,
          .goal_en = c.goal_en,
          .starts_on = c.starts_on,
          .ends_on = c.ends_on,
          .themes = SplitList(c.themes),
          .status = c.status,
          .published = c.published};
}

void Apply(const CampaignFields& f, StoredCampaign& c) {
  c.title_ko = f.title_ko;
  c.title_en = f.title_en;
  c.summary_ko = f.summary_ko;
  c.summary_en = f.summary_en;
  c.goal_ko = f.goal_ko;
  c.goal_en = f.goal_en;
  c.starts_on = f.starts_on;
  c.ends_on = f.ends_on;
  c.themes = JoinList(f.themes);
  c.status = f.status;
  c.published = f.published;
}

}  // namespace

CampaignService::CampaignService(store::Database& db, security::Keyring& keyring,
                                 const security::AuditLog& audit, security::AuditBatcher& reads,
                                 const Clock& clock)
    : db_(db), keyring_(keyring), audit_(audit), reads_(reads), clock_(clock) {}

Result<Caller> CampaignService::CallerOf(store::Tx& tx, const security::Actor& actor) {
  Caller c{.org_id = actor.org_id, .roles = actor.roles};
  if (!actor.org_id.empty()) {
    auto org = TRY(campaign_repo::FindOrg(tx, actor.org_id));
    c.in_secretariat = org && org->kind == "secretariat";
  }
  return c;
}

Result<StoredCampaign> CampaignService::LoadCampaign(store::Tx& tx, const security::Actor& actor,
                                                     const std::string& id, bool edit) {
  if (!LooksLikeId(id)) return Fail(NotFound());
  auto c = TRY(campaign_repo::FindCampaign(tx, id));
  const Caller caller = TRY(CallerOf(tx, actor));
  if (!c || !MaySee(caller, c->org_id)) return Fail(NotFound());
  if (edit && !MayEdit(caller, c->org_id, perm::kCampaignWrite)) return Fail(NotEditor());
  return std::move(*c);
}

Result<void> CampaignService::CheckCampaign(const security::Actor& actor, const std::string& id,
                                            bool edit) {
  TRY(RequirePermission(actor, edit ? perm::kCampaignWrite : perm::kCampaignRead));
  return db_.Read([&](store::Tx& tx) -> Result<void> {
    TRY(LoadCampaign(tx, actor, id, edit));
    return Ok();
  });
}

Result<Progress> CampaignService::ProgressOf(store::Tx& tx, const std::string& campaign_id) {
  const std::string now = Fmt(clock_.Now());
  std::map<std::string, bool> ended;
  for (const auto& e : TRY(campaign_repo::EventsOf(tx, campaign_id))) {
    ended[e.id] = e.ends_at <= now;
  }
  std::vector<StopState> states;
  for (const auto& s : TRY(campaign_repo::StopsOf(tx, campaign_id))) {
    states.push_back({s.day, !s.event_id.empty() && ended[s.event_id]});
  }
  return ComputeProgress(states, Today());
}

Result<CampaignDetail> CampaignService::Detail(store::Tx& tx, const security::Actor& actor,
                                               StoredCampaign c) {
  const std::string now = Fmt(clock_.Now());
  const std::string today = Today();
  const Caller caller = TRY(CallerOf(tx, actor));
  CampaignDetail d;
  std::map<std::string, bool> ended;
  const bool sees_counts = security::Allows(perm::kEventRead, actor.roles);
  for (auto& e : TRY(campaign_repo::EventsOf(tx, c.id))) {
    ended[e.id] = e.ends_at <= now;
    LinkedEventView v{.event = std::move(e)};
    if (sees_counts && v.event.org_id == actor.org_id) {
      v.counts = TRY(events::event_repo::CountsOf(tx, v.event.id));
      d.checked_in_total += v.counts->checked_in;
    }
    d.events.push_back(std::move(v));
  }
  std::vector<StopState> states;
  for (auto& s : TRY(campaign_repo::StopsOf(tx, c.id))) {
    StopState st{s.day, !s.event_id.empty() && ended[s.event_id]};
    states.push_back(st);
    d.stops.push_back({std::move(s), StopDone(st, today)});
  }
  d.materials = TRY(campaign_repo::MaterialsOf(tx, c.id));
  d.press = TRY(campaign_repo::PressOf(tx, c.id));
  d.campaign.progress = ComputeProgress(states, today);
  d.campaign.can_edit = MayEdit(caller, c.org_id, perm::kCampaignWrite);
  d.campaign.stored = std::move(c);
  return d;
}

Result<std::vector<CampaignView>> CampaignService::List(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kCampaignRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<CampaignView>> {
    const Caller caller = TRY(CallerOf(tx, actor));
    std::vector<CampaignView> out;
    for (auto& c :
         TRY(campaign_repo::Campaigns(tx, caller.in_secretariat ? std::string() : actor.org_id))) {
      CampaignView v{.progress = TRY(ProgressOf(tx, c.id)),
                     .can_edit = MayEdit(caller, c.org_id, perm::kCampaignWrite)};
      v.stored = std::move(c);
      out.push_back(std::move(v));
    }
    return out;
  });
}

Result<CampaignDetail> CampaignService::Get(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kCampaignRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<CampaignDetail> {
    return Detail(tx, actor, TRY(LoadCampaign(tx, actor, id, false)));
  });
}

Result<CampaignDetail> CampaignService::Create(const security::Actor& actor,
                                               const CampaignFields& fields) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  if (Error e = ValidateCampaign(fields); !e.fields.empty()) return Fail(e);
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<CampaignDetail> {
    StoredCampaign c{.id = NewId(),
                     .org_id = actor.org_id,
                     .created_at = now,
                     .created_by = actor.user_id,
                     .updated_at = now};
    Apply(fields, c);
    TRY(campaign_repo::InsertCampaign(tx, c));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "campaign.create", "campaign", c.id,
                                               {"title", "period", "themes", "status"})));
    return Detail(tx, actor, TRY(LoadCampaign(tx, actor, c.id, false)));
  });
}

Result<CampaignDetail> CampaignService::Update(const security::Actor& actor, const std::string& id,
                                               const CampaignPatch& p) {
  TRY(RequirePermission(actor, perm::kCampaignWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<CampaignDetail> {
    if (LooksLikeId(id)) TRY(campaign_repo::LockCampaign(tx, id));
    StoredCampaign c = TRY(LoadCampaign(tx, actor, id, true));
    CampaignFields f = FieldsOf(c);
    std::vector<std::string> changed;
    auto set = [&](auto& field, const auto& given, const char* name) {
      if (given && !(field == *given)) {
        field = *given;
        changed.emplace_back(name);
      }
    };
    set(f.title_ko, p.title_ko, "title_ko");
    set(f.title_en, p.title_en, "title_en");
    set(f.summary_ko, p.summary_ko, "summary_ko");
    set(f.summary_en, p.summary_en, "summary_en");
    set(f.goal_ko, p.goal_ko, "goal_ko");
    set(f.goal_en, p.goal_en, "goal_en");
    set(f.starts_on, p.starts_on, "starts_on");
    set(f.ends_on, p.ends_on, "ends_on");
    set(f.themes, p.themes, "themes");
    set(f.status, p.status, "status");
    set(f.published, p.published, "published");
    if (Error e = ValidateCampaign(f); !e.fields.empty()) return Fail(e);
    if (changed.empty()) return Detail(tx, actor, std::move(c));
    // Every stop stays within the period.
    for (const auto& s : TRY(campaign_repo::StopsOf(tx, c.id))) {
      if (s.day < f.starts_on || s.day > f.ends_on) {
        Error e = Conflict("campaigns.stop_outside_period");
        e.refs["stop"] = {s.id};
        return Fail(e);
      }
    }
    Apply(f, c);
    c.updated_at = Fmt(clock_.Now());
    TRY(campaign_repo::UpdateCampaign(tx, c));
    TRY(audit_.Append(tx,
                      security::ActorEvent(actor, "campaign.update", "campaign", c.id, changed)));
    return Detail(tx, actor, TRY(LoadCampaign(tx, actor, c.id, false)));
  });
}

}  // namespace dandelion::campaigns

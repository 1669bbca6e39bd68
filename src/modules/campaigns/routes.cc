#include "modules/campaigns/routes.h"

#include "core/korea_date.h"
#include "core/messages.h"
#include "http/attachment.h"
#include "modules/campaigns/route_parts.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::campaigns {
namespace {

using http::Request;
using http::Response;
using route_parts::Param;
namespace json = boost::json;
namespace perm = security::perm;

constexpr size_t kMaxFile = kMaxFileBytes;

json::value FileJson(const std::string& name, const std::string& type, int64_t size) {
  if (type.empty()) return nullptr;
  return json::object{{"name", name}, {"type", type}, {"size", size}};
}

json::object ProgressJson(const Progress& p) {
  return {{"stops_total", p.stops_total},
          {"stops_done", p.stops_done},
          {"next_stop_on", OrNull(p.next_stop_on)}};
}

json::object CampaignJson(const CampaignView& v) {
  const auto& c = v.stored;
  return {{"id", c.id},
          {"title_ko", c.title_ko},
          {"title_en", c.title_en},
          {"summary_ko", c.summary_ko},
          {"summary_en", c.summary_en},
          {"goal_ko", c.goal_ko},
          {"goal_en", c.goal_en},
          {"starts_on", c.starts_on},
          {"ends_on", c.ends_on},
          {"themes", ListJson(SplitList(c.themes))},
          {"status", c.status},
          {"published", c.published},
          {"organizer", {{"id", c.org_id}, {"name", c.org_name}}},
          {"can_edit", v.can_edit},
          {"progress", ProgressJson(v.progress)},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

json::object StopJson(const StopView& v) {
  const auto& s = v.stored;
  json::value host = nullptr;
  if (!s.host_org_id.empty()) {
    host = json::object{{"kind", "member"}, {"id", s.host_org_id}, {"name", s.host_name}};
  } else if (!s.host_partner_id.empty()) {
    host = json::object{{"kind", "partner"}, {"id", s.host_partner_id}, {"name", s.host_name}};
  }
  return {{"id", s.id},
          {"position", s.position},
          {"date", s.day},
          {"region", s.region},
          {"city", s.city},
          {"venue", s.venue},
          {"host", host},
          {"activities", ListJson(SplitList(s.activities))},
          {"event_id", OrNull(s.event_id)},
          {"note", s.note},
          {"done", v.done}};
}

json::object MaterialJson(const campaign_repo::StoredMaterial& m) {
  return {{"id", m.id},
          {"title", m.title},
          {"url", OrNull(m.url)},
          {"file", FileJson(m.file_name, m.content_type, m.size)},
          {"public", m.is_public},
          {"created_at", m.created_at}};
}

json::object PressJson(const campaign_repo::StoredPress& p) {
  return {{"id", p.id},       {"date", p.day}, {"outlet", p.outlet},
          {"title", p.title}, {"url", p.url},  {"created_at", p.created_at}};
}

std::string DayOf(const std::string& at) {
  TimePoint t{};
  ParseRfc3339(at, &t);
  return KoreaDate(t);
}

json::object DetailJson(const CampaignDetail& d) {
  json::object out = CampaignJson(d.campaign);
  json::array stops, materials, press, events;
  for (const auto& s : d.stops) stops.push_back(StopJson(s));
  for (const auto& m : d.materials) materials.push_back(MaterialJson(m));
  for (const auto& p : d.press) press.push_back(PressJson(p));
  for (const auto& v : d.events) {
    const auto& e = v.event;
    json::value counts = nullptr;
    if (v.counts) {
      counts =
          json::object{{"registered", v.counts->registered}, {"checked_in", v.counts->checked_in}};
    }
    events.push_back(json::object{{"id", e.id},
                                  {"kind", e.kind},
                                  {"title_ko", e.title_ko},
                                  {"title_en", e.title_en},
                                  {"date", DayOf(e.starts_at)},
                                  {"starts_at", e.starts_at},
                                  {"published", e.published},
                                  {"organizer", {{"id", e.org_id}, {"name", e.org_name}}},
                                  {"counts", counts}});
  }
  out["stops"] = std::move(stops);
  out["materials"] = std::move(materials);
  out["press"] = std::move(press);
  out["events"] = std::move(events);
  json::object progress = ProgressJson(d.campaign.progress);
  progress["checked_in_total"] = d.checked_in_total;
  out["progress"] = std::move(progress);
  return out;
}

json::object PublicJson(const PublicCampaign& c, bool detail) {
  json::object out{{"id", c.id},
                   {"title_ko", c.title_ko},
                   {"title_en", c.title_en},
                   {"summary_ko", c.summary_ko},
                   {"summary_en", c.summary_en},
                   {"goal_ko", c.goal_ko},
                   {"goal_en", c.goal_en},
                   {"starts_on", c.starts_on},
                   {"ends_on", c.ends_on},
                   {"themes", ListJson(c.themes)},
                   {"status", c.status},
                   {"organizer", {{"name", c.organizer_name}}},
                   {"progress", ProgressJson(c.progress)}};
  if (!detail) return out;
  json::array stops, events, materials, press;
  for (const auto& s : c.stops) {
    json::value host = nullptr;
    if (s.host) host = json::object{{"kind", s.host->kind}, {"name", s.host->name}};
    stops.push_back(json::object{{"position", s.position},
                                 {"date", s.date},
                                 {"region", s.region},
                                 {"city", s.city},
                                 {"venue", s.venue},
                                 {"host", host},
                                 {"activities", ListJson(s.activities)},
                                 {"event_id", OrNull(s.event_id)},
                                 {"done", s.done}});
  }
  for (const auto& e : c.events) {
    json::array co;
    for (const auto& name : e.co_organizers) co.push_back(json::object{{"name", name}});
    events.push_back(json::object{{"id", e.id},
                                  {"kind", e.kind},
                                  {"title_ko", e.title_ko},
                                  {"title_en", e.title_en},
                                  {"date", e.date},
                                  {"starts_at", e.starts_at},
                                  {"venue", e.venue},
                                  {"organizer", {{"name", e.organizer_name}}},
                                  {"co_organizers", co}});
  }
  for (const auto& m : c.materials) {
    materials.push_back(json::object{{"id", m.id},
                                     {"title", m.title},
                                     {"url", OrNull(m.url)},
                                     {"file", FileJson(m.file_name, m.content_type, m.size)}});
  }
  for (const auto& p : c.press) {
    press.push_back(
        json::object{{"date", p.date}, {"outlet", p.outlet}, {"title", p.title}, {"url", p.url}});
  }
  out["stops"] = std::move(stops);
  out["events"] = std::move(events);
  out["materials"] = std::move(materials);
  out["press"] = std::move(press);
  return out;
}

// ---- Bodies ---------------------------------------------------------------------------------

CampaignPatch ReadCampaign(http::FieldReader& f, bool create) {
  CampaignPatch p;
  p.title_ko = create ? std::optional(f.String("title_ko", 200)) : f.OptString("title_ko", 200);
  p.title_en = f.OptString("title_en", 200);
  p.summary_ko = f.OptString("summary_ko", 4000);
  p.summary_en = f.OptString("summary_en", 4000);
  p.goal_ko = f.OptString("goal_ko", 2000);
  p.goal_en = f.OptString("goal_en", 2000);
  if (create || f.raw().contains("starts_on")) p.starts_on = f.Date("starts_on");
  if (create || f.raw().contains("ends_on")) p.ends_on = f.Date("ends_on");
  if (f.raw().contains("themes")) p.themes = f.StringList("themes", 8, 40);
  if (f.raw().contains("status")) p.status = f.Enum("status", kStatuses);
  p.published = f.OptBool("published");
  return p;
}

CampaignFields FieldsFrom(const CampaignPatch& p) {
  CampaignFields f{.title_ko = p.title_ko.value_or(""),
                   .title_en = p.title_en.value_or(""),
                   .summary_ko = p.summary_ko.value_or(""),
                   .summary_en = p.summary_en.value_or(""),
                   .goal_ko = p.goal_ko.value_or(""),
                   .goal_en = p.goal_en.value_or(""),
                   .starts_on = p.starts_on.value_or(""),
                   .ends_on = p.ends_on.value_or(""),
                   .themes = p.themes.value_or(std::vector<std::string>{}),
                   .published = p.published.value_or(false)};
  if (p.status) f.status = *p.status;
  return f;
}

// An id that may be cleared with null.
std::optional<std::string> NullableId(http::FieldReader& f, const char* name) {
  if (f.raw().contains(name) && !Present(f.raw(), name)) {
    f.Accept(name);
    return std::string();
  }
  return f.OptString(name, 64);
}

StopPatch ReadStop(http::FieldReader& f, bool create) {
  StopPatch p;
  if (create || f.raw().contains("date")) p.day = f.Date("date");
  p.region = create ? std::optional(f.String("region", 5)) : f.OptString("region", 5);
  p.city = create ? std::optional(f.String("city", 100)) : f.OptString("city", 100);
  p.venue = create ? std::optional(f.String("venue", 300)) : f.OptString("venue", 300);
  if (create || f.raw().contains("activities")) {
    p.activities = f.StringList("activities", 6, 40, create);
  }
  p.note = f.OptString("note", 1000);
  p.host_org_id = NullableId(f, "host_org_id");
  p.host_partner_id = NullableId(f, "host_partner_id");
  p.event_id = NullableId(f, "event_id");
  if (create) {
    if (auto pos = f.OptInt("position", 1, 500)) p.position = static_cast<int>(*pos);
  }
  return p;
}

}  // namespace

void AddRoutes(http::Router& router, CampaignService& campaigns) {
  const std::string tag = "campaigns";
  const std::string read(perm::kCampaignRead), write(perm::kCampaignWrite);
  router.Add({.method = "GET",
              .path_template = "/api/v1/campaigns",
              .permission = read,
              .handler = [&campaigns](Request& req) -> http::Reply {
                json::array items;
                for (const auto& c : TRY(campaigns.List(ActorOf(req)))) {
                  items.push_back(CampaignJson(c));
                }
                return Response::Json(200, {{"items", items}});
              },
              .summary = "The campaigns the caller sees (her organization's; all for the "
                         "secretariat)",
              .tag = tag});
  router.Add(
      {.method = "POST",
       .path_template = "/api/v1/campaigns",
       .permission = write,
       .handler = [&campaigns](Request& req) -> http::Reply {
         auto p = TRY(ReadBody(req, [](http::FieldReader& f) { return ReadCampaign(f, true); }));
         return Response::Json(201, DetailJson(TRY(campaigns.Create(ActorOf(req), FieldsFrom(p)))));
       },
       .summary = "Create a campaign of the caller's organization",
       .tag = tag,
       .json_body = true,
       .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/campaigns/{id}",
              .permission = read,
              .handler = [&campaigns](Request& req) -> http::Reply {
                return Response::Json(200, DetailJson(TRY(campaigns.Get(ActorOf(req), Id(req)))));
              },
              .summary = "A campaign with its route, materials, press, events and progress",
              .tag = tag});
  router.Add(
      {.method = "PATCH",
       .path_template = "/api/v1/campaigns/{id}",
       .permission = write,
       .handler = [&campaigns](Request& req) -> http::Reply {
         TRY(campaigns.CheckCampaign(ActorOf(req), Id(req), true));
         auto p = TRY(ReadBody(req, [](http::FieldReader& f) { return ReadCampaign(f, false); }));
         return Response::Json(200, DetailJson(TRY(campaigns.Update(ActorOf(req), Id(req), p))));
       },
       .summary = "Change a campaign",
       .tag = tag,
       .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/campaigns/{id}/stops",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.CheckCampaign(ActorOf(req), Id(req), true));
                auto p = TRY(ReadBody(req, [](http::FieldReader& f) { return ReadStop(f, true); }));
                return Response::Json(201,
                                      DetailJson(TRY(campaigns.AddStop(ActorOf(req), Id(req), p))));
              },
              .summary = "Add a stop to the route (placed by its date unless a position is given)",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "PATCH",
              .path_template = "/api/v1/campaigns/{id}/stops/{sid}",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.CheckCampaign(ActorOf(req), Id(req), true));
                auto p =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadStop(f, false); }));
                return Response::Json(200, DetailJson(TRY(campaigns.UpdateStop(
                                               ActorOf(req), Id(req), Param(req, "sid"), p))));
              },
              .summary = "Change a stop",
              .tag = tag,
              .json_body = true});
  router.Add({.method = "DELETE",
              .path_template = "/api/v1/campaigns/{id}/stops/{sid}",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                return Response::Json(200, DetailJson(TRY(campaigns.RemoveStop(
                                               ActorOf(req), Id(req), Param(req, "sid")))));
              },
              .summary = "Remove a stop (the others close up)",
              .tag = tag});
  router.Add(
      {.method = "PUT",
       .path_template = "/api/v1/campaigns/{id}/route",
       .permission = write,
       .handler = [&campaigns](Request& req) -> http::Reply {
         TRY(campaigns.CheckCampaign(ActorOf(req), Id(req), true));
         auto ids = TRY(ReadBody(
             req, [](http::FieldReader& f) { return f.StringList("stop_ids", 500, 64, true); }));
         return Response::Json(200, DetailJson(TRY(campaigns.Reorder(ActorOf(req), Id(req), ids))));
       },
       .summary = "Put the route's stops in a new order (dates never go backwards)",
       .tag = tag,
       .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/campaigns/{id}/events",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.CheckCampaign(ActorOf(req), Id(req), true));
                auto event_id = TRY(
                    ReadBody(req, [](http::FieldReader& f) { return f.String("event_id", 64); }));
                return Response::Json(
                    201, DetailJson(TRY(campaigns.LinkEvent(ActorOf(req), Id(req), event_id))));
              },
              .summary = "Link an event the caller may edit to the campaign",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "DELETE",
              .path_template = "/api/v1/campaigns/{id}/events/{event_id}",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                return Response::Json(200, DetailJson(TRY(campaigns.UnlinkEvent(
                                               ActorOf(req), Id(req), Param(req, "event_id")))));
              },
              .summary = "Unlink an event from the campaign",
              .tag = tag});
  router.Add({.method = "POST",
              .path_template = "/api/v1/campaigns/{id}/materials",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                const auto actor = ActorOf(req);
                TRY(campaigns.CheckCampaign(actor, Id(req), true));
                NewMaterial m;
                const std::string type = http::MediaType(req);
                if (type == "application/json") {
                  m = TRY(ReadBody(req, [](http::FieldReader& f) {
                    NewMaterial in;
                    in.title = f.String("title", 300);
                    in.url = f.String("url", 2000);
                    in.is_public = f.OptBool("public").value_or(false);
                    return in;
                  }));
                } else {
                  m.title = req.Query("title");
                  m.file_name = req.Query("name");
                  m.is_public = req.Query("public") == "true";
                  m.content_type = type;
                  m.content = std::move(req.body);
                }
                return Response::Json(
                    201, MaterialJson(TRY(campaigns.AddMaterial(actor, Id(req), std::move(m)))));
              },
              .summary = "Attach a link (JSON {title, url, public}) or a file (raw body, "
                         "?title=&name=&public=, at most 10 MiB)",
              .tag = tag,
              .success_status = 201,
              .offload = true,
              .body_limit_bytes = kMaxFile});
  router.Add({.method = "DELETE",
              .path_template = "/api/v1/campaigns/{id}/materials/{mid}",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.RemoveMaterial(ActorOf(req), Id(req), Param(req, "mid")));
                return Response::NoContent();
              },
              .summary = "Remove a material",
              .tag = tag,
              .success_status = 204});
  router.Add({.method = "GET",
              .path_template = "/api/v1/campaigns/{id}/materials/{mid}/file",
              .permission = read,
              .handler = [&campaigns](Request& req) -> http::Reply {
                auto f = TRY(campaigns.MaterialContent(ActorOf(req), Id(req), Param(req, "mid")));
                return http::Attachment(f.material.file_name, std::move(f.content));
              },
              .summary = "A material's file, as an attachment",
              .tag = tag,
              .offload = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/campaigns/{id}/press",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.CheckCampaign(ActorOf(req), Id(req), true));
                auto p = TRY(ReadBody(req, [](http::FieldReader& f) {
                  campaign_repo::StoredPress in;
                  in.day = f.Date("date");
                  in.outlet = f.String("outlet", 200);
                  in.title = f.String("title", 300);
                  in.url = f.String("url", 2000);
                  return in;
                }));
                return Response::Json(201,
                                      PressJson(TRY(campaigns.AddPress(ActorOf(req), Id(req), p))));
              },
              .summary = "Log press coverage of the campaign",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "DELETE",
              .path_template = "/api/v1/campaigns/{id}/press/{pid}",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.RemovePress(ActorOf(req), Id(req), Param(req, "pid")));
                return Response::NoContent();
              },
              .summary = "Remove a press entry",
              .tag = tag,
              .success_status = 204});

  // ---- The public: no account, no cookie, nothing personal ----
  router.Add({.method = "GET",
              .path_template = "/api/v1/public/campaigns",
              .permission = std::string(http::kPublic),
              .handler = [&campaigns](Request&) -> http::Reply {
                json::array list;
                for (const auto& c : TRY(campaigns.PublicCampaigns())) {
                  list.push_back(PublicJson(c, false));
                }
                return Response::Json(200, {{"campaigns", list}});
              },
              .summary = "Published campaigns with their progress",
              .tag = tag,
              .hide_caller_address = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/public/campaigns/{id}",
              .permission = std::string(http::kPublic),
              .handler = [&campaigns](Request& req) -> http::Reply {
                return Response::Json(200,
                                      PublicJson(TRY(campaigns.PublicCampaignOf(Id(req))), true));
              },
              .summary = "A published campaign: its route, hosts by public name, published "
                         "events, public materials, press",
              .tag = tag,
              .hide_caller_address = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/public/campaigns/{id}/materials/{mid}/file",
              .permission = std::string(http::kPublic),
              .handler = [&campaigns](Request& req) -> http::Reply {
                auto f = TRY(campaigns.PublicMaterial(Id(req), Param(req, "mid")));
                return http::Attachment(f.material.file_name, std::move(f.content));
              },
              .summary = "A public material's file of a published campaign",
              .tag = tag,
              .offload = true,
              .hide_caller_address = true});
}

void RegisterCampaignMessages() {
  static constexpr Message kMessages[] = {
      {"campaigns.not_editor", "이 기록을 볼 수는 있지만 고칠 권한은 없습니다.",
       "You may see this record but not change it."},
      {"campaigns.ends_before_start", "끝나는 날이 시작하는 날보다 앞설 수 없습니다.",
       "The end cannot be before the start."},
      {"campaigns.too_long", "캠페인 기간은 366일을 넘을 수 없습니다.",
       "A campaign cannot last over 366 days."},
      {"campaigns.stop_outside_period", "경로의 일정이 캠페인 기간 밖에 있습니다.",
       "A stop of the route lies outside the campaign's period."},
      {"campaigns.route_order", "경로의 날짜가 뒤로 가지 않도록 순서를 정해 주세요.",
       "Along the route, dates cannot go backwards."},
      {"campaigns.route_ids", "경로의 모든 일정을 한 번씩 보내 주세요.",
       "Send every stop of the route exactly once."},
      {"campaigns.bad_position", "경로에 없는 위치입니다.",
       "There is no such position on the route."},
      {"campaigns.one_host", "주최는 회원 단체나 협력 단체 중 하나만 정할 수 있습니다.",
       "A stop is hosted by a member or by a partner, not both."},
      {"campaigns.event_not_linked", "이 캠페인에 연결된 행사가 아닙니다.",
       "This event is not linked to this campaign."},
      {"campaigns.event_not_together",
       "이 행사의 주최 단체는 이 캠페인을 운영하거나 경로를 맡은 단체가 아닙니다.",
       "This event's organizer neither runs this campaign nor hosts one of its stops."},
      {"campaigns.event_elsewhere", "이 행사는 이미 다른 캠페인에 연결되어 있습니다.",
       "This event is already linked to another campaign."},
      {"campaigns.bad_url", "http:// 또는 https:// 로 시작하는 주소를 적어 주세요.",
       "Enter an address starting with http:// or https://."},
      {"campaigns.file_type", "PDF, 그림(PNG, JPEG), 텍스트, DOCX, HWP 파일만 올릴 수 있습니다.",
       "Only PDF, images (PNG, JPEG), text, DOCX and HWP files can be uploaded."},
      {"partners.contact_reach", "전화번호나 이메일 주소 중 하나는 적어 주세요.",
       "Enter a phone number or an e-mail address."},
      {"partners.bad_email", "이메일 주소의 형식이 맞지 않습니다.",
       "The e-mail address is not in the right form."},
      {"partners.dates", "끝나는 날이 시작하는 날보다 앞설 수 없습니다.",
       "The end date cannot be before the start date."},
      {"partners.future", "아직 오지 않은 날짜입니다.", "That date is still to come."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::campaigns

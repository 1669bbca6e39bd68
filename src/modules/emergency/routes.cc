#include "modules/emergency/routes.h"

#include <set>

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "modules/network/model.h"
#include "security/policy.h"

namespace dandelion::emergency {
namespace {

using http::Request;
using http::Response;

// The numbers every page of the form shows: the police, and the national women's emergency
// line (여성긴급전화 1366, open day and night).
constexpr const char* kPoliceNumber = "112";
constexpr const char* kHotline = "1366";

boost::json::value OrNull(const std::string& s) {
  return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
}

std::string Iso(int64_t unix_seconds) { return FormatRfc3339(FromUnixSeconds(unix_seconds)); }

Response RequestReply(const Request& req, const Result<HelpRequest>& r, int status = 200) {
  if (!r) return Refuse(req, r.error());
  return Response::Json(status, RequestJson(*r));
}

// Reads a JSON body into a FieldReader-driven lambda; 400 for shape errors.
template <typename Read>
Response WithBody(Request& req, Read read) {
  auto body = http::ParseJsonObject(req);
  if (!body) return Refuse(req, body.error());
  http::FieldReader f(*body);
  return read(f);
}

void AddPublicRoutes(http::Router& router, EmergencyService& emergency) {
  router.Add({.method = "GET",
              .path_template = "/api/v1/public/help-form",
              .permission = std::string(http::kPublic),
              .handler =
                  [&emergency](Request&) {
                    boost::json::array regions;
                    for (const auto& r : network::Regions()) {
                      regions.push_back({{"code", r.code}, {"name_ko", r.ko}, {"name_en", r.en}});
                    }
                    return Response::Json(200, {{"form_token", emergency.IssueFormToken()},
                                                {"regions", regions},
                                                {"police_number", kPoliceNumber},
                                                {"hotline", kHotline}});
                  },
              .summary = "What the public help form needs: a time token, regions, numbers",
              .tag = "emergency",
              .hide_caller_address = true});
  router.Add(
      {.method = "POST",
       .path_template = "/api/v1/public/help-requests",
       .permission = std::string(http::kPublic),
       .handler =
           [&emergency](Request& req) {
             int64_t retry_after = 0;
             if (auto ok = emergency.AdmitPublic(req.remote_address, &retry_after); !ok) {
               Response r = Refuse(req, ok.error());
               r.SetHeader("Retry-After", std::to_string(retry_after));
               return r;
             }
             return WithBody(req, [&](http::FieldReader& f) {
               PublicSubmission form;
               form.region = f.String("region", 5);
               form.situation = f.String("situation", 2000);
               form.contact = f.OptString("contact", 300).value_or("");
               form.safe_contact = f.OptString("safe_contact", 1000).value_or("");
               form.language = f.OptString("language", 3).value_or("");
               form.form_token = f.String("form_token", 100);
               form.website = f.OptString("website", 200).value_or("");
               if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
               auto ref = emergency.SubmitPublic(form, req.request_id);
               if (!ref) return Refuse(req, ref.error());
               return Response::Json(202, {{"reference", *ref}});
             });
           },
       .summary = "A help request from the public form (no account; sealed for the receiver)",
       .tag = "emergency",
       .json_body = true,
       .success_status = 202,
       .hide_caller_address = true});
}

void AddRequestRoutes(http::Router& router, EmergencyService& emergency) {
  const std::string read(security::perm::kEmergencyRead);
  const std::string act(security::perm::kEmergencyAct);
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/requests",
              .permission = read,
              .handler =
                  [&emergency](Request& req) {
                    auto found = emergency.List(ActorOf(req), req.Query("status"));
                    if (!found) return Refuse(req, found.error());
                    boost::json::array items;
                    for (const auto& h : *found) items.emplace_back(RequestJson(h));
                    return Response::Json(200, {{"items", items}, {"next_cursor", nullptr}});
                  },
              .summary = "The organization's help requests (status=new|...|open)",
              .tag = "emergency"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests",
              .permission = act,
              .handler =
                  [&emergency](Request& req) {
                    return WithBody(req, [&](http::FieldReader& f) {
                      NewHelpRequest in;
                      in.channel = f.String("channel", 20);
                      in.region = f.String("region", 5);
                      in.situation = f.String("situation", 2000);
                      in.contact = f.OptString("contact", 300).value_or("");
                      in.safe_contact = f.OptString("safe_contact", 1000).value_or("");
                      in.location = f.OptString("location", 300).value_or("");
                      in.urgency = f.OptString("urgency", 20).value_or("");
                      in.language = f.OptString("language", 3).value_or("");
                      if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
                      return RequestReply(req, emergency.Log(ActorOf(req), in), 201);
                    });
                  },
              .summary = "Log a request that came by phone, SMS, police, a partner or in person",
              .tag = "emergency",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/requests/{id}",
              .permission = read,
              .handler =
                  [&emergency](Request& req) {
                    return RequestReply(req, emergency.Get(ActorOf(req), req.path_params["id"]));
                  },
              .summary = "One help request, decrypted (its organization only)",
              .tag = "emergency"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests/{id}/acknowledge",
              .permission = act,
              .handler =
                  [&emergency](Request& req) {
                    return RequestReply(req,
                                        emergency.Acknowledge(ActorOf(req), req.path_params["id"]));
                  },
              .summary = "Acknowledge a request (stops its escalation)",
              .tag = "emergency"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests/{id}/dispatch",
              .permission = act,
              .handler =
                  [&emergency](Request& req) {
                    return WithBody(req, [&](http::FieldReader& f) {
                      std::string note = f.OptString("note", 2000).value_or("");
                      if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
                      return RequestReply(
                          req, emergency.Dispatch(ActorOf(req), req.path_params["id"], note));
                    });
                  },
              .summary = "Record that someone is on the way",
              .tag = "emergency",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests/{id}/police",
              .permission = act,
              .handler =
                  [&emergency](Request& req) {
                    return WithBody(req, [&](http::FieldReader& f) {
                      PoliceCoordination p;
                      p.station = f.String("station", 200);
                      p.notified_at = f.String("notified_at", 40);
                      p.officer = f.OptString("officer", 200).value_or("");
                      p.report_number = f.OptString("report_number", 100).value_or("");
                      p.outcome = f.OptString("outcome", 1000).value_or("");
                      if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
                      return RequestReply(
                          req, emergency.RecordPolice(ActorOf(req), req.path_params["id"], p));
                    });
                  },
              .summary = "Record police coordination (station, officer, report number sealed)",
              .tag = "emergency",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests/{id}/resolve",
              .permission = act,
              .handler =
                  [&emergency](Request& req) {
                    return WithBody(req, [&](http::FieldReader& f) {
                      std::string outcome = f.Enum("outcome", Outcomes());
                      std::string note = f.OptString("note", 2000).value_or("");
                      if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
                      return RequestReply(
                          req,
                          emergency.Resolve(ActorOf(req), req.path_params["id"], outcome, note));
                    });
                  },
              .summary = "Resolve a request with its outcome",
              .tag = "emergency",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests/{id}/link",
              .permission = act,
              .handler =
                  [&emergency](Request& req) {
                    return WithBody(req, [&](http::FieldReader& f) {
                      std::string person_id = f.String("person_id", 26);
                      std::string case_id = f.OptString("case_id", 26).value_or("");
                      if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
                      return RequestReply(req, emergency.Link(ActorOf(req), req.path_params["id"],
                                                              person_id, case_id));
                    });
                  },
              .summary = "Link the request to her person record (and case)",
              .tag = "emergency",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/events",
              .permission = read,
              .handler =
                  [&emergency](Request& req) {
                    auto stream = emergency.Subscribe(ActorOf(req));
                    if (!stream) return Refuse(req, stream.error());
                    Response r;
                    r.content_type = "text/event-stream";
                    r.stream = std::move(*stream);
                    return r;
                  },
              .summary = "Server-sent events: every change to the organization's requests",
              .tag = "emergency",
              .streaming = true});
}

boost::json::object CoverageJson(const std::vector<request_repo::CoverageRow>& rows,
                                 int64_t ack_limit_seconds) {
  boost::json::array items;
  std::set<std::string> reachable_regions;
  for (const auto& c : rows) {
    items.push_back({{"org_id", c.org_id},
                     {"org_name", c.org_name},
                     {"region", c.region},
                     {"priority", c.priority},
                     {"on_call_now", c.on_call_now},
                     {"dispatchers", c.dispatchers},
                     {"reachable", c.reachable}});
    if (c.reachable) reachable_regions.insert(c.region);
  }
  // Regions where no covering organization can see a request now: their requests go straight
  // to the secretariat, which must know.
  boost::json::array gaps;
  for (const auto& r : network::Regions()) {
    if (!reachable_regions.contains(std::string(r.code))) gaps.emplace_back(r.code);
  }
  return {{"items", items}, {"gaps", gaps}, {"ack_limit_minutes", ack_limit_seconds / 60}};
}

Response CoverageReply(Request& req, EmergencyService& emergency) {
  const auto actor = ActorOf(req);
  auto rows = emergency.Coverage(actor);
  if (!rows) return Refuse(req, rows.error());
  auto limit = emergency.AckLimitSeconds(actor);
  if (!limit) return Refuse(req, limit.error());
  return Response::Json(200, CoverageJson(*rows, *limit));
}

boost::json::object ShiftJson(const request_repo::OnCallShift& s) {
  return {{"id", s.id},
          {"user_id", s.user_id},
          {"display_name", s.display_name},
          {"starts_at", Iso(s.starts_at)},
          {"ends_at", Iso(s.ends_at)}};
}

boost::json::array MeasureRows(const std::vector<MeasureRow>& rows, const char* key) {
  boost::json::array out;
  for (const auto& m : rows) {
    boost::json::object o{{key, m.key}, {"count", m.count}};
    o["median_ack_seconds"] = m.median_ack_seconds ? boost::json::value(*m.median_ack_seconds)
                                                   : boost::json::value(nullptr);
    o["median_resolve_seconds"] = m.median_resolve_seconds
                                      ? boost::json::value(*m.median_resolve_seconds)
                                      : boost::json::value(nullptr);
    out.push_back(std::move(o));
  }
  return out;
}

// "from"/"to" query parameters: RFC 3339, defaulting to now and a week on.
bool QueryTime(const Request& req, const char* name, TimePoint fallback, TimePoint* out) {
  std::string text = req.Query(name);
  if (text.empty()) {
    *out = fallback;
    return true;
  }
  return ParseRfc3339(text, out);
}

void AddOrganizationRoutes(http::Router& router, EmergencyService& emergency) {
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/coverage",
              .permission = std::string(http::kSignedIn),
              .handler = [&emergency](Request& req) { return CoverageReply(req, emergency); },
              .summary = "Which organizations cover which regions, and one's acknowledgement limit",
              .tag = "emergency"});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/emergency/coverage",
              .permission = std::string(security::perm::kEmergencyCoverage),
              .handler =
                  [&emergency](Request& req) {
                    return WithBody(req, [&](http::FieldReader& f) {
                      auto regions = f.StringList("regions", 17, 5, true);
                      auto minutes = f.OptInt("ack_limit_minutes", 1, 120);
                      if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
                      auto set = emergency.SetCoverage(ActorOf(req), regions, minutes);
                      if (!set) return Refuse(req, set.error());
                      return CoverageReply(req, emergency);
                    });
                  },
              .summary = "Set the regions one's organization covers",
              .tag = "emergency",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/on-call",
              .permission = std::string(security::perm::kEmergencyOnCall),
              .handler =
                  [&emergency](Request& req) {
                    const TimePoint now = std::chrono::system_clock::now();
                    TimePoint from{}, to{};
                    Error bad{ErrorCode::kInvalid, "error.invalid"};
                    if (!QueryTime(req, "from", now - std::chrono::hours(24), &from)) {
                      bad.Field("from", "field.wrong_type");
                    }
                    if (!QueryTime(req, "to", from + std::chrono::hours(24 * 7), &to)) {
                      bad.Field("to", "field.wrong_type");
                    }
                    if (!bad.fields.empty()) return Refuse(req, bad);
                    auto shifts = emergency.OnCall(ActorOf(req), from, to);
                    if (!shifts) return Refuse(req, shifts.error());
                    boost::json::array items;
                    for (const auto& s : *shifts) items.emplace_back(ShiftJson(s));
                    return Response::Json(200, {{"items", items}});
                  },
              .summary = "The organization's on-call shifts between from and to",
              .tag = "emergency"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/on-call",
              .permission = std::string(security::perm::kEmergencyOnCall),
              .handler =
                  [&emergency](Request& req) {
                    return WithBody(req, [&](http::FieldReader& f) {
                      std::string user_id = f.String("user_id", 26);
                      auto starts = f.Time("starts_at");
                      auto ends = f.Time("ends_at");
                      if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
                      auto shift = emergency.AddOnCall(ActorOf(req), user_id, *starts, *ends);
                      if (!shift) return Refuse(req, shift.error());
                      return Response::Json(201, ShiftJson(*shift));
                    });
                  },
              .summary = "Put a dispatcher of one's organization on call",
              .tag = "emergency",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/measures",
              .permission = std::string(security::perm::kEmergencyMeasures),
              .handler =
                  [&emergency](Request& req) {
                    auto m = emergency.GetMeasures(ActorOf(req));
                    if (!m) return Refuse(req, m.error());
                    return Response::Json(200,
                                          {{"by_org", MeasureRows(m->by_org, "org_id")},
                                           {"by_region", MeasureRows(m->by_region, "region")}});
                  },
              .summary = "Median times to acknowledge and resolve, by organization and region",
              .tag = "emergency"});
}

}  // namespace

boost::json::object RequestJson(const HelpRequest& h) {
  boost::json::value police = nullptr;
  if (h.police.present()) {
    police = boost::json::object{{"station", h.police.station},
                                 {"notified_at", h.police.notified_at},
                                 {"officer", OrNull(h.police.officer)},
                                 {"report_number", OrNull(h.police.report_number)},
                                 {"outcome", OrNull(h.police.outcome)}};
  }
  boost::json::value due = nullptr;
  if (h.ack_due_at) due = Iso(*h.ack_due_at);
  return {{"id", h.id},
          {"reference", h.reference},
          {"channel", h.channel},
          {"region", h.region},
          {"received_at", h.received_at},
          {"status", h.status},
          {"urgency", h.urgency},
          {"situation", h.situation},
          {"location", OrNull(h.location)},
          {"contact", OrNull(h.contact)},
          {"safe_contact", OrNull(h.safe_contact)},
          {"language", OrNull(h.language)},
          {"assigned_org_id", h.assigned_org_id},
          {"escalation_level", h.escalation_level},
          {"ack_due_at", due},
          {"acknowledged_at", OrNull(h.acknowledged_at)},
          {"dispatched_at", OrNull(h.dispatched_at)},
          {"resolved_at", OrNull(h.resolved_at)},
          {"closed_at", OrNull(h.closed_at)},
          {"outcome", OrNull(h.outcome)},
          {"dispatch_note", OrNull(h.dispatch_note)},
          {"resolve_note", OrNull(h.resolve_note)},
          {"person_id", OrNull(h.person_id)},
          {"case_id", OrNull(h.case_id)},
          {"police", police}};
}

void AddRoutes(http::Router& router, EmergencyService& emergency) {
  AddPublicRoutes(router, emergency);
  AddRequestRoutes(router, emergency);
  AddOrganizationRoutes(router, emergency);
}

void RegisterEmergencyMessages() {
  static constexpr Message kMessages[] = {
      {"emergency.too_many",
       "이 연결에서 요청이 너무 많이 왔습니다. 몇 분 뒤에 다시 보내 주세요. 지금 위험하면 112에 "
       "전화하세요.",
       "Too many requests came from this connection. Please send again in a few minutes. If you "
       "are in danger now, call 112."},
      {"emergency.form_token", "양식이 올바르지 않습니다. 페이지를 새로 고친 뒤 다시 보내 주세요.",
       "The form is not valid. Please reload the page and send it again."},
      {"emergency.form_too_fast", "조금만 기다렸다가 다시 보내 주세요.",
       "Please wait a moment, then send again."},
      {"emergency.form_expired", "양식이 오래되었습니다. 페이지를 새로 고친 뒤 다시 보내 주세요.",
       "The form has expired. Please reload the page and send it again."},
      {"emergency.form_used",
       "이 양식은 이미 보내졌습니다. 페이지를 새로 고친 뒤 다시 보내 주세요.",
       "This form has already been sent. Please reload the page and send it again."},
      {"emergency.honeypot", "이 칸은 비워 두세요.", "Leave this field empty."},
      {"emergency.no_receiver",
       "지금 요청을 받을 수 있는 기관이 없습니다. 112 또는 1366에 전화하세요.",
       "No organization can receive requests right now. Please call 112 or 1366."},
      {"emergency.wrong_status", "요청의 현재 상태에서는 할 수 없는 일입니다.",
       "This cannot be done in the request's current status."},
      {"emergency.changed", "다른 사람이 방금 이 요청을 바꾸었습니다. 다시 불러와 주세요.",
       "Someone else just changed this request. Please reload it."},
      {"emergency.in_future", "미래의 시각은 입력할 수 없습니다.",
       "The time cannot be in the future."},
      {"emergency.unknown_person", "우리 기관에 등록된 사람이 아닙니다.",
       "This is not a person registered with your organization."},
      {"emergency.unknown_case", "이 사람의 우리 기관 사례가 아닙니다.",
       "This is not a case of this person at your organization."},
      {"emergency.not_a_dispatcher", "우리 기관의 활동 중인 상황 요원이나 슈퍼바이저가 아닙니다.",
       "This is not an active dispatcher or supervisor of your organization."},
      {"emergency.shift_range", "근무는 끝이 시작보다 뒤이고 31일을 넘지 않아야 합니다.",
       "A shift must end after it starts and last at most 31 days."},
      {"emergency.range", "기간은 끝이 시작보다 뒤이고 93일을 넘지 않아야 합니다.",
       "The period must end after it starts and span at most 93 days."},
      {"emergency.ack_limit_range", "확인 시한은 1분에서 120분 사이여야 합니다.",
       "The acknowledgement limit must be between 1 and 120 minutes."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::emergency

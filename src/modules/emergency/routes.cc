#include "modules/emergency/routes.h"

#include "modules/emergency/routes_internal.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::emergency {
namespace {

using http::Request;
using http::Response;

// The request a change produced, as the board shows it.
http::Reply RequestReply(Result<HelpRequest> changed, int status = 200) {
  return Response::Json(status, RequestJson(TRY(std::move(changed))));
}

// A woman a request may be linked to, as a dispatcher may see her.
boost::json::object MatchJson(const PersonMatch& m) {
  boost::json::array cases;
  for (const auto& c : m.open_cases) cases.push_back({{"id", c.id}, {"number", c.number}});
  return {{"id", m.id},         {"code", m.code},           {"restricted", m.restricted},
          {"hidden", m.hidden}, {"alias", OrNull(m.alias)}, {"age_band", OrNull(m.age_band)},
          {"open_cases", cases}};
}

void AddRequestRoutes(http::Router& router, EmergencyService& emergency) {
  const std::string read(security::perm::kEmergencyRead);
  const std::string act(security::perm::kEmergencyAct);
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/requests",
              .permission = read,
              .handler = [&emergency](Request& req) -> http::Reply {
                auto listed = TRY(emergency.List(ActorOf(req), req.Query("status")));
                boost::json::array items;
                for (const auto& h : listed.value) items.emplace_back(RequestJson(h));
                boost::json::object body{{"items", items}, {"next_cursor", nullptr}};
                return AuditedJson(std::move(listed), std::move(body));
              },
              .summary = "The organization's help requests (status=new|...|open)",
              .tag = "emergency"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests",
              .permission = act,
              .handler = [&emergency](Request& req) -> http::Reply {
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  NewHelpRequest in;
                  in.channel = f.String("channel", 20);
                  in.region = f.String("region", 5);
                  in.situation = f.String("situation", 2000);
                  in.contact = f.OptString("contact", 300).value_or("");
                  in.safe_contact = f.OptString("safe_contact", 1000).value_or("");
                  in.location = f.OptString("location", 300).value_or("");
                  in.urgency = f.OptString("urgency", 20).value_or("");
                  in.language = f.OptString("language", 3).value_or("");
                  return in;
                }));
                return RequestReply(emergency.Log(ActorOf(req), in), 201);
              },
              .summary = "Log a request that came by phone, SMS, police, a partner or in person",
              .tag = "emergency",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/requests/{id}",
              .permission = read,
              .handler = [&emergency](Request& req) -> http::Reply {
                auto request = TRY(emergency.Get(ActorOf(req), req.path_params["id"]));
                boost::json::object body = RequestJson(request.value);
                return AuditedJson(std::move(request), std::move(body));
              },
              .summary = "One help request, decrypted (its organization only)",
              .tag = "emergency"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests/{id}/acknowledge",
              .permission = act,
              .handler = [&emergency](Request& req) -> http::Reply {
                return RequestReply(emergency.Acknowledge(ActorOf(req), req.path_params["id"]));
              },
              .summary = "Acknowledge a request (stops its escalation)",
              .tag = "emergency"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests/{id}/dispatch",
              .permission = act,
              .handler = [&emergency](Request& req) -> http::Reply {
                auto note = TRY(ReadBody(req, [](http::FieldReader& f) {
                  return f.OptString("note", 2000).value_or("");
                }));
                return RequestReply(emergency.Dispatch(ActorOf(req), req.path_params["id"], note));
              },
              .summary = "Record that someone is on the way",
              .tag = "emergency",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests/{id}/police",
              .permission = act,
              .handler = [&emergency](Request& req) -> http::Reply {
                auto police = TRY(ReadBody(req, [](http::FieldReader& f) {
                  PoliceCoordination p;
                  p.station = f.String("station", 200);
                  p.notified_at = f.String("notified_at", 40);
                  p.officer = f.OptString("officer", 200).value_or("");
                  p.report_number = f.OptString("report_number", 100).value_or("");
                  p.outcome = f.OptString("outcome", 1000).value_or("");
                  return p;
                }));
                return RequestReply(
                    emergency.RecordPolice(ActorOf(req), req.path_params["id"], police));
              },
              .summary = "Record police coordination (station, officer, report number sealed)",
              .tag = "emergency",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests/{id}/resolve",
              .permission = act,
              .handler = [&emergency](Request& req) -> http::Reply {
                struct In {
                  std::string outcome, note;
                };
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  In in;
                  in.outcome = f.Enum("outcome", Outcomes());
                  in.note = f.OptString("note", 2000).value_or("");
                  return in;
                }));
                return RequestReply(
                    emergency.Resolve(ActorOf(req), req.path_params["id"], in.outcome, in.note));
              },
              .summary = "Resolve a request with its outcome",
              .tag = "emergency",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests/{id}/close",
              .permission = act,
              .handler = [&emergency](Request& req) -> http::Reply {
                return RequestReply(emergency.Close(ActorOf(req), req.path_params["id"]));
              },
              .summary = "Close a resolved request once its follow-up is done (no more changes)",
              .tag = "emergency"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/requests/{id}/link",
              .permission = act,
              .handler = [&emergency](Request& req) -> http::Reply {
                struct In {
                  std::string person_id, case_id;
                };
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  In in;
                  in.person_id = f.String("person_id", 26);
                  in.case_id = f.OptString("case_id", 26).value_or("");
                  return in;
                }));
                return RequestReply(
                    emergency.Link(ActorOf(req), req.path_params["id"], in.person_id, in.case_id));
              },
              .summary = "Link the request to her person record (and case)",
              .tag = "emergency",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/requests/{id}/candidates",
              .permission = act,
              .handler = [&emergency](Request& req) -> http::Reply {
                PersonLookup lookup{.name = req.Query("name"), .phone = req.Query("phone")};
                auto matches =
                    TRY(emergency.PersonCandidates(ActorOf(req), req.path_params["id"], lookup));
                boost::json::array items;
                for (const auto& m : matches.value) items.emplace_back(MatchJson(m));
                return AuditedJson(std::move(matches), {{"items", items}});
              },
              .summary = "Her organization's people matching a name or phone exactly, as stubs, "
                         "to link the request to (audited)",
              .tag = "emergency"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/events",
              .permission = read,
              .handler = [&emergency](Request& req) -> http::Reply {
                Response r;
                r.content_type = "text/event-stream";
                r.stream = TRY(emergency.Subscribe(ActorOf(req)));
                return r;
              },
              .summary = "Server-sent events: every change to the organization's requests",
              .tag = "emergency",
              .streaming = true});
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
  if (h.ack_due_at) due = detail::Iso(*h.ack_due_at);
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
  detail::AddPublicRoutes(router, emergency);
  AddRequestRoutes(router, emergency);
  detail::AddOrganizationRoutes(router, emergency);
}

}  // namespace dandelion::emergency

// The routes of meetings, attendance, peer contacts and statements (docs/api-survivors.md).
#include "core/clock.h"
#include "modules/handler_support.h"
#include "modules/survivors/routes.h"
#include "modules/survivors/routes_json.h"
#include "security/policy.h"

namespace dandelion::survivors {
namespace {

using http::Request;
using http::Response;
namespace perm = security::perm;

MeetingPatch ReadMeeting(http::FieldReader& f, bool create) {
  MeetingPatch p;
  if (auto t = f.Time("starts_at", create)) p.starts_at = FormatRfc3339(*t);
  p.topic = create ? std::optional(f.String("topic", 200)) : f.OptString("topic", 200);
  p.place = create ? std::optional(f.String("place", 300)) : f.OptString("place", 300);
  p.facilitator_id = f.OptString("facilitator_id", 64);
  return p;
}

StatementPatch ReadStatement(http::FieldReader& f, bool create) {
  StatementPatch p;
  p.title_ko = create ? std::optional(f.String("title_ko", 200)) : f.OptString("title_ko", 200);
  p.title_en = f.OptString("title_en", 200);
  p.body_ko = create ? std::optional(f.String("body_ko", 20000)) : f.OptString("body_ko", 20000);
  p.body_en = f.OptString("body_en", 20000);
  return p;
}

boost::json::object Items(boost::json::array items) { return {{"items", std::move(items)}}; }

boost::json::object CountsJson(const CountTable& t) {
  boost::json::array rows;
  for (size_t i = 0; i < t.keys.size(); ++i) {
    rows.push_back(boost::json::object{
        {"key", t.keys[i]},
        {"count", t.counts[i] ? boost::json::value(*t.counts[i]) : boost::json::value(nullptr)}});
  }
  return {{"rows", std::move(rows)},
          {"total", t.total ? boost::json::value(*t.total) : boost::json::value(nullptr)}};
}

}  // namespace

void AddNetworkRoutes(http::Router& router, SurvivorService& sv) {
  const std::string tag = "survivors";
  const std::string self(perm::kSurvivorSelf), read(perm::kSurvivorRead),
      write(perm::kSurvivorWrite);
  const std::string base = "/api/v1/survivors";
  router.Add({.method = "GET",
              .path_template = base + "/groups/{id}/meetings",
              .permission = read,
              .handler = [&sv](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& m : TRY(sv.Meetings(ActorOf(req), Id(req)))) {
                  items.push_back(MeetingJson(m));
                }
                return Response::Json(200, Items(std::move(items)));
              },
              .summary = "A group's meetings (its facilitators and coordinators)",
              .tag = tag});
  router.Add(
      {.method = "POST",
       .path_template = base + "/groups/{id}/meetings",
       .permission = write,
       .handler = [&sv](Request& req) -> http::Reply {
         TRY(sv.CheckNetwork(ActorOf(req)));
         auto p = TRY(ReadBody(req, [](http::FieldReader& f) { return ReadMeeting(f, true); }));
         return Response::Json(201, MeetingJson(TRY(sv.AddMeeting(ActorOf(req), Id(req), p))));
       },
       .summary = "Add a meeting to a group (place sealed)",
       .tag = tag,
       .json_body = true,
       .success_status = 201});
  router.Add(
      {.method = "PATCH",
       .path_template = base + "/meetings/{id}",
       .permission = write,
       .handler = [&sv](Request& req) -> http::Reply {
         TRY(sv.CheckNetwork(ActorOf(req)));
         auto p = TRY(ReadBody(req, [](http::FieldReader& f) { return ReadMeeting(f, false); }));
         return Response::Json(200, MeetingJson(TRY(sv.UpdateMeeting(ActorOf(req), Id(req), p))));
       },
       .summary = "Change a meeting",
       .tag = tag,
       .json_body = true});
  router.Add({.method = "GET",
              .path_template = base + "/meetings/{id}/attendance",
              .permission = read,
              .handler = [&sv](Request& req) -> http::Reply {
                return Response::Json(200,
                                      AttendanceJson(TRY(sv.GetAttendance(ActorOf(req), Id(req)))));
              },
              .summary = "A meeting's attendance by alias",
              .tag = tag});
  for (const char* method : {"PUT", "DELETE"}) {
    const bool present = std::string_view(method) == "PUT";
    router.Add({.method = method,
                .path_template = base + "/meetings/{id}/attendance/{member_id}",
                .permission = write,
                .handler = [&sv, present](Request& req) -> http::Reply {
                  return Response::Json(
                      200, AttendanceJson(TRY(sv.SetAttendance(
                               ActorOf(req), Id(req), req.path_params["member_id"], present))));
                },
                .summary = present ? "Mark a member present (idempotent)"
                                   : "Remove a member's attendance (idempotent)",
                .tag = tag});
  }
  router.Add({.method = "GET",
              .path_template = base + "/peer-contacts",
              .permission = read,
              .handler = [&sv](Request& req) -> http::Reply {
                auto listed = TRY(sv.PeerContacts(ActorOf(req)));
                boost::json::array items;
                for (const auto& p : listed.value) items.push_back(PeerContactJson(p));
                return AuditedJson(std::move(listed), Items(std::move(items)));
              },
              .summary = "Peer-support contacts (her own; coordinators all)",
              .tag = tag});
  router.Add({.method = "POST",
              .path_template = base + "/peer-contacts",
              .permission = write,
              .handler = [&sv](Request& req) -> http::Reply {
                TRY(sv.CheckNetwork(ActorOf(req)));
                std::string note;
                auto in = TRY(ReadBody(req, [&note](http::FieldReader& f) {
                  repo::StoredPeerContact c;
                  c.date = f.Date("date");
                  c.region = f.String("region", 8);
                  c.mode = f.Enum("mode", kContactModes, true);
                  c.minutes = static_cast<int>(f.Int("minutes", 1, 1440));
                  note = f.OptString("note", 2000).value_or("");
                  return c;
                }));
                return Response::Json(
                    201, PeerContactJson(TRY(sv.LogPeerContact(ActorOf(req), in, note))));
              },
              .summary = "Log a peer-support contact (no link to any case or person)",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = base + "/stats",
              .permission = read,
              .handler = [&sv](Request& req) -> http::Reply {
                auto c = TRY(sv.Counts(ActorOf(req)));
                boost::json::object body{{"k", c.value.k},
                                         {"peer_support", CountsJson(c.value.peer_support)},
                                         {"members", CountsJson(c.value.members)}};
                return AuditedJson(std::move(c), std::move(body));
              },
              .summary = "The network's figures: peer support by region, members by group "
                         "(counts only, small cells hidden)",
              .tag = tag});
  const std::string statements = base + "/statements";
  const std::string statement = statements + "/{id}";
  router.Add({.method = "GET",
              .path_template = statements,
              .permission = read,
              .handler = [&sv](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& s : TRY(sv.Statements(ActorOf(req)))) {
                  items.push_back(StatementJson(s));
                }
                return Response::Json(200, Items(std::move(items)));
              },
              .summary = "The network's collective statements (counts, never names)",
              .tag = tag});
  router.Add({.method = "POST",
              .path_template = statements,
              .permission = write,
              .handler = [&sv](Request& req) -> http::Reply {
                TRY(sv.CheckNetwork(ActorOf(req)));
                auto p =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadStatement(f, true); }));
                return Response::Json(201, StatementJson(TRY(sv.Draft(ActorOf(req), p))));
              },
              .summary = "Draft a collective statement",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add(
      {.method = "PATCH",
       .path_template = statement,
       .permission = write,
       .handler = [&sv](Request& req) -> http::Reply {
         TRY(sv.CheckNetwork(ActorOf(req)));
         auto p = TRY(ReadBody(req, [](http::FieldReader& f) { return ReadStatement(f, false); }));
         return Response::Json(200, StatementJson(TRY(sv.Redraft(ActorOf(req), Id(req), p))));
       },
       .summary = "Change a draft statement",
       .tag = tag,
       .json_body = true});
  for (const char* to : {"open", "publish", "close"}) {
    const std::string status = std::string_view(to) == "open"      ? "open"
                               : std::string_view(to) == "publish" ? "published"
                                                                   : "closed";
    router.Add({.method = "POST",
                .path_template = statement + "/" + to,
                .permission = write,
                .handler = [&sv, status](Request& req) -> http::Reply {
                  return Response::Json(200,
                                        StatementJson(TRY(sv.Move(ActorOf(req), Id(req), status))));
                },
                .summary = "Move a statement to " + status +
                           (status == "published" ? " (only with the minimum of signatures)" : ""),
                .tag = tag});
  }
  for (const char* method : {"PUT", "DELETE"}) {
    const bool sign = std::string_view(method) == "PUT";
    router.Add(
        {.method = method,
         .path_template = statement + "/signature",
         .permission = self,
         .handler = [&sv, sign](Request& req) -> http::Reply {
           return Response::Json(200,
                                 StatementJson(TRY(sv.SetSignature(ActorOf(req), Id(req), sign))));
         },
         .summary = sign ? "Sign a statement (idempotent)" : "Withdraw her signature (idempotent)",
         .tag = tag});
  }
}

}  // namespace dandelion::survivors

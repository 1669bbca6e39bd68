#include "modules/cases/routes.h"

#include <algorithm>

#include "core/messages.h"
#include "http/field_reader.h"
#include "http/json_writer.h"
#include "modules/handler_support.h"
#include "security/policy.h"
#include "security/session_confirmation.h"

namespace dandelion::cases {
namespace {

using http::Request;
using http::Response;

void WriteWorkers(http::JsonWriter& w, const std::vector<Worker>& workers) {
  w.Array();
  for (const auto& worker : workers) {
    w.Object().Key("user_id").String(worker.user_id);
    w.Key("display_name").String(worker.display_name).End();
  }
  w.End();
}

void WritePerson(http::JsonWriter& w, const CasePerson& p) {
  if (p.id.empty()) {
    w.Null();
    return;
  }
  // Safe-contact instructions travel with every view that might lead someone to contact her.
  w.Object().Key("id").String(p.id).Key("code").String(p.code);
  w.Key("legal_name").String(p.legal_name).Key("alias").StringOrNull(p.alias);
  w.Key("safe_contact").StringOrNull(p.safe_contact).End();
}

// A case as a reply of its own.
Response CaseReply(int status, const Case& c) {
  http::JsonWriter w;
  WriteCase(w, c);
  return Response::JsonText(status, std::move(w).Take());
}

// A list of cases, each in its shorter form.
Response CaseSummariesReply(const std::vector<Case>& cases) {
  http::JsonWriter w;
  WriteCaseSummaries(w, cases);
  return Response::JsonText(200, std::move(w).Take());
}

// Reads the case fields of a POST or PATCH body; shape only (the service judges values).
CaseFields ReadFields(http::FieldReader& f, bool opening) {
  CaseFields in;
  in.person_id = opening ? std::optional(f.String("person_id", 64)) : f.OptString("person_id", 64);
  in.intake_channel = f.OptString("intake_channel", 40);
  const bool has_situation = Present(f.raw(), "situation");
  auto situation = f.StringList("situation", 10, 40);
  if (has_situation) in.situation = std::move(situation);
  in.risk_level = f.OptString("risk_level", 20);
  in.summary = opening ? std::optional(f.String("summary", 4000)) : f.OptString("summary", 4000);
  in.safety_plan = f.OptString("safety_plan", 4000);
  in.restricted = f.OptBool("restricted");
  return in;
}

// {"items": [...], "next_cursor": null}
template <class T, class ToJson>
boost::json::object Items(const std::vector<T>& items, ToJson to_json) {
  boost::json::array out;
  for (const auto& item : items) out.emplace_back(to_json(item));
  return {{"items", std::move(out)}, {"next_cursor", nullptr}};
}

boost::json::object TimelineJson(const case_repo::TimelineEvent& e) {
  return {{"at", e.at},
          {"kind", e.kind},
          {"id", e.entity_id},
          {"summary", OrNull(e.label)},
          {"actor_id", OrNull(e.actor_id)},
          {"actor_name", OrNull(e.actor_name)}};
}

boost::json::object NotificationJson(const case_repo::Notification& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"case_id", OrNull(n.case_id)},
          {"referral_id", OrNull(n.referral_id)},
          {"actor_id", OrNull(n.actor_id)},
          {"actor", OrNull(n.actor_name)},
          {"at", n.at},
          {"read_at", OrNull(n.read_at)}};
}

// The query of GET /api/v1/cases; 400 for an assigned= other than "me".
Result<CaseListQuery> ReadListQuery(const Request& req) {
  CaseListQuery q{.status = req.Query("status"),
                  .person_id = req.Query("person_id"),
                  .worker = req.Query("worker"),
                  .risk_level = req.Query("risk")};
  if (const std::string days = req.Query("no_contact_days"); !days.empty()) {
    // Anything but 1 to 3 digits becomes -1, which the service refuses by name.
    const bool digits = days.size() <= 3 && std::all_of(days.begin(), days.end(), [](char c) {
                          return c >= '0' && c <= '9';
                        });
    q.no_contact_days = digits ? std::stoi(days) : -1;
  }
  const std::string assigned = req.Query("assigned");
  if (!assigned.empty() && assigned != "me") {
    return Fail(
        Error{ErrorCode::kInvalid, "error.invalid"}.Field("assigned", "field.unknown_value"));
  }
  q.assigned_to_me = assigned == "me";
  return q;
}

}  // namespace

void WriteCase(http::JsonWriter& w, const Case& c) {
  w.Object().Key("id").String(c.id).Key("number").String(c.number);
  w.Key("person_id").StringOrNull(c.person.id).Key("person");
  WritePerson(w, c.person);
  w.Key("status").String(c.status).Key("intake_channel").String(c.intake_channel);
  w.Key("situation").Array();
  for (const auto& s : c.situation) w.String(s);
  w.End();
  w.Key("risk_level").String(c.risk_level);
  w.Key("summary").StringOrNull(c.summary).Key("safety_plan").StringOrNull(c.safety_plan);
  w.Key("restricted").Bool(c.restricted).Key("assigned");
  WriteWorkers(w, c.assigned);
  w.Key("opened_at").String(c.opened_at).Key("closed_at").StringOrNull(c.closed_at);
  w.Key("closure_reason").StringOrNull(c.closure_reason);
  w.Key("closure_note").StringOrNull(c.closure_note);
  w.Key("reopen_reason").StringOrNull(c.reopen_reason);
  w.Key("last_contact_at").StringOrNull(c.last_contact_at);
  w.Key("updated_at").String(c.updated_at).Key("access").StringOrNull(c.access);
  w.End();
}

void WriteCaseSummary(http::JsonWriter& w, const Case& c) {
  w.Object().Key("id").String(c.id).Key("number").String(c.number).Key("person");
  WritePerson(w, c.person);
  w.Key("status").String(c.status).Key("risk_level").String(c.risk_level);
  w.Key("restricted").Bool(c.restricted).Key("assigned");
  WriteWorkers(w, c.assigned);
  w.Key("opened_at").String(c.opened_at).Key("last_contact_at").StringOrNull(c.last_contact_at);
  w.End();
}

void WriteCaseSummaries(http::JsonWriter& w, const std::vector<Case>& cases) {
  w.Object().Key("items").Array();
  for (const auto& c : cases) WriteCaseSummary(w, c);
  w.End().Key("next_cursor").Null().End();
}

void AddRoutes(http::Router& router, CaseService& cases) {
  const std::string read(security::perm::kCaseRead);
  const std::string write(security::perm::kCaseWrite);
  const std::string supervise(security::perm::kCaseSupervise);
  router.Add({.method = "POST",
              .path_template = "/api/v1/cases",
              .permission = write,
              .handler = [&cases](Request& req) -> http::Reply {
                CaseFields in =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadFields(f, true); }));
                return CaseReply(201, TRY(cases.Open(ActorOf(req), in)));
              },
              .summary = "Open a case for a person from intake; the caller is assigned",
              .tag = "cases",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/cases",
              .permission = read,
              .handler = [&cases](Request& req) -> http::Reply {
                const security::Actor actor = ActorOf(req);
                Result<CaseListQuery> q = ReadListQuery(req);
                if (!q) return Fail(security::BeforeConfirmation(actor, q.error()));
                auto found = TRY(cases.List(actor, *q));
                Response res = CaseSummariesReply(found.value);
                res.await_commit = AwaitAudit(std::move(found.audit));
                return res;
              },
              .summary = "Cases of one's organization (status, assigned=me, person_id, "
                         "worker=ID|none, risk, no_contact_days), riskiest first",
              .tag = "cases",
              // Up to 200 cases, each her own key and fields to open: milliseconds that would
              // hold every other connection of this IO thread (docs/performance.md).
              .offload = true,
              // The generation's statement confirms the session (cases/list_cache.h).
              .session_confirmed_by_read = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/cases/{id}",
              .permission = read,
              .handler = [&cases](Request& req) -> http::Reply {
                auto seen = TRY(cases.Get(ActorOf(req), req.path_params["id"]));
                Response res = CaseReply(200, seen.value);
                res.await_commit = AwaitAudit(std::move(seen.audit));
                return res;
              },
              .summary = "One case, decrypted (restricted: assigned, supervisors or break-glass)",
              .tag = "cases",
              // Its one statement confirms the session too: on PostgreSQL a round trip and a
              // statement fewer per read (security/session_confirmation.h).
              .session_confirmed_by_read = true});
  router.Add({.method = "PATCH",
              .path_template = "/api/v1/cases/{id}",
              .permission = write,
              .handler = [&cases](Request& req) -> http::Reply {
                CaseFields in =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadFields(f, false); }));
                return CaseReply(200, TRY(cases.Update(ActorOf(req), req.path_params["id"], in)));
              },
              .summary = "Change a case's risk, situation, summary or safety plan",
              .tag = "cases",
              .json_body = true});
  router.Add(
      {.method = "POST",
       .path_template = "/api/v1/cases/{id}/assign",
       .permission = supervise,
       .handler = [&cases](Request& req) -> http::Reply {
         auto users = TRY(ReadBody(
             req, [](http::FieldReader& f) { return f.StringList("user_ids", 20, 64, true); }));
         return CaseReply(200, TRY(cases.Assign(ActorOf(req), req.path_params["id"], users)));
       },
       .summary = "Assign the case's workers (supervisors)",
       .tag = "cases",
       .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/cases/{id}/restrict",
              .permission = supervise,
              .handler = [&cases](Request& req) -> http::Reply {
                const bool restricted =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return f.Bool("restricted"); }));
                return CaseReply(
                    200, TRY(cases.Restrict(ActorOf(req), req.path_params["id"], restricted)));
              },
              .summary = "Restrict a case to its workers and supervisors, or lift the restriction",
              .tag = "cases",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/cases/{id}/close",
              .permission = write,
              .handler = [&cases](Request& req) -> http::Reply {
                auto [reason, note] = TRY(ReadBody(req, [](http::FieldReader& f) {
                  std::string reason = f.String("reason", 40);
                  return std::pair(reason, f.OptString("note", 2000).value_or(""));
                }));
                return CaseReply(
                    200, TRY(cases.Close(ActorOf(req), req.path_params["id"], reason, note)));
              },
              .summary = "Close a case with a reason",
              .tag = "cases",
              .json_body = true});
  router.Add(
      {.method = "POST",
       .path_template = "/api/v1/cases/{id}/reopen",
       .permission = write,
       .handler = [&cases](Request& req) -> http::Reply {
         std::string reason =
             TRY(ReadBody(req, [](http::FieldReader& f) { return f.String("reason", 2000); }));
         return CaseReply(200, TRY(cases.Reopen(ActorOf(req), req.path_params["id"], reason)));
       },
       .summary = "Reopen a closed case with a reason",
       .tag = "cases",
       .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/cases/{id}/break-glass",
              .permission = read,
              .handler = [&cases](Request& req) -> http::Reply {
                std::string reason = TRY(
                    ReadBody(req, [](http::FieldReader& f) { return f.String("reason", 1000); }));
                BreakGlassResult granted =
                    TRY(cases.BreakGlass(ActorOf(req), req.path_params["id"], reason));
                return Response::Json(
                    200, {{"case_id", granted.case_id}, {"expires_at", granted.expires_at}});
              },
              .summary = "Break the glass of a restricted case: a stated reason, audited, "
                         "supervisors notified",
              .tag = "cases",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/cases/{id}/timeline",
              .permission = read,
              .handler = [&cases](Request& req) -> http::Reply {
                auto events = TRY(cases.Timeline(ActorOf(req), req.path_params["id"]));
                boost::json::object body = Items(events.value, TimelineJson);
                return AuditedJson(std::move(events), std::move(body));
              },
              .summary = "The case's events, newest first (kinds and clear labels only)",
              .tag = "cases"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/notifications",
              .permission = std::string(http::kSignedIn),
              .handler = [&cases](Request& req) -> http::Reply {
                auto found = TRY(cases.Notifications(ActorOf(req)));
                return Response::Json(200, Items(found, NotificationJson));
              },
              .summary = "One's own notifications, newest first",
              .tag = "cases"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/notifications/{id}/read",
              .permission = std::string(http::kSignedIn),
              .handler = [&cases](Request& req) -> http::Reply {
                TRY(cases.MarkNotificationRead(ActorOf(req), req.path_params["id"]));
                return Response::NoContent();
              },
              .summary = "Mark one's notification read",
              .tag = "cases",
              .success_status = 204});
}

void RegisterCaseMessages() {
  static constexpr Message kMessages[] = {
      {"cases.break_glass_required",
       "제한된 사례입니다. 열람 사유를 입력하면 기록되고 슈퍼바이저에게 알림이 갑니다.",
       "This case is restricted. State a reason to open it; the reason is recorded and the "
       "supervisors are notified."},
      {"cases.closed", "종결된 사례입니다. 먼저 재개하세요.",
       "This case is closed; reopen it first."},
      {"cases.not_closed", "진행 중인 사례입니다.", "This case is not closed."},
      {"cases.not_restricted", "제한되지 않은 사례입니다.", "This case is not restricted."},
      {"cases.no_contact_days_range", "연락 없는 기간은 1일에서 365일 사이로 정하세요.",
       "Choose a no-contact period from 1 to 365 days."},
      {"cases.unknown_person", "이 기관에 등록된 사람이 아닙니다.",
       "No such person is registered with your organization."},
      {"cases.not_a_worker",
       "이 기관의 활성 사례 담당자(상담원 또는 슈퍼바이저)만 배정할 수 있습니다.",
       "Only active case workers or supervisors of your organization can be assigned."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::cases

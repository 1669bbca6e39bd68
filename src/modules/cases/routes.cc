#include "modules/cases/routes.h"

#include <algorithm>

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::cases {
namespace {

using http::Request;
using http::Response;

boost::json::value OrNull(const std::string& s) {
  return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
}

boost::json::array Strings(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& i : items) out.emplace_back(i);
  return out;
}

boost::json::array WorkersJson(const std::vector<Worker>& workers) {
  boost::json::array out;
  for (const auto& w : workers) {
    out.emplace_back(boost::json::object{{"user_id", w.user_id}, {"display_name", w.display_name}});
  }
  return out;
}

boost::json::value PersonJson(const CasePerson& p) {
  if (p.id.empty()) return nullptr;
  // Safe-contact instructions travel with every view that might lead someone to contact her.
  return boost::json::object{{"id", p.id},
                             {"code", p.code},
                             {"legal_name", p.legal_name},
                             {"alias", OrNull(p.alias)},
                             {"safe_contact", OrNull(p.safe_contact)}};
}

// Reads the case fields of a POST or PATCH body; shape only (the service judges values).
CaseFields ReadFields(http::FieldReader& f, bool opening) {
  CaseFields in;
  in.person_id = opening ? std::optional(f.String("person_id", 64)) : f.OptString("person_id", 64);
  in.intake_channel = f.OptString("intake_channel", 40);
  const auto& raw = f.raw();
  const bool has_situation = raw.contains("situation") && !raw.at("situation").is_null();
  auto situation = f.StringList("situation", 10, 40);
  if (has_situation) in.situation = std::move(situation);
  in.risk_level = f.OptString("risk_level", 20);
  in.summary = opening ? std::optional(f.String("summary", 4000)) : f.OptString("summary", 4000);
  in.safety_plan = f.OptString("safety_plan", 4000);
  in.restricted = f.OptBool("restricted");
  return in;
}

Response CaseReply(const Request& req, const Result<Case>& c, int status = 200) {
  if (!c) return Refuse(req, c.error());
  return Response::Json(status, CaseJson(*c));
}

// Parses a JSON body and lets read fill its fields; a Response when the body is bad.
template <typename Read>
std::optional<Response> ReadBody(Request& req, Read read) {
  auto body = http::ParseJsonObject(req);
  if (!body) return Refuse(req, body.error());
  http::FieldReader f(*body);
  read(f);
  if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
  return std::nullopt;
}

void Add(http::Router& router, std::string method, std::string path, std::string_view permission,
         std::string summary, http::Handler handler, bool json_body = false,
         int success_status = 200) {
  router.Add({.method = std::move(method),
              .path_template = std::move(path),
              .permission = std::string(permission),
              .handler = std::move(handler),
              .summary = std::move(summary),
              .tag = "cases",
              .json_body = json_body,
              .success_status = success_status});
}

}  // namespace

boost::json::object CaseJson(const Case& c) {
  return {{"id", c.id},
          {"number", c.number},
          {"person_id", OrNull(c.person.id)},
          {"person", PersonJson(c.person)},
          {"status", c.status},
          {"intake_channel", c.intake_channel},
          {"situation", Strings(c.situation)},
          {"risk_level", c.risk_level},
          {"summary", OrNull(c.summary)},
          {"safety_plan", OrNull(c.safety_plan)},
          {"restricted", c.restricted},
          {"assigned", WorkersJson(c.assigned)},
          {"opened_at", c.opened_at},
          {"closed_at", OrNull(c.closed_at)},
          {"closure_reason", OrNull(c.closure_reason)},
          {"closure_note", OrNull(c.closure_note)},
          {"reopen_reason", OrNull(c.reopen_reason)},
          {"last_contact_at", OrNull(c.last_contact_at)},
          {"updated_at", c.updated_at},
          {"access", OrNull(c.access)}};
}

boost::json::object CaseSummaryJson(const Case& c) {
  return {{"id", c.id},
          {"number", c.number},
          {"person", PersonJson(c.person)},
          {"status", c.status},
          {"risk_level", c.risk_level},
          {"restricted", c.restricted},
          {"assigned", WorkersJson(c.assigned)},
          {"opened_at", c.opened_at},
          {"last_contact_at", OrNull(c.last_contact_at)}};
}

void AddRoutes(http::Router& router, CaseService& cases) {
  using security::perm::kCaseRead;
  using security::perm::kCaseSupervise;
  using security::perm::kCaseWrite;
  Add(
      router, "POST", "/api/v1/cases", kCaseWrite,
      "Open a case for a person from intake; the caller is assigned",
      [&cases](Request& req) {
        CaseFields in;
        if (auto bad = ReadBody(req, [&](http::FieldReader& f) { in = ReadFields(f, true); }))
          return *bad;
        return CaseReply(req, cases.Open(ActorOf(req), in), 201);
      },
      true, 201);
  Add(router, "GET", "/api/v1/cases", kCaseRead,
      "Cases of one's organization (status, assigned=me, person_id, worker=ID|none, risk, "
      "no_contact_days), riskiest first",
      [&cases](Request& req) {
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
          return Refuse(req, Error{ErrorCode::kInvalid, "error.invalid"}.Field(
                                 "assigned", "field.unknown_value"));
        }
        q.assigned_to_me = assigned == "me";
        auto found = cases.List(ActorOf(req), q);
        if (!found) return Refuse(req, found.error());
        boost::json::array items;
        for (const auto& c : found->value) items.emplace_back(CaseSummaryJson(c));
        Response res = Response::Json(200, {{"items", items}, {"next_cursor", nullptr}});
        res.await_commit = AwaitAudit(std::move(found->audit));
        return res;
      });
  Add(router, "GET", "/api/v1/cases/{id}", kCaseRead,
      "One case, decrypted (restricted: assigned, supervisors or break-glass)",
      [&cases](Request& req) {
        auto read = cases.Get(ActorOf(req), req.path_params["id"]);
        if (!read) return Refuse(req, read.error());
        Response res = Response::Json(200, CaseJson(read->value));
        res.await_commit = AwaitAudit(std::move(read->audit));
        return res;
      });
  Add(
      router, "PATCH", "/api/v1/cases/{id}", kCaseWrite,
      "Change a case's risk, situation, summary or safety plan",
      [&cases](Request& req) {
        CaseFields in;
        if (auto bad = ReadBody(req, [&](http::FieldReader& f) { in = ReadFields(f, false); }))
          return *bad;
        return CaseReply(req, cases.Update(ActorOf(req), req.path_params["id"], in));
      },
      true);
  Add(
      router, "POST", "/api/v1/cases/{id}/assign", kCaseSupervise,
      "Assign the case's workers (supervisors)",
      [&cases](Request& req) {
        std::vector<std::string> users;
        if (auto bad = ReadBody(
                req, [&](http::FieldReader& f) { users = f.StringList("user_ids", 20, 64, true); }))
          return *bad;
        return CaseReply(req, cases.Assign(ActorOf(req), req.path_params["id"], users));
      },
      true);
  Add(
      router, "POST", "/api/v1/cases/{id}/restrict", kCaseSupervise,
      "Restrict a case to its workers and supervisors, or lift the restriction",
      [&cases](Request& req) {
        bool restricted = false;
        if (auto bad =
                ReadBody(req, [&](http::FieldReader& f) { restricted = f.Bool("restricted"); }))
          return *bad;
        return CaseReply(req, cases.Restrict(ActorOf(req), req.path_params["id"], restricted));
      },
      true);
  Add(
      router, "POST", "/api/v1/cases/{id}/close", kCaseWrite, "Close a case with a reason",
      [&cases](Request& req) {
        std::string reason, note;
        if (auto bad = ReadBody(req, [&](http::FieldReader& f) {
              reason = f.String("reason", 40);
              note = f.OptString("note", 2000).value_or("");
            }))
          return *bad;
        return CaseReply(req, cases.Close(ActorOf(req), req.path_params["id"], reason, note));
      },
      true);
  Add(
      router, "POST", "/api/v1/cases/{id}/reopen", kCaseWrite, "Reopen a closed case with a reason",
      [&cases](Request& req) {
        std::string reason;
        if (auto bad =
                ReadBody(req, [&](http::FieldReader& f) { reason = f.String("reason", 2000); }))
          return *bad;
        return CaseReply(req, cases.Reopen(ActorOf(req), req.path_params["id"], reason));
      },
      true);
  Add(
      router, "POST", "/api/v1/cases/{id}/break-glass", kCaseRead,
      "Break the glass of a restricted case: a stated reason, audited, supervisors notified",
      [&cases](Request& req) {
        std::string reason;
        if (auto bad =
                ReadBody(req, [&](http::FieldReader& f) { reason = f.String("reason", 1000); }))
          return *bad;
        auto granted = cases.BreakGlass(ActorOf(req), req.path_params["id"], reason);
        if (!granted) return Refuse(req, granted.error());
        return Response::Json(200,
                              {{"case_id", granted->case_id}, {"expires_at", granted->expires_at}});
      },
      true);
  Add(router, "GET", "/api/v1/cases/{id}/timeline", kCaseRead,
      "The case's events, newest first (kinds and clear labels only)", [&cases](Request& req) {
        auto events = cases.Timeline(ActorOf(req), req.path_params["id"]);
        if (!events) return Refuse(req, events.error());
        boost::json::array items;
        for (const auto& e : *events) {
          items.emplace_back(boost::json::object{{"at", e.at},
                                                 {"kind", e.kind},
                                                 {"id", e.entity_id},
                                                 {"summary", OrNull(e.label)},
                                                 {"actor_id", OrNull(e.actor_id)},
                                                 {"actor_name", OrNull(e.actor_name)}});
        }
        return Response::Json(200, {{"items", items}, {"next_cursor", nullptr}});
      });
  Add(router, "GET", "/api/v1/notifications", http::kSignedIn,
      "One's own notifications, newest first", [&cases](Request& req) {
        auto found = cases.Notifications(ActorOf(req));
        if (!found) return Refuse(req, found.error());
        boost::json::array items;
        for (const auto& n : *found) {
          items.emplace_back(boost::json::object{{"id", n.id},
                                                 {"kind", n.kind},
                                                 {"case_id", OrNull(n.case_id)},
                                                 {"actor_id", OrNull(n.actor_id)},
                                                 {"actor", OrNull(n.actor_name)},
                                                 {"at", n.at},
                                                 {"read_at", OrNull(n.read_at)}});
        }
        return Response::Json(200, {{"items", items}, {"next_cursor", nullptr}});
      });
  Add(
      router, "POST", "/api/v1/notifications/{id}/read", http::kSignedIn,
      "Mark one's notification read",
      [&cases](Request& req) {
        auto done = cases.MarkNotificationRead(ActorOf(req), req.path_params["id"]);
        if (!done) return Refuse(req, done.error());
        return Response::NoContent();
      },
      false, 204);
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

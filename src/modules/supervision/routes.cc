#include "modules/supervision/routes.h"

#include <charconv>

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::supervision {
namespace {

using http::Request;
using http::Response;

boost::json::array Roles(const std::string& comma_separated) {
  boost::json::array out;
  size_t start = 0;
  while (start <= comma_separated.size()) {
    size_t end = comma_separated.find(',', start);
    if (end == std::string::npos) end = comma_separated.size();
    if (end > start) out.emplace_back(comma_separated.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// "" → 30; digits only, else 0 (which the service refuses, naming the field).
int DaysParam(const std::string& text) {
  if (text.empty()) return 30;
  int days = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
  return ec == std::errc() && end == text.data() + text.size() ? days : 0;
}

boost::json::object TeamJson(const Team& team) {
  boost::json::array workers;
  for (const auto& w : team.workers) {
    workers.push_back({{"user_id", w.user_id},
                       {"display_name", w.display_name},
                       {"roles", Roles(w.roles)},
                       {"open_cases", w.open_cases},
                       {"high_risk", w.high_risk},
                       {"no_contact", w.no_contact}});
  }
  return {{"workers", workers},
          {"unassigned_open_cases", team.unassigned_open_cases},
          {"no_contact_days", team.no_contact_days}};
}

boost::json::object WaitingJson(const WaitingAct& w) {
  return {{"kind", w.act.kind},
          {"subject_id", w.act.subject_id},
          {"case_id", w.act.case_id},
          {"case_number", w.act.case_number},
          {"actor", {{"user_id", w.act.actor_id}, {"display_name", w.act.actor_name}}},
          {"at", w.act.at},
          {"reason_code", OrNull(w.act.reason_code)},
          {"reason", OrNull(w.reason)}};
}

}  // namespace

void AddRoutes(http::Router& router, SupervisionService& supervision) {
  const std::string supervise(security::perm::kCaseSupervise);
  router.Add({.method = "GET",
              .path_template = "/api/v1/supervision/team",
              .permission = supervise,
              .handler = [&supervision](Request& req) -> http::Reply {
                return Response::Json(200,
                                      TeamJson(TRY(supervision.TeamLoad(
                                          ActorOf(req), DaysParam(req.Query("no_contact_days"))))));
              },
              .summary = "Supervisors: each case worker's open cases, high-risk cases and cases "
                         "with no contact for no_contact_days (default 30); cases nobody works",
              .tag = "supervision"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/supervision/waiting",
              .permission = supervise,
              .handler = [&supervision](Request& req) -> http::Reply {
                auto waiting = TRY(supervision.Waiting(ActorOf(req)));
                boost::json::array items;
                for (const auto& w : waiting.value) items.emplace_back(WaitingJson(w));
                Response res = Response::Json(200, {{"items", items}});
                res.await_commit = AwaitAudit(std::move(waiting.audit));
                return res;
              },
              .summary = "Supervisors: break-glass grants and case closings of the last 30 days "
                         "not yet reviewed, newest first",
              .tag = "supervision"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/supervision/reviews",
              .permission = supervise,
              .handler = [&supervision](Request& req) -> http::Reply {
                auto [kind, subject_id] = TRY(ReadBody(req, [](http::FieldReader& f) {
                  std::string kind = f.String("kind", 20);
                  return std::pair(kind, f.String("subject_id", 40));
                }));
                TRY(supervision.MarkReviewed(ActorOf(req), kind, subject_id));
                return Response::Json(
                    201, {{"kind", kind}, {"subject_id", subject_id}, {"reviewed", true}});
              },
              .summary = "Supervisors: mark a break-glass grant or a case closing reviewed",
              .tag = "supervision",
              .json_body = true,
              .success_status = 201});
}

void RegisterSupervisionMessages() {
  static constexpr Message kMessages[] = {
      {"supervision.days_range", "연락 없는 기간은 1일에서 365일 사이로 정하세요.",
       "Choose a no-contact period from 1 to 365 days."},
      {"supervision.unknown_act", "검토할 기록을 찾을 수 없습니다.",
       "There is no such record to review."},
      {"supervision.already_reviewed", "이미 검토한 기록입니다.",
       "This has already been reviewed."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::supervision

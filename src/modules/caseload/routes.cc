#include "modules/caseload/routes.h"

#include "modules/case_records/json.h"
#include "modules/cases/routes.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::caseload {
namespace {

template <typename T, typename ToJson>
boost::json::array Items(const std::vector<T>& items, ToJson to_json) {
  boost::json::array out;
  for (const auto& i : items) out.emplace_back(to_json(i));
  return out;
}

}  // namespace

void AddRoutes(http::Router& router, CaseloadService& caseload) {
  router.Add(
      {.method = "GET",
       .path_template = "/api/v1/caseload",
       .permission = std::string(security::perm::kCaseRead),
       .handler = [&caseload](http::Request& req) -> http::Reply {
         auto home = TRY(caseload.Get(ActorOf(req)));
         const Caseload& c = home.value;
         http::Response res = http::Response::Json(
             200,
             {{"open_cases", Items(c.open_cases, cases::CaseSummaryJson)},
              {"appointments_today", Items(c.appointments_today, case_records::AppointmentJson)},
              {"appointments_week", Items(c.appointments_week, case_records::AppointmentJson)},
              {"no_contact_30_days", Items(c.no_contact_30_days, cases::CaseSummaryJson)}});
         res.await_commit = AwaitAudit(std::move(home.audit));
         return res;
       },
       .summary = "One's caseload: open cases riskiest first, appointments today and this "
                  "week, cases with no contact for 30 days",
       .tag = "cases"});
}

}  // namespace dandelion::caseload

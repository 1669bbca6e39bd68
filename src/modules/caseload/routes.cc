#include "modules/caseload/routes.h"

#include "modules/case_records/json.h"
#include "modules/cases/routes.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::caseload {
namespace {

void WriteCases(http::JsonWriter& w, http::JsonKey key, const std::vector<cases::Case>& list) {
  w.Key(key).Array();
  for (const auto& c : list) cases::WriteCaseSummary(w, c);
  w.End();
}

void WriteAppointments(http::JsonWriter& w, http::JsonKey key,
                       const std::vector<case_records::Appointment>& list) {
  w.Key(key).Array();
  for (const auto& a : list) w.Value(case_records::AppointmentJson(a));
  w.End();
}

}  // namespace

void AddRoutes(http::Router& router, CaseloadService& caseload) {
  router.Add({.method = "GET",
              .path_template = "/api/v1/caseload",
              .permission = std::string(security::perm::kCaseRead),
              .handler = [&caseload](http::Request& req) -> http::Reply {
                auto home = TRY(caseload.Get(ActorOf(req)));
                const Caseload& c = home.value;
                http::JsonWriter w;
                w.Object();
                WriteCases(w, "open_cases", c.open_cases);
                WriteAppointments(w, "appointments_today", c.appointments_today);
                WriteAppointments(w, "appointments_week", c.appointments_week);
                WriteCases(w, "no_contact_30_days", c.no_contact_30_days);
                http::Response res = http::Response::JsonText(200, std::move(w.End()).Take());
                res.await_commit = AwaitAudit(std::move(home.audit));
                return res;
              },
              .summary = "One's caseload: open cases riskiest first, appointments today and this "
                         "week, cases with no contact for 30 days",
              .tag = "cases",
              // Her caseload is read first, and its generation's statement confirms the session
              // (cases/list_cache.h); the week's appointments are read after it.
              .session_confirmed_by_read = true});
}

}  // namespace dandelion::caseload

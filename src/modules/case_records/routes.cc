#include "modules/case_records/routes.h"

#include <limits>

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/case_records/json.h"
#include "modules/case_records/requests.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

using http::Request;
using http::Response;

const std::string kRead(security::perm::kCaseRead);
const std::string kWrite(security::perm::kCaseWrite);

// Every route of this module is about a case's records and declares a case permission.
constexpr const char* kTag = "case_records";

void AddCaseRoutes(http::Router& router, CaseRecords& r) {
  router.Add({.method = "POST",
              .path_template = "/api/v1/cases/{id}/services",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                ServiceFields in = TRY(ReadBody(req, ReadService));
                return Response::Json(
                    201,
                    ServiceJson(TRY(r.services.Record(ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Record a service given to her (notes and outcome encrypted)",
              .tag = kTag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/cases/{id}/appointments",
              .permission = kRead,
              .handler = [&r](Request& req) -> http::Reply {
                auto read = TRY(r.appointments.ForCase(ActorOf(req), req.path_params["id"]));
                return AuditedJson(std::move(read), ListJson(read.value, AppointmentJson));
              },
              .summary = "The case's appointments, earliest first",
              .tag = kTag});
  router.Add({.method = "GET",
              .path_template = "/api/v1/cases/{id}/services",
              .permission = kRead,
              .handler = [&r](Request& req) -> http::Reply {
                auto read = TRY(r.services.List(ActorOf(req), req.path_params["id"]));
                return AuditedJson(std::move(read), ListJson(read.value, ServiceJson));
              },
              .summary = "The case's services",
              .tag = kTag});
  router.Add({.method = "POST",
              .path_template = "/api/v1/cases/{id}/notes",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                NoteIn in = TRY(ReadBody(req, ReadNote));
                return Response::Json(
                    201, NoteJson(TRY(r.notes.Add(ActorOf(req), req.path_params["id"], in.text,
                                                  in.amends))));
              },
              .summary = "Add a note (append-only; a correction amends an earlier note)",
              .tag = kTag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/cases/{id}/notes",
              .permission = kRead,
              .handler = [&r](Request& req) -> http::Reply {
                auto read = TRY(r.notes.List(ActorOf(req), req.path_params["id"]));
                return AuditedJson(std::move(read), ListJson(read.value, NoteJson));
              },
              .summary = "The case's notes, oldest first",
              .tag = kTag});
  router.Add({.method = "POST",
              .path_template = "/api/v1/cases/{id}/appointments",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                AppointmentFields in = TRY(ReadBody(req, ReadAppointment));
                return Response::Json(201, AppointmentJson(TRY(r.appointments.Create(
                                               ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Schedule an appointment (with whom, place and notes encrypted)",
              .tag = kTag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "POST",
              .path_template = "/api/v1/cases/{id}/legal-matters",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                LegalFields in =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadLegal(f, true); }));
                return Response::Json(
                    201,
                    LegalMatterJson(TRY(r.legal.Create(ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Record a legal matter (authority and case number encrypted)",
              .tag = kTag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/cases/{id}/legal-matters",
              .permission = kRead,
              .handler = [&r](Request& req) -> http::Reply {
                auto read = TRY(r.legal.List(ActorOf(req), req.path_params["id"]));
                return AuditedJson(std::move(read), ListJson(read.value, LegalMatterJson));
              },
              .summary = "The case's legal matters with their hearings",
              .tag = kTag});
  router.Add({.method = "POST",
              .path_template = "/api/v1/cases/{id}/assessments",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                AssessmentFields in = TRY(ReadBody(req, ReadAssessment));
                return Response::Json(201, AssessmentJson(TRY(r.assessments.Record(
                                               ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Record a needs assessment (ratings 0-4 per domain; notes encrypted)",
              .tag = kTag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/cases/{id}/assessments",
              .permission = kRead,
              .handler = [&r](Request& req) -> http::Reply {
                auto read = TRY(r.assessments.List(ActorOf(req), req.path_params["id"]));
                return AuditedJson(std::move(read), ListJson(read.value, AssessmentJson));
              },
              .summary = "The case's needs assessments",
              .tag = kTag});
  router.Add({.method = "POST",
              .path_template = "/api/v1/cases/{id}/goals",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                GoalFields in =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadGoal(f, true); }));
                return Response::Json(
                    201, GoalJson(TRY(r.goals.Create(ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Add a goal to the service plan",
              .tag = kTag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/cases/{id}/goals",
              .permission = kRead,
              .handler = [&r](Request& req) -> http::Reply {
                auto read = TRY(r.goals.List(ActorOf(req), req.path_params["id"]));
                return AuditedJson(std::move(read), ListJson(read.value, GoalJson));
              },
              .summary = "The service plan's goals",
              .tag = kTag});
}

void AddRecordRoutes(http::Router& router, CaseRecords& r) {
  router.Add(
      {.method = "GET",
       .path_template = "/api/v1/appointments",
       .permission = kRead,
       .handler = [&r](Request& req) -> http::Reply {
         CalendarQuery q = TRY(ReadCalendarQuery(req));
         auto read = TRY(r.appointments.Calendar(ActorOf(req), q));
         return AuditedJson(std::move(read), ListJson(read.value, AppointmentJson));
       },
       .summary =
           "The calendar: appointments of the caller (scope=me) or organization in [from, to)",
       .tag = kTag});
  router.Add({.method = "POST",
              .path_template = "/api/v1/appointments/{id}/cancel",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                std::string reason = TRY(ReadOptionalBody(req, [](http::FieldReader& f) {
                  return f.OptString("reason", kLongText).value_or("");
                }));
                return Response::Json(200, AppointmentJson(TRY(r.appointments.Cancel(
                                               ActorOf(req), req.path_params["id"], reason))));
              },
              .summary = "Cancel a scheduled appointment (the reason is encrypted)",
              .tag = kTag,
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/appointments/{id}/done",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                // No fields: a body, if any, must be an empty object.
                TRY(ReadOptionalBody(req, [](http::FieldReader&) { return 0; }));
                return Response::Json(
                    200,
                    AppointmentJson(TRY(r.appointments.Done(ActorOf(req), req.path_params["id"]))));
              },
              .summary = "Mark a scheduled appointment done (records contact with her)",
              .tag = kTag});
  router.Add({.method = "PATCH",
              .path_template = "/api/v1/legal-matters/{id}",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                LegalFields in =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadLegal(f, false); }));
                return Response::Json(
                    200,
                    LegalMatterJson(TRY(r.legal.Update(ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Change a legal matter's status, outcome, authority or case number",
              .tag = kTag,
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/legal-matters/{id}/hearings",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                HearingFields in = TRY(ReadBody(req, ReadHearing));
                return Response::Json(
                    201,
                    HearingJson(TRY(r.legal.AddHearing(ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Add a hearing to a legal matter (court and notes encrypted)",
              .tag = kTag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "PATCH",
              .path_template = "/api/v1/goals/{id}",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                GoalFields in =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadGoal(f, false); }));
                return Response::Json(
                    200, GoalJson(TRY(r.goals.Update(ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Change a goal's status, title or target date",
              .tag = kTag,
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/people/{id}/consents",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                ConsentFields in = TRY(ReadBody(req, ReadConsent));
                return Response::Json(
                    201,
                    ConsentJson(TRY(r.consents.Give(ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Record her consent (kind, scope, method, expiry)",
              .tag = kTag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/people/{id}/consents",
              .permission = kRead,
              .handler = [&r](Request& req) -> http::Reply {
                auto read = TRY(r.consents.List(ActorOf(req), req.path_params["id"]));
                return AuditedJson(std::move(read), ListJson(read.value, ConsentJson));
              },
              .summary = "Her consents with their state now (active, expired, revoked)",
              .tag = kTag});
  router.Add({.method = "POST",
              .path_template = "/api/v1/consents/{id}/revoke",
              .permission = kWrite,
              .handler = [&r](Request& req) -> http::Reply {
                std::string reason = TRY(ReadOptionalBody(req, [](http::FieldReader& f) {
                  return f.OptString("reason", kLongText).value_or("");
                }));
                return Response::Json(200, ConsentJson(TRY(r.consents.Revoke(
                                               ActorOf(req), req.path_params["id"], reason))));
              },
              .summary = "Revoke a consent; takes effect at once",
              .tag = kTag,
              .json_body = true});
}

}  // namespace

void AddRoutes(http::Router& router, CaseRecords& records) {
  AddCaseRoutes(router, records);
  AddRecordRoutes(router, records);
  AddFileRoutes(router, records.files);
}

void RegisterCaseRecordsMessages() {
  static constexpr Message kMessages[] = {
      {"case_records.date_future", "오늘 이후의 날짜는 기록할 수 없습니다.",
       "The date cannot be later than today."},
      {"case_records.ends_before_start", "끝나는 시각은 시작 시각보다 뒤여야 합니다.",
       "The end must be after the start."},
      {"case_records.window_too_long", "한 번에 62일까지만 조회할 수 있습니다.",
       "At most 62 days can be shown at once."},
      {"case_records.expiry_past", "만료 시각은 지금보다 뒤여야 합니다.",
       "The expiry must be in the future."},
      {"case_records.consent_one_receiver",
       "정보 공유 동의는 한 곳만 지정합니다: 네트워크 기관이나 외부 기관 중 하나를 고르세요.",
       "A sharing consent names one receiver: a member organization or an outside party, not "
       "both."},
      {"case_records.consent_needs_org", "정보 공유 동의에는 받는 기관을 지정해야 합니다.",
       "A referral-sharing consent must name the receiving organization."},
      {"case_records.consent_already_revoked", "이미 철회된 동의입니다.",
       "This consent was already revoked."},
      {"case_records.note_without_rating", "평가 점수가 없는 영역에는 메모를 남길 수 없습니다.",
       "A note needs a rating for the same domain."},
      {"case_records.amends_unknown", "이 사례에 해당 기록이 없습니다.",
       "There is no such note in this case."},
      {"case_records.appointment_not_scheduled", "예정 상태인 일정만 바꿀 수 있습니다.",
       "Only a scheduled appointment can be changed."},
      {"case_records.file_name", "파일 이름에 경로나 제어 문자를 쓸 수 없습니다.",
       "A file name cannot contain a path or control characters."},
      {"case_records.file_too_large", "파일은 10MiB 이하여야 합니다.",
       "A file can be at most 10 MiB."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::case_records

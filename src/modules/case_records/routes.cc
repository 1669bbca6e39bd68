#include "modules/case_records/routes.h"

#include <limits>

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/case_records/json.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

using http::Request;
using http::Response;

// Numbers far outside any valid value still reach the model, which names the rule they break
// (negative, out of range) instead of a bare type error.
constexpr int64_t kWide = 1'000'000'000'000'000;

const std::string kRead(security::perm::kCaseRead);
const std::string kWrite(security::perm::kCaseWrite);

// A JSON body, or an empty object for an empty body (routes whose fields are all optional).
Result<boost::json::object> OptionalBody(const Request& req) {
  if (req.body.empty()) return boost::json::object();
  return http::ParseJsonObject(req);
}

template <class T, class F>
Response Reply(const Request& req, const Result<T>& result, int status, F&& to_json) {
  if (!result) return Refuse(req, result.error());
  return Response::Json(status, to_json(*result));
}

template <class T, class F>
Response ReplyList(const Request& req, const Result<std::vector<T>>& result, F&& to_json) {
  if (!result) return Refuse(req, result.error());
  return Response::Json(200, ListJson(*result, to_json));
}

// Parses the body, lets read fill its input from a FieldReader, and answers 400 when the shape
// is wrong; otherwise calls act with the input.
template <class In, class Read, class Act>
Response WithBody(Request& req, bool optional_body, Read&& read, Act&& act) {
  auto body = optional_body ? OptionalBody(req) : http::ParseJsonObject(req);
  if (!body) return Refuse(req, body.error());
  http::FieldReader f(*body);
  In in = read(f);
  if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
  return act(in);
}

ServiceFields ReadService(http::FieldReader& f) {
  ServiceFields in;
  in.type = f.String("type", 40);
  in.date = f.String("date", 10);
  in.minutes = f.Int("minutes", -kWide, kWide);
  in.provider = f.OptString("provider", kShortText).value_or("");
  in.outcome = f.OptString("outcome", kLongText).value_or("");
  in.notes = f.OptString("notes", kLongText).value_or("");
  in.amount = f.OptInt("amount", -kWide, kWide);
  return in;
}

struct NoteIn {
  std::string text;
  std::optional<std::string> amends;
};

AppointmentFields ReadAppointment(http::FieldReader& f) {
  AppointmentFields in;
  in.starts_at = f.Time("starts_at").value_or(TimePoint{});
  in.ends_at = f.Time("ends_at", false);
  in.kind = f.String("kind", 40);
  in.with_whom = f.OptString("with_whom", kShortText).value_or("");
  in.place = f.OptString("place", kShortText).value_or("");
  in.notes = f.OptString("notes", kLongText).value_or("");
  return in;
}

LegalFields ReadLegal(http::FieldReader& f, bool creating) {
  LegalFields in;
  if (creating) in.kind = f.String("kind", 40);
  in.authority = f.OptString("authority", kShortText);
  in.case_number = f.OptString("case_number", 100);
  in.status =
      creating ? std::optional<std::string>(f.String("status", 40)) : f.OptString("status", 40);
  in.outcome = f.OptString("outcome", kShortText);
  return in;
}

HearingFields ReadHearing(http::FieldReader& f) {
  HearingFields in;
  in.at = f.Time("at").value_or(TimePoint{});
  in.court = f.OptString("court", kShortText).value_or("");
  in.kind = f.OptString("kind", 40).value_or("");
  in.notes = f.OptString("notes", kLongText).value_or("");
  return in;
}

ConsentFields ReadConsent(http::FieldReader& f) {
  ConsentFields in;
  in.kind = f.String("kind", 40);
  if (const boost::json::object* scope = f.Object("scope", false)) {
    http::FieldReader s(*scope, "scope.");
    in.scope_fields = s.StringList("fields", 50, 60);
    in.scope_org_id = s.OptString("org_id", 40).value_or("");
    f.Absorb(s);
  }
  in.method = f.String("method", 20);
  in.expires_at = f.Time("expires_at", false);
  return in;
}

AssessmentFields ReadAssessment(http::FieldReader& f) {
  AssessmentFields in;
  if (const boost::json::object* ratings = f.Object("ratings")) {
    http::FieldReader r(*ratings, "ratings.");
    if (ratings->size() > 20) f.Reject("ratings", "field.too_many");
    for (const auto& kv : *ratings) {
      if (auto v = r.OptInt(kv.key(), -kWide, kWide)) in.ratings[std::string(kv.key())] = *v;
    }
    f.Absorb(r);
  }
  if (const boost::json::object* notes = f.Object("notes", false)) {
    http::FieldReader n(*notes, "notes.");
    if (notes->size() > 20) f.Reject("notes", "field.too_many");
    for (const auto& kv : *notes) {
      if (auto v = n.OptString(kv.key(), kLongText); v && !v->empty()) {
        in.notes[std::string(kv.key())] = *v;
      }
    }
    f.Absorb(n);
  }
  return in;
}

GoalFields ReadGoal(http::FieldReader& f, bool creating) {
  GoalFields in;
  in.title = creating ? std::optional<std::string>(f.String("title", kShortText))
                      : f.OptString("title", kShortText);
  in.target_date = f.OptString("target_date", 10);
  in.status = f.OptString("status", 20);
  return in;
}

// One route of this module: every one is about a case's records and declares a case permission.
void Add(http::Router& router, const char* method, const char* path, const std::string& perm,
         const char* summary, bool json_body, int status, http::Handler handler) {
  router.Add({.method = method,
              .path_template = path,
              .permission = perm,
              .handler = std::move(handler),
              .summary = summary,
              .tag = "case_records",
              .json_body = json_body,
              .success_status = status});
}

void AddCaseRoutes(http::Router& router, CaseRecords& r) {
  Add(router, "POST", "/api/v1/cases/{id}/services", kWrite,
      "Record a service given to her (notes and outcome encrypted)", true, 201, [&r](Request& req) {
        return WithBody<ServiceFields>(req, false, ReadService, [&](const ServiceFields& in) {
          return Reply(req, r.services.Record(ActorOf(req), req.path_params["id"], in), 201,
                       ServiceJson);
        });
      });
  Add(router, "GET", "/api/v1/cases/{id}/appointments", kRead,
      "The case's appointments, earliest first", false, 200, [&r](Request& req) {
        return ReplyList(req, r.appointments.ForCase(ActorOf(req), req.path_params["id"]),
                         AppointmentJson);
      });
  Add(router, "GET", "/api/v1/cases/{id}/services", kRead, "The case's services", false, 200,
      [&r](Request& req) {
        return ReplyList(req, r.services.List(ActorOf(req), req.path_params["id"]), ServiceJson);
      });
  Add(router, "POST", "/api/v1/cases/{id}/notes", kWrite,
      "Add a note (append-only; a correction amends an earlier note)", true, 201,
      [&r](Request& req) {
        auto read = [](http::FieldReader& f) {
          NoteIn in;
          in.text = f.String("text", kNoteText);
          in.amends = f.OptString("amends", 40);
          return in;
        };
        return WithBody<NoteIn>(req, false, read, [&](const NoteIn& in) {
          return Reply(req, r.notes.Add(ActorOf(req), req.path_params["id"], in.text, in.amends),
                       201, NoteJson);
        });
      });
  Add(router, "GET", "/api/v1/cases/{id}/notes", kRead, "The case's notes, oldest first", false,
      200, [&r](Request& req) {
        return ReplyList(req, r.notes.List(ActorOf(req), req.path_params["id"]), NoteJson);
      });
  Add(router, "POST", "/api/v1/cases/{id}/appointments", kWrite,
      "Schedule an appointment (with whom, place and notes encrypted)", true, 201,
      [&r](Request& req) {
        return WithBody<AppointmentFields>(
            req, false, ReadAppointment, [&](const AppointmentFields& in) {
              return Reply(req, r.appointments.Create(ActorOf(req), req.path_params["id"], in), 201,
                           AppointmentJson);
            });
      });
  Add(router, "POST", "/api/v1/cases/{id}/legal-matters", kWrite,
      "Record a legal matter (authority and case number encrypted)", true, 201, [&r](Request& req) {
        auto read = [](http::FieldReader& f) { return ReadLegal(f, true); };
        return WithBody<LegalFields>(req, false, read, [&](const LegalFields& in) {
          return Reply(req, r.legal.Create(ActorOf(req), req.path_params["id"], in), 201,
                       LegalMatterJson);
        });
      });
  Add(router, "GET", "/api/v1/cases/{id}/legal-matters", kRead,
      "The case's legal matters with their hearings", false, 200, [&r](Request& req) {
        return ReplyList(req, r.legal.List(ActorOf(req), req.path_params["id"]), LegalMatterJson);
      });
  Add(router, "POST", "/api/v1/cases/{id}/assessments", kWrite,
      "Record a needs assessment (ratings 0-4 per domain; notes encrypted)", true, 201,
      [&r](Request& req) {
        return WithBody<AssessmentFields>(
            req, false, ReadAssessment, [&](const AssessmentFields& in) {
              return Reply(req, r.assessments.Record(ActorOf(req), req.path_params["id"], in), 201,
                           AssessmentJson);
            });
      });
  Add(router, "GET", "/api/v1/cases/{id}/assessments", kRead, "The case's needs assessments", false,
      200, [&r](Request& req) {
        return ReplyList(req, r.assessments.List(ActorOf(req), req.path_params["id"]),
                         AssessmentJson);
      });
  Add(router, "POST", "/api/v1/cases/{id}/goals", kWrite, "Add a goal to the service plan", true,
      201, [&r](Request& req) {
        auto read = [](http::FieldReader& f) { return ReadGoal(f, true); };
        return WithBody<GoalFields>(req, false, read, [&](const GoalFields& in) {
          return Reply(req, r.goals.Create(ActorOf(req), req.path_params["id"], in), 201, GoalJson);
        });
      });
  Add(router, "GET", "/api/v1/cases/{id}/goals", kRead, "The service plan's goals", false, 200,
      [&r](Request& req) {
        return ReplyList(req, r.goals.List(ActorOf(req), req.path_params["id"]), GoalJson);
      });
}

void AddRecordRoutes(http::Router& router, CaseRecords& r) {
  Add(router, "GET", "/api/v1/appointments", kRead,
      "The calendar: appointments of the caller (scope=me) or organization in [from, to)", false,
      200, [&r](Request& req) {
        Error e{ErrorCode::kInvalid, "error.invalid"};
        CalendarQuery q;
        for (auto [name, out] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
          if (!ParseRfc3339(req.Query(name), out)) {
            e.Field(name, req.query.contains(name) ? "field.invalid_time" : "field.required");
          }
        }
        const std::string scope = req.query.contains("scope") ? req.Query("scope") : "me";
        if (scope != "me" && scope != "organization") e.Field("scope", "field.unknown_value");
        if (!e.fields.empty()) return Refuse(req, e);
        q.organization = scope == "organization";
        return ReplyList(req, r.appointments.Calendar(ActorOf(req), q), AppointmentJson);
      });
  Add(router, "POST", "/api/v1/appointments/{id}/cancel", kWrite,
      "Cancel a scheduled appointment (the reason is encrypted)", true, 200, [&r](Request& req) {
        auto read = [](http::FieldReader& f) {
          return f.OptString("reason", kLongText).value_or("");
        };
        return WithBody<std::string>(req, true, read, [&](const std::string& reason) {
          return Reply(req, r.appointments.Cancel(ActorOf(req), req.path_params["id"], reason), 200,
                       AppointmentJson);
        });
      });
  Add(router, "POST", "/api/v1/appointments/{id}/done", kWrite,
      "Mark a scheduled appointment done (records contact with her)", false, 200,
      [&r](Request& req) {
        auto read = [](http::FieldReader&) { return 0; };
        return WithBody<int>(req, true, read, [&](int) {
          return Reply(req, r.appointments.Done(ActorOf(req), req.path_params["id"]), 200,
                       AppointmentJson);
        });
      });
  Add(router, "PATCH", "/api/v1/legal-matters/{id}", kWrite,
      "Change a legal matter's status, outcome, authority or case number", true, 200,
      [&r](Request& req) {
        auto read = [](http::FieldReader& f) { return ReadLegal(f, false); };
        return WithBody<LegalFields>(req, false, read, [&](const LegalFields& in) {
          return Reply(req, r.legal.Update(ActorOf(req), req.path_params["id"], in), 200,
                       LegalMatterJson);
        });
      });
  Add(router, "POST", "/api/v1/legal-matters/{id}/hearings", kWrite,
      "Add a hearing to a legal matter (court and notes encrypted)", true, 201, [&r](Request& req) {
        return WithBody<HearingFields>(req, false, ReadHearing, [&](const HearingFields& in) {
          return Reply(req, r.legal.AddHearing(ActorOf(req), req.path_params["id"], in), 201,
                       HearingJson);
        });
      });
  Add(router, "PATCH", "/api/v1/goals/{id}", kWrite, "Change a goal's status, title or target date",
      true, 200, [&r](Request& req) {
        auto read = [](http::FieldReader& f) { return ReadGoal(f, false); };
        return WithBody<GoalFields>(req, false, read, [&](const GoalFields& in) {
          return Reply(req, r.goals.Update(ActorOf(req), req.path_params["id"], in), 200, GoalJson);
        });
      });
  Add(router, "POST", "/api/v1/people/{id}/consents", kWrite,
      "Record her consent (kind, scope, method, expiry)", true, 201, [&r](Request& req) {
        return WithBody<ConsentFields>(req, false, ReadConsent, [&](const ConsentFields& in) {
          return Reply(req, r.consents.Give(ActorOf(req), req.path_params["id"], in), 201,
                       ConsentJson);
        });
      });
  Add(router, "GET", "/api/v1/people/{id}/consents", kRead,
      "Her consents with their state now (active, expired, revoked)", false, 200,
      [&r](Request& req) {
        return ReplyList(req, r.consents.List(ActorOf(req), req.path_params["id"]), ConsentJson);
      });
  Add(router, "POST", "/api/v1/consents/{id}/revoke", kWrite,
      "Revoke a consent; takes effect at once", true, 200, [&r](Request& req) {
        auto read = [](http::FieldReader& f) {
          return f.OptString("reason", kLongText).value_or("");
        };
        return WithBody<std::string>(req, true, read, [&](const std::string& reason) {
          return Reply(req, r.consents.Revoke(ActorOf(req), req.path_params["id"], reason), 200,
                       ConsentJson);
        });
      });
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

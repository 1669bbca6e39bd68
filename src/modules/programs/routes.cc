#include "modules/programs/routes.h"

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::programs {
namespace {

using http::Request;
using http::Response;
namespace perm = security::perm;

boost::json::value OptInt(const std::optional<int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object ProgramJson(const ProgramView& v) {
  const auto& p = v.program;
  return {{"id", p.id},
          {"name", p.name},
          {"kind", p.kind},
          {"provider", p.provider},
          {"provider_name", OrNull(p.provider_name)},
          {"starts_on", p.starts_on},
          {"ends_on", OrNull(p.ends_on)},
          {"capacity", p.capacity},
          {"description", OrNull(p.description)},
          {"pass_rate", p.pass_rate},
          {"status", v.status},
          {"enrolled", p.enrolled},
          {"completed", p.completed},
          {"sessions", p.sessions},
          {"created_at", p.created_at}};
}

boost::json::object SessionJson(const program_repo::Session& s) {
  return {{"id", s.id},           {"program_id", s.program_id}, {"starts_at", s.starts_at},
          {"minutes", s.minutes}, {"topic", OrNull(s.topic)},   {"taken", s.marks > 0},
          {"present", s.present}, {"absent", s.absent}};
}

boost::json::object EnrollmentJson(const EnrollmentView& v) {
  const auto& e = v.stored;
  boost::json::value passed = nullptr;
  if (v.passed) passed = *v.passed;
  return {{"id", e.id},
          {"program_id", e.program_id},
          {"program_name", e.program_name},
          {"person_id", e.person_id},
          {"person_label", v.person_label},
          {"enrolled_on", e.enrolled_on},
          {"status", e.status},
          {"ended_on", OrNull(e.ended_on)},
          {"attendance",
           {{"sessions", v.attendance.sessions},
            {"present", v.attendance.present},
            {"rate", OptInt(v.attendance.Rate())}}},
          {"passed", passed}};
}

boost::json::object SheetJson(const Sheet& s) {
  boost::json::array marks;
  for (const auto& m : s.marks) {
    marks.push_back({{"enrollment_id", m.enrollment_id},
                     {"person_label", m.person_label},
                     {"status", OrNull(m.status)}});
  }
  return {{"session", SessionJson(s.session)}, {"marks", std::move(marks)}};
}

boost::json::object CertificateJson(const CertificateView& v) {
  const auto& c = v.stored;
  return {{"id", c.id},
          {"person_id", c.person_id},
          {"name", v.name},
          {"obtained_on", c.obtained_on},
          {"enrollment_id", OrNull(c.enrollment_id)},
          {"file_id", OrNull(c.file_id)}};
}

boost::json::object FollowUpJson(const program_repo::FollowUp& f) {
  return {{"id", f.id},
          {"months", f.months},
          {"due_on", f.due_on},
          {"status", f.status},
          {"checked_on", OrNull(f.checked_on)}};
}

boost::json::object OutcomeJson(const OutcomeView& v) {
  const auto& o = v.stored;
  boost::json::array follow_ups;
  for (const auto& f : o.follow_ups) follow_ups.emplace_back(FollowUpJson(f));
  boost::json::object out{{"id", o.id},
                          {"person_id", o.person_id},
                          {"kind", o.kind},
                          {"started_on", o.started_on},
                          {"job_kind", OrNull(o.job_kind)},
                          {"employer_kind", OrNull(o.employer_kind)},
                          {"school", OrNull(v.school)},
                          {"note", OrNull(v.note)},
                          {"follow_ups", std::move(follow_ups)}};
  // The employer only in the answer about this one outcome, never in a list.
  if (v.employer) out["employer"] = OrNull(*v.employer);
  return out;
}

ProgramFields ReadProgram(http::FieldReader& f) {
  ProgramFields in;
  in.name = f.String("name", 200);
  in.kind = f.Enum("kind", ProgramKinds());
  in.provider = f.Enum("provider", Providers());
  in.provider_name = f.OptString("provider_name", 200).value_or("");
  in.starts_on = f.Date("starts_on");
  in.ends_on = f.Date("ends_on", false);
  in.capacity = f.Int("capacity", 1, 1000);
  in.description = f.OptString("description", 4000).value_or("");
  in.pass_rate = f.OptInt("pass_rate", 0, 100).value_or(80);
  return in;
}

// An array of objects under name, each read by read with a reader prefixed "name.N.".
template <class T, class Read>
std::vector<T> ReadObjects(http::FieldReader& f, std::string_view name, size_t max_items,
                           Read read) {
  std::vector<T> out;
  f.Accept(name);
  auto it = f.raw().find(name);
  if (it == f.raw().end() || it->value().is_null()) {
    f.Reject(name, "field.required");
    return out;
  }
  if (!it->value().is_array()) {
    f.Reject(name, "field.wrong_type");
    return out;
  }
  const auto& items = it->value().get_array();
  if (items.empty()) {
    f.Reject(name, "field.empty");
    return out;
  }
  if (items.size() > max_items) {
    f.Reject(name, "field.too_many");
    return out;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string at = std::string(name) + "." + std::to_string(i);
    if (!items[i].is_object()) {
      f.Reject(at, "field.wrong_type");
      continue;
    }
    http::FieldReader item(items[i].get_object(), at + ".");
    out.push_back(read(item));
    f.Absorb(item);
  }
  return out;
}

}  // namespace

void AddRoutes(http::Router& router, ProgramService& programs) {
  router.Add({.method = "POST",
              .path_template = "/api/v1/programs",
              .permission = std::string(perm::kProgramDefine),
              .handler = [&programs](Request& req) -> http::Reply {
                ProgramFields in = TRY(ReadBody(req, ReadProgram));
                return Response::Json(201, ProgramJson(TRY(programs.Create(ActorOf(req), in))));
              },
              .summary = "A self-reliance program: kind, provider, dates, capacity, pass rate",
              .tag = "programs",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/programs",
              .permission = std::string(perm::kProgramDefine),
              .handler = [&programs](Request& req) -> http::Reply {
                std::string status;
                if (auto it = req.query.find("status"); it != req.query.end()) {
                  status = it->second;
                }
                boost::json::array items;
                for (const auto& p : TRY(programs.List(ActorOf(req), status))) {
                  items.emplace_back(ProgramJson(p));
                }
                return Response::Json(200, {{"items", items}});
              },
              .summary = "The organization's programs (?status=planned|running|ended)",
              .tag = "programs"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/programs/{id}",
              .permission = std::string(perm::kProgramRead),
              .handler = [&programs](Request& req) -> http::Reply {
                auto read = TRY(programs.Get(ActorOf(req), Id(req)));
                boost::json::object out = ProgramJson(read.value.view);
                boost::json::array sessions;
                for (const auto& s : read.value.sessions) sessions.emplace_back(SessionJson(s));
                boost::json::array enrollments;
                for (const auto& e : read.value.enrollments) {
                  enrollments.emplace_back(EnrollmentJson(e));
                }
                out["session_list"] = std::move(sessions);
                out["enrollments"] = std::move(enrollments);
                return AuditedJson(std::move(read), std::move(out));
              },
              .summary = "A program with its sessions and its class (an audited read)",
              .tag = "programs"});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/programs/{id}",
              .permission = std::string(perm::kProgramDefine),
              .handler = [&programs](Request& req) -> http::Reply {
                const security::Actor actor = ActorOf(req);
                // Ownership before the body: another organization's program answers 404.
                TRY(programs.Definition(actor, Id(req)));
                ProgramFields in = TRY(ReadBody(req, ReadProgram));
                return Response::Json(200, ProgramJson(TRY(programs.Update(actor, Id(req), in))));
              },
              .summary = "Change a program's definition",
              .tag = "programs",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/programs/{id}/sessions",
              .permission = std::string(perm::kProgramWrite),
              .handler = [&programs](Request& req) -> http::Reply {
                const security::Actor actor = ActorOf(req);
                TRY(programs.Definition(actor, Id(req)));
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  return ReadObjects<SessionFields>(f, "sessions", 200, [](http::FieldReader& s) {
                    SessionFields one;
                    if (auto t = s.Time("starts_at")) one.starts_at = FormatRfc3339(*t);
                    one.minutes = s.Int("minutes", 1, 1440);
                    one.topic = s.OptString("topic", 200).value_or("");
                    return one;
                  });
                }));
                boost::json::array items;
                for (const auto& s : TRY(programs.AddSessions(actor, Id(req), in))) {
                  items.emplace_back(SessionJson(s));
                }
                return Response::Json(201, {{"items", items}});
              },
              .summary = "Add sessions to a program's schedule (1 to 200 at once)",
              .tag = "programs",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "POST",
              .path_template = "/api/v1/programs/{id}/enrollments",
              .permission = std::string(perm::kProgramWrite),
              .handler = [&programs](Request& req) -> http::Reply {
                const security::Actor actor = ActorOf(req);
                TRY(programs.Definition(actor, Id(req)));
                auto [person_id, enrolled_on] = TRY(ReadBody(req, [](http::FieldReader& f) {
                  std::string person_id = f.String("person_id", 40);
                  std::string enrolled_on = f.Date("enrolled_on");
                  return std::make_pair(person_id, enrolled_on);
                }));
                return Response::Json(
                    201,
                    EnrollmentJson(TRY(programs.Enroll(actor, Id(req), person_id, enrolled_on))));
              },
              .summary = "Enroll her in a program (409 programs.full at capacity)",
              .tag = "programs",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "POST",
              .path_template = "/api/v1/enrollments/{id}/end",
              .permission = std::string(perm::kProgramWrite),
              .handler = [&programs](Request& req) -> http::Reply {
                const security::Actor actor = ActorOf(req);
                TRY(programs.OwnsEnrollment(actor, Id(req)));
                struct End {
                  std::string status, ended_on, reason;
                };
                End in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  End in;
                  in.status = f.Enum("status", EndStatuses());
                  in.ended_on = f.Date("ended_on");
                  in.reason = f.OptString("reason", 2000).value_or("");
                  return in;
                }));
                return Response::Json(
                    200, EnrollmentJson(
                             TRY(programs.End(actor, Id(req), in.status, in.ended_on, in.reason))));
              },
              .summary = "End an enrollment: completed or dropped (the reason sealed)",
              .tag = "programs",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/program-sessions/{id}/attendance",
              .permission = std::string(perm::kProgramRead),
              .handler = [&programs](Request& req) -> http::Reply {
                auto read = TRY(programs.Attendance(ActorOf(req), Id(req)));
                boost::json::object body = SheetJson(read.value);
                return AuditedJson(std::move(read), std::move(body));
              },
              .summary = "A session's attendance sheet: the class with each mark",
              .tag = "programs"});
  router.Add(
      {.method = "PUT",
       .path_template = "/api/v1/program-sessions/{id}/attendance",
       .permission = std::string(perm::kProgramWrite),
       .handler = [&programs](Request& req) -> http::Reply {
         const security::Actor actor = ActorOf(req);
         TRY(programs.OwnsSession(actor, Id(req)));
         auto marks = TRY(ReadBody(req, [](http::FieldReader& f) {
           return ReadObjects<program_repo::Mark>(f, "marks", 1000, [](http::FieldReader& m) {
             return program_repo::Mark{.enrollment_id = m.String("enrollment_id", 40),
                                       .status = m.Enum("status", AttendanceStatuses())};
           });
         }));
         return Response::Json(200, SheetJson(TRY(programs.TakeAttendance(actor, Id(req), marks))));
       },
       .summary = "Take attendance for the whole class at once (all or nothing)",
       .tag = "programs",
       .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/people/{id}/certificates",
              .permission = std::string(perm::kProgramWrite),
              .handler = [&programs](Request& req) -> http::Reply {
                const security::Actor actor = ActorOf(req);
                TRY(programs.Reachable(actor, Id(req), "program.certificate.create"));
                CertificateFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  CertificateFields in;
                  in.name = f.String("name", 200);
                  in.obtained_on = f.Date("obtained_on");
                  in.enrollment_id = f.OptString("enrollment_id", 40).value_or("");
                  in.file_id = f.OptString("file_id", 40).value_or("");
                  return in;
                }));
                return Response::Json(
                    201, CertificateJson(TRY(programs.AddCertificate(actor, Id(req), in))));
              },
              .summary = "A certificate she obtained (its name sealed; a file of kind "
                         "certificate may go with it)",
              .tag = "programs",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "POST",
              .path_template = "/api/v1/people/{id}/outcomes",
              .permission = std::string(perm::kProgramWrite),
              .handler = [&programs](Request& req) -> http::Reply {
                const security::Actor actor = ActorOf(req);
                TRY(programs.Reachable(actor, Id(req), "program.outcome.create"));
                OutcomeFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  OutcomeFields in;
                  in.kind = f.Enum("kind", OutcomeKinds());
                  in.started_on = f.Date("started_on");
                  in.job_kind = f.OptString("job_kind", 100).value_or("");
                  in.employer_kind = f.Enum("employer_kind", EmployerKinds(), false);
                  in.employer = f.OptString("employer", 200).value_or("");
                  in.school = f.OptString("school", 200).value_or("");
                  in.note = f.OptString("note", 2000).value_or("");
                  return in;
                }));
                return Response::Json(201,
                                      OutcomeJson(TRY(programs.AddOutcome(actor, Id(req), in))));
              },
              .summary = "Her outcome: employment (followed up at 3, 6, 12 months), a business "
                         "started, a school entered",
              .tag = "programs",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "POST",
              .path_template = "/api/v1/outcome-follow-ups/{id}",
              .permission = std::string(perm::kProgramWrite),
              .handler = [&programs](Request& req) -> http::Reply {
                const security::Actor actor = ActorOf(req);
                TRY(programs.OwnsFollowUp(actor, Id(req)));
                auto [status, checked_on] = TRY(ReadBody(req, [](http::FieldReader& f) {
                  std::string status = f.Enum("status", FollowUpResults());
                  std::string checked_on = f.Date("checked_on");
                  return std::make_pair(status, checked_on);
                }));
                return Response::Json(
                    200,
                    OutcomeJson(TRY(programs.CheckFollowUp(actor, Id(req), status, checked_on))));
              },
              .summary = "Record what a follow-up found",
              .tag = "programs",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/follow-ups",
              .permission = std::string(perm::kProgramRead),
              .handler = [&programs](Request& req) -> http::Reply {
                std::string due_by;
                if (auto it = req.query.find("due_by"); it != req.query.end()) {
                  due_by = it->second;
                }
                auto read = TRY(programs.DueFollowUps(ActorOf(req), due_by));
                boost::json::array items;
                for (const auto& d : read.value) {
                  items.push_back({{"follow_up", FollowUpJson(d.follow_up)},
                                   {"person_id", d.person_id},
                                   {"person_label", d.person_label},
                                   {"outcome_kind", d.outcome_kind},
                                   {"due_on", d.follow_up.due_on}});
                }
                return AuditedJson(std::move(read), {{"items", items}});
              },
              .summary = "The organization's follow-ups due by a day, oldest first",
              .tag = "programs"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/people/{id}/self-reliance",
              .permission = std::string(perm::kSelfRelianceRead),
              .handler = [&programs](Request& req) -> http::Reply {
                auto read = TRY(programs.Page(ActorOf(req), Id(req)));
                const SelfReliance& p = read.value;
                boost::json::array money;
                for (const auto& m : p.money) {
                  money.push_back({{"source_id", m.source_id},
                                   {"source_name", m.source_name},
                                   {"kind", m.kind},
                                   {"paid", m.paid}});
                }
                boost::json::object body{{"money", std::move(money)}};
                if (!p.money_only) {
                  boost::json::array enrollments, certificates, outcomes, goals;
                  for (const auto& e : p.enrollments) enrollments.emplace_back(EnrollmentJson(e));
                  for (const auto& c : p.certificates) {
                    certificates.emplace_back(CertificateJson(c));
                  }
                  for (const auto& o : p.outcomes) outcomes.emplace_back(OutcomeJson(o));
                  for (const auto& g : p.goals) {
                    goals.push_back({{"id", g.id},
                                     {"case_id", g.case_id},
                                     {"title", g.title},
                                     {"status", g.status},
                                     {"target_date", OrNull(g.target_date)}});
                  }
                  body["enrollments"] = std::move(enrollments);
                  body["certificates"] = std::move(certificates);
                  body["outcomes"] = std::move(outcomes);
                  body["goals"] = std::move(goals);
                }
                return AuditedJson(std::move(read), std::move(body));
              },
              .summary = "Her self-reliance page (finance: the money part only)",
              .tag = "programs"});
}

void RegisterProgramMessages() {
  static constexpr Message kMessages[] = {
      {"programs.full", "정원이 찼습니다. 아무것도 기록하지 않았습니다.",
       "The program is full. Nothing was recorded."},
      {"programs.already_enrolled", "이미 이 과정에 참여 중입니다.",
       "She is already enrolled in this program."},
      {"programs.session_not_started",
       "아직 열리지 않은 회차입니다. 출석은 회차 당일부터 적습니다.",
       "This session has not taken place yet; attendance is taken from its day on."},
      {"programs.partner_name_required", "협력 기관이 운영하면 기관 이름을 적으세요.",
       "Give the partner's name when a partner runs the program."},
      {"programs.ends_before_start", "종료일이 시작일보다 빠릅니다.",
       "The end date is before the start date."},
      {"programs.capacity_below_enrolled", "참여 중인 인원보다 정원을 줄일 수 없습니다.",
       "The capacity cannot be less than the women enrolled now."},
      {"programs.sessions_count", "회차는 한 번에 1개에서 200개까지 추가할 수 있습니다.",
       "Add from 1 to 200 sessions at once."},
      {"programs.unknown_person", "이 기관에 등록된 분을 찾을 수 없습니다.",
       "There is no such person in this organization."},
      {"programs.ended_before_enrolled", "종료일이 참여 시작일보다 빠릅니다.",
       "The end date is before she enrolled."},
      {"programs.future_date", "앞으로의 날짜는 적을 수 없습니다.",
       "This date cannot be in the future."},
      {"programs.not_active", "이미 끝난 참여입니다.", "This enrollment has already ended."},
      {"programs.marks_count", "출석은 한 번에 1명에서 1000명까지 적을 수 있습니다.",
       "Give from 1 to 1000 marks at once."},
      {"programs.not_in_class", "이 과정의 참여자가 아닙니다. 아무것도 기록하지 않았습니다.",
       "This is not an enrollment of this program. Nothing was recorded."},
      {"programs.marked_twice", "같은 분의 출석을 두 번 적었습니다. 아무것도 기록하지 않았습니다.",
       "The same enrollment is marked twice. Nothing was recorded."},
      {"programs.unknown_enrollment", "이분의 참여 기록을 찾을 수 없습니다.",
       "There is no such enrollment of hers."},
      {"programs.unknown_file", "이분의 사례 파일을 찾을 수 없습니다.",
       "There is no such file of hers."},
      {"programs.not_a_certificate", "자격증 종류(certificate)로 올린 파일이 아닙니다.",
       "This file was not uploaded as a certificate."},
      {"programs.employment_only", "고용주 정보는 취업 성과에만 적습니다.",
       "An employer goes with an employment only."},
      {"programs.checked_before_start", "확인일이 성과 시작일보다 빠릅니다.",
       "The check is dated before the outcome started."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::programs

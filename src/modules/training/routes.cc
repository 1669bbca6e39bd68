#include "modules/training/routes.h"

#include "core/korea_date.h"
#include "core/messages.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::training {
namespace {

using http::Request;
using http::Response;
namespace perm = security::perm;

std::string DayOf(const std::string& at) {
  if (at.empty()) return "";
  TimePoint t{};
  ParseRfc3339(at, &t);
  return KoreaDate(t);
}

boost::json::object CourseJson(const Course& v) {
  const auto& c = v.stored;
  return {{"id", c.id},
          {"title_ko", c.title_ko},
          {"title_en", c.title_en},
          {"description_ko", c.description_ko},
          {"description_en", c.description_en},
          {"pass_percent", c.pass_percent},
          {"organizer", {{"id", c.org_id}, {"name", c.org_name}}},
          {"first_date", OrNull(DayOf(v.counts.first_start))},
          {"last_date", OrNull(DayOf(v.counts.last_start))},
          {"counts",
           {{"modules", v.counts.modules},
            {"sessions", v.counts.sessions},
            {"enrollments", v.counts.enrollments},
            {"certificates", v.counts.certificates}}},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

boost::json::object ModuleJson(const repo::StoredModule& m) {
  return {{"id", m.id},
          {"position", m.position},
          {"title_ko", m.title_ko},
          {"title_en", m.title_en},
          {"required", m.required}};
}

boost::json::object SessionJson(const repo::StoredSession& s) {
  return {{"id", s.id},           {"module_id", OrNull(s.module_id)}, {"starts_at", s.starts_at},
          {"ends_at", s.ends_at}, {"date", DayOf(s.starts_at)},       {"venue", s.venue}};
}

boost::json::object DetailJson(const CourseDetail& d) {
  boost::json::object out = CourseJson(d.course);
  boost::json::array modules, sessions;
  for (const auto& m : d.modules) modules.push_back(ModuleJson(m));
  for (const auto& s : d.sessions) sessions.push_back(SessionJson(s));
  out["modules"] = std::move(modules);
  out["sessions"] = std::move(sessions);
  return out;
}

boost::json::object CertificateJson(const TrainingService& training,
                                    const repo::StoredCertificate& c) {
  return {{"id", c.id},
          {"code", FormatCode(c.code)},
          {"verify_url", training.VerifyUrlOf(c.code)},
          {"issued_on", c.issued_on},
          {"issued_at", c.issued_at},
          {"revoked_at", OrNull(c.revoked_at)}};
}

boost::json::object EnrollmentJson(const TrainingService& training, const Enrollment& e,
                                   bool with_contact) {
  boost::json::object attendance;
  for (const auto& [session, status] : e.attendance) attendance[session] = status;
  const auto& c = e.completion;
  boost::json::object out = {
      {"id", e.stored.id},
      {"name", e.name},
      {"enrolled_at", e.stored.enrolled_at},
      {"attendance", std::move(attendance)},
      {"completion",
       {{"passed", c.passed},
        {"sessions", c.sessions},
        {"needed", c.needed},
        {"present", c.present},
        {"excused", c.excused},
        {"absent", c.absent},
        {"unmarked", c.unmarked},
        {"missing_modules", ListJson(c.missing_modules)}}},
      {"certificate", e.certificate ? boost::json::value(CertificateJson(training, *e.certificate))
                                    : boost::json::value(nullptr)}};
  if (with_contact) out["contact"] = e.contact;
  return out;
}

CoursePatch ReadCourse(http::FieldReader& f, bool create) {
  CoursePatch p;
  p.title_ko = create ? std::optional(f.String("title_ko", 200)) : f.OptString("title_ko", 200);
  p.title_en = f.OptString("title_en", 200);
  p.description_ko = f.OptString("description_ko", 4000);
  p.description_en = f.OptString("description_en", 4000);
  if (auto v = f.OptInt("pass_percent", 1, 100)) p.pass_percent = static_cast<int>(*v);
  return p;
}

ModulePatch ReadModule(http::FieldReader& f, bool create) {
  ModulePatch p;
  p.title_ko = create ? std::optional(f.String("title_ko", 200)) : f.OptString("title_ko", 200);
  p.title_en = f.OptString("title_en", 200);
  if (auto v = f.OptInt("position", 1, kMaxPosition)) p.position = static_cast<int>(*v);
  p.required = f.OptBool("required");
  return p;
}

SessionPatch ReadSession(http::FieldReader& f, bool create) {
  SessionPatch p;
  p.starts_at = f.Time("starts_at", create);
  p.ends_at = f.Time("ends_at", create);
  p.venue = create ? std::optional(f.String("venue", 300)) : f.OptString("venue", 300);
  if (f.raw().contains("module_id") && !Present(f.raw(), "module_id")) {
    f.Accept("module_id");
    p.module_id = "";  // null: no module
  } else {
    p.module_id = f.OptString("module_id", 64);
  }
  return p;
}

// An array of {"enrollment_id","status"} under "marks".
std::vector<Mark> ReadMarks(http::FieldReader& f) {
  std::vector<Mark> out;
  f.Accept("marks");
  auto it = f.raw().find("marks");
  if (it == f.raw().end() || it->value().is_null()) {
    f.Reject("marks", "field.required");
    return out;
  }
  if (!it->value().is_array()) {
    f.Reject("marks", "field.wrong_type");
    return out;
  }
  const auto& items = it->value().get_array();
  if (items.empty()) f.Reject("marks", "field.empty");
  if (items.size() > kMaxMarks) {
    f.Reject("marks", "field.too_many");
    return out;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string at = "marks." + std::to_string(i);
    if (!items[i].is_object()) {
      f.Reject(at, "field.wrong_type");
      continue;
    }
    http::FieldReader item(items[i].get_object(), at + ".");
    Mark m;
    m.enrollment_id = item.String("enrollment_id", 64);
    m.status = item.Enum("status", kMarks, true);
    out.push_back(std::move(m));
    f.Absorb(item);
  }
  return out;
}

const std::string& Param(Request& req, const char* name) { return req.path_params[name]; }

}  // namespace

void AddRoutes(http::Router& router, TrainingService& training) {
  const std::string tag = "training";
  const std::string read(perm::kTrainingRead), write(perm::kTrainingWrite);
  const std::string courses = "/api/v1/training/courses";
  const std::string course = courses + "/{id}";
  router.Add({.method = "GET",
              .path_template = courses,
              .permission = read,
              .handler = [&training](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& c : TRY(training.List(ActorOf(req)))) {
                  items.push_back(CourseJson(c));
                }
                return Response::Json(200, {{"items", items}});
              },
              .summary = "The caller's organization's training courses",
              .tag = tag});
  router.Add({.method = "POST",
              .path_template = courses,
              .permission = write,
              .handler = [&training](Request& req) -> http::Reply {
                auto p =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadCourse(f, true); }));
                CourseFields fields{.title_ko = p.title_ko.value_or(""),
                                    .title_en = p.title_en.value_or(""),
                                    .description_ko = p.description_ko.value_or(""),
                                    .description_en = p.description_en.value_or(""),
                                    .pass_percent = p.pass_percent.value_or(kDefaultPassPercent)};
                return Response::Json(201, DetailJson(TRY(training.Create(ActorOf(req), fields))));
              },
              .summary = "Create a training course of the caller's organization",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = course,
              .permission = read,
              .handler = [&training](Request& req) -> http::Reply {
                return Response::Json(200, DetailJson(TRY(training.Get(ActorOf(req), Id(req)))));
              },
              .summary = "One course with its modules and sessions",
              .tag = tag});
  router.Add(
      {.method = "PATCH",
       .path_template = course,
       .permission = write,
       .handler = [&training](Request& req) -> http::Reply {
         TRY(training.CheckOwn(ActorOf(req), Id(req)));
         auto p = TRY(ReadBody(req, [](http::FieldReader& f) { return ReadCourse(f, false); }));
         return Response::Json(200, DetailJson(TRY(training.Update(ActorOf(req), Id(req), p))));
       },
       .summary = "Change a course (titles, descriptions, pass rule)",
       .tag = tag,
       .json_body = true});
  router.Add({.method = "POST",
              .path_template = course + "/modules",
              .permission = write,
              .handler = [&training](Request& req) -> http::Reply {
                TRY(training.CheckOwn(ActorOf(req), Id(req)));
                auto p =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadModule(f, true); }));
                ModuleFields fields{.title_ko = p.title_ko.value_or(""),
                                    .title_en = p.title_en.value_or(""),
                                    .position = p.position.value_or(0),
                                    .required = p.required.value_or(false)};
                return Response::Json(
                    201, ModuleJson(TRY(training.AddModule(ActorOf(req), Id(req), fields))));
              },
              .summary = "Add a module (an ordered topic) to a course",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "PATCH",
              .path_template = course + "/modules/{mid}",
              .permission = write,
              .handler = [&training](Request& req) -> http::Reply {
                TRY(training.CheckOwn(ActorOf(req), Id(req)));
                auto p =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadModule(f, false); }));
                return Response::Json(200, ModuleJson(TRY(training.UpdateModule(
                                               ActorOf(req), Id(req), Param(req, "mid"), p))));
              },
              .summary = "Change a module",
              .tag = tag,
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = course + "/sessions",
              .permission = write,
              .handler = [&training](Request& req) -> http::Reply {
                TRY(training.CheckOwn(ActorOf(req), Id(req)));
                auto p =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadSession(f, true); }));
                SessionFields fields{.starts_at = p.starts_at.value_or(TimePoint{}),
                                     .ends_at = p.ends_at.value_or(TimePoint{}),
                                     .venue = p.venue.value_or(""),
                                     .module_id = p.module_id.value_or("")};
                return Response::Json(
                    201, SessionJson(TRY(training.AddSession(ActorOf(req), Id(req), fields))));
              },
              .summary = "Add a session (Korea time, venue, module) to a course",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "PATCH",
              .path_template = course + "/sessions/{sid}",
              .permission = write,
              .handler = [&training](Request& req) -> http::Reply {
                TRY(training.CheckOwn(ActorOf(req), Id(req)));
                auto p =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadSession(f, false); }));
                return Response::Json(200, SessionJson(TRY(training.UpdateSession(
                                               ActorOf(req), Id(req), Param(req, "sid"), p))));
              },
              .summary = "Change a session",
              .tag = tag,
              .json_body = true});
  router.Add(
      {.method = "POST",
       .path_template = course + "/sessions/{sid}/attendance",
       .permission = write,
       .handler = [&training](Request& req) -> http::Reply {
         TRY(training.CheckOwn(ActorOf(req), Id(req)));
         auto marks = TRY(ReadBody(req, ReadMarks));
         auto done = TRY(training.MarkAttendance(ActorOf(req), Id(req), Param(req, "sid"), marks));
         boost::json::array items;
         for (const auto& m : done.items) {
           items.push_back({{"enrollment_id", m.enrollment_id},
                            {"status", m.status},
                            {"marked_at", m.marked_at}});
         }
         return Response::Json(
             200, {{"session_id", done.session_id}, {"items", items}, {"changed", done.changed}});
       },
       .summary = "Mark attendance at a session (idempotent)",
       .tag = tag,
       .json_body = true});
  router.Add({.method = "GET",
              .path_template = course + "/enrollments",
              .permission = read,
              .handler = [&training](Request& req) -> http::Reply {
                auto listed = TRY(training.Enrollments(ActorOf(req), Id(req)));
                boost::json::array items;
                for (const auto& e : listed.value) {
                  items.push_back(EnrollmentJson(training, e, false));
                }
                boost::json::object body{{"items", items}};
                return AuditedJson(std::move(listed), std::move(body));
              },
              .summary = "The course's trainees with attendance and completion (audited)",
              .tag = tag});
  router.Add(
      {.method = "POST",
       .path_template = course + "/enrollments",
       .permission = write,
       .handler = [&training](Request& req) -> http::Reply {
         TRY(training.CheckOwn(ActorOf(req), Id(req)));
         auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
           NewEnrollment e;
           e.name = f.String("name", 200);
           e.contact = f.OptString("contact", 300).value_or("");
           return e;
         }));
         return Response::Json(
             201, EnrollmentJson(training, TRY(training.Enrol(ActorOf(req), Id(req), in)), false));
       },
       .summary = "Enrol a trainee (name and contact sealed)",
       .tag = tag,
       .json_body = true,
       .success_status = 201});
  const std::string enrollment = course + "/enrollments/{eid}";
  router.Add({.method = "GET",
              .path_template = enrollment,
              .permission = read,
              .handler = [&training](Request& req) -> http::Reply {
                auto e = TRY(training.GetEnrollment(ActorOf(req), Id(req), Param(req, "eid")));
                boost::json::object body = EnrollmentJson(training, e.value, true);
                return AuditedJson(std::move(e), std::move(body));
              },
              .summary = "One trainee with her contact (audited)",
              .tag = tag});
  router.Add({.method = "POST",
              .path_template = enrollment + "/certificate",
              .permission = write,
              .handler = [&training](Request& req) -> http::Reply {
                TRY(training.CheckOwn(ActorOf(req), Id(req)));
                TRY(ReadOptionalBody(req, [](http::FieldReader&) {}));
                auto done = TRY(training.Issue(ActorOf(req), Id(req), Param(req, "eid")));
                return Response::Json(done.created ? 201 : 200,
                                      CertificateJson(training, done.certificate));
              },
              .summary = "Issue her certificate once she passed (again: the same certificate)",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "POST",
              .path_template = enrollment + "/certificate/revoke",
              .permission = write,
              .handler = [&training](Request& req) -> http::Reply {
                TRY(training.CheckOwn(ActorOf(req), Id(req)));
                TRY(ReadOptionalBody(req, [](http::FieldReader&) {}));
                return Response::Json(
                    200, CertificateJson(training, TRY(training.Revoke(ActorOf(req), Id(req),
                                                                       Param(req, "eid")))));
              },
              .summary = "Revoke her certificate (verification then says not valid)",
              .tag = tag,
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = enrollment + "/certificate/pdf",
              .permission = read,
              .handler = [&training](Request& req) -> http::Reply {
                auto pdf = TRY(training.CertificatePdf(ActorOf(req), Id(req), Param(req, "eid")));
                auto res = Response::Text(200, "application/pdf", std::move(pdf.value));
                res.SetHeader("Content-Disposition", "inline; filename=\"certificate.pdf\"");
                res.await_commit = AwaitAudit(std::move(pdf.audit));
                return res;
              },
              .summary = "Her certificate as a PDF in Korean with a verification QR (audited)",
              .tag = tag});

  // ---- The public: no account, no cookie; the caller's address kept out of the logs ----
  router.Add({.method = "GET",
              .path_template = "/api/v1/public/certificates/{code}",
              .permission = std::string(http::kPublic),
              .handler = [&training](Request& req) -> http::Reply {
                auto v = TRY(training.Verify(Param(req, "code")));
                if (!v.valid) return Response::Json(200, {{"valid", false}});
                const bool english = req.lang == Lang::kEn && !v.course_en.empty();
                return Response::Json(200, {{"valid", true},
                                            {"course", english ? v.course_en : v.course_ko},
                                            {"issued_on", v.issued_on}});
              },
              .summary = "Whether a certificate is valid: its course and issue day, no name",
              .tag = tag,
              .hide_caller_address = true});
}

void RegisterTrainingMessages() {
  static constexpr Message kMessages[] = {
      {"training.ends_before_start", "끝나는 시각이 시작 시각보다 늦어야 합니다.",
       "The end must be after the start."},
      {"training.session_too_long", "한 회차는 24시간을 넘을 수 없습니다.",
       "A session cannot last over 24 hours."},
      {"training.duplicate_mark", "한 교육생의 출석을 한 번에 두 번 표시할 수 없습니다.",
       "A trainee can be marked only once per request."},
      {"training.unknown_enrollment", "이 과정의 교육생이 아닌 사람이 있습니다.",
       "One of the marks is not for a trainee of this course."},
      {"training.not_passed", "이수 기준을 채우지 못해 수료증을 발급할 수 없습니다.",
       "The trainee has not met the pass rule; no certificate can be issued."},
      {"training.revoked", "취소된 수료증입니다.", "This certificate has been revoked."},
      {"training.already_revoked", "이미 취소된 수료증입니다.",
       "This certificate is already revoked."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::training

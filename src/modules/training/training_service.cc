// TrainingService: courses, modules and sessions (trainees, attendance and certificates are in
// enrollment_service.cc).
#include "modules/training/training_service.h"

#include <algorithm>

#include "core/ids.h"
#include "modules/service_support.h"
#include "security/kdf.h"
#include "security/policy.h"

namespace dandelion::training {

using repo::StoredCourse;
using repo::StoredModule;
using repo::StoredSession;

namespace {

namespace perm = security::perm;

std::string Fmt(TimePoint t) { return FormatRfc3339(t); }

TimePoint Parse(const std::string& text) {
  TimePoint t{};
  ParseRfc3339(text, &t);
  return t;
}

// Records a change of one field: the new value and its name.
template <class T, class U>
void Set(T& field, const std::optional<U>& given, const char* name,
         std::vector<std::string>& changed) {
  if (given && !(field == *given)) {
    field = *given;
    changed.emplace_back(name);
  }
}

}  // namespace

TrainingService::TrainingService(store::Database& db, security::Keyring& keyring,
                                 const security::AuditLog& audit, security::AuditBatcher& reads,
                                 const Clock& clock, TrainingOptions options)
    : db_(db),
      keyring_(keyring),
      audit_(audit),
      reads_(reads),
      clock_(clock),
      options_(std::move(options)),
      code_key_(security::DeriveSubkey(keyring.master_key(), security::kCertificateCodeContext,
                                       security::kCertificateCodeSubkeyId)) {}

Result<StoredCourse> TrainingService::LoadOwn(store::Tx& tx, const security::Actor& actor,
                                              const std::string& id) {
  if (!LooksLikeId(id)) return Fail(NotFound());
  auto c = TRY(repo::FindCourse(tx, id));
  if (!c || c->org_id != actor.org_id) return Fail(NotFound());
  return std::move(*c);
}

Result<void> TrainingService::CheckOwn(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kTrainingRead));
  return db_.Read([&](store::Tx& tx) -> Result<void> {
    TRY(LoadOwn(tx, actor, id));
    return Ok();
  });
}

Result<CourseDetail> TrainingService::Detail(store::Tx& tx, StoredCourse course) {
  CourseDetail out;
  out.course.counts = TRY(repo::CountsOf(tx, course.id));
  out.modules = TRY(repo::ModulesOf(tx, course.id));
  out.sessions = TRY(repo::SessionsOf(tx, course.id));
  out.course.stored = std::move(course);
  return out;
}

// ---- Courses --------------------------------------------------------------------------------

Result<std::vector<Course>> TrainingService::List(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kTrainingRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Course>> {
    std::vector<Course> out;
    for (auto& c : TRY(repo::CoursesOf(tx, actor.org_id))) {
      auto counts = TRY(repo::CountsOf(tx, c.id));
      out.push_back({std::move(c), std::move(counts)});
    }
    return out;
  });
}

Result<CourseDetail> TrainingService::Get(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kTrainingRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<CourseDetail> {
    return Detail(tx, TRY(LoadOwn(tx, actor, id)));
  });
}

Result<CourseDetail> TrainingService::Create(const security::Actor& actor, const CourseFields& f) {
  TRY(RequirePermission(actor, perm::kTrainingWrite));
  if (Error e = ValidateCourse(f); !e.fields.empty()) return Fail(e);
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<CourseDetail> {
    StoredCourse c{.id = NewId(),
                   .org_id = actor.org_id,
                   .title_ko = f.title_ko,
                   .title_en = f.title_en,
                   .description_ko = f.description_ko,
                   .description_en = f.description_en,
                   .pass_percent = f.pass_percent,
                   .created_at = now,
                   .created_by = actor.user_id,
                   .updated_at = now};
    TRY(repo::InsertCourse(tx, c));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "training.course.create", "training_course",
                                               c.id, {"title", "pass_percent"})));
    return Detail(tx, TRY(LoadOwn(tx, actor, c.id)));
  });
}

Result<CourseDetail> TrainingService::Update(const security::Actor& actor, const std::string& id,
                                             const CoursePatch& p) {
  TRY(RequirePermission(actor, perm::kTrainingWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<CourseDetail> {
    if (LooksLikeId(id)) TRY(repo::LockCourse(tx, id));
    StoredCourse c = TRY(LoadOwn(tx, actor, id));
    CourseFields f{.title_ko = c.title_ko,
                   .title_en = c.title_en,
                   .description_ko = c.description_ko,
                   .description_en = c.description_en,
                   .pass_percent = c.pass_percent};
    std::vector<std::string> changed;
    Set(f.title_ko, p.title_ko, "title_ko", changed);
    Set(f.title_en, p.title_en, "title_en", changed);
    Set(f.description_ko, p.description_ko, "description_ko", changed);
    Set(f.description_en, p.description_en, "description_en", changed);
    Set(f.pass_percent, p.pass_percent, "pass_percent", changed);
    if (Error e = ValidateCourse(f); !e.fields.empty()) return Fail(e);
    if (!changed.empty()) {
      c.title_ko = f.title_ko;
      c.title_en = f.title_en;
      c.description_ko = f.description_ko;
      c.description_en = f.description_en;
      c.pass_percent = f.pass_percent;
      c.updated_at = Fmt(clock_.Now());
      TRY(repo::UpdateCourse(tx, c));
      TRY(audit_.Append(tx, security::ActorEvent(actor, "training.course.update", "training_course",
                                                 c.id, changed)));
    }
    return Detail(tx, TRY(LoadOwn(tx, actor, c.id)));
  });
}

// ---- Modules --------------------------------------------------------------------------------

Result<StoredModule> TrainingService::AddModule(const security::Actor& actor, const std::string& id,
                                                ModuleFields f) {
  TRY(RequirePermission(actor, perm::kTrainingWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<StoredModule> {
    auto c = TRY(LoadOwn(tx, actor, id));
    if (f.position == 0) {
      int last = 0;
      for (const auto& m : TRY(repo::ModulesOf(tx, c.id))) last = std::max(last, m.position);
      f.position = std::min(last + 1, kMaxPosition);
    }
    if (Error e = ValidateModule(f); !e.fields.empty()) return Fail(e);
    StoredModule m{.id = NewId(),
                   .course_id = c.id,
                   .position = f.position,
                   .title_ko = f.title_ko,
                   .title_en = f.title_en,
                   .required = f.required,
                   .created_at = Fmt(clock_.Now())};
    TRY(repo::InsertModule(tx, m));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "training.module.create", "training_module",
                                               m.id, {"title", "position", "required"})));
    return m;
  });
}

Result<StoredModule> TrainingService::UpdateModule(const security::Actor& actor,
                                                   const std::string& id,
                                                   const std::string& module_id,
                                                   const ModulePatch& p) {
  TRY(RequirePermission(actor, perm::kTrainingWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<StoredModule> {
    auto c = TRY(LoadOwn(tx, actor, id));
    std::optional<StoredModule> m;
    if (LooksLikeId(module_id)) m = TRY(repo::FindModule(tx, module_id));
    if (!m || m->course_id != c.id) return Fail(NotFound());
    ModuleFields f{.title_ko = m->title_ko,
                   .title_en = m->title_en,
                   .position = m->position,
                   .required = m->required};
    std::vector<std::string> changed;
    Set(f.title_ko, p.title_ko, "title_ko", changed);
    Set(f.title_en, p.title_en, "title_en", changed);
    Set(f.position, p.position, "position", changed);
    Set(f.required, p.required, "required", changed);
    if (Error e = ValidateModule(f); !e.fields.empty()) return Fail(e);
    if (!changed.empty()) {
      m->title_ko = f.title_ko;
      m->title_en = f.title_en;
      m->position = f.position;
      m->required = f.required;
      TRY(repo::UpdateModule(tx, *m));
      TRY(audit_.Append(tx, security::ActorEvent(actor, "training.module.update", "training_module",
                                                 m->id, changed)));
    }
    return std::move(*m);
  });
}

// ---- Sessions -------------------------------------------------------------------------------

namespace {

// A session's module must be one of the course's.
Result<void> CheckModule(store::Tx& tx, const StoredCourse& c, const std::string& module_id,
                         Error& e) {
  if (module_id.empty()) return Ok();
  std::optional<StoredModule> m;
  if (LooksLikeId(module_id)) m = TRY(repo::FindModule(tx, module_id));
  if (!m || m->course_id != c.id) e.Field("module_id", "field.unknown_value");
  return Ok();
}

}  // namespace

Result<StoredSession> TrainingService::AddSession(const security::Actor& actor,
                                                  const std::string& id, const SessionFields& f) {
  TRY(RequirePermission(actor, perm::kTrainingWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<StoredSession> {
    auto c = TRY(LoadOwn(tx, actor, id));
    Error e = ValidateSession(f);
    TRY(CheckModule(tx, c, f.module_id, e));
    if (!e.fields.empty()) return Fail(e);
    StoredSession s{.id = NewId(),
                    .course_id = c.id,
                    .module_id = f.module_id,
                    .starts_at = Fmt(f.starts_at),
                    .ends_at = Fmt(f.ends_at),
                    .venue = f.venue,
                    .created_at = Fmt(clock_.Now())};
    TRY(repo::InsertSession(tx, s));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "training.session.create", "training_session",
                                               s.id, {"time", "venue", "module_id"})));
    return s;
  });
}

Result<StoredSession> TrainingService::UpdateSession(const security::Actor& actor,
                                                     const std::string& id,
                                                     const std::string& session_id,
                                                     const SessionPatch& p) {
  TRY(RequirePermission(actor, perm::kTrainingWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<StoredSession> {
    auto c = TRY(LoadOwn(tx, actor, id));
    std::optional<StoredSession> s;
    if (LooksLikeId(session_id)) s = TRY(repo::FindSession(tx, session_id));
    if (!s || s->course_id != c.id) return Fail(NotFound());
    SessionFields f{.starts_at = Parse(s->starts_at),
                    .ends_at = Parse(s->ends_at),
                    .venue = s->venue,
                    .module_id = s->module_id};
    std::vector<std::string> changed;
    Set(f.starts_at, p.starts_at, "starts_at", changed);
    Set(f.ends_at, p.ends_at, "ends_at", changed);
    Set(f.venue, p.venue, "venue", changed);
    Set(f.module_id, p.module_id, "module_id", changed);
    Error e = ValidateSession(f);
    TRY(CheckModule(tx, c, f.module_id, e));
    if (!e.fields.empty()) return Fail(e);
    if (!changed.empty()) {
      s->starts_at = Fmt(f.starts_at);
      s->ends_at = Fmt(f.ends_at);
      s->venue = f.venue;
      s->module_id = f.module_id;
      TRY(repo::UpdateSession(tx, *s));
      TRY(audit_.Append(tx, security::ActorEvent(actor, "training.session.update",
                                                 "training_session", s->id, changed)));
    }
    return std::move(*s);
  });
}

}  // namespace dandelion::training

#include "modules/programs/program_service.h"

#include <set>

#include "core/ids.h"
#include "core/korea_date.h"
#include "modules/access/person_access.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/programs/program_support.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::programs {

using namespace detail;  // NOLINT: the module's own shared pieces

Result<access::PersonDecision> detail::Reach(store::Tx& tx, const security::Actor& actor,
                                             const std::string& person_id, TimePoint now) {
  if (!LooksLikeId(person_id)) return Fail(NotFound());
  auto row = TRY(people::person_repo::FindById(tx, person_id));
  if (!row || row->org_id != actor.org_id || !row->erased_at.empty()) return Fail(NotFound());
  if (!security::Allows(perm::kCaseRead, actor.roles)) return access::PersonDecision{};
  return access::DecidePersonAccess(tx, actor, person_id, now);
}

namespace {

// The most sessions one request adds, and the most marks one sheet takes.
constexpr size_t kMaxSessions = 200;
constexpr size_t kMaxMarks = 1000;

Error CheckProgram(const ProgramFields& in) {
  Error bad = Invalid();
  if (Blank(in.name)) bad.Field("name", "field.required");
  if (!IsOneOf(ProgramKinds(), in.kind)) bad.Field("kind", "field.unknown_value");
  if (!IsOneOf(Providers(), in.provider)) bad.Field("provider", "field.unknown_value");
  if (in.provider == "partner" && Blank(in.provider_name)) {
    bad.Field("provider_name", "programs.partner_name_required");
  }
  if (!IsDay(in.starts_on)) bad.Field("starts_on", "field.invalid_date");
  if (!in.ends_on.empty()) {
    if (!IsDay(in.ends_on)) {
      bad.Field("ends_on", "field.invalid_date");
    } else if (IsDay(in.starts_on) && in.ends_on < in.starts_on) {
      bad.Field("ends_on", "programs.ends_before_start");
    }
  }
  if (in.capacity < 1 || in.capacity > 1000) bad.Field("capacity", "field.out_of_range");
  if (in.pass_rate < 0 || in.pass_rate > 100) bad.Field("pass_rate", "field.out_of_range");
  return bad;
}

void Fill(program_repo::Program& p, const ProgramFields& in) {
  p.name = in.name;
  p.kind = in.kind;
  p.provider = in.provider;
  p.provider_name = in.provider == "partner" ? in.provider_name : "";
  p.starts_on = in.starts_on;
  p.ends_on = in.ends_on;
  p.capacity = in.capacity;
  p.description = in.description;
  p.pass_rate = in.pass_rate;
}

}  // namespace

std::string ProgramService::Today() const { return KoreaDate(clock_.Now()); }

Result<void> ProgramService::Refused(store::Tx& tx, const security::Actor& actor,
                                     const std::string& person_id, const std::string& action) {
  auto reach = TRY(Reach(tx, actor, person_id, clock_.Now()));
  if (reach.allowed) return Ok();
  auto e = security::ActorEvent(actor, action, "person", person_id);
  e.outcome = reach.Outcome();
  TRY(audit_.Append(tx, e));
  return Fail(RecordedRefusal(access::Refusal(reach)));
}

Result<std::string> ProgramService::Label(store::Tx& tx, const security::Actor& actor,
                                          const std::string& person_id, const std::string& code,
                                          const std::string& sealed_alias) {
  if (sealed_alias.empty()) return code;
  auto decision = TRY(access::DecidePersonAccess(tx, actor, person_id, clock_.Now()));
  if (!decision.allowed) return code;  // a restricted woman not the caller's: her code only
  auto cipher = people::PersonCipher::Load(tx, keyring_, actor.org_id, person_id);
  if (!cipher) return code;  // erased
  auto alias = TRY(cipher->Open("alias", sealed_alias));
  return alias.empty() ? code : alias;
}

Result<EnrollmentView> ProgramService::ViewEnrollment(store::Tx& tx, const security::Actor& actor,
                                                      program_repo::Enrollment e) {
  EnrollmentView v;
  v.person_label = TRY(Label(tx, actor, e.person_id, e.person_code, e.sealed_alias));
  for (const auto& m : e.marks) Count(v.attendance, m);
  v.passed = Passed(e.status, v.attendance, e.pass_rate);
  e.sealed_alias.clear();
  e.sealed_reason.clear();
  v.stored = std::move(e);
  return v;
}

// -- definitions ----------------------------------------------------------------------------------

Result<ProgramView> ProgramService::Create(const security::Actor& actor, const ProgramFields& in) {
  TRY(RequirePermission(actor, perm::kProgramDefine));
  if (Error bad = CheckProgram(in); !bad.fields.empty()) return Fail(bad);
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<ProgramView> {
    program_repo::Program p{.id = NewId(), .org_id = actor.org_id, .created_at = now};
    Fill(p, in);
    TRY(program_repo::InsertProgram(tx, p, actor.user_id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "program.create", "program", p.id,
                                               {"name", "kind", "provider", "starts_on", "ends_on",
                                                "capacity", "pass_rate"})));
    return ProgramView{p, ProgramStatus(p.starts_on, p.ends_on, Today())};
  });
}

Result<ProgramView> ProgramService::Update(const security::Actor& actor, const std::string& id,
                                           const ProgramFields& in) {
  TRY(RequirePermission(actor, perm::kProgramDefine));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<ProgramView> {
    auto p = LooksLikeId(id) ? TRY(program_repo::FindProgram(tx, actor.org_id, id)) : std::nullopt;
    if (!p) return Fail(NotFound());
    if (Error bad = CheckProgram(in); !bad.fields.empty()) return Fail(bad);
    if (in.capacity < p->enrolled) return Fail(Conflict("programs.capacity_below_enrolled"));
    std::vector<std::string> changed;
    if (in.name != p->name) changed.push_back("name");
    if (in.kind != p->kind) changed.push_back("kind");
    if (in.provider != p->provider || in.provider_name != p->provider_name) {
      changed.push_back("provider");
    }
    if (in.starts_on != p->starts_on) changed.push_back("starts_on");
    if (in.ends_on != p->ends_on) changed.push_back("ends_on");
    if (in.capacity != p->capacity) changed.push_back("capacity");
    if (in.description != p->description) changed.push_back("description");
    if (in.pass_rate != p->pass_rate) changed.push_back("pass_rate");
    Fill(*p, in);
    if (!changed.empty()) {
      TRY(program_repo::UpdateProgram(tx, *p, now));
      TRY(audit_.Append(tx,
                        security::ActorEvent(actor, "program.update", "program", p->id, changed)));
    }
    return ProgramView{*p, ProgramStatus(p->starts_on, p->ends_on, Today())};
  });
}

Result<ProgramView> ProgramService::Definition(const security::Actor& actor,
                                               const std::string& id) {
  TRY(RequirePermission(actor, perm::kProgramDefine));
  return db_.ReadValue([&](store::Tx& tx) -> Result<ProgramView> {
    auto p = LooksLikeId(id) ? TRY(program_repo::FindProgram(tx, actor.org_id, id)) : std::nullopt;
    if (!p) return Fail(NotFound());
    return ProgramView{*p, ProgramStatus(p->starts_on, p->ends_on, Today())};
  });
}

Result<std::vector<ProgramView>> ProgramService::List(const security::Actor& actor,
                                                      const std::string& status) {
  TRY(RequirePermission(actor, perm::kProgramDefine));
  if (!status.empty() && !IsOneOf(ProgramStatuses(), status)) {
    return Fail(Invalid().Field("status", "field.unknown_value"));
  }
  const std::string today = Today();
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<ProgramView>> {
    std::vector<ProgramView> out;
    for (auto& p : TRY(program_repo::ListPrograms(tx, actor.org_id))) {
      ProgramView v{std::move(p), ""};
      v.status = ProgramStatus(v.program.starts_on, v.program.ends_on, today);
      if (status.empty() || v.status == status) out.push_back(std::move(v));
    }
    return out;
  });
}

Result<security::Audited<ProgramDetail>> ProgramService::Get(const security::Actor& actor,
                                                             const std::string& id) {
  TRY(RequirePermission(actor, perm::kProgramRead));
  auto detail = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<ProgramDetail> {
    auto p = LooksLikeId(id) ? TRY(program_repo::FindProgram(tx, actor.org_id, id)) : std::nullopt;
    if (!p) return Fail(NotFound());
    ProgramDetail out;
    out.sessions = TRY(program_repo::SessionsOf(tx, p->id));
    for (auto& e : TRY(program_repo::EnrollmentsOfProgram(tx, p->id))) {
      out.enrollments.push_back(TRY(ViewEnrollment(tx, actor, std::move(e))));
    }
    out.view = ProgramView{*p, ProgramStatus(p->starts_on, p->ends_on, Today())};
    return out;
  }));
  auto e =
      security::ActorEvent(actor, "program.read", "program", id, {"person_label", "attendance"});
  return security::Audited<ProgramDetail>{std::move(detail),
                                          security::PendingAudit(reads_, std::move(e))};
}

// -- sessions and the class -----------------------------------------------------------------------

Result<std::vector<program_repo::Session>> ProgramService::AddSessions(
    const security::Actor& actor, const std::string& program_id,
    const std::vector<SessionFields>& in) {
  TRY(RequirePermission(actor, perm::kProgramWrite));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<std::vector<program_repo::Session>> {
    auto p = LooksLikeId(program_id) ? TRY(program_repo::FindProgram(tx, actor.org_id, program_id))
                                     : std::nullopt;
    if (!p) return Fail(NotFound());
    Error bad = Invalid();
    if (in.empty() || in.size() > kMaxSessions) bad.Field("sessions", "programs.sessions_count");
    for (size_t i = 0; i < in.size(); ++i) {
      const std::string at = "sessions." + std::to_string(i) + ".";
      TimePoint t;
      if (!ParseRfc3339(in[i].starts_at, &t)) bad.Field(at + "starts_at", "field.invalid_time");
      if (in[i].minutes < 1 || in[i].minutes > 1440)
        bad.Field(at + "minutes", "field.out_of_range");
    }
    if (!bad.fields.empty()) return Fail(bad);
    std::vector<program_repo::Session> out;
    for (const auto& s : in) {
      TimePoint t;
      ParseRfc3339(s.starts_at, &t);
      program_repo::Session row{.id = NewId(),
                                .program_id = p->id,
                                .starts_at = FormatRfc3339(t),
                                .minutes = s.minutes,
                                .topic = s.topic};
      TRY(program_repo::InsertSession(tx, row, actor.user_id, now));
      out.push_back(std::move(row));
    }
    TRY(audit_.Append(tx, security::ActorEvent(actor, "program.sessions.create", "program", p->id,
                                               {"starts_at", "minutes", "topic"})));
    return out;
  });
}

Result<EnrollmentView> ProgramService::Enroll(const security::Actor& actor,
                                              const std::string& program_id,
                                              const std::string& person_id,
                                              const std::string& enrolled_on) {
  TRY(RequirePermission(actor, perm::kProgramWrite));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<EnrollmentView> {
    auto p = LooksLikeId(program_id) ? TRY(program_repo::FindProgram(tx, actor.org_id, program_id))
                                     : std::nullopt;
    if (!p) return Fail(NotFound());
    Error bad = Invalid();
    if (!IsDay(enrolled_on)) bad.Field("enrolled_on", "field.invalid_date");
    // Her: of this organization (a referral accepted here made her so), else an unknown person.
    bool known = false;
    if (LooksLikeId(person_id)) {
      auto row = TRY(people::person_repo::FindById(tx, person_id));
      known = row && row->org_id == actor.org_id && row->erased_at.empty();
    }
    if (!known) bad.Field("person_id", "programs.unknown_person");
    if (!bad.fields.empty()) return Fail(bad);
    TRY(Refused(tx, actor, person_id, "program.enrollment.create"));
    if (TRY(program_repo::IsEnrolled(tx, p->id, person_id))) {
      return Fail(Conflict("programs.already_enrolled"));
    }
    if (!HasRoom(TRY(program_repo::ActiveCount(tx, p->id)), p->capacity)) {
      return Fail(Conflict("programs.full"));
    }
    program_repo::Enrollment e{.id = NewId(),
                               .program_id = p->id,
                               .org_id = actor.org_id,
                               .person_id = person_id,
                               .enrolled_on = enrolled_on};
    TRY(program_repo::InsertEnrollment(tx, e, actor.user_id, now));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "program.enrollment.create", "program_enrollment", e.id,
                                 {"program_id", "person_id", "enrolled_on"})));
    auto stored = TRY(program_repo::FindEnrollment(tx, actor.org_id, e.id));
    return ViewEnrollment(tx, actor, std::move(*stored));
  });
}

Result<EnrollmentView> ProgramService::End(const security::Actor& actor,
                                           const std::string& enrollment_id,
                                           const std::string& status, const std::string& ended_on,
                                           const std::string& reason) {
  TRY(RequirePermission(actor, perm::kProgramWrite));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<EnrollmentView> {
    auto e = LooksLikeId(enrollment_id)
                 ? TRY(program_repo::FindEnrollment(tx, actor.org_id, enrollment_id))
                 : std::nullopt;
    if (!e) return Fail(NotFound());
    TRY(Refused(tx, actor, e->person_id, "program.enrollment.end"));
    Error bad = Invalid();
    if (!IsOneOf(EndStatuses(), status)) bad.Field("status", "field.unknown_value");
    if (!IsDay(ended_on)) {
      bad.Field("ended_on", "field.invalid_date");
    } else if (ended_on < e->enrolled_on) {
      bad.Field("ended_on", "programs.ended_before_enrolled");
    } else if (ended_on > Today()) {
      bad.Field("ended_on", "programs.future_date");
    }
    if (!bad.fields.empty()) return Fail(bad);
    if (e->status != "active") return Fail(Conflict("programs.not_active"));
    e->status = status;
    e->ended_on = ended_on;
    std::vector<std::string> fields{"status", "ended_on"};
    if (!Blank(reason)) {
      auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, e->person_id));
      e->sealed_reason = cipher.SealRecord(kEnrollments, "end_reason", e->id, reason);
      fields.push_back("reason");
    }
    TRY(program_repo::EndEnrollment(tx, *e, actor.user_id, now));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "program.enrollment.end",
                                               "program_enrollment", e->id, fields)));
    return ViewEnrollment(tx, actor, std::move(*e));
  });
}

Result<void> ProgramService::OwnsSession(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kProgramWrite));
  return db_.Read([&](store::Tx& tx) -> Result<void> {
    if (!LooksLikeId(id) || !TRY(program_repo::FindSession(tx, actor.org_id, id))) {
      return Fail(NotFound());
    }
    return Ok();
  });
}

Result<void> ProgramService::OwnsEnrollment(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kProgramWrite));
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    auto e =
        LooksLikeId(id) ? TRY(program_repo::FindEnrollment(tx, actor.org_id, id)) : std::nullopt;
    if (!e) return Fail(NotFound());
    return Refused(tx, actor, e->person_id, "program.enrollment.end");
  });
}

Result<void> ProgramService::OwnsFollowUp(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kProgramWrite));
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    auto f = LooksLikeId(id) ? TRY(program_repo::FindFollowUp(tx, actor.org_id, id)) : std::nullopt;
    if (!f) return Fail(NotFound());
    auto o = TRY(program_repo::FindOutcome(tx, actor.org_id, f->outcome_id));
    if (!o) return Fail(NotFound());
    return Refused(tx, actor, o->person_id, "program.follow_up.check");
  });
}

Result<void> ProgramService::Reachable(const security::Actor& actor, const std::string& person_id,
                                       const std::string& action) {
  TRY(RequirePermission(actor, perm::kProgramWrite));
  return db_.Write(
      [&](store::Tx& tx) -> Result<void> { return Refused(tx, actor, person_id, action); });
}

// -- attendance -----------------------------------------------------------------------------------

Result<Sheet> ProgramService::MakeSheet(store::Tx& tx, const security::Actor& actor,
                                        program_repo::Session session) {
  Sheet out;
  std::map<std::string, std::string> marks;
  for (auto& m : TRY(program_repo::MarksOf(tx, session.id))) marks[m.enrollment_id] = m.status;
  for (auto& e : TRY(program_repo::EnrollmentsOfProgram(tx, session.program_id))) {
    auto mark = marks.find(e.id);
    // A woman who left the class before this session without a mark here is not on its sheet.
    if (e.status == "dropped" && mark == marks.end()) continue;
    out.marks.push_back(
        {.enrollment_id = e.id,
         .person_label = TRY(Label(tx, actor, e.person_id, e.person_code, e.sealed_alias)),
         .status = mark == marks.end() ? "" : mark->second});
  }
  out.session = std::move(session);
  return out;
}

Result<security::Audited<Sheet>> ProgramService::Attendance(const security::Actor& actor,
                                                            const std::string& session_id) {
  TRY(RequirePermission(actor, perm::kProgramRead));
  auto sheet = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<Sheet> {
    auto s = LooksLikeId(session_id) ? TRY(program_repo::FindSession(tx, actor.org_id, session_id))
                                     : std::nullopt;
    if (!s) return Fail(NotFound());
    return MakeSheet(tx, actor, std::move(*s));
  }));
  auto e = security::ActorEvent(actor, "program.attendance.read", "program_session", session_id,
                                {"person_label", "marks"});
  return security::Audited<Sheet>{std::move(sheet), security::PendingAudit(reads_, std::move(e))};
}

Result<Sheet> ProgramService::TakeAttendance(const security::Actor& actor,
                                             const std::string& session_id,
                                             const std::vector<program_repo::Mark>& marks) {
  TRY(RequirePermission(actor, perm::kProgramWrite));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Sheet> {
    auto s = LooksLikeId(session_id) ? TRY(program_repo::FindSession(tx, actor.org_id, session_id))
                                     : std::nullopt;
    if (!s) return Fail(NotFound());
    std::set<std::string> in_class;
    for (const auto& e : TRY(program_repo::EnrollmentsOfProgram(tx, s->program_id))) {
      in_class.insert(e.id);
    }
    Error bad = Invalid();
    if (marks.empty() || marks.size() > kMaxMarks) bad.Field("marks", "programs.marks_count");
    std::set<std::string> seen;
    for (size_t i = 0; i < marks.size(); ++i) {
      const std::string at = "marks." + std::to_string(i) + ".";
      if (!in_class.contains(marks[i].enrollment_id)) {
        bad.Field(at + "enrollment_id", "programs.not_in_class");
      } else if (!seen.insert(marks[i].enrollment_id).second) {
        bad.Field(at + "enrollment_id", "programs.marked_twice");
      }
      if (!IsOneOf(AttendanceStatuses(), marks[i].status)) {
        bad.Field(at + "status", "field.unknown_value");
      }
    }
    if (!bad.fields.empty()) return Fail(bad);
    // A session more than a day ahead has not taken place: nothing to mark yet.
    TimePoint starts;
    ParseRfc3339(s->starts_at, &starts);
    if (starts > clock_.Now() + std::chrono::hours(24)) {
      return Fail(Conflict("programs.session_not_started"));
    }
    std::map<std::string, std::string> before;
    for (auto& m : TRY(program_repo::MarksOf(tx, s->id))) before[m.enrollment_id] = m.status;
    int changed = 0;
    for (const auto& m : marks) {
      auto it = before.find(m.enrollment_id);
      const std::string previous = it == before.end() ? "" : it->second;
      if (previous == m.status) continue;
      TRY(program_repo::SetMark(tx, s->id, m, previous, actor.user_id, now));
      ++changed;
    }
    if (changed > 0) {
      TRY(audit_.Append(tx, security::ActorEvent(actor, "program.attendance.take",
                                                 "program_session", s->id, {"marks"})));
    }
    auto fresh = TRY(program_repo::FindSession(tx, actor.org_id, s->id));
    return MakeSheet(tx, actor, std::move(*fresh));
  });
}

}  // namespace dandelion::programs

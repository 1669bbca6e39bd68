// TrainingService: trainees, attendance, completion and certificates (courses, modules and
// sessions are in training_service.cc).
#include <algorithm>
#include <set>

#include "core/ids.h"
#include "core/korea_date.h"
#include "modules/service_support.h"
#include "modules/training/certificate_pdf.h"
#include "modules/training/training_service.h"
#include "security/field_cipher.h"
#include "security/policy.h"

namespace dandelion::training {

using repo::StoredCertificate;
using repo::StoredCourse;
using repo::StoredEnrollment;
using repo::StoredMark;

namespace {

namespace perm = security::perm;
constexpr std::string_view kEnrollments = "training_enrollments";

std::string Fmt(TimePoint t) { return FormatRfc3339(t); }

std::string DayOf(const std::string& at) {
  if (at.empty()) return "";
  TimePoint t{};
  ParseRfc3339(at, &t);
  return KoreaDate(t);
}

Result<std::string> Seal(store::Tx& tx, security::Keyring& keyring, const StoredEnrollment& e,
                         std::string_view column, const std::string& plain) {
  if (plain.empty()) return std::string();
  auto key = TRY(keyring.CurrentOrgKey(tx, e.org_id));
  return security::EncryptField(*key.key, key.version, {e.org_id, kEnrollments, column, e.id},
                                plain);
}

Result<std::string> Open(store::Tx& tx, security::Keyring& keyring, const StoredEnrollment& e,
                         std::string_view column, const std::string& blob) {
  if (blob.empty()) return std::string();
  auto version = TRY(security::FieldKeyVersion(blob));
  auto key = TRY(keyring.OrgKeyVersion(tx, e.org_id, version));
  auto plain = security::DecryptField(*key.key, {e.org_id, kEnrollments, column, e.id}, blob);
  if (!plain) {
    return Fail(ErrorCode::kInternal, "error.internal", "trainee field does not decrypt");
  }
  return std::move(*plain);
}

Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }

}  // namespace

Result<StoredEnrollment> TrainingService::LoadEnrollment(store::Tx& tx, const StoredCourse& course,
                                                         const std::string& enrollment_id) {
  std::optional<StoredEnrollment> e;
  if (LooksLikeId(enrollment_id)) e = TRY(repo::FindEnrollment(tx, enrollment_id));
  if (!e || e->course_id != course.id) return Fail(NotFound());
  return std::move(*e);
}

Result<TrainingService::Facts> TrainingService::FactsOf(store::Tx& tx, const StoredCourse& course) {
  Facts f;
  for (const auto& s : TRY(repo::SessionsOf(tx, course.id))) {
    f.sessions.push_back({s.id, s.module_id});
  }
  for (const auto& m : TRY(repo::ModulesOf(tx, course.id))) {
    if (m.required) f.required_modules.push_back(m.id);
  }
  return f;
}

Result<Enrollment> TrainingService::View(store::Tx& tx, const StoredCourse& course,
                                         const Facts& facts, const StoredEnrollment& e,
                                         std::vector<StoredMark> marks,
                                         std::optional<StoredCertificate> certificate,
                                         bool with_contact) {
  Enrollment out{.stored = e};
  out.name = TRY(Open(tx, keyring_, e, "name", e.name));
  if (with_contact) out.contact = TRY(Open(tx, keyring_, e, "contact", e.contact));
  for (auto& m : marks) out.attendance[m.session_id] = m.status;
  out.completion =
      Complete(course.pass_percent, facts.sessions, facts.required_modules, out.attendance);
  out.certificate = std::move(certificate);
  return out;
}

Result<Enrollment> TrainingService::ViewOne(store::Tx& tx, const StoredCourse& course,
                                            const StoredEnrollment& e, bool with_contact) {
  const Facts facts = TRY(FactsOf(tx, course));
  return View(tx, course, facts, e, TRY(repo::MarksOfEnrollment(tx, e.id)),
              TRY(repo::CertificateOf(tx, e.id)), with_contact);
}

// ---- Trainees -------------------------------------------------------------------------------

Result<security::Audited<std::vector<Enrollment>>> TrainingService::Enrollments(
    const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kTrainingRead));
  std::string course_id;
  auto out = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Enrollment>> {
    const auto course = TRY(LoadOwn(tx, actor, id));
    course_id = course.id;
    const Facts facts = TRY(FactsOf(tx, course));
    std::map<std::string, std::vector<StoredMark>> marks;
    for (auto& m : TRY(repo::MarksOfCourse(tx, course.id))) {
      marks[m.enrollment_id].push_back(std::move(m));
    }
    std::map<std::string, StoredCertificate> certificates;
    for (auto& c : TRY(repo::CertificatesOfCourse(tx, course.id))) {
      certificates[c.enrollment_id] = std::move(c);
    }
    std::vector<Enrollment> out;
    for (const auto& e : TRY(repo::EnrollmentsOf(tx, course.id))) {
      std::optional<StoredCertificate> certificate;
      if (auto it = certificates.find(e.id); it != certificates.end()) certificate = it->second;
      out.push_back(
          TRY(View(tx, course, facts, e, std::move(marks[e.id]), std::move(certificate), false)));
    }
    return out;
  }));
  auto e = security::ActorEvent(actor, "training.enrollments.read", "training_course", course_id,
                                {"name"});
  return security::Audited<std::vector<Enrollment>>{std::move(out),
                                                    security::PendingAudit(reads_, std::move(e))};
}

Result<Enrollment> TrainingService::Enrol(const security::Actor& actor, const std::string& id,
                                          const NewEnrollment& in) {
  TRY(RequirePermission(actor, perm::kTrainingWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Enrollment> {
    const auto course = TRY(LoadOwn(tx, actor, id));
    if (Blank(in.name)) return Fail(Invalid().Field("name", "field.required"));
    StoredEnrollment e{.id = NewId(),
                       .course_id = course.id,
                       .org_id = course.org_id,
                       .enrolled_at = Fmt(clock_.Now()),
                       .enrolled_by = actor.user_id};
    e.name = TRY(Seal(tx, keyring_, e, "name", in.name));
    if (!Blank(in.contact)) e.contact = TRY(Seal(tx, keyring_, e, "contact", in.contact));
    TRY(repo::InsertEnrollment(tx, e));
    std::vector<std::string> fields = {"name"};
    if (!e.contact.empty()) fields.emplace_back("contact");
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "training.enrollment.create", "training_enrollment", e.id,
                                 fields, course.org_id)));
    return ViewOne(tx, course, e, false);
  });
}

Result<security::Audited<Enrollment>> TrainingService::GetEnrollment(
    const security::Actor& actor, const std::string& id, const std::string& enrollment_id) {
  TRY(RequirePermission(actor, perm::kTrainingRead));
  std::optional<security::AuditEvent> owed;
  auto out = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<Enrollment> {
    const auto course = TRY(LoadOwn(tx, actor, id));
    const auto e = TRY(LoadEnrollment(tx, course, enrollment_id));
    owed = security::ActorEvent(actor, "training.enrollment.read", "training_enrollment", e.id,
                                {"name", "contact"}, course.org_id);
    return ViewOne(tx, course, e, true);
  }));
  return security::Audited<Enrollment>{std::move(out),
                                       security::PendingAudit(reads_, std::move(*owed))};
}

// ---- Attendance -----------------------------------------------------------------------------

Result<Marked> TrainingService::MarkAttendance(const security::Actor& actor, const std::string& id,
                                               const std::string& session_id,
                                               const std::vector<Mark>& marks) {
  TRY(RequirePermission(actor, perm::kTrainingWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Marked> {
    const auto course = TRY(LoadOwn(tx, actor, id));
    TRY(repo::LockCourse(tx, course.id));
    std::optional<repo::StoredSession> session;
    if (LooksLikeId(session_id)) session = TRY(repo::FindSession(tx, session_id));
    if (!session || session->course_id != course.id) return Fail(NotFound());
    // Every mark is checked before anything is written.
    Error bad = Invalid();
    if (marks.empty()) bad.Field("marks", "field.empty");
    if (marks.size() > kMaxMarks) bad.Field("marks", "field.too_many");
    std::set<std::string> seen;
    for (const auto& m : marks) {
      if (!IsMark(m.status)) bad.Field("marks", "field.unknown_value");
      if (!seen.insert(m.enrollment_id).second) bad.Field("marks", "training.duplicate_mark");
      std::optional<StoredEnrollment> e;
      if (LooksLikeId(m.enrollment_id)) e = TRY(repo::FindEnrollment(tx, m.enrollment_id));
      if (!e || e->course_id != course.id) bad.Field("marks", "training.unknown_enrollment");
    }
    if (!bad.fields.empty()) return Fail(bad);
    std::map<std::string, std::string> recorded;
    for (const auto& m : TRY(repo::MarksOfSession(tx, session->id))) {
      recorded[m.enrollment_id] = m.status;
    }
    Marked out{.session_id = session->id};
    const std::string now = Fmt(clock_.Now());
    for (const auto& m : marks) {
      auto it = recorded.find(m.enrollment_id);
      if (it != recorded.end() && it->second == m.status) continue;  // idempotent
      TRY(repo::PutMark(tx, {.enrollment_id = m.enrollment_id,
                             .session_id = session->id,
                             .status = m.status,
                             .marked_at = now,
                             .marked_by = actor.user_id}));
      TRY(audit_.Append(
          tx, security::ActorEvent(actor, "training.attendance.mark", "training_enrollment",
                                   m.enrollment_id, {"attendance:" + session->id}, course.org_id)));
      ++out.changed;
    }
    for (auto& m : TRY(repo::MarksOfSession(tx, session->id))) {
      if (seen.contains(m.enrollment_id)) out.items.push_back(std::move(m));
    }
    return out;
  });
}

// ---- Certificates ---------------------------------------------------------------------------

Result<Issued> TrainingService::Issue(const security::Actor& actor, const std::string& id,
                                      const std::string& enrollment_id) {
  TRY(RequirePermission(actor, perm::kTrainingWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Issued> {
    const auto course = TRY(LoadOwn(tx, actor, id));
    TRY(repo::LockCourse(tx, course.id));
    const auto e = TRY(LoadEnrollment(tx, course, enrollment_id));
    if (auto existing = TRY(repo::CertificateOf(tx, e.id))) {
      if (!existing->revoked_at.empty()) return Fail(ErrorCode::kConflict, "training.revoked");
      return Issued{std::move(*existing), false};
    }
    std::map<std::string, std::string> attendance;
    for (const auto& m : TRY(repo::MarksOfEnrollment(tx, e.id))) {
      attendance[m.session_id] = m.status;
    }
    const Facts facts = TRY(FactsOf(tx, course));
    const Completion c =
        Complete(course.pass_percent, facts.sessions, facts.required_modules, attendance);
    if (!c.passed) {
      Error not_passed{ErrorCode::kConflict, "training.not_passed"};
      not_passed.refs["missing_modules"] = c.missing_modules;
      not_passed.refs["present"] = {std::to_string(c.present)};
      not_passed.refs["needed"] = {std::to_string(c.needed)};
      return Fail(not_passed);
    }
    const TimePoint now = clock_.Now();
    StoredCertificate cert{.id = NewId(),
                           .enrollment_id = e.id,
                           .course_id = course.id,
                           .org_id = course.org_id,
                           .issued_on = KoreaDate(now),
                           .issued_at = Fmt(now),
                           .issued_by = actor.user_id};
    for (int attempt = 0;; ++attempt) {
      cert.code = NewCertificateCode(code_key_);
      if (!TRY(repo::CertificateByCode(tx, cert.code))) break;
      if (attempt > 5) return Fail(ErrorCode::kInternal, "error.internal", "no free code");
    }
    TRY(repo::InsertCertificate(tx, cert));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "training.certificate.issue", "training_certificate",
                                 cert.id, {"enrollment_id", "code"}, course.org_id)));
    return Issued{std::move(cert), true};
  });
}

Result<StoredCertificate> TrainingService::Revoke(const security::Actor& actor,
                                                  const std::string& id,
                                                  const std::string& enrollment_id) {
  TRY(RequirePermission(actor, perm::kTrainingWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<StoredCertificate> {
    const auto course = TRY(LoadOwn(tx, actor, id));
    TRY(repo::LockCourse(tx, course.id));
    const auto e = TRY(LoadEnrollment(tx, course, enrollment_id));
    auto cert = TRY(repo::CertificateOf(tx, e.id));
    if (!cert) return Fail(NotFound());
    if (!cert->revoked_at.empty()) return Fail(ErrorCode::kConflict, "training.already_revoked");
    cert->revoked_at = Fmt(clock_.Now());
    cert->revoked_by = actor.user_id;
    TRY(repo::RevokeCertificate(tx, cert->id, cert->revoked_at, cert->revoked_by));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "training.certificate.revoke", "training_certificate",
                                 cert->id, {"revoked_at"}, course.org_id)));
    return std::move(*cert);
  });
}

Result<security::Audited<std::string>> TrainingService::CertificatePdf(
    const security::Actor& actor, const std::string& id, const std::string& enrollment_id) {
  TRY(RequirePermission(actor, perm::kTrainingRead));
  // Read without the database's writer: a PDF is made meanwhile.
  std::optional<security::AuditEvent> owed;
  auto pdf = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::string> {
    const auto course = TRY(LoadOwn(tx, actor, id));
    const auto e = TRY(LoadEnrollment(tx, course, enrollment_id));
    auto cert = TRY(repo::CertificateOf(tx, e.id));
    if (!cert) return Fail(NotFound());
    if (!cert->revoked_at.empty()) return Fail(ErrorCode::kConflict, "training.revoked");
    const auto counts = TRY(repo::CountsOf(tx, course.id));
    CertificateContent content{.holder = TRY(Open(tx, keyring_, e, "name", e.name)),
                               .course_ko = course.title_ko,
                               .course_en = course.title_en,
                               .first_date = DayOf(counts.first_start),
                               .last_date = DayOf(counts.last_start),
                               .issued_on = cert->issued_on,
                               .organization = course.org_name,
                               .code = FormatCode(cert->code),
                               .verify_url = VerifyUrlOf(cert->code)};
    owed = security::ActorEvent(actor, "training.certificate.read", "training_certificate",
                                cert->id, {"name"}, course.org_id);
    return training::CertificatePdf(content, options_.font_path);
  }));
  return security::Audited<std::string>{std::move(pdf),
                                        security::PendingAudit(reads_, std::move(*owed))};
}

Result<Verification> TrainingService::Verify(const std::string& typed_code) {
  // A forged or altered code is refused here, before the database is asked.
  auto code = VerifyCertificateCode(code_key_, typed_code);
  if (!code) return Verification{};
  return db_.ReadValue([&](store::Tx& tx) -> Result<Verification> {
    auto cert = TRY(repo::CertificateByCode(tx, *code));
    if (!cert || !cert->revoked_at.empty()) return Verification{};
    auto course = TRY(repo::FindCourse(tx, cert->course_id));
    if (!course) return Verification{};
    return Verification{.valid = true,
                        .course_ko = course->title_ko,
                        .course_en = course->title_en,
                        .issued_on = cert->issued_on};
  });
}

}  // namespace dandelion::training

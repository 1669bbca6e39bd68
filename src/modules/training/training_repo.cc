#include "modules/training/training_repo.h"

#include "store/select.h"

namespace dandelion::training::repo {
namespace {

using store::BlobOrNull;
using store::TextOrNull;

constexpr const char* kCourseSelect =
    "SELECT c.id, c.org_id, c.title_ko, c.title_en, c.description_ko, c.description_en, "
    "c.pass_percent, c.created_at, c.created_by, c.updated_at, o.name "
    "FROM training_courses c JOIN organizations o ON o.id = c.org_id ";

StoredCourse ToCourse(const store::Row& row) {
  StoredCourse c;
  c.id = row.Text(0);
  c.org_id = row.Text(1);
  c.title_ko = row.Text(2);
  c.title_en = row.Text(3);
  c.description_ko = row.Text(4);
  c.description_en = row.Text(5);
  c.pass_percent = static_cast<int>(row.Int(6));
  c.created_at = row.Text(7);
  c.created_by = row.Text(8);
  c.updated_at = row.Text(9);
  c.org_name = row.Text(10);
  return c;
}

constexpr const char* kModuleSelect =
    "SELECT id, course_id, position, title_ko, title_en, required, created_at "
    "FROM training_modules ";

StoredModule ToModule(const store::Row& row) {
  return {.id = row.Text(0),
          .course_id = row.Text(1),
          .position = static_cast<int>(row.Int(2)),
          .title_ko = row.Text(3),
          .title_en = row.Text(4),
          .required = row.Int(5) != 0,
          .created_at = row.Text(6)};
}

constexpr const char* kSessionSelect =
    "SELECT id, course_id, module_id, starts_at, ends_at, venue, created_at "
    "FROM training_sessions ";

StoredSession ToSession(const store::Row& row) {
  return {.id = row.Text(0),
          .course_id = row.Text(1),
          .module_id = row.Text(2),
          .starts_at = row.Text(3),
          .ends_at = row.Text(4),
          .venue = row.Text(5),
          .created_at = row.Text(6)};
}

constexpr const char* kEnrollmentSelect =
    "SELECT id, course_id, org_id, name, contact, enrolled_at, enrolled_by "
    "FROM training_enrollments ";

StoredEnrollment ToEnrollment(const store::Row& row) {
  return {.id = row.Text(0),
          .course_id = row.Text(1),
          .org_id = row.Text(2),
          .name = row.BlobBytes(3),
          .contact = row.BlobBytes(4),
          .enrolled_at = row.Text(5),
          .enrolled_by = row.Text(6)};
}

constexpr const char* kMarkSelect =
    "SELECT a.enrollment_id, a.session_id, a.status, a.marked_at, a.marked_by "
    "FROM training_attendance a ";

StoredMark ToMark(const store::Row& row) {
  return {.enrollment_id = row.Text(0),
          .session_id = row.Text(1),
          .status = row.Text(2),
          .marked_at = row.Text(3),
          .marked_by = row.Text(4)};
}

constexpr const char* kCertificateSelect =
    "SELECT id, enrollment_id, course_id, org_id, code, issued_on, issued_at, issued_by, "
    "revoked_at, revoked_by FROM training_certificates ";

StoredCertificate ToCertificate(const store::Row& row) {
  return {.id = row.Text(0),
          .enrollment_id = row.Text(1),
          .course_id = row.Text(2),
          .org_id = row.Text(3),
          .code = row.Text(4),
          .issued_on = row.Text(5),
          .issued_at = row.Text(6),
          .issued_by = row.Text(7),
          .revoked_at = row.Text(8),
          .revoked_by = row.Text(9)};
}

using store::Select;
using store::SelectOne;

}  // namespace

// ---- Courses ------------------------------------------------------------------------------------

Result<void> InsertCourse(store::Tx& tx, const StoredCourse& c) {
  TRY(
      tx.Exec("INSERT INTO training_courses (id, org_id, title_ko, title_en, description_ko, "
              "description_en, pass_percent, created_at, created_by, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {c.id, c.org_id, c.title_ko, c.title_en, c.description_ko, c.description_en,
               int64_t{c.pass_percent}, c.created_at, c.created_by, c.updated_at}));
  return Ok();
}

Result<void> UpdateCourse(store::Tx& tx, const StoredCourse& c) {
  TRY(
      tx.Exec("UPDATE training_courses SET title_ko = ?, title_en = ?, description_ko = ?, "
              "description_en = ?, pass_percent = ?, updated_at = ? WHERE id = ?",
              {c.title_ko, c.title_en, c.description_ko, c.description_en, int64_t{c.pass_percent},
               c.updated_at, c.id}));
  return Ok();
}

Result<void> LockCourse(store::Tx& tx, const std::string& id) {
  if (tx.dialect() == store::Dialect::kPostgres) {
    TRY(tx.Query("SELECT id FROM training_courses WHERE id = ? FOR UPDATE", {id}));
  }
  return Ok();
}

Result<std::optional<StoredCourse>> FindCourse(store::Tx& tx, const std::string& id) {
  return SelectOne<StoredCourse>(tx, std::string(kCourseSelect) + "WHERE c.id = ?", {id}, ToCourse);
}

Result<std::vector<StoredCourse>> CoursesOf(store::Tx& tx, const std::string& org_id) {
  return Select<StoredCourse>(
      tx, std::string(kCourseSelect) + "WHERE c.org_id = ? ORDER BY c.created_at DESC, c.id",
      {org_id}, ToCourse);
}

Result<CourseCounts> CountsOf(store::Tx& tx, const std::string& course_id) {
  auto row = TRY(tx.QueryOne(
      "SELECT (SELECT COUNT(*) FROM training_modules WHERE course_id = ?), "
      "(SELECT COUNT(*) FROM training_sessions WHERE course_id = ?), "
      "(SELECT COUNT(*) FROM training_enrollments WHERE course_id = ?), "
      "(SELECT COUNT(*) FROM training_certificates WHERE course_id = ? AND revoked_at IS NULL), "
      "(SELECT MIN(starts_at) FROM training_sessions WHERE course_id = ?), "
      "(SELECT MAX(starts_at) FROM training_sessions WHERE course_id = ?)",
      {course_id, course_id, course_id, course_id, course_id, course_id}));
  CourseCounts c;
  if (!row) return c;
  c.modules = static_cast<int>(row->Int(0));
  c.sessions = static_cast<int>(row->Int(1));
  c.enrollments = static_cast<int>(row->Int(2));
  c.certificates = static_cast<int>(row->Int(3));
  c.first_start = row->Text(4);
  c.last_start = row->Text(5);
  return c;
}

// ---- Modules and sessions -------------------------------------------------------------------

Result<void> InsertModule(store::Tx& tx, const StoredModule& m) {
  TRY(tx.Exec(
      "INSERT INTO training_modules (id, course_id, position, title_ko, title_en, required, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {m.id, m.course_id, int64_t{m.position}, m.title_ko, m.title_en, int64_t{m.required},
       m.created_at}));
  return Ok();
}

Result<void> UpdateModule(store::Tx& tx, const StoredModule& m) {
  TRY(
      tx.Exec("UPDATE training_modules SET position = ?, title_ko = ?, title_en = ?, required = ? "
              "WHERE id = ?",
              {int64_t{m.position}, m.title_ko, m.title_en, int64_t{m.required}, m.id}));
  return Ok();
}

Result<std::optional<StoredModule>> FindModule(store::Tx& tx, const std::string& id) {
  return SelectOne<StoredModule>(tx, std::string(kModuleSelect) + "WHERE id = ?", {id}, ToModule);
}

Result<std::vector<StoredModule>> ModulesOf(store::Tx& tx, const std::string& course_id) {
  return Select<StoredModule>(
      tx, std::string(kModuleSelect) + "WHERE course_id = ? ORDER BY position, created_at, id",
      {course_id}, ToModule);
}

Result<void> InsertSession(store::Tx& tx, const StoredSession& s) {
  TRY(tx.Exec(
      "INSERT INTO training_sessions (id, course_id, module_id, starts_at, ends_at, venue, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.course_id, TextOrNull(s.module_id), s.starts_at, s.ends_at, s.venue, s.created_at}));
  return Ok();
}

Result<void> UpdateSession(store::Tx& tx, const StoredSession& s) {
  TRY(
      tx.Exec("UPDATE training_sessions SET module_id = ?, starts_at = ?, ends_at = ?, venue = ? "
              "WHERE id = ?",
              {TextOrNull(s.module_id), s.starts_at, s.ends_at, s.venue, s.id}));
  return Ok();
}

Result<std::optional<StoredSession>> FindSession(store::Tx& tx, const std::string& id) {
  return SelectOne<StoredSession>(tx, std::string(kSessionSelect) + "WHERE id = ?", {id},
                                  ToSession);
}

Result<std::vector<StoredSession>> SessionsOf(store::Tx& tx, const std::string& course_id) {
  return Select<StoredSession>(
      tx, std::string(kSessionSelect) + "WHERE course_id = ? ORDER BY starts_at, id", {course_id},
      ToSession);
}

// ---- Trainees and attendance ----------------------------------------------------------------

Result<void> InsertEnrollment(store::Tx& tx, const StoredEnrollment& e) {
  TRY(tx.Exec(
      "INSERT INTO training_enrollments (id, course_id, org_id, name, contact, enrolled_at, "
      "enrolled_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {e.id, e.course_id, e.org_id, store::Blob{e.name}, BlobOrNull(e.contact), e.enrolled_at,
       e.enrolled_by}));
  return Ok();
}

Result<std::optional<StoredEnrollment>> FindEnrollment(store::Tx& tx, const std::string& id) {
  return SelectOne<StoredEnrollment>(tx, std::string(kEnrollmentSelect) + "WHERE id = ?", {id},
                                     ToEnrollment);
}

Result<std::vector<StoredEnrollment>> EnrollmentsOf(store::Tx& tx, const std::string& course_id) {
  return Select<StoredEnrollment>(
      tx,
      std::string(kEnrollmentSelect) + "WHERE course_id = ? ORDER BY enrolled_at, id LIMIT 20000",
      {course_id}, ToEnrollment);
}

Result<void> PutMark(store::Tx& tx, const StoredMark& m) {
  const int64_t changed =
      TRY(tx.Exec("UPDATE training_attendance SET status = ?, marked_at = ?, marked_by = ? "
                  "WHERE enrollment_id = ? AND session_id = ?",
                  {m.status, m.marked_at, m.marked_by, m.enrollment_id, m.session_id}));
  if (changed == 0) {
    TRY(
        tx.Exec("INSERT INTO training_attendance (enrollment_id, session_id, status, marked_at, "
                "marked_by) VALUES (?, ?, ?, ?, ?)",
                {m.enrollment_id, m.session_id, m.status, m.marked_at, m.marked_by}));
  }
  return Ok();
}

Result<std::vector<StoredMark>> MarksOfCourse(store::Tx& tx, const std::string& course_id) {
  return Select<StoredMark>(
      tx,
      std::string(kMarkSelect) +
          "JOIN training_sessions s ON s.id = a.session_id WHERE s.course_id = ? "
          "ORDER BY a.enrollment_id, a.session_id",
      {course_id}, ToMark);
}

Result<std::vector<StoredMark>> MarksOfEnrollment(store::Tx& tx, const std::string& enrollment_id) {
  return Select<StoredMark>(
      tx, std::string(kMarkSelect) + "WHERE a.enrollment_id = ? ORDER BY a.session_id",
      {enrollment_id}, ToMark);
}

Result<std::vector<StoredMark>> MarksOfSession(store::Tx& tx, const std::string& session_id) {
  return Select<StoredMark>(
      tx, std::string(kMarkSelect) + "WHERE a.session_id = ? ORDER BY a.enrollment_id",
      {session_id}, ToMark);
}

// ---- Certificates ---------------------------------------------------------------------------

Result<void> InsertCertificate(store::Tx& tx, const StoredCertificate& c) {
  TRY(
      tx.Exec("INSERT INTO training_certificates (id, enrollment_id, course_id, org_id, code, "
              "issued_on, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {c.id, c.enrollment_id, c.course_id, c.org_id, c.code, c.issued_on, c.issued_at,
               c.issued_by}));
  return Ok();
}

Result<std::optional<StoredCertificate>> CertificateOf(store::Tx& tx,
                                                       const std::string& enrollment_id) {
  return SelectOne<StoredCertificate>(tx,
                                      std::string(kCertificateSelect) + "WHERE enrollment_id = ?",
                                      {enrollment_id}, ToCertificate);
}

Result<std::optional<StoredCertificate>> CertificateByCode(store::Tx& tx, const std::string& code) {
  return SelectOne<StoredCertificate>(tx, std::string(kCertificateSelect) + "WHERE code = ?",
                                      {code}, ToCertificate);
}

Result<std::vector<StoredCertificate>> CertificatesOfCourse(store::Tx& tx,
                                                            const std::string& course_id) {
  return Select<StoredCertificate>(
      tx, std::string(kCertificateSelect) + "WHERE course_id = ? ORDER BY issued_at, id",
      {course_id}, ToCertificate);
}

Result<void> RevokeCertificate(store::Tx& tx, const std::string& id, const std::string& at,
                               const std::string& by) {
  const int64_t changed =
      TRY(tx.Exec("UPDATE training_certificates SET revoked_at = ?, revoked_by = ? "
                  "WHERE id = ? AND revoked_at IS NULL",
                  {at, by, id}));
  if (changed != 1) return Fail(ErrorCode::kConflict, "training.already_revoked");
  return Ok();
}

}  // namespace dandelion::training::repo

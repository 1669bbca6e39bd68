// TrainingRepo: storage of courses, modules, sessions, trainees, attendance and certificates.
// SQL only; sealed columns come and go as ciphertext ("" is stored as NULL).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::training::repo {

struct StoredCourse {
  std::string id, org_id, title_ko, title_en, description_ko, description_en;
  int pass_percent = 80;
  std::string created_at, created_by, updated_at;
  std::string org_name;  // read only
};

Result<void> InsertCourse(store::Tx& tx, const StoredCourse& c);
// Writes every field an edit may change, and updated_at.
Result<void> UpdateCourse(store::Tx& tx, const StoredCourse& c);
// On PostgreSQL, locks the course's row until the transaction ends: marks, issues and
// revocations of one course are decided one at a time (SQLite has one writer anyway).
Result<void> LockCourse(store::Tx& tx, const std::string& id);
Result<std::optional<StoredCourse>> FindCourse(store::Tx& tx, const std::string& id);
// An organization's courses, newest first.
Result<std::vector<StoredCourse>> CoursesOf(store::Tx& tx, const std::string& org_id);

struct CourseCounts {
  int modules = 0, sessions = 0, enrollments = 0, certificates = 0;  // certificates not revoked
  std::string first_start, last_start;                               // RFC 3339; "" without
};
Result<CourseCounts> CountsOf(store::Tx& tx, const std::string& course_id);

struct StoredModule {
  std::string id, course_id;
  int position = 1;
  std::string title_ko, title_en;
  bool required = false;
  std::string created_at;
};
Result<void> InsertModule(store::Tx& tx, const StoredModule& m);
Result<void> UpdateModule(store::Tx& tx, const StoredModule& m);
Result<std::optional<StoredModule>> FindModule(store::Tx& tx, const std::string& id);
// By position, then age.
Result<std::vector<StoredModule>> ModulesOf(store::Tx& tx, const std::string& course_id);

struct StoredSession {
  std::string id, course_id, module_id, starts_at, ends_at, venue, created_at;
};
Result<void> InsertSession(store::Tx& tx, const StoredSession& s);
Result<void> UpdateSession(store::Tx& tx, const StoredSession& s);
Result<std::optional<StoredSession>> FindSession(store::Tx& tx, const std::string& id);
// By start.
Result<std::vector<StoredSession>> SessionsOf(store::Tx& tx, const std::string& course_id);

struct StoredEnrollment {
  std::string id, course_id, org_id;
  std::string name, contact;  // sealed
  std::string enrolled_at, enrolled_by;
};
Result<void> InsertEnrollment(store::Tx& tx, const StoredEnrollment& e);
Result<std::optional<StoredEnrollment>> FindEnrollment(store::Tx& tx, const std::string& id);
// Oldest first.
Result<std::vector<StoredEnrollment>> EnrollmentsOf(store::Tx& tx, const std::string& course_id);

struct StoredMark {
  std::string enrollment_id, session_id, status, marked_at, marked_by;
};
// Inserts the mark, or replaces the status of the one recorded.
Result<void> PutMark(store::Tx& tx, const StoredMark& m);
// Every mark of the course's trainees.
Result<std::vector<StoredMark>> MarksOfCourse(store::Tx& tx, const std::string& course_id);
Result<std::vector<StoredMark>> MarksOfEnrollment(store::Tx& tx, const std::string& enrollment_id);
Result<std::vector<StoredMark>> MarksOfSession(store::Tx& tx, const std::string& session_id);

struct StoredCertificate {
  std::string id, enrollment_id, course_id, org_id, code, issued_on, issued_at, issued_by;
  std::string revoked_at, revoked_by;
};
Result<void> InsertCertificate(store::Tx& tx, const StoredCertificate& c);
Result<std::optional<StoredCertificate>> CertificateOf(store::Tx& tx,
                                                       const std::string& enrollment_id);
Result<std::optional<StoredCertificate>> CertificateByCode(store::Tx& tx, const std::string& code);
// The course's certificates (revoked ones too).
Result<std::vector<StoredCertificate>> CertificatesOfCourse(store::Tx& tx,
                                                            const std::string& course_id);
// Revokes it unless it is revoked already (then kConflict).
Result<void> RevokeCertificate(store::Tx& tx, const std::string& id, const std::string& at,
                               const std::string& by);

}  // namespace dandelion::training::repo

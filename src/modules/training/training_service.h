// TrainingService: the one door to activist training — courses, modules, sessions, trainees,
// attendance, completion and certificates, and the public verification of a certificate
// (docs/api-training.md).
//
// What holds, whoever calls:
// - A course belongs to its organizing organization; only its advocate, org_admin or
//   network_admin see or change it or anything in it, and another organization's course (or a
//   module, session, trainee or certificate of it) answers 404 like an unknown id.
// - A trainee's name and contact are sealed under the organizing organization's key; every read
//   that opens them (the list, one trainee, the certificate PDF) is audited: the list before its
//   reply leaves (read without the database's writer), the others in their transaction.
// - Marking attendance is idempotent: a mark equal to the recorded one writes nothing.
// - A certificate is issued only to a trainee who passed (model.h), once; it can be revoked,
//   never deleted. Its code carries a MAC: the public verification refuses a forged or altered
//   code before the database is asked, and answers the course and the day only.
// - Every write is audited in its transaction.
//
// Thread-safe: state lives in the database.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "modules/training/model.h"
#include "modules/training/training_repo.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::training {

struct TrainingOptions {
  std::filesystem::path font_path;  // the Korean TrueType font of the PDF
  std::string public_url;           // the public site's base URL, for verify_url
};

struct Course {
  repo::StoredCourse stored;
  repo::CourseCounts counts;
};

struct CourseDetail {
  Course course;
  std::vector<repo::StoredModule> modules;
  std::vector<repo::StoredSession> sessions;
};

// Changes: only what is given.
struct CoursePatch {
  std::optional<std::string> title_ko, title_en, description_ko, description_en;
  std::optional<int> pass_percent;
};
struct ModulePatch {
  std::optional<std::string> title_ko, title_en;
  std::optional<int> position;
  std::optional<bool> required;
};
struct SessionPatch {
  std::optional<TimePoint> starts_at, ends_at;
  std::optional<std::string> venue;
  std::optional<std::string> module_id;  // "" detaches
};

struct NewEnrollment {
  std::string name, contact;
};

struct Enrollment {
  repo::StoredEnrollment stored;
  std::string name, contact;                      // contact opened only for one trainee's read
  std::map<std::string, std::string> attendance;  // session id -> status
  Completion completion;
  std::optional<repo::StoredCertificate> certificate;
};

struct Mark {
  std::string enrollment_id, status;
};
struct Marked {
  std::string session_id;
  std::vector<repo::StoredMark> items;  // as recorded after the request
  int changed = 0;
};

struct Issued {
  repo::StoredCertificate certificate;
  bool created = false;  // false: it was issued already
};

struct Verification {
  bool valid = false;
  std::string course_ko, course_en, issued_on;
};

class TrainingService {
 public:
  TrainingService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
                  security::AuditBatcher& reads, const Clock& clock, TrainingOptions options);

  // ---- Courses, modules, sessions ----
  Result<std::vector<Course>> List(const security::Actor& actor);
  Result<CourseDetail> Create(const security::Actor& actor, const CourseFields& fields);
  Result<CourseDetail> Get(const security::Actor& actor, const std::string& id);
  Result<CourseDetail> Update(const security::Actor& actor, const std::string& id,
                              const CoursePatch& patch);
  // 404 unless the course is the caller's organization's (before a body is read).
  Result<void> CheckOwn(const security::Actor& actor, const std::string& id);
  // position 0: after the last module.
  Result<repo::StoredModule> AddModule(const security::Actor& actor, const std::string& id,
                                       ModuleFields fields);
  Result<repo::StoredModule> UpdateModule(const security::Actor& actor, const std::string& id,
                                          const std::string& module_id, const ModulePatch& p);
  Result<repo::StoredSession> AddSession(const security::Actor& actor, const std::string& id,
                                         const SessionFields& fields);
  Result<repo::StoredSession> UpdateSession(const security::Actor& actor, const std::string& id,
                                            const std::string& session_id, const SessionPatch& p);

  // ---- Trainees and attendance ----
  // Read without the database's writer; its audit entry is owed before the reply leaves.
  Result<security::Audited<std::vector<Enrollment>>> Enrollments(const security::Actor& actor,
                                                                 const std::string& id);
  Result<Enrollment> Enrol(const security::Actor& actor, const std::string& id,
                           const NewEnrollment& input);
  // Read without the database's writer; its audit entry is owed before the reply leaves.
  Result<security::Audited<Enrollment>> GetEnrollment(const security::Actor& actor,
                                                      const std::string& id,
                                                      const std::string& enrollment_id);
  Result<Marked> MarkAttendance(const security::Actor& actor, const std::string& id,
                                const std::string& session_id, const std::vector<Mark>& marks);

  // ---- Certificates ----
  Result<Issued> Issue(const security::Actor& actor, const std::string& id,
                       const std::string& enrollment_id);
  Result<repo::StoredCertificate> Revoke(const security::Actor& actor, const std::string& id,
                                         const std::string& enrollment_id);
  // The PDF (audited read of her name), made without the database's writer.
  Result<security::Audited<std::string>> CertificatePdf(const security::Actor& actor,
                                                        const std::string& id,
                                                        const std::string& enrollment_id);
  // Anyone: valid only for an issued, unrevoked certificate with a correct MAC.
  Result<Verification> Verify(const std::string& typed_code);
  std::string VerifyUrlOf(const std::string& code) const {
    return VerifyUrl(options_.public_url, code);
  }

 private:
  Result<repo::StoredCourse> LoadOwn(store::Tx& tx, const security::Actor& actor,
                                     const std::string& id);
  Result<CourseDetail> Detail(store::Tx& tx, repo::StoredCourse course);
  Result<repo::StoredEnrollment> LoadEnrollment(store::Tx& tx, const repo::StoredCourse& course,
                                                const std::string& enrollment_id);
  // What completion needs of a course: its sessions and its required modules.
  struct Facts {
    std::vector<SessionRef> sessions;
    std::vector<std::string> required_modules;
  };
  Result<Facts> FactsOf(store::Tx& tx, const repo::StoredCourse& course);
  // Her name opened (and her contact when with_contact), her marks, completion and certificate.
  Result<Enrollment> View(store::Tx& tx, const repo::StoredCourse& course, const Facts& facts,
                          const repo::StoredEnrollment& e, std::vector<repo::StoredMark> marks,
                          std::optional<repo::StoredCertificate> certificate, bool with_contact);
  Result<Enrollment> ViewOne(store::Tx& tx, const repo::StoredCourse& course,
                             const repo::StoredEnrollment& e, bool with_contact);

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const Clock& clock_;
  TrainingOptions options_;
  security::SecretKey code_key_;
};

}  // namespace dandelion::training

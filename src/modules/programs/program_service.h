// ProgramService: the one door to self-reliance programs (docs/domain.md, "Self-reliance
// support"; docs/api-programs.md): programs with their sessions and class, attendance, the end of
// an enrollment with the pass rule, certificates, outcomes with their follow-ups, and her
// self-reliance page.
//
// Program definitions (name, kind, provider, dates, capacity, pass rate) hold nobody's data: an
// org_admin may keep them beside the case roles (program.define). Everything that names a woman
// is the case roles' (program.read, program.write): the class list, the attendance sheet, the
// follow-ups due, her certificates and outcomes. Women appear by alias or code, never by legal
// name; a restricted woman the caller may not reach (access::DecidePersonAccess) appears by her
// code only, and her own routes (enrolling her, certificates, outcomes, her page) follow her
// restriction. What would identify her (an end reason, a certificate's name, the employer, the
// school, a note) is sealed under her key; the employer is never shown in lists. Finance reads
// the money part of her page only (self_reliance.read), whoever she is, as for the funds.
//
// Another organization's program, session, enrollment, follow-up or person answers NotFound().
// Reads naming women are audited; every write is audited in its own transaction. Attendance for
// a whole class is one transaction: one bad mark and none is written; a changed mark keeps the
// one it replaced (program_attendance_changes).
//
// Thread-safe: state lives in the database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "modules/programs/model.h"
#include "modules/programs/program_repo.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::programs {

struct ProgramFields {
  std::string name;
  std::string kind;
  std::string provider;
  std::string provider_name;
  std::string starts_on;
  std::string ends_on;
  int64_t capacity = 0;
  std::string description;
  int64_t pass_rate = 80;
};

struct ProgramView {
  program_repo::Program program;
  std::string status;  // planned | running | ended (today in Korea)
};

struct SessionFields {
  std::string starts_at;  // RFC 3339, as read
  int64_t minutes = 0;
  std::string topic;
};

struct EnrollmentView {
  program_repo::Enrollment stored;  // sealed fields cleared
  std::string person_label;         // her alias, or her code
  Attendance attendance;
  std::optional<bool> passed;
};

struct ProgramDetail {
  ProgramView view;
  std::vector<program_repo::Session> sessions;
  std::vector<EnrollmentView> enrollments;
};

struct SheetMark {
  std::string enrollment_id;
  std::string person_label;
  std::string status;  // "" when not marked
};
struct Sheet {
  program_repo::Session session;
  std::vector<SheetMark> marks;
};

struct CertificateFields {
  std::string name;
  std::string obtained_on;
  std::string enrollment_id;
  std::string file_id;
};
struct CertificateView {
  program_repo::Certificate stored;  // sealed_name cleared
  std::string name;
};

struct OutcomeFields {
  std::string kind;
  std::string started_on;
  std::string job_kind;
  std::string employer_kind;
  std::string employer;
  std::string school;
  std::string note;
};
struct OutcomeView {
  program_repo::Outcome stored;  // sealed fields cleared
  std::string school;
  std::string note;
  std::optional<std::string> employer;  // in the answer to one outcome only, never in lists
};

struct DueItem {
  program_repo::FollowUp follow_up;
  std::string person_id;
  std::string person_label;
  std::string outcome_kind;
};

struct GoalView {
  std::string id;
  std::string case_id;
  std::string title;
  std::string status;
  std::string target_date;
};

// Her page. Finance gets money only (the rest left empty and absent from the answer).
struct SelfReliance {
  bool money_only = false;
  std::vector<EnrollmentView> enrollments;
  std::vector<CertificateView> certificates;
  std::vector<OutcomeView> outcomes;
  std::vector<GoalView> goals;
  std::vector<program_repo::Money> money;
};

class ProgramService {
 public:
  ProgramService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
                 security::AuditBatcher& reads, const Clock& clock)
      : db_(db), keyring_(keyring), audit_(audit), reads_(reads), clock_(clock) {}

  // Definitions (program.define).
  Result<ProgramView> Create(const security::Actor& actor, const ProgramFields& in);
  Result<ProgramView> Update(const security::Actor& actor, const std::string& id,
                             const ProgramFields& in);
  // The definition alone (to check it is the organization's before reading a body).
  Result<ProgramView> Definition(const security::Actor& actor, const std::string& id);
  // status: "" or planned | running | ended.
  Result<std::vector<ProgramView>> List(const security::Actor& actor, const std::string& status);

  // The program with its sessions and class (program.read), audited.
  Result<security::Audited<ProgramDetail>> Get(const security::Actor& actor, const std::string& id);

  // program.write.
  Result<std::vector<program_repo::Session>> AddSessions(const security::Actor& actor,
                                                         const std::string& program_id,
                                                         const std::vector<SessionFields>& in);
  Result<EnrollmentView> Enroll(const security::Actor& actor, const std::string& program_id,
                                const std::string& person_id, const std::string& enrolled_on);
  Result<EnrollmentView> End(const security::Actor& actor, const std::string& enrollment_id,
                             const std::string& status, const std::string& ended_on,
                             const std::string& reason);
  // Existence checks of a session, an enrollment, a follow-up (program.write), and of her
  // (NotFound, or her restriction's refusal, recorded), for routes that check before the body.
  Result<void> OwnsSession(const security::Actor& actor, const std::string& id);
  Result<void> OwnsEnrollment(const security::Actor& actor, const std::string& id);
  Result<void> OwnsFollowUp(const security::Actor& actor, const std::string& id);
  Result<void> Reachable(const security::Actor& actor, const std::string& person_id,
                         const std::string& action);

  // The attendance sheet (program.read), audited; marks for the class (program.write).
  Result<security::Audited<Sheet>> Attendance(const security::Actor& actor,
                                              const std::string& session_id);
  Result<Sheet> TakeAttendance(const security::Actor& actor, const std::string& session_id,
                               const std::vector<program_repo::Mark>& marks);

  // Certificates, outcomes and follow-ups (program.write).
  Result<CertificateView> AddCertificate(const security::Actor& actor, const std::string& person_id,
                                         const CertificateFields& in);
  Result<OutcomeView> AddOutcome(const security::Actor& actor, const std::string& person_id,
                                 const OutcomeFields& in);
  Result<OutcomeView> CheckFollowUp(const security::Actor& actor, const std::string& id,
                                    const std::string& status, const std::string& checked_on);
  // The organization's follow-ups due by due_by ("" = all), oldest first (program.read).
  Result<security::Audited<std::vector<DueItem>>> DueFollowUps(const security::Actor& actor,
                                                               const std::string& due_by);

  // Her page (self_reliance.read), audited.
  Result<security::Audited<SelfReliance>> Page(const security::Actor& actor,
                                               const std::string& person_id);

 private:
  std::string Today() const;
  Result<EnrollmentView> ViewEnrollment(store::Tx& tx, const security::Actor& actor,
                                        program_repo::Enrollment e);
  Result<std::string> Label(store::Tx& tx, const security::Actor& actor,
                            const std::string& person_id, const std::string& code,
                            const std::string& sealed_alias);
  Result<Sheet> MakeSheet(store::Tx& tx, const security::Actor& actor,
                          program_repo::Session session);
  Result<OutcomeView> ViewOutcome(store::Tx& tx, const security::Actor& actor,
                                  program_repo::Outcome o, bool with_employer);
  Result<void> Refused(store::Tx& tx, const security::Actor& actor, const std::string& person_id,
                       const std::string& action);

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const Clock& clock_;
};

}  // namespace dandelion::programs

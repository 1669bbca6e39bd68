// The SQL of self-reliance programs (tables of 0013_programs.sql). Callers check the
// organization; functions taking org_id return nothing for another organization's rows. Sealed
// columns come and go as ciphertext.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::programs::program_repo {

struct Program {
  std::string id;
  std::string org_id;
  std::string name;
  std::string kind;
  std::string provider;
  std::string provider_name;
  std::string starts_on;
  std::string ends_on;
  int64_t capacity = 0;
  std::string description;
  int64_t pass_rate = 80;
  std::string created_at;
  // Counted: active enrollments, completed ones, sessions.
  int64_t enrolled = 0;
  int64_t completed = 0;
  int64_t sessions = 0;
};

struct Session {
  std::string id;
  std::string program_id;
  std::string starts_at;
  int64_t minutes = 0;
  std::string topic;
  int64_t marks = 0;    // marks given (taken when > 0)
  int64_t present = 0;  // present or late
  int64_t absent = 0;   // absent or excused
};

struct Enrollment {
  std::string id;
  std::string program_id;
  std::string program_name;
  int64_t pass_rate = 0;
  std::string org_id;
  std::string person_id;
  std::string person_code;
  std::string sealed_alias;  // people.alias, sealed under her key
  std::string enrolled_on;
  std::string status;
  std::string ended_on;
  std::string sealed_reason;
  std::vector<std::string> marks;  // her marks in force, one per marked session
};

struct Certificate {
  std::string id;
  std::string org_id;
  std::string person_id;
  std::string sealed_name;
  std::string obtained_on;
  std::string enrollment_id;
  std::string file_id;
  std::string created_by;
  std::string created_at;
};

struct FollowUp {
  std::string id;
  std::string outcome_id;
  int64_t months = 0;
  std::string due_on;
  std::string status;
  std::string checked_on;
};

struct Outcome {
  std::string id;
  std::string org_id;
  std::string person_id;
  std::string kind;
  std::string started_on;
  std::string job_kind;
  std::string employer_kind;
  std::string sealed_employer;
  std::string sealed_school;
  std::string sealed_note;
  std::string created_by;
  std::string created_at;
  std::vector<FollowUp> follow_ups;
};

// Programs.
Result<void> InsertProgram(store::Tx& tx, const Program& p, const std::string& user_id);
Result<void> UpdateProgram(store::Tx& tx, const Program& p, const std::string& at);
Result<std::optional<Program>> FindProgram(store::Tx& tx, const std::string& org_id,
                                           const std::string& id);
Result<std::vector<Program>> ListPrograms(store::Tx& tx, const std::string& org_id);

// Sessions.
Result<void> InsertSession(store::Tx& tx, const Session& s, const std::string& user_id,
                           const std::string& at);
Result<std::vector<Session>> SessionsOf(store::Tx& tx, const std::string& program_id);
// A session of a program of org_id.
Result<std::optional<Session>> FindSession(store::Tx& tx, const std::string& org_id,
                                           const std::string& id);

// Enrollments (with her code and sealed alias, and her marks).
Result<void> InsertEnrollment(store::Tx& tx, const Enrollment& e, const std::string& user_id,
                              const std::string& at);
Result<void> EndEnrollment(store::Tx& tx, const Enrollment& e, const std::string& user_id,
                           const std::string& at);
Result<std::optional<Enrollment>> FindEnrollment(store::Tx& tx, const std::string& org_id,
                                                 const std::string& id);
Result<std::vector<Enrollment>> EnrollmentsOfProgram(store::Tx& tx, const std::string& program_id);
Result<std::vector<Enrollment>> EnrollmentsOfPerson(store::Tx& tx, const std::string& person_id);
Result<int64_t> ActiveCount(store::Tx& tx, const std::string& program_id);
Result<bool> IsEnrolled(store::Tx& tx, const std::string& program_id, const std::string& person_id);

// Attendance: the marks in force of a session (enrollment id -> status), and one mark set
// (the change kept with the mark it replaced).
struct Mark {
  std::string enrollment_id;
  std::string status;
};
Result<std::vector<Mark>> MarksOf(store::Tx& tx, const std::string& session_id);
Result<void> SetMark(store::Tx& tx, const std::string& session_id, const Mark& mark,
                     const std::string& previous, const std::string& user_id,
                     const std::string& at);

// Certificates.
Result<void> InsertCertificate(store::Tx& tx, const Certificate& c);
Result<std::vector<Certificate>> CertificatesOf(store::Tx& tx, const std::string& person_id);
// The kind of a case file of hers ("" when there is no such file of her organization).
Result<std::string> FileKindOf(store::Tx& tx, const std::string& org_id,
                               const std::string& person_id, const std::string& file_id);

// Outcomes and their follow-ups.
Result<void> InsertOutcome(store::Tx& tx, const Outcome& o);
Result<std::optional<Outcome>> FindOutcome(store::Tx& tx, const std::string& org_id,
                                           const std::string& id);
Result<std::vector<Outcome>> OutcomesOf(store::Tx& tx, const std::string& person_id);
Result<std::optional<FollowUp>> FindFollowUp(store::Tx& tx, const std::string& org_id,
                                             const std::string& id);
Result<void> CheckFollowUp(store::Tx& tx, const FollowUp& f, const std::string& user_id,
                           const std::string& at);
// The organization's follow-ups still due on or before due_by ("" = all), oldest due first.
struct DueFollowUp {
  FollowUp follow_up;
  std::string person_id;
  std::string person_code;
  std::string sealed_alias;
  std::string outcome_kind;
};
Result<std::vector<DueFollowUp>> DueFollowUps(store::Tx& tx, const std::string& org_id,
                                              const std::string& due_by);

// Her plan's goals across her cases: (id, sealed title, status, target date).
struct StoredGoal {
  std::string id;
  std::string case_id;
  std::string sealed_title;
  std::string status;
  std::string target_date;
};
Result<std::vector<StoredGoal>> GoalsOf(store::Tx& tx, const std::string& org_id,
                                        const std::string& person_id);

// What she received, net of reversals, per source and kind (paid entries only).
struct Money {
  std::string source_id;
  std::string source_name;
  std::string kind;
  int64_t paid = 0;
};
Result<std::vector<Money>> MoneyOf(store::Tx& tx, const std::string& org_id,
                                   const std::string& person_id);

}  // namespace dandelion::programs::program_repo

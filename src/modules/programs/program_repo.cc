#include "modules/programs/program_repo.h"

namespace dandelion::programs::program_repo {
namespace {

constexpr const char* kProgramColumns =
    "SELECT p.id, p.org_id, p.name, p.kind, p.provider, p.provider_name, p.starts_on, p.ends_on, "
    "p.capacity, p.description, p.pass_rate, p.created_at, "
    "(SELECT COUNT(*) FROM program_enrollments e WHERE e.program_id = p.id AND e.status = "
    "'active'), "
    "(SELECT COUNT(*) FROM program_enrollments e WHERE e.program_id = p.id AND e.status = "
    "'completed'), "
    "(SELECT COUNT(*) FROM program_sessions s WHERE s.program_id = p.id) "
    "FROM programs p ";

Program ToProgram(const store::Row& r) {
  return {.id = r.Text(0),
          .org_id = r.Text(1),
          .name = r.Text(2),
          .kind = r.Text(3),
          .provider = r.Text(4),
          .provider_name = r.Text(5),
          .starts_on = r.Text(6),
          .ends_on = r.Text(7),
          .capacity = r.Int(8),
          .description = r.Text(9),
          .pass_rate = r.Int(10),
          .created_at = r.Text(11),
          .enrolled = r.Int(12),
          .completed = r.Int(13),
          .sessions = r.Int(14)};
}

constexpr const char* kSessionColumns =
    "SELECT s.id, s.program_id, s.starts_at, s.minutes, s.topic, "
    "(SELECT COUNT(*) FROM program_attendance a WHERE a.session_id = s.id), "
    "(SELECT COUNT(*) FROM program_attendance a WHERE a.session_id = s.id AND a.status IN "
    "('present', 'late')), "
    "(SELECT COUNT(*) FROM program_attendance a WHERE a.session_id = s.id AND a.status IN "
    "('absent', 'excused')) "
    "FROM program_sessions s ";

Session ToSession(const store::Row& r) {
  return {.id = r.Text(0),
          .program_id = r.Text(1),
          .starts_at = r.Text(2),
          .minutes = r.Int(3),
          .topic = r.Text(4),
          .marks = r.Int(5),
          .present = r.Int(6),
          .absent = r.Int(7)};
}

constexpr const char* kEnrollmentColumns =
    "SELECT e.id, e.program_id, p.name, p.pass_rate, e.org_id, e.person_id, pe.code, pe.alias, "
    "e.enrolled_on, e.status, e.ended_on, e.end_reason "
    "FROM program_enrollments e JOIN programs p ON p.id = e.program_id "
    "JOIN people pe ON pe.id = e.person_id ";

Result<Enrollment> ToEnrollment(store::Tx& tx, const store::Row& r) {
  Enrollment e{.id = r.Text(0),
               .program_id = r.Text(1),
               .program_name = r.Text(2),
               .pass_rate = r.Int(3),
               .org_id = r.Text(4),
               .person_id = r.Text(5),
               .person_code = r.Text(6),
               .sealed_alias = r.BlobBytes(7),
               .enrolled_on = r.Text(8),
               .status = r.Text(9),
               .ended_on = r.Text(10),
               .sealed_reason = r.BlobBytes(11)};
  for (const auto& m :
       TRY(tx.Query("SELECT status FROM program_attendance WHERE enrollment_id = ?", {e.id}))) {
    e.marks.push_back(m.Text(0));
  }
  return e;
}

Result<std::vector<Enrollment>> Enrollments(store::Tx& tx, const std::string& where,
                                            const store::Params& params) {
  std::vector<Enrollment> out;
  for (const auto& r : TRY(tx.Query(std::string(kEnrollmentColumns) + where, params))) {
    out.push_back(TRY(ToEnrollment(tx, r)));
  }
  return out;
}

std::vector<FollowUp> ToFollowUps(const store::Rows& rows) {
  std::vector<FollowUp> out;
  for (const auto& r : rows) {
    out.push_back({.id = r.Text(0),
                   .outcome_id = r.Text(1),
                   .months = r.Int(2),
                   .due_on = r.Text(3),
                   .status = r.Text(4),
                   .checked_on = r.Text(5)});
  }
  return out;
}

constexpr const char* kFollowUpColumns =
    "SELECT f.id, f.outcome_id, f.months, f.due_on, f.status, f.checked_on FROM outcome_follow_ups "
    "f ";

constexpr const char* kOutcomeColumns =
    "SELECT id, org_id, person_id, kind, started_on, job_kind, employer_kind, employer, school, "
    "note, created_by, created_at FROM outcomes ";

Result<Outcome> ToOutcome(store::Tx& tx, const store::Row& r) {
  Outcome o{.id = r.Text(0),
            .org_id = r.Text(1),
            .person_id = r.Text(2),
            .kind = r.Text(3),
            .started_on = r.Text(4),
            .job_kind = r.Text(5),
            .employer_kind = r.Text(6),
            .sealed_employer = r.BlobBytes(7),
            .sealed_school = r.BlobBytes(8),
            .sealed_note = r.BlobBytes(9),
            .created_by = r.Text(10),
            .created_at = r.Text(11)};
  o.follow_ups = ToFollowUps(TRY(tx.Query(
      std::string(kFollowUpColumns) + "WHERE f.outcome_id = ? ORDER BY f.months", {o.id})));
  return o;
}

}  // namespace

Result<void> InsertProgram(store::Tx& tx, const Program& p, const std::string& user_id) {
  TRY(tx.Exec(
      "INSERT INTO programs (id, org_id, name, kind, provider, provider_name, starts_on, ends_on, "
      "capacity, description, pass_rate, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {p.id, p.org_id, p.name, p.kind, p.provider, store::TextOrNull(p.provider_name), p.starts_on,
       store::TextOrNull(p.ends_on), p.capacity, store::TextOrNull(p.description), p.pass_rate,
       user_id, p.created_at, p.created_at}));
  return Ok();
}

Result<void> UpdateProgram(store::Tx& tx, const Program& p, const std::string& at) {
  TRY(tx.Exec(
      "UPDATE programs SET name = ?, kind = ?, provider = ?, provider_name = ?, starts_on = ?, "
      "ends_on = ?, capacity = ?, description = ?, pass_rate = ?, updated_at = ? WHERE id = ?",
      {p.name, p.kind, p.provider, store::TextOrNull(p.provider_name), p.starts_on,
       store::TextOrNull(p.ends_on), p.capacity, store::TextOrNull(p.description), p.pass_rate, at,
       p.id}));
  return Ok();
}

Result<std::optional<Program>> FindProgram(store::Tx& tx, const std::string& org_id,
                                           const std::string& id) {
  auto row = TRY(
      tx.QueryOne(std::string(kProgramColumns) + "WHERE p.id = ? AND p.org_id = ?", {id, org_id}));
  if (!row) return std::optional<Program>();
  return std::optional<Program>(ToProgram(*row));
}

Result<std::vector<Program>> ListPrograms(store::Tx& tx, const std::string& org_id) {
  std::vector<Program> out;
  for (const auto& r : TRY(tx.Query(
           std::string(kProgramColumns) + "WHERE p.org_id = ? ORDER BY p.starts_on DESC, p.id",
           {org_id}))) {
    out.push_back(ToProgram(r));
  }
  return out;
}

Result<void> InsertSession(store::Tx& tx, const Session& s, const std::string& user_id,
                           const std::string& at) {
  TRY(tx.Exec(
      "INSERT INTO program_sessions (id, program_id, starts_at, minutes, topic, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.program_id, s.starts_at, s.minutes, store::TextOrNull(s.topic), user_id, at}));
  return Ok();
}

Result<std::vector<Session>> SessionsOf(store::Tx& tx, const std::string& program_id) {
  std::vector<Session> out;
  for (const auto& r :
       TRY(tx.Query(std::string(kSessionColumns) + "WHERE s.program_id = ? ORDER BY s.starts_at, "
                                                   "s.id",
                    {program_id}))) {
    out.push_back(ToSession(r));
  }
  return out;
}

Result<std::optional<Session>> FindSession(store::Tx& tx, const std::string& org_id,
                                           const std::string& id) {
  auto row = TRY(tx.QueryOne(std::string(kSessionColumns) +
                                 "JOIN programs p ON p.id = s.program_id WHERE s.id = ? AND "
                                 "p.org_id = ?",
                             {id, org_id}));
  if (!row) return std::optional<Session>();
  return std::optional<Session>(ToSession(*row));
}

Result<void> InsertEnrollment(store::Tx& tx, const Enrollment& e, const std::string& user_id,
                              const std::string& at) {
  TRY(tx.Exec(
      "INSERT INTO program_enrollments (id, program_id, org_id, person_id, enrolled_on, status, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?)",
      {e.id, e.program_id, e.org_id, e.person_id, e.enrolled_on, user_id, at}));
  return Ok();
}

Result<void> EndEnrollment(store::Tx& tx, const Enrollment& e, const std::string& user_id,
                           const std::string& at) {
  TRY(tx.Exec(
      "UPDATE program_enrollments SET status = ?, ended_on = ?, end_reason = ?, ended_by = ?, "
      "ended_at = ? WHERE id = ?",
      {e.status, e.ended_on, store::BlobOrNull(e.sealed_reason), user_id, at, e.id}));
  return Ok();
}

Result<std::optional<Enrollment>> FindEnrollment(store::Tx& tx, const std::string& org_id,
                                                 const std::string& id) {
  auto found = TRY(Enrollments(tx, "WHERE e.id = ? AND e.org_id = ?", {id, org_id}));
  if (found.empty()) return std::optional<Enrollment>();
  return std::optional<Enrollment>(std::move(found.front()));
}

Result<std::vector<Enrollment>> EnrollmentsOfProgram(store::Tx& tx, const std::string& program_id) {
  return Enrollments(tx, "WHERE e.program_id = ? ORDER BY e.enrolled_on, pe.code, e.id",
                     {program_id});
}

Result<std::vector<Enrollment>> EnrollmentsOfPerson(store::Tx& tx, const std::string& person_id) {
  return Enrollments(tx, "WHERE e.person_id = ? ORDER BY e.enrolled_on, e.id", {person_id});
}

Result<int64_t> ActiveCount(store::Tx& tx, const std::string& program_id) {
  auto row = TRY(tx.QueryOne(
      "SELECT COUNT(*) FROM program_enrollments WHERE program_id = ? AND status = 'active'",
      {program_id}));
  return row ? row->Int(0) : 0;
}

Result<bool> IsEnrolled(store::Tx& tx, const std::string& program_id,
                        const std::string& person_id) {
  auto row = TRY(tx.QueryOne(
      "SELECT 1 FROM program_enrollments WHERE program_id = ? AND person_id = ? AND status = "
      "'active'",
      {program_id, person_id}));
  return row.has_value();
}

Result<std::vector<Mark>> MarksOf(store::Tx& tx, const std::string& session_id) {
  std::vector<Mark> out;
  for (const auto& r :
       TRY(tx.Query("SELECT enrollment_id, status FROM program_attendance WHERE session_id = ?",
                    {session_id}))) {
    out.push_back({.enrollment_id = r.Text(0), .status = r.Text(1)});
  }
  return out;
}

Result<void> SetMark(store::Tx& tx, const std::string& session_id, const Mark& mark,
                     const std::string& previous, const std::string& user_id,
                     const std::string& at) {
  if (previous.empty()) {
    TRY(tx.Exec(
        "INSERT INTO program_attendance (session_id, enrollment_id, status, marked_by, marked_at) "
        "VALUES (?, ?, ?, ?, ?)",
        {session_id, mark.enrollment_id, mark.status, user_id, at}));
  } else {
    TRY(
        tx.Exec("UPDATE program_attendance SET status = ?, marked_by = ?, marked_at = ? "
                "WHERE session_id = ? AND enrollment_id = ?",
                {mark.status, user_id, at, session_id, mark.enrollment_id}));
  }
  TRY(tx.Exec(
      "INSERT INTO program_attendance_changes (session_id, enrollment_id, status, previous, "
      "marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?)",
      {session_id, mark.enrollment_id, mark.status, store::TextOrNull(previous), user_id, at}));
  return Ok();
}

Result<void> InsertCertificate(store::Tx& tx, const Certificate& c) {
  TRY(
      tx.Exec("INSERT INTO certificates (id, org_id, person_id, name, obtained_on, enrollment_id, "
              "file_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {c.id, c.org_id, c.person_id, store::Blob{c.sealed_name}, c.obtained_on,
               store::TextOrNull(c.enrollment_id), store::TextOrNull(c.file_id), c.created_by,
               c.created_at}));
  return Ok();
}

Result<std::vector<Certificate>> CertificatesOf(store::Tx& tx, const std::string& person_id) {
  std::vector<Certificate> out;
  for (const auto& r : TRY(tx.Query(
           "SELECT id, org_id, person_id, name, obtained_on, enrollment_id, file_id, created_by, "
           "created_at FROM certificates WHERE person_id = ? ORDER BY obtained_on, id",
           {person_id}))) {
    out.push_back({.id = r.Text(0),
                   .org_id = r.Text(1),
                   .person_id = r.Text(2),
                   .sealed_name = r.BlobBytes(3),
                   .obtained_on = r.Text(4),
                   .enrollment_id = r.Text(5),
                   .file_id = r.Text(6),
                   .created_by = r.Text(7),
                   .created_at = r.Text(8)});
  }
  return out;
}

Result<std::string> FileKindOf(store::Tx& tx, const std::string& org_id,
                               const std::string& person_id, const std::string& file_id) {
  auto row =
      TRY(tx.QueryOne("SELECT f.kind FROM case_files f JOIN cases c ON c.id = f.case_id "
                      "WHERE f.id = ? AND f.org_id = ? AND c.person_id = ?",
                      {file_id, org_id, person_id}));
  return row ? row->Text(0) : std::string();
}

Result<void> InsertOutcome(store::Tx& tx, const Outcome& o) {
  TRY(tx.Exec(
      "INSERT INTO outcomes (id, org_id, person_id, kind, started_on, job_kind, employer_kind, "
      "employer, school, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {o.id, o.org_id, o.person_id, o.kind, o.started_on, store::TextOrNull(o.job_kind),
       store::TextOrNull(o.employer_kind), store::BlobOrNull(o.sealed_employer),
       store::BlobOrNull(o.sealed_school), store::BlobOrNull(o.sealed_note), o.created_by,
       o.created_at}));
  for (const auto& f : o.follow_ups) {
    TRY(
        tx.Exec("INSERT INTO outcome_follow_ups (id, outcome_id, org_id, months, due_on, status) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                {f.id, o.id, o.org_id, f.months, f.due_on, f.status}));
  }
  return Ok();
}

Result<std::optional<Outcome>> FindOutcome(store::Tx& tx, const std::string& org_id,
                                           const std::string& id) {
  auto row =
      TRY(tx.QueryOne(std::string(kOutcomeColumns) + "WHERE id = ? AND org_id = ?", {id, org_id}));
  if (!row) return std::optional<Outcome>();
  return std::optional<Outcome>(TRY(ToOutcome(tx, *row)));
}

Result<std::vector<Outcome>> OutcomesOf(store::Tx& tx, const std::string& person_id) {
  std::vector<Outcome> out;
  for (const auto& r :
       TRY(tx.Query(std::string(kOutcomeColumns) + "WHERE person_id = ? ORDER BY started_on, id",
                    {person_id}))) {
    out.push_back(TRY(ToOutcome(tx, r)));
  }
  return out;
}

Result<std::optional<FollowUp>> FindFollowUp(store::Tx& tx, const std::string& org_id,
                                             const std::string& id) {
  auto rows = ToFollowUps(TRY(
      tx.Query(std::string(kFollowUpColumns) + "WHERE f.id = ? AND f.org_id = ?", {id, org_id})));
  if (rows.empty()) return std::optional<FollowUp>();
  return std::optional<FollowUp>(std::move(rows.front()));
}

Result<void> CheckFollowUp(store::Tx& tx, const FollowUp& f, const std::string& user_id,
                           const std::string& at) {
  TRY(tx.Exec(
      "UPDATE outcome_follow_ups SET status = ?, checked_on = ?, checked_by = ?, checked_at = ? "
      "WHERE id = ?",
      {f.status, f.checked_on, user_id, at, f.id}));
  return Ok();
}

Result<std::vector<DueFollowUp>> DueFollowUps(store::Tx& tx, const std::string& org_id,
                                              const std::string& due_by) {
  std::string sql =
      "SELECT f.id, f.outcome_id, f.months, f.due_on, f.status, f.checked_on, o.person_id, "
      "pe.code, pe.alias, o.kind FROM outcome_follow_ups f JOIN outcomes o ON o.id = f.outcome_id "
      "JOIN people pe ON pe.id = o.person_id WHERE f.org_id = ? AND f.status = 'due' AND "
      "pe.erased_at IS NULL ";
  store::Params params{org_id};
  if (!due_by.empty()) {
    sql += "AND f.due_on <= ? ";
    params.push_back(due_by);
  }
  sql += "ORDER BY f.due_on, f.id";
  std::vector<DueFollowUp> out;
  for (const auto& r : TRY(tx.Query(sql, params))) {
    out.push_back({.follow_up = {.id = r.Text(0),
                                 .outcome_id = r.Text(1),
                                 .months = r.Int(2),
                                 .due_on = r.Text(3),
                                 .status = r.Text(4),
                                 .checked_on = r.Text(5)},
                   .person_id = r.Text(6),
                   .person_code = r.Text(7),
                   .sealed_alias = r.BlobBytes(8),
                   .outcome_kind = r.Text(9)});
  }
  return out;
}

Result<std::vector<StoredGoal>> GoalsOf(store::Tx& tx, const std::string& org_id,
                                        const std::string& person_id) {
  std::vector<StoredGoal> out;
  for (const auto& r :
       TRY(tx.Query("SELECT g.id, g.case_id, g.title, g.status, g.target_date FROM plan_goals g "
                    "JOIN cases c ON c.id = g.case_id WHERE c.person_id = ? AND c.org_id = ? "
                    "ORDER BY g.created_at, g.id",
                    {person_id, org_id}))) {
    out.push_back({.id = r.Text(0),
                   .case_id = r.Text(1),
                   .sealed_title = r.BlobBytes(2),
                   .status = r.Text(3),
                   .target_date = r.Text(4)});
  }
  return out;
}

Result<std::vector<Money>> MoneyOf(store::Tx& tx, const std::string& org_id,
                                   const std::string& person_id) {
  std::vector<Money> out;
  for (const auto& r : TRY(tx.Query(
           "SELECT e.source_id, s.name, e.kind, CAST(SUM(e.amount) AS BIGINT) FROM fund_entries e "
           "JOIN fund_sources s ON s.id = e.source_id "
           "LEFT JOIN fund_entry_approvals a ON a.entry_id = e.id "
           "WHERE e.person_id = ? AND e.org_id = ? AND (e.needs_approval = 0 OR a.decision = "
           "'approved') GROUP BY e.source_id, s.name, e.kind ORDER BY s.name, e.source_id, e.kind",
           {person_id, org_id}))) {
    out.push_back(
        {.source_id = r.Text(0), .source_name = r.Text(1), .kind = r.Text(2), .paid = r.Int(3)});
  }
  return out;
}

}  // namespace dandelion::programs::program_repo

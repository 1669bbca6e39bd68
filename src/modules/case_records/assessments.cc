#include "modules/case_records/assessments.h"

#include "core/ids.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kRatings = "assessment_ratings";
constexpr std::string_view kGoals = "plan_goals";

// A domain's notes are bound to the assessment and the domain, so they cannot be moved to
// another domain's row.
std::string NotesColumn(const std::string& domain) { return "notes." + domain; }

Result<std::vector<Goal>> LoadGoals(store::Tx& tx, const people::PersonCipher& cipher,
                                    const std::string& case_id, const std::string& id = "") {
  std::string sql =
      "SELECT id, title, target_date, status, created_at, updated_at FROM plan_goals "
      "WHERE case_id = ?";
  store::Params params = {case_id};
  if (!id.empty()) {
    sql += " AND id = ?";
    params.emplace_back(id);
  }
  auto rows = tx.Query(sql + " ORDER BY created_at, id", params);
  if (!rows) return Fail(rows.error());
  std::vector<Goal> out;
  for (const auto& row : *rows) {
    Goal g{.id = row.Text(0), .case_id = case_id};
    auto title = cipher.OpenRecord(kGoals, "title", g.id, row.BlobBytes(1));
    if (!title) return Fail(title.error());
    g.title = std::move(*title);
    g.target_date = row.Text(2);
    g.status = row.Text(3);
    g.created_at = row.Text(4);
    g.updated_at = row.Text(5);
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

Result<Assessment> Assessments::Record(const security::Actor& actor, const std::string& case_id,
                                       const AssessmentFields& fields) {
  Assessment out;
  auto r = OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "assessment.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
        if (auto ok = ValidateAssessment(fields); !ok) return ok;
        if (auto ok = cases::RequireOpen(ref); !ok) return ok;
        auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
        if (!cipher) return Fail(cipher.error());
        const TimePoint now = deps_.clock.Now();
        out = Assessment{.id = NewId(),
                         .case_id = ref.id,
                         .fields = fields,
                         .assessed_by = actor.user_id,
                         .created_at = FormatRfc3339(now)};
        auto s = tx.Exec(
            "INSERT INTO assessments (id, case_id, org_id, assessed_by, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            {out.id, ref.id, ref.org_id, actor.user_id, out.created_at});
        if (!s) return Fail(s.error());
        std::vector<std::string> names;
        for (const auto& [domain, rating] : fields.ratings) {
          auto note = fields.notes.find(domain);
          const std::string text = note == fields.notes.end() ? "" : note->second;
          auto w = tx.Exec(
              "INSERT INTO assessment_ratings (assessment_id, domain, rating, notes) "
              "VALUES (?, ?, ?, ?)",
              {out.id, domain, rating,
               BlobOrNull(cipher->SealRecord(kRatings, NotesColumn(domain), out.id, text))});
          if (!w) return Fail(w.error());
          names.push_back("ratings." + domain);
          if (!text.empty()) names.push_back("notes." + domain);
        }
        if (auto t = cases::AppendTimeline(tx, ref, now, "assessment", out.id, "", actor.user_id);
            !t)
          return t;
        return AuditRecord(deps_, tx, actor, ref, "assessment.create", "assessment", out.id, names);
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<std::vector<Assessment>> Assessments::List(const security::Actor& actor,
                                                  const std::string& case_id) {
  std::vector<Assessment> out;
  auto r = OnCase(
      deps_, actor, security::perm::kCaseRead, case_id, "assessment.list",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
        auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
        if (!cipher) return Fail(cipher.error());
        auto rows = tx.Query(
            "SELECT a.id, a.assessed_by, a.created_at, r.domain, r.rating, r.notes "
            "FROM assessments a JOIN assessment_ratings r ON r.assessment_id = a.id "
            "WHERE a.case_id = ? ORDER BY a.created_at, a.id, r.domain",
            {ref.id});
        if (!rows) return Fail(rows.error());
        for (const auto& row : *rows) {
          if (out.empty() || out.back().id != row.Text(0)) {
            out.push_back(Assessment{.id = row.Text(0),
                                     .case_id = ref.id,
                                     .assessed_by = row.Text(1),
                                     .created_at = row.Text(2)});
          }
          Assessment& a = out.back();
          const std::string domain = row.Text(3);
          a.fields.ratings[domain] = row.Int(4);
          auto notes = cipher->OpenRecord(kRatings, NotesColumn(domain), a.id, row.BlobBytes(5));
          if (!notes) return Fail(notes.error());
          if (!notes->empty()) a.fields.notes[domain] = std::move(*notes);
        }
        return AuditRecord(deps_, tx, actor, ref, "assessment.list", "case", ref.id, {"notes"});
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<Goal> PlanGoals::Create(const security::Actor& actor, const std::string& case_id,
                               const GoalFields& fields) {
  Goal out;
  auto r = OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "goal.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
        if (auto ok = ValidateGoal(fields, true); !ok) return ok;
        if (auto ok = cases::RequireOpen(ref); !ok) return ok;
        auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
        if (!cipher) return Fail(cipher.error());
        const TimePoint now = deps_.clock.Now();
        out = Goal{.id = NewId(),
                   .case_id = ref.id,
                   .title = *fields.title,
                   .target_date = fields.target_date.value_or(""),
                   .status = fields.status.value_or("planned"),
                   .created_at = FormatRfc3339(now),
                   .updated_at = FormatRfc3339(now)};
        auto s = tx.Exec(
            "INSERT INTO plan_goals (id, case_id, org_id, title, target_date, status, "
            "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {out.id, ref.id, ref.org_id,
             store::Blob{cipher->SealRecord(kGoals, "title", out.id, out.title)},
             TextOrNull(out.target_date), out.status, actor.user_id, out.created_at,
             out.updated_at});
        if (!s) return Fail(s.error());
        if (auto t = cases::AppendTimeline(tx, ref, now, "goal", out.id, out.status, actor.user_id);
            !t)
          return t;
        return AuditRecord(deps_, tx, actor, ref, "goal.create", "goal", out.id, fields.Names());
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<Goal> PlanGoals::Update(const security::Actor& actor, const std::string& id,
                               const GoalFields& fields) {
  Goal out;
  auto r = OnRecord(
      deps_, actor, security::perm::kCaseWrite, kGoals, "goal", id, "goal.update",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
        if (auto ok = ValidateGoal(fields, false); !ok) return ok;
        if (auto ok = cases::RequireOpen(ref); !ok) return ok;
        auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
        if (!cipher) return Fail(cipher.error());
        auto loaded = LoadGoals(tx, *cipher, ref.id, id);
        if (!loaded) return Fail(loaded.error());
        if (loaded->empty()) return Fail(NotFound());
        Goal g = std::move(loaded->front());
        const std::string before_status = g.status;
        if (fields.title) g.title = *fields.title;
        if (fields.target_date) g.target_date = *fields.target_date;
        if (fields.status) g.status = *fields.status;
        const TimePoint now = deps_.clock.Now();
        g.updated_at = FormatRfc3339(now);
        auto s = tx.Exec(
            "UPDATE plan_goals SET title = ?, target_date = ?, status = ?, updated_at = ? "
            "WHERE id = ?",
            {store::Blob{cipher->SealRecord(kGoals, "title", id, g.title)},
             TextOrNull(g.target_date), g.status, g.updated_at, id});
        if (!s) return Fail(s.error());
        if (g.status != before_status) {
          if (auto t = cases::AppendTimeline(tx, ref, now, "goal", id, g.status, actor.user_id); !t)
            return t;
        }
        out = std::move(g);
        return AuditRecord(deps_, tx, actor, ref, "goal.update", "goal", id, fields.Names());
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<std::vector<Goal>> PlanGoals::List(const security::Actor& actor,
                                          const std::string& case_id) {
  std::vector<Goal> out;
  auto r =
      OnCase(deps_, actor, security::perm::kCaseRead, case_id, "goal.list",
             [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
               auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
               if (!cipher) return Fail(cipher.error());
               auto loaded = LoadGoals(tx, *cipher, ref.id);
               if (!loaded) return Fail(loaded.error());
               out = std::move(*loaded);
               return AuditRecord(deps_, tx, actor, ref, "goal.list", "case", ref.id, {"title"});
             });
  if (!r) return Fail(r.error());
  return out;
}

}  // namespace dandelion::case_records

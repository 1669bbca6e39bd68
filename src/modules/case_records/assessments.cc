#include "modules/case_records/assessments.h"

#include "modules/case_records/assessment_repo.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kRatings = "assessment_ratings";
constexpr std::string_view kGoals = "plan_goals";

// A domain's notes are bound to the assessment and the domain, so they cannot be moved to
// another domain's row.
std::string NotesColumn(const std::string& domain) { return "notes." + domain; }

// The goals (all of case_id's, or the one with id), decrypted.
Result<std::vector<Goal>> LoadGoals(store::Tx& tx, const people::PersonCipher& cipher,
                                    const std::string& case_id, const std::string& id = "") {
  std::vector<Goal> out;
  for (auto& row : TRY(assessment_repo::Goals(tx, case_id, id))) {
    Goal g{.id = row.id, .case_id = case_id};
    g.title = TRY(cipher.OpenRecord(kGoals, "title", g.id, row.title));
    g.target_date = std::move(row.target_date);
    g.status = std::move(row.status);
    g.created_at = std::move(row.created_at);
    g.updated_at = std::move(row.updated_at);
    out.push_back(std::move(g));
  }
  return out;
}

// The goal's row as stored: its title sealed under cipher.
assessment_repo::StoredGoal Seal(const people::PersonCipher& cipher, const Goal& g) {
  return {.id = g.id,
          .case_id = g.case_id,
          .title = cipher.SealRecord(kGoals, "title", g.id, g.title),
          .target_date = g.target_date,
          .status = g.status,
          .created_at = g.created_at,
          .updated_at = g.updated_at};
}

}  // namespace

Result<Assessment> Assessments::Record(const security::Actor& actor, const std::string& case_id,
                                       const AssessmentFields& fields) {
  return OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "assessment.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<Assessment> {
        TRY(ValidateAssessment(fields));
        TRY(cases::RequireOpen(ref));
        people::PersonCipher cipher = TRY(cases::CipherFor(tx, deps_.keyring, ref));
        const TimePoint now = deps_.clock.Now();
        Assessment out{.id = NewId(),
                       .case_id = ref.id,
                       .fields = fields,
                       .assessed_by = actor.user_id,
                       .created_at = FormatRfc3339(now)};
        TRY(assessment_repo::InsertAssessment(tx, {.id = out.id,
                                                   .case_id = ref.id,
                                                   .org_id = ref.org_id,
                                                   .assessed_by = actor.user_id,
                                                   .created_at = out.created_at}));
        std::vector<std::string> names;
        for (const auto& [domain, rating] : fields.ratings) {
          auto note = fields.notes.find(domain);
          const std::string text = note == fields.notes.end() ? "" : note->second;
          TRY(assessment_repo::InsertRating(
              tx, {.assessment_id = out.id,
                   .domain = domain,
                   .rating = rating,
                   .notes = cipher.SealRecord(kRatings, NotesColumn(domain), out.id, text)}));
          names.push_back("ratings." + domain);
          if (!text.empty()) names.push_back("notes." + domain);
        }
        TRY(cases::AppendTimeline(tx, ref, now, "assessment", out.id, "", actor.user_id));
        TRY(AuditRecord(deps_, tx, actor, ref, "assessment.create", "assessment", out.id, names));
        return out;
      });
}

Result<security::Audited<std::vector<Assessment>>> Assessments::List(const security::Actor& actor,
                                                                     const std::string& case_id) {
  return ReadOnCase<std::vector<Assessment>>(
      deps_, actor, case_id, "assessment.list", {"notes"},
      [&](store::Tx& tx, const cases::CaseRef& ref,
          const people::PersonCipher& cipher) -> Result<std::vector<Assessment>> {
        std::vector<Assessment> out;
        for (auto& [assessment, rating] : TRY(assessment_repo::RatingsOf(tx, ref.id))) {
          if (out.empty() || out.back().id != assessment.id) {
            out.push_back(Assessment{.id = assessment.id,
                                     .case_id = ref.id,
                                     .assessed_by = std::move(assessment.assessed_by),
                                     .created_at = std::move(assessment.created_at)});
          }
          Assessment& a = out.back();
          a.fields.ratings[rating.domain] = rating.rating;
          std::string notes =
              TRY(cipher.OpenRecord(kRatings, NotesColumn(rating.domain), a.id, rating.notes));
          if (!notes.empty()) a.fields.notes[rating.domain] = std::move(notes);
        }
        return out;
      });
}

Result<Goal> PlanGoals::Create(const security::Actor& actor, const std::string& case_id,
                               const GoalFields& fields) {
  return OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "goal.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<Goal> {
        TRY(ValidateGoal(fields, true));
        TRY(cases::RequireOpen(ref));
        people::PersonCipher cipher = TRY(cases::CipherFor(tx, deps_.keyring, ref));
        const TimePoint now = deps_.clock.Now();
        Goal out{.id = NewId(),
                 .case_id = ref.id,
                 .title = *fields.title,
                 .target_date = fields.target_date.value_or(""),
                 .status = fields.status.value_or("planned"),
                 .created_at = FormatRfc3339(now),
                 .updated_at = FormatRfc3339(now)};
        assessment_repo::StoredGoal row = Seal(cipher, out);
        row.org_id = ref.org_id;
        row.created_by = actor.user_id;
        TRY(assessment_repo::InsertGoal(tx, row));
        TRY(cases::AppendTimeline(tx, ref, now, "goal", out.id, out.status, actor.user_id));
        TRY(AuditRecord(deps_, tx, actor, ref, "goal.create", "goal", out.id, fields.Names()));
        return out;
      });
}

Result<Goal> PlanGoals::Update(const security::Actor& actor, const std::string& id,
                               const GoalFields& fields) {
  return OnRecord(
      deps_, actor, security::perm::kCaseWrite, kGoals, "goal", id, "goal.update",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<Goal> {
        TRY(ValidateGoal(fields, false));
        TRY(cases::RequireOpen(ref));
        people::PersonCipher cipher = TRY(cases::CipherFor(tx, deps_.keyring, ref));
        auto loaded = TRY(LoadGoals(tx, cipher, ref.id, id));
        if (loaded.empty()) return Fail(NotFound());
        Goal g = std::move(loaded.front());
        const std::string before_status = g.status;
        if (fields.title) g.title = *fields.title;
        if (fields.target_date) g.target_date = *fields.target_date;
        if (fields.status) g.status = *fields.status;
        const TimePoint now = deps_.clock.Now();
        g.updated_at = FormatRfc3339(now);
        TRY(assessment_repo::UpdateGoal(tx, Seal(cipher, g)));
        if (g.status != before_status) {
          TRY(cases::AppendTimeline(tx, ref, now, "goal", id, g.status, actor.user_id));
        }
        TRY(AuditRecord(deps_, tx, actor, ref, "goal.update", "goal", id, fields.Names()));
        return g;
      });
}

Result<security::Audited<std::vector<Goal>>> PlanGoals::List(const security::Actor& actor,
                                                             const std::string& case_id) {
  return ReadOnCase<std::vector<Goal>>(
      deps_, actor, case_id, "goal.list", {"title"},
      [&](store::Tx& tx, const cases::CaseRef& ref,
          const people::PersonCipher& cipher) -> Result<std::vector<Goal>> {
        auto out = TRY(LoadGoals(tx, cipher, ref.id));
        return out;
      });
}

}  // namespace dandelion::case_records

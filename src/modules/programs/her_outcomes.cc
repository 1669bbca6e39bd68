// Her certificates and outcomes (a job, a business, a school) with the follow-ups at 3, 6 and 12
// months that schedule themselves, and her self-reliance page: the second half of the program
// service's one door (program_service.h).
#include "core/ids.h"
#include "core/korea_date.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/programs/program_service.h"
#include "modules/programs/program_support.h"
#include "modules/service_support.h"

namespace dandelion::programs {

using namespace detail;  // NOLINT: the module's own shared pieces

// -- certificates, outcomes, follow-ups -----------------------------------------------------------

Result<CertificateView> ProgramService::AddCertificate(const security::Actor& actor,
                                                       const std::string& person_id,
                                                       const CertificateFields& in) {
  TRY(RequirePermission(actor, perm::kProgramWrite));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<CertificateView> {
    TRY(Refused(tx, actor, person_id, "program.certificate.create"));
    Error bad = Invalid();
    if (Blank(in.name)) bad.Field("name", "field.required");
    if (!IsDay(in.obtained_on)) {
      bad.Field("obtained_on", "field.invalid_date");
    } else if (in.obtained_on > Today()) {
      bad.Field("obtained_on", "programs.future_date");
    }
    if (!in.enrollment_id.empty()) {
      auto e = LooksLikeId(in.enrollment_id)
                   ? TRY(program_repo::FindEnrollment(tx, actor.org_id, in.enrollment_id))
                   : std::nullopt;
      if (!e || e->person_id != person_id) {
        bad.Field("enrollment_id", "programs.unknown_enrollment");
      }
    }
    if (!in.file_id.empty()) {
      const std::string kind =
          LooksLikeId(in.file_id)
              ? TRY(program_repo::FileKindOf(tx, actor.org_id, person_id, in.file_id))
              : "";
      if (kind.empty()) {
        bad.Field("file_id", "programs.unknown_file");
      } else if (kind != "certificate") {
        bad.Field("file_id", "programs.not_a_certificate");
      }
    }
    if (!bad.fields.empty()) return Fail(bad);
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, person_id));
    program_repo::Certificate c{.id = NewId(),
                                .org_id = actor.org_id,
                                .person_id = person_id,
                                .obtained_on = in.obtained_on,
                                .enrollment_id = in.enrollment_id,
                                .file_id = in.file_id,
                                .created_by = actor.user_id,
                                .created_at = now};
    c.sealed_name = cipher.SealRecord(kCertificates, "name", c.id, in.name);
    TRY(program_repo::InsertCertificate(tx, c));
    TRY(audit_.Append(tx,
                      security::ActorEvent(actor, "program.certificate.create", "certificate", c.id,
                                           {"name", "obtained_on", "enrollment_id", "file_id"})));
    c.sealed_name.clear();
    return CertificateView{std::move(c), in.name};
  });
}

Result<OutcomeView> ProgramService::ViewOutcome(store::Tx& tx, const security::Actor& actor,
                                                program_repo::Outcome o, bool with_employer) {
  OutcomeView v;
  auto cipher = people::PersonCipher::Load(tx, keyring_, actor.org_id, o.person_id);
  if (cipher) {
    v.school = TRY(cipher->OpenRecord(kOutcomes, "school", o.id, o.sealed_school));
    v.note = TRY(cipher->OpenRecord(kOutcomes, "note", o.id, o.sealed_note));
    if (with_employer) {
      v.employer = TRY(cipher->OpenRecord(kOutcomes, "employer", o.id, o.sealed_employer));
    }
  }
  o.sealed_employer.clear();
  o.sealed_school.clear();
  o.sealed_note.clear();
  v.stored = std::move(o);
  return v;
}

Result<OutcomeView> ProgramService::AddOutcome(const security::Actor& actor,
                                               const std::string& person_id,
                                               const OutcomeFields& in) {
  TRY(RequirePermission(actor, perm::kProgramWrite));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<OutcomeView> {
    TRY(Refused(tx, actor, person_id, "program.outcome.create"));
    Error bad = Invalid();
    if (!IsOneOf(OutcomeKinds(), in.kind)) bad.Field("kind", "field.unknown_value");
    if (!IsDay(in.started_on)) bad.Field("started_on", "field.invalid_date");
    if (!in.employer_kind.empty() && !IsOneOf(EmployerKinds(), in.employer_kind)) {
      bad.Field("employer_kind", "field.unknown_value");
    }
    if (in.kind != "employment" && (!in.employer_kind.empty() || !in.employer.empty())) {
      bad.Field("employer_kind", "programs.employment_only");
    }
    if (!bad.fields.empty()) return Fail(bad);
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, person_id));
    program_repo::Outcome o{.id = NewId(),
                            .org_id = actor.org_id,
                            .person_id = person_id,
                            .kind = in.kind,
                            .started_on = in.started_on,
                            .job_kind = in.job_kind,
                            .employer_kind = in.employer_kind,
                            .created_by = actor.user_id,
                            .created_at = now};
    std::vector<std::string> fields{"kind", "started_on"};
    auto seal = [&](std::string_view column, const std::string& value) {
      if (value.empty()) return std::string();
      fields.emplace_back(column);
      return cipher.SealRecord(kOutcomes, column, o.id, value);
    };
    o.sealed_employer = seal("employer", in.employer);
    o.sealed_school = seal("school", in.school);
    o.sealed_note = seal("note", in.note);
    if (!in.job_kind.empty()) fields.push_back("job_kind");
    if (!in.employer_kind.empty()) fields.push_back("employer_kind");
    for (const auto& plan : FollowUps(in.kind, in.started_on)) {
      o.follow_ups.push_back({.id = NewId(),
                              .outcome_id = o.id,
                              .months = plan.months,
                              .due_on = plan.due_on,
                              .status = "due"});
    }
    TRY(program_repo::InsertOutcome(tx, o));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "program.outcome.create", "outcome", o.id, fields)));
    return ViewOutcome(tx, actor, std::move(o), true);
  });
}

Result<OutcomeView> ProgramService::CheckFollowUp(const security::Actor& actor,
                                                  const std::string& id, const std::string& status,
                                                  const std::string& checked_on) {
  TRY(RequirePermission(actor, perm::kProgramWrite));
  const std::string now = Now(clock_);
  return db_.WriteValue([&](store::Tx& tx) -> Result<OutcomeView> {
    auto f = LooksLikeId(id) ? TRY(program_repo::FindFollowUp(tx, actor.org_id, id)) : std::nullopt;
    if (!f) return Fail(NotFound());
    auto o = TRY(program_repo::FindOutcome(tx, actor.org_id, f->outcome_id));
    if (!o) return Fail(NotFound());
    TRY(Refused(tx, actor, o->person_id, "program.follow_up.check"));
    Error bad = Invalid();
    if (!IsOneOf(FollowUpResults(), status)) bad.Field("status", "field.unknown_value");
    if (!IsDay(checked_on)) {
      bad.Field("checked_on", "field.invalid_date");
    } else if (checked_on > Today()) {
      bad.Field("checked_on", "programs.future_date");
    } else if (checked_on < o->started_on) {
      bad.Field("checked_on", "programs.checked_before_start");
    }
    if (!bad.fields.empty()) return Fail(bad);
    f->status = status;
    f->checked_on = checked_on;
    TRY(program_repo::CheckFollowUp(tx, *f, actor.user_id, now));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "program.follow_up.check", "outcome_follow_up", f->id,
                                 {"status", "checked_on"})));
    auto fresh = TRY(program_repo::FindOutcome(tx, actor.org_id, o->id));
    return ViewOutcome(tx, actor, std::move(*fresh), true);
  });
}

Result<security::Audited<std::vector<DueItem>>> ProgramService::DueFollowUps(
    const security::Actor& actor, const std::string& due_by) {
  TRY(RequirePermission(actor, perm::kProgramRead));
  if (!due_by.empty() && !IsDay(due_by)) {
    return Fail(Invalid().Field("due_by", "field.invalid_date"));
  }
  auto items = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<DueItem>> {
    std::vector<DueItem> out;
    for (auto& d : TRY(program_repo::DueFollowUps(tx, actor.org_id, due_by))) {
      out.push_back(
          {.follow_up = std::move(d.follow_up),
           .person_id = d.person_id,
           .person_label = TRY(Label(tx, actor, d.person_id, d.person_code, d.sealed_alias)),
           .outcome_kind = d.outcome_kind});
    }
    return out;
  }));
  auto e = security::ActorEvent(actor, "program.follow_ups.read", "organization", actor.org_id,
                                {"person_label"});
  return security::Audited<std::vector<DueItem>>{std::move(items),
                                                 security::PendingAudit(reads_, std::move(e))};
}

// -- her page -------------------------------------------------------------------------------------

Result<security::Audited<SelfReliance>> ProgramService::Page(const security::Actor& actor,
                                                             const std::string& person_id) {
  TRY(RequirePermission(actor, perm::kSelfRelianceRead));
  const bool money_only = !security::Allows(perm::kProgramRead, actor.roles);
  std::string outcome = "ok";
  auto page = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<SelfReliance> {
    auto reach = TRY(Reach(tx, actor, person_id, clock_.Now()));
    if (!reach.allowed) {
      auto e = security::ActorEvent(actor, "person.self_reliance.read", "person", person_id);
      e.outcome = reach.Outcome();
      security::PendingAudit(reads_, std::move(e)).Submit([](bool) {});
      return Fail(access::Refusal(reach));
    }
    outcome = reach.Outcome();
    SelfReliance out{.money_only = money_only};
    out.money = TRY(program_repo::MoneyOf(tx, actor.org_id, person_id));
    if (money_only) return out;
    for (auto& e : TRY(program_repo::EnrollmentsOfPerson(tx, person_id))) {
      out.enrollments.push_back(TRY(ViewEnrollment(tx, actor, std::move(e))));
    }
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, person_id));
    for (auto& c : TRY(program_repo::CertificatesOf(tx, person_id))) {
      std::string name = TRY(cipher.OpenRecord(kCertificates, "name", c.id, c.sealed_name));
      c.sealed_name.clear();
      out.certificates.push_back({std::move(c), std::move(name)});
    }
    for (auto& o : TRY(program_repo::OutcomesOf(tx, person_id))) {
      out.outcomes.push_back(TRY(ViewOutcome(tx, actor, std::move(o), false)));
    }
    for (auto& g : TRY(program_repo::GoalsOf(tx, actor.org_id, person_id))) {
      out.goals.push_back({.id = g.id,
                           .case_id = g.case_id,
                           .title = TRY(cipher.OpenRecord(kGoals, "title", g.id, g.sealed_title)),
                           .status = g.status,
                           .target_date = g.target_date});
    }
    return out;
  }));
  std::vector<std::string> fields{"money"};
  if (!money_only) {
    fields.insert(fields.end(), {"enrollments", "certificates", "outcomes", "goals"});
  }
  auto e = security::ActorEvent(actor, "person.self_reliance.read", "person", person_id, fields);
  e.outcome = outcome;
  return security::Audited<SelfReliance>{std::move(page),
                                         security::PendingAudit(reads_, std::move(e))};
}

}  // namespace dandelion::programs

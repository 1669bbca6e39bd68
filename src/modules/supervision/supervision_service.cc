#include "modules/supervision/supervision_service.h"

#include "core/ids.h"
#include "modules/people/person_cipher.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::supervision {
namespace {

std::string DaysBefore(const Clock& clock, int days) {
  return FormatRfc3339(clock.Now() - std::chrono::hours(24 * days));
}

}  // namespace

Result<Team> SupervisionService::TeamLoad(const security::Actor& actor, int no_contact_days) {
  TRY(RequirePermission(actor, security::perm::kCaseSupervise));
  if (no_contact_days < 1 || no_contact_days > 365) {
    return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("no_contact_days",
                                                                  "supervision.days_range"));
  }
  return db_.ReadValue([&](store::Tx& tx) -> Result<Team> {
    Team team{.no_contact_days = no_contact_days};
    team.workers =
        TRY(supervision_repo::Workload(tx, actor.org_id, DaysBefore(clock_, no_contact_days)));
    team.unassigned_open_cases = TRY(supervision_repo::UnassignedOpenCases(tx, actor.org_id));
    return team;
  });
}

Result<security::Audited<std::vector<WaitingAct>>> SupervisionService::Waiting(
    const security::Actor& actor) {
  TRY(RequirePermission(actor, security::perm::kCaseSupervise));
  auto waiting = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<WaitingAct>> {
    std::vector<WaitingAct> out;
    for (auto& act : TRY(supervision_repo::Pending(
             tx, actor.org_id, DaysBefore(clock_, kWaitingDays), kWaitingListed))) {
      WaitingAct w{.act = std::move(act)};
      if (w.act.kind == "break_glass") {
        // An erased woman's key is gone: her grant is still listed, its reason no longer is.
        auto cipher = people::PersonCipher::Load(tx, keyring_, actor.org_id, w.act.person_id);
        if (cipher) {
          w.reason = TRY(
              cipher->OpenRecord("break_glass", "reason", w.act.subject_id, w.act.sealed_reason));
        }
      }
      w.act.sealed_reason.clear();
      out.push_back(std::move(w));
    }
    return out;
  }));
  security::AuditEvent e = security::ActorEvent(actor, "supervision.waiting", "organization",
                                                actor.org_id, {"break_glass.reason"});
  return security::Audited<std::vector<WaitingAct>>{std::move(waiting),
                                                    security::PendingAudit(reads_, std::move(e))};
}

Result<void> SupervisionService::MarkReviewed(const security::Actor& actor, const std::string& kind,
                                              const std::string& subject_id) {
  TRY(RequirePermission(actor, security::perm::kCaseSupervise));
  Error bad{ErrorCode::kInvalid, "error.invalid"};
  if (kind != "break_glass" && kind != "closure") bad.Field("kind", "field.unknown_value");
  if (!LooksLikeId(subject_id)) bad.Field("subject_id", "supervision.unknown_act");
  if (!bad.fields.empty()) return Fail(bad);
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    auto e = security::ActorEvent(actor, "supervision.review", kind, subject_id);
    // A refusal is audited too: probing acts, or reviewing one twice, leaves a trace.
    auto refuse = [&](std::string outcome, Error error) -> Result<void> {
      e.outcome = std::move(outcome);
      TRY(audit_.Append(tx, e));
      return Fail(RecordedRefusal(std::move(error)));
    };
    auto act = TRY(supervision_repo::FindAct(tx, actor.org_id, kind, subject_id));
    if (!act) return refuse("not_found", {ErrorCode::kNotFound, "supervision.unknown_act"});
    const bool inserted = TRY(supervision_repo::InsertReview(tx, {.id = NewId(),
                                                                  .org_id = actor.org_id,
                                                                  .kind = kind,
                                                                  .subject_id = subject_id,
                                                                  .case_id = act->case_id,
                                                                  .reviewed_by = actor.user_id,
                                                                  .reviewed_at = now}));
    if (!inserted)
      return refuse("conflict", {ErrorCode::kConflict, "supervision.already_reviewed"});
    TRY(audit_.Append(tx, e));
    return Ok();
  });
}

}  // namespace dandelion::supervision

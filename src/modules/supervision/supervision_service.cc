#include "modules/supervision/supervision_service.h"

#include "core/ids.h"
#include "modules/people/person_cipher.h"
#include "security/policy.h"

namespace dandelion::supervision {
namespace {

Result<void> RequireSupervisor(const security::Actor& actor) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  if (actor.org_id.empty() || !security::Allows(security::perm::kCaseSupervise, actor.roles)) {
    return Fail(ErrorCode::kForbidden, "error.forbidden");
  }
  return Ok();
}

std::string DaysBefore(const Clock& clock, int days) {
  return FormatRfc3339(clock.Now() - std::chrono::hours(24 * days));
}

}  // namespace

Result<Team> SupervisionService::TeamLoad(const security::Actor& actor, int no_contact_days) {
  if (auto ok = RequireSupervisor(actor); !ok) return Fail(ok.error());
  if (no_contact_days < 1 || no_contact_days > 365) {
    return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("no_contact_days",
                                                                  "supervision.days_range"));
  }
  Team team{.no_contact_days = no_contact_days};
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto workers =
        supervision_repo::Workload(tx, actor.org_id, DaysBefore(clock_, no_contact_days));
    if (!workers) return Fail(workers.error());
    auto unassigned = supervision_repo::UnassignedOpenCases(tx, actor.org_id);
    if (!unassigned) return Fail(unassigned.error());
    team.workers = std::move(*workers);
    team.unassigned_open_cases = *unassigned;
    return Ok();
  });
  if (!r) return Fail(r.error());
  return team;
}

Result<security::Audited<std::vector<WaitingAct>>> SupervisionService::Waiting(
    const security::Actor& actor) {
  if (auto ok = RequireSupervisor(actor); !ok) return Fail(ok.error());
  std::vector<WaitingAct> out;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto acts = supervision_repo::Pending(tx, actor.org_id, DaysBefore(clock_, kWaitingDays),
                                          kWaitingListed);
    if (!acts) return Fail(acts.error());
    for (auto& act : *acts) {
      WaitingAct w{.act = std::move(act)};
      if (w.act.kind == "break_glass") {
        // An erased woman's key is gone: her grant is still listed, its reason no longer is.
        auto cipher = people::PersonCipher::Load(tx, keyring_, actor.org_id, w.act.person_id);
        if (cipher) {
          auto reason =
              cipher->OpenRecord("break_glass", "reason", w.act.subject_id, w.act.sealed_reason);
          if (!reason) return Fail(reason.error());
          w.reason = std::move(*reason);
        }
      }
      w.act.sealed_reason.clear();
      out.push_back(std::move(w));
    }
    return Ok();
  });
  if (!r) return Fail(r.error());
  security::AuditEvent e = security::ActorEvent(actor, "supervision.waiting", "organization",
                                                actor.org_id, {"break_glass.reason"});
  return security::Audited<std::vector<WaitingAct>>{std::move(out),
                                                    security::PendingAudit(reads_, std::move(e))};
}

Result<void> SupervisionService::MarkReviewed(const security::Actor& actor, const std::string& kind,
                                              const std::string& subject_id) {
  if (auto ok = RequireSupervisor(actor); !ok) return Fail(ok.error());
  Error bad{ErrorCode::kInvalid, "error.invalid"};
  if (kind != "break_glass" && kind != "closure") bad.Field("kind", "field.unknown_value");
  if (!LooksLikeId(subject_id)) bad.Field("subject_id", "supervision.unknown_act");
  if (!bad.fields.empty()) return Fail(bad);
  const std::string now = FormatRfc3339(clock_.Now());
  // A refusal is audited too, so it commits its entry and is returned after the transaction.
  std::optional<Error> refusal;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto e = security::ActorEvent(actor, "supervision.review", kind, subject_id);
    auto act = supervision_repo::FindAct(tx, actor.org_id, kind, subject_id);
    if (!act) return Fail(act.error());
    if (*act) {
      auto inserted = supervision_repo::InsertReview(tx, {.id = NewId(),
                                                          .org_id = actor.org_id,
                                                          .kind = kind,
                                                          .subject_id = subject_id,
                                                          .case_id = (*act)->case_id,
                                                          .reviewed_by = actor.user_id,
                                                          .reviewed_at = now});
      if (!inserted) return Fail(inserted.error());
      if (!*inserted) {
        refusal = Error{ErrorCode::kConflict, "supervision.already_reviewed"};
        e.outcome = "conflict";
      }
    } else {
      refusal = Error{ErrorCode::kNotFound, "supervision.unknown_act"};
      e.outcome = "not_found";
    }
    if (auto a = audit_.Append(tx, e); !a) return Fail(a.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (refusal) return Fail(*refusal);
  return Ok();
}

}  // namespace dandelion::supervision

// Sending a referral, and reading referrals (referral_service.h).
#include "modules/referrals/referral_service.h"

#include "core/ids.h"
#include "modules/cases/case_access.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/referrals/referrals_internal.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::referrals {

using referral_repo::StoredReferral;

namespace {

constexpr std::string_view kSend = "referral.create";

// What a refused send records: the case it was about, never the receiver's view of her.
Error RefuseSend(store::Tx& tx, const security::AuditLog& audit, const security::Actor& actor,
                 const std::string& case_id, std::string outcome, Error error) {
  auto e = security::ActorEvent(actor, std::string(kSend), "case", case_id);
  e.outcome = std::move(outcome);
  if (auto written = audit.Append(tx, e); !written) return written.error();
  return RecordedRefusal(std::move(error));
}

}  // namespace

Result<Referral> ReferralService::Send(const security::Actor& actor, const SendFields& fields) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  TRY(ValidateSend(fields));
  if (fields.override_reason && !security::HasRole(actor.roles, "supervisor")) {
    return Fail(ErrorCode::kForbidden, "referrals.override_supervisor");
  }
  if (fields.to_org_id == actor.org_id) {
    return Fail(
        Error{ErrorCode::kInvalid, "error.invalid"}.Field("to_org_id", "referrals.to_own_org"));
  }
  const TimePoint now = clock_.Now();
  const std::string at = FormatRfc3339(now);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Referral> {
    cases::CaseRef ref = TRY(cases::LoadCase(tx, audit_, actor, fields.case_id, kSend, now));
    if (ref.status != "open") return Fail(ErrorCode::kConflict, "cases.closed");
    auto person = TRY(people::person_repo::FindById(tx, ref.person_id));
    if (!person || !person->erased_at.empty()) return Fail(NotFound());
    auto self = TRY(referral_repo::Profile(tx, actor.org_id));

    StoredReferral r{.id = NewId(),
                     .kind = fields.external ? "external" : fields.kind,
                     .status = "sent",
                     .from_org_id = actor.org_id,
                     .from_case_id = ref.id,
                     .from_person_id = ref.person_id,
                     .to_org_id = fields.to_org_id,
                     .services = people::JoinList(fields.services),
                     .urgency = fields.urgency,
                     .share = people::JoinList(fields.share),
                     .age_band = person->age_band,
                     .languages = person->languages,
                     .region = self ? self->region : "",
                     .sent_at = at,
                     .sent_by = actor.user_id};
    int response_days = ProfileFields::kDefaultResponseDays;
    if (!fields.external) {
      std::optional<referral_repo::StoredProfile> to;
      if (LooksLikeId(fields.to_org_id)) to = TRY(referral_repo::Profile(tx, fields.to_org_id));
      if (!to) {
        return Fail(RefuseSend(
            tx, audit_, actor, ref.id, "not_found",
            Error{ErrorCode::kInvalid, "error.invalid"}.Field("to_org_id", "field.unknown_value")));
      }
      // Her exclusions first: a receiver she fears is refused before any other question.
      const auto regions = TRY(RegionsServed(tx, fields.to_org_id));
      const auto exclusions = TRY(ExclusionsOpened(tx, keyring_, actor.org_id, ref.person_id));
      if (Excludes(exclusions, fields.to_org_id, regions)) {
        return Fail(RefuseSend(tx, audit_, actor, ref.id, "excluded",
                               {ErrorCode::kExcluded, "referrals.excluded"}));
      }
      if (!to->has_profile || !to->accepting) {
        return Fail(RefuseSend(tx, audit_, actor, ref.id, "not_accepting",
                               {ErrorCode::kConflict, "referrals.not_accepting"}));
      }
      if (TRY(referral_repo::OpenTo(tx, ref.id, fields.to_org_id))) {
        return Fail(RefuseSend(tx, audit_, actor, ref.id, "conflict",
                               {ErrorCode::kConflict, "referrals.already_open"}));
      }
      if (to->response_days > 0) response_days = to->response_days;
    }
    const std::string external_name = fields.external ? fields.external->name : "";
    r.consent_id = CoveringConsent(TRY(ConsentsOf(tx, ref.person_id, now)), fields.to_org_id,
                                   external_name, fields.share);
    // An external referral that shares nothing of her needs no consent: its letter carries her
    // code only.
    const bool consent_needed = !fields.external || !fields.share.empty();
    if (consent_needed && r.consent_id.empty() && !fields.override_reason) {
      return Fail(RefuseSend(tx, audit_, actor, ref.id, "consent_required",
                             {ErrorCode::kConsentRequired, "referrals.consent_required"}));
    }
    r.answer_due_at = FormatRfc3339(AnswerDue(now, fields.urgency == "urgent", response_days));
    r.note = TRY(SealText(tx, keyring_, r, "note", fields.note));
    if (fields.external) {
      r.external_kind = fields.external->kind;
      r.external_name = TRY(SealText(tx, keyring_, r, "external_name", fields.external->name));
    }
    const bool overridden = fields.override_reason && r.consent_id.empty();
    if (overridden) {
      r.override_reason =
          TRY(SealText(tx, keyring_, r, "override_reason", *fields.override_reason));
      r.override_by = actor.user_id;
    }
    TRY(referral_repo::Insert(tx, r));
    TRY(cases::AppendTimeline(tx, ref, now, "referral", r.id, r.kind, actor.user_id));

    std::vector<std::string> names = {"kind", "services", "urgency", "share"};
    if (!fields.note.empty()) names.emplace_back("note");
    if (overridden) names.emplace_back("life_danger_override");
    TRY(AuditBoth(tx, audit_, actor, kSend, r, names, overridden ? "override" : "ok"));
    if (overridden) {
      TRY(NotifySupervisors(tx, actor.org_id, "referral_override", r.id, actor.user_id, at));
    }
    if (!r.to_org_id.empty()) {
      // The receiver's case roles see it on their home; its supervisors are told at once.
      TRY(NotifySupervisors(tx, r.to_org_id, "referral_received", r.id, actor.user_id, at));
    }
    auto stored = TRY(referral_repo::FindById(tx, r.id));
    return ViewFor(tx, keyring_, *stored, actor.org_id, now);
  });
}

Result<security::Audited<Referral>> ReferralService::Get(const security::Actor& actor,
                                                         const std::string& id) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  const TimePoint now = clock_.Now();
  std::optional<Referral> found;
  TRY(db_.Read([&](store::Tx& tx) -> Result<void> {
    if (auto r = TRY(FindForSide(tx, actor, id))) {
      found = TRY(ViewFor(tx, keyring_, *r, actor.org_id, now));
    }
    return Ok();
  }));
  auto e = security::ActorEvent(actor, "referral.read", "referral", id, {}, actor.org_id);
  if (!found) {
    // A referral of another organization, or of neither side, is refused as an unknown id is.
    e.outcome = "not_found";
    return Fail(reads_.Refuse(std::move(e), NotFound()));
  }
  return security::Audited<Referral>{std::move(*found),
                                     security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<ReferralPage>> ReferralService::List(const security::Actor& actor,
                                                              const std::string& direction,
                                                              const std::string& status,
                                                              const std::string& cursor,
                                                              int limit) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  Error bad{ErrorCode::kInvalid, "error.invalid"};
  if (!direction.empty() && direction != "incoming" && direction != "outgoing") {
    bad.Field("direction", "field.unknown_value");
  }
  if (!status.empty() && !IsOneOf(Statuses(), status)) bad.Field("status", "field.unknown_value");
  if (!cursor.empty() && cursor.find('|') == std::string::npos) {
    bad.Field("cursor", "field.unknown_value");
  }
  if (limit < 1 || limit > 200) bad.Field("limit", "field.out_of_range");
  if (!bad.fields.empty()) return Fail(std::move(bad));
  const TimePoint now = clock_.Now();
  auto page = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<ReferralPage> {
    auto rows = TRY(referral_repo::List(tx, {.org_id = actor.org_id,
                                             .direction = direction,
                                             .status = status,
                                             .before = cursor,
                                             .limit = limit + 1}));
    ReferralPage out;
    for (size_t i = 0; i < rows.size() && i < static_cast<size_t>(limit); ++i) {
      out.items.push_back(TRY(ViewFor(tx, keyring_, rows[i], actor.org_id, now)));
    }
    if (rows.size() > static_cast<size_t>(limit)) {
      const auto& last = rows[static_cast<size_t>(limit) - 1];
      out.next_cursor = last.sent_at + "|" + last.id;
    }
    return out;
  }));
  auto e =
      security::ActorEvent(actor, "referral.list", "organization", actor.org_id, {}, actor.org_id);
  return security::Audited<ReferralPage>{std::move(page),
                                         security::PendingAudit(reads_, std::move(e))};
}

}  // namespace dandelion::referrals

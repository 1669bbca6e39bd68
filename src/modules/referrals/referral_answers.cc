// Answering a referral: accept, decline, withdraw, complete; and the withdrawal a revoked consent
// causes (referral_service.h).
#include <algorithm>

#include "core/ids.h"
#include "modules/cases/case_access.h"
#include "modules/cases/case_repo.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/referrals/referral_service.h"
#include "modules/referrals/referrals_internal.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::referrals {

using referral_repo::StoredReferral;

namespace {

// A waiting referral for the side that may answer it, or the audited refusal. The state first:
// an answered referral is answered for both sides alike (409); then the side (403).
Result<StoredReferral> LoadWaiting(store::Tx& tx, const security::AuditLog& audit,
                                   const security::Actor& actor, const std::string& id,
                                   std::string_view action, std::string_view side) {
  StoredReferral r = TRY(LoadForSide(tx, audit, actor, id, action));
  if (r.status != "sent") {
    return Fail(RefuseStep(tx, audit, actor, action, id, "conflict",
                           {ErrorCode::kConflict, "referrals.not_waiting"}));
  }
  if (SideOf(r, actor.org_id) != side) {
    return Fail(RefuseStep(tx, audit, actor, action, id, "denied",
                           {ErrorCode::kForbidden, side == "incoming" ? "referrals.receiver_only"
                                                                      : "referrals.sender_only"}));
  }
  return r;
}

// The sender's case, for its timeline.
cases::CaseRef SenderCase(const StoredReferral& r) {
  return {.id = r.from_case_id, .org_id = r.from_org_id, .person_id = r.from_person_id};
}

// The worker who sent it hears of every answer.
Result<void> TellSender(store::Tx& tx, const StoredReferral& r, std::string_view kind,
                        const security::Actor& actor, const std::string& at) {
  return cases::case_repo::InsertNotification(tx, {.id = NewId(),
                                                   .org_id = r.from_org_id,
                                                   .user_id = r.sent_by,
                                                   .kind = std::string(kind),
                                                   .actor_id = actor.user_id,
                                                   .at = at,
                                                   .referral_id = r.id});
}

// Only her shared fields travel: everything else stays with the sender.
people::PersonFields SharedFields(const people::Person& her,
                                  const std::vector<std::string>& share) {
  people::PersonFields f;
  auto shared = [&](std::string_view name) {
    return std::find(share.begin(), share.end(), name) != share.end();
  };
  if (shared("legal_name") && !her.legal_name.empty()) f.legal_name = her.legal_name;
  if (shared("alias") && !her.alias.empty()) f.alias = her.alias;
  if (shared("birth_date") && !her.birth_date.empty()) f.birth_date = her.birth_date;
  if (shared("phone") && !her.phone.empty()) f.phone = her.phone;
  if (shared("safe_contact") && !her.safe_contact.empty()) f.safe_contact = her.safe_contact;
  if (shared("nationality") && !her.nationality.empty()) f.nationality = her.nationality;
  if (shared("languages")) f.languages = her.languages;
  if (shared("categories")) f.categories = her.categories;
  return f;
}

// A transfer: the sender's case closes as referred once the receiver has her. The sender keeps
// reading what it recorded (the case stays its own, closed).
Result<void> CloseSenderCase(store::Tx& tx, const security::AuditLog& audit,
                             const security::Actor& actor, const StoredReferral& r, TimePoint now) {
  auto c = TRY(cases::case_repo::FindById(tx, r.from_case_id));
  if (!c || c->status != "open") return Ok();
  const std::string at = FormatRfc3339(now);
  c->status = "closed";
  c->closed_at = at;
  c->closure_reason = "referred";
  c->updated_at = at;
  TRY(cases::case_repo::Update(tx, *c));
  TRY(cases::AppendTimeline(tx, SenderCase(r), now, "case_closed", c->id, "referred", ""));
  auto e = security::ActorEvent(actor, "case.close", "case", c->id, {"status", "closure_reason"},
                                r.from_org_id);
  TRY(audit.Append(tx, e));
  return Ok();
}

}  // namespace

Result<Accepted> ReferralService::Accept(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  TRY(RequirePermission(actor, security::perm::kPersonWrite));
  const TimePoint now = clock_.Now();
  const std::string at = FormatRfc3339(now);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Accepted> {
    constexpr std::string_view kAction = "referral.accept";
    StoredReferral r = TRY(LoadWaiting(tx, audit_, actor, id, kAction, "incoming"));
    // Everything is checked again now: she may have been erased, revoked her consent or named
    // this receiver as a place she must not go since the referral was sent. Any of these
    // withdraws the referral (committed with the refusal) and nothing of her moves.
    auto her = TRY(people::person_repo::FindById(tx, r.from_person_id));
    auto withdraw = [&](std::string outcome, Error error) -> Error {
      if (auto w = WithdrawIn(tx, keyring_, audit_, actor, r, at, ""); !w) return w.error();
      return RefuseStep(tx, audit_, actor, kAction, id, std::move(outcome), std::move(error));
    };
    if (!her || !her->erased_at.empty()) {
      return Fail(withdraw("erased", {ErrorCode::kConflict, "referrals.person_gone"}));
    }
    const auto exclusions = TRY(ExclusionsOpened(tx, keyring_, r.from_org_id, r.from_person_id));
    if (Excludes(exclusions, r.to_org_id, TRY(RegionsServed(tx, r.to_org_id)))) {
      return Fail(withdraw("excluded", {ErrorCode::kExcluded, "referrals.excluded"}));
    }
    const std::vector<std::string> share = people::SplitList(r.share);
    if (r.override_by.empty() &&
        CoveringConsent(TRY(ConsentsOf(tx, r.from_person_id, now)), r.to_org_id, "", share)
            .empty()) {
      return Fail(withdraw("consent_required",
                           {ErrorCode::kConsentRequired, "referrals.consent_required"}));
    }

    // Her shared fields, opened under the sender's key for her and sealed again under the
    // receiver's: a person of the receiver's own, with her own key.
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, r.from_org_id, r.from_person_id));
    const people::Person sender_view = TRY(cipher.OpenRow(*her));
    const people::PersonFields fields = SharedFields(sender_view, share);
    people::Person person = TRY(people_.CreateIn(tx, actor, fields, r.age_band));
    const std::string note = TRY(OpenText(tx, keyring_, r, "note", r.note));
    cases::CaseFields case_fields;
    case_fields.person_id = person.id;
    case_fields.intake_channel = "member_referral";
    case_fields.risk_level = r.urgency == "urgent" ? "high" : "medium";
    case_fields.summary = note;
    cases::Case opened = TRY(cases_.OpenIn(tx, actor, case_fields));

    r.status = "accepted";
    r.answered_at = at;
    r.answered_by = actor.user_id;
    r.to_person_id = person.id;
    r.to_case_id = opened.id;
    TRY(referral_repo::Update(tx, r));
    cases::CaseRef receiver{.id = opened.id, .org_id = actor.org_id, .person_id = person.id};
    TRY(cases::AppendTimeline(tx, receiver, now, "referral", r.id, "accepted", actor.user_id));
    TRY(cases::AppendTimeline(tx, SenderCase(r), now, "referral", r.id, "accepted", ""));
    if (r.kind == "transfer") TRY(CloseSenderCase(tx, audit_, actor, r, now));
    std::vector<std::string> names = {"status"};
    for (const auto& f : fields.Names()) names.push_back("person." + f);
    TRY(AuditBoth(tx, audit_, actor, kAction, r, names));
    TRY(TellSender(tx, r, "referral_accepted", actor, at));
    return Accepted{.id = r.id, .person_id = person.id, .case_id = opened.id};
  });
}

Result<Referral> ReferralService::Decline(const security::Actor& actor, const std::string& id,
                                          const Answer& answer) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  TRY(ValidateDecline(answer));
  const TimePoint now = clock_.Now();
  const std::string at = FormatRfc3339(now);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Referral> {
    constexpr std::string_view kAction = "referral.decline";
    StoredReferral r = TRY(LoadWaiting(tx, audit_, actor, id, kAction, "incoming"));
    r.status = "declined";
    r.answered_at = at;
    r.answered_by = actor.user_id;
    r.decline_reason = answer.reason;
    r.decline_note = TRY(SealText(tx, keyring_, r, "decline_note", answer.note));
    TRY(referral_repo::Update(tx, r));
    TRY(cases::AppendTimeline(tx, SenderCase(r), now, "referral", r.id, "declined", ""));
    std::vector<std::string> names = {"status", "decline_reason"};
    if (!answer.note.empty()) names.emplace_back("decline_note");
    TRY(AuditBoth(tx, audit_, actor, kAction, r, names));
    TRY(TellSender(tx, r, "referral_declined", actor, at));
    auto stored = TRY(referral_repo::FindById(tx, r.id));
    return ViewFor(tx, keyring_, *stored, actor.org_id, now);
  });
}

Result<Referral> ReferralService::Withdraw(const security::Actor& actor, const std::string& id,
                                           const std::string& reason) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  const TimePoint now = clock_.Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<Referral> {
    constexpr std::string_view kAction = "referral.withdraw";
    StoredReferral r = TRY(LoadWaiting(tx, audit_, actor, id, kAction, "outgoing"));
    TRY(WithdrawIn(tx, keyring_, audit_, actor, r, FormatRfc3339(now), reason));
    TRY(cases::AppendTimeline(tx, SenderCase(r), now, "referral", r.id, "withdrawn",
                              actor.user_id));
    auto stored = TRY(referral_repo::FindById(tx, r.id));
    return ViewFor(tx, keyring_, *stored, actor.org_id, now);
  });
}

Result<Referral> ReferralService::Complete(const security::Actor& actor, const std::string& id,
                                           const Answer& answer) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  TRY(ValidateComplete(answer));
  const TimePoint now = clock_.Now();
  const std::string at = FormatRfc3339(now);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Referral> {
    constexpr std::string_view kAction = "referral.complete";
    StoredReferral r = TRY(LoadForSide(tx, audit_, actor, id, kAction));
    // A referral in the network completes once accepted, by either side; one outside it has no
    // answer in Dandelion, so its sender completes it while it is sent.
    const bool external = r.kind == "external";
    if (r.status != (external ? "sent" : "accepted")) {
      return Fail(RefuseStep(tx, audit_, actor, kAction, id, "conflict",
                             {ErrorCode::kConflict, "referrals.not_accepted"}));
    }
    r.status = "completed";
    r.completed_at = at;
    r.outcome = answer.outcome;
    r.outcome_reason = answer.reason;
    if (external && r.answered_at.empty()) r.answered_at = at;
    TRY(referral_repo::Update(tx, r));
    TRY(cases::AppendTimeline(tx, SenderCase(r), now, "referral", r.id, "completed",
                              SideOf(r, actor.org_id) == "outgoing" ? actor.user_id : ""));
    std::vector<std::string> names = {"status", "outcome"};
    if (!answer.reason.empty()) names.emplace_back("outcome_reason");
    TRY(AuditBoth(tx, audit_, actor, kAction, r, names));
    if (SideOf(r, actor.org_id) == "incoming") {
      TRY(TellSender(tx, r, "referral_completed", actor, at));
    }
    auto stored = TRY(referral_repo::FindById(tx, r.id));
    return ViewFor(tx, keyring_, *stored, actor.org_id, now);
  });
}

Result<int> WithdrawUnderRevokedConsent(store::Tx& tx, security::Keyring& keyring,
                                        const security::AuditLog& audit,
                                        const security::Actor& actor, const std::string& consent_id,
                                        TimePoint now) {
  int withdrawn = 0;
  const std::string at = FormatRfc3339(now);
  for (auto& r : TRY(referral_repo::WaitingUnderConsent(tx, consent_id))) {
    TRY(WithdrawIn(tx, keyring, audit, actor, r, at, ""));
    TRY(cases::AppendTimeline(tx, SenderCase(r), now, "referral", r.id, "withdrawn",
                              actor.user_id));
    ++withdrawn;
  }
  return withdrawn;
}

}  // namespace dandelion::referrals

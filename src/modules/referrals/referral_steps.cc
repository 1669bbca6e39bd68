// The steps every referral method shares (referrals_internal.h).
#include <algorithm>

#include "core/ids.h"
#include "modules/case_records/consent_repo.h"
#include "modules/case_records/model.h"
#include "modules/cases/case_repo.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/referrals/referrals_internal.h"
#include "modules/service_support.h"
#include "security/account_repo.h"
#include "security/field_cipher.h"
#include "security/policy.h"

namespace dandelion::referrals {

using referral_repo::StoredReferral;

Result<std::string> SealText(store::Tx& tx, security::Keyring& keyring, const StoredReferral& r,
                             std::string_view column, std::string_view text) {
  if (text.empty()) return std::string();
  auto key = TRY(keyring.CurrentOrgKey(tx, r.from_org_id));
  return security::EncryptField(*key.key, key.version,
                                {r.from_org_id, kReferralsTable, column, r.id}, text);
}

Result<std::string> OpenText(store::Tx& tx, security::Keyring& keyring, const StoredReferral& r,
                             std::string_view column, std::string_view blob) {
  if (blob.empty()) return std::string();
  const uint32_t version = TRY(security::FieldKeyVersion(blob));
  auto key = TRY(keyring.OrgKeyVersion(tx, r.from_org_id, version));
  auto plain =
      security::DecryptField(*key.key, {r.from_org_id, kReferralsTable, column, r.id}, blob);
  if (!plain) return Fail(ErrorCode::kInternal, "error.internal", "referral field does not open");
  return std::move(*plain);
}

std::string SideOf(const StoredReferral& r, const std::string& org_id) {
  if (r.from_org_id == org_id) return "outgoing";
  if (!r.to_org_id.empty() && r.to_org_id == org_id) return "incoming";
  return "";
}

Error RefuseStep(store::Tx& tx, const security::AuditLog& audit, const security::Actor& actor,
                 std::string_view action, const std::string& id, std::string outcome, Error error) {
  auto e = security::ActorEvent(actor, std::string(action), "referral", id);
  e.outcome = std::move(outcome);
  if (auto written = audit.Append(tx, e); !written) return written.error();
  return RecordedRefusal(std::move(error));
}

Result<std::optional<StoredReferral>> FindForSide(store::Tx& tx, const security::Actor& actor,
                                                  const std::string& id) {
  std::optional<StoredReferral> r;
  if (LooksLikeId(id)) r = TRY(referral_repo::FindById(tx, id));
  if (!r || SideOf(*r, actor.org_id).empty()) return std::nullopt;
  return r;
}

Result<StoredReferral> LoadForSide(store::Tx& tx, const security::AuditLog& audit,
                                   const security::Actor& actor, const std::string& id,
                                   std::string_view action) {
  auto r = TRY(FindForSide(tx, actor, id));
  if (!r) return Fail(RefuseStep(tx, audit, actor, action, id, "not_found", NotFound()));
  return std::move(*r);
}

namespace {

// The caller's own person and case on the referral: the sender's always, the receiver's once
// it accepted.
Result<void> OwnSide(store::Tx& tx, security::Keyring& keyring, const std::string& person_id,
                     const std::string& case_id, Referral& out) {
  if (person_id.empty()) return Ok();
  auto person = TRY(people::person_repo::FindById(tx, person_id));
  if (person) {
    out.person_id = person->id;
    out.person_code = person->code;
    if (person->erased_at.empty() && !person->alias.empty()) {
      auto cipher = TRY(people::PersonCipher::Load(tx, keyring, person->org_id, person->id));
      out.person_alias = TRY(cipher.Open("alias", person->alias));
    }
  }
  if (!case_id.empty()) {
    auto c = TRY(cases::case_repo::FindById(tx, case_id));
    if (c) {
      out.case_id = c->id;
      out.case_number = c->number;
    }
  }
  return Ok();
}

}  // namespace

Result<Referral> ViewFor(store::Tx& tx, security::Keyring& keyring, const StoredReferral& r,
                         const std::string& caller_org, TimePoint now) {
  Referral out{.id = r.id,
               .kind = r.kind,
               .status = r.status,
               .direction = SideOf(r, caller_org),
               .from_org = {r.from_org_id, r.from_org_name},
               .services = people::SplitList(r.services),
               .urgency = r.urgency,
               .share = people::SplitList(r.share),
               .age_band = r.age_band,
               .languages = people::SplitList(r.languages),
               .region = r.region,
               .sent_at = r.sent_at,
               .sent_by = r.sent_by_name,
               .answer_due_at = r.answer_due_at,
               .answered_at = r.answered_at,
               .decline_reason = r.decline_reason,
               .withdrawn_at = r.withdrawn_at,
               .completed_at = r.completed_at,
               .outcome = r.outcome,
               .outcome_reason = r.outcome_reason,
               .override_by = r.override_by_name};
  if (!r.to_org_id.empty()) out.to_org = OrgRef{r.to_org_id, r.to_org_name};
  if (!r.external_kind.empty()) {
    out.external = ExternalParty{TRY(OpenText(tx, keyring, r, "external_name", r.external_name)),
                                 r.external_kind};
  }
  out.note = TRY(OpenText(tx, keyring, r, "note", r.note));
  out.decline_note = TRY(OpenText(tx, keyring, r, "decline_note", r.decline_note));
  out.withdraw_reason = TRY(OpenText(tx, keyring, r, "withdraw_reason", r.withdraw_reason));
  out.override_reason = TRY(OpenText(tx, keyring, r, "override_reason", r.override_reason));
  out.overdue = r.status == "sent" && !r.to_org_id.empty() && FormatRfc3339(now) > r.answer_due_at;
  if (out.direction == "outgoing") {
    TRY(OwnSide(tx, keyring, r.from_person_id, r.from_case_id, out));
  } else {
    TRY(OwnSide(tx, keyring, r.to_person_id, r.to_case_id, out));
  }
  return out;
}

Result<void> AuditBoth(store::Tx& tx, const security::AuditLog& audit, const security::Actor& actor,
                       std::string_view action, const StoredReferral& r,
                       const std::vector<std::string>& fields, std::string_view outcome) {
  std::vector<std::string> orgs = {r.from_org_id};
  if (!r.to_org_id.empty()) orgs.push_back(r.to_org_id);
  for (const auto& org : orgs) {
    auto e = security::ActorEvent(actor, std::string(action), "referral", r.id, fields, org);
    e.outcome = std::string(outcome);
    TRY(audit.Append(tx, e));
  }
  return Ok();
}

Result<void> NotifySupervisors(store::Tx& tx, const std::string& org_id, std::string_view kind,
                               const std::string& referral_id, const std::string& actor_id,
                               const std::string& at, std::string_view also_role) {
  for (const auto& a : TRY(security::account_repo::ListByOrg(tx, org_id))) {
    if (!a.disabled_at.empty()) continue;
    const bool hears = security::HasRole(a.roles, "supervisor") ||
                       (!also_role.empty() && security::HasRole(a.roles, also_role));
    if (!hears) continue;
    TRY(cases::case_repo::InsertNotification(tx, {.id = NewId(),
                                                  .org_id = org_id,
                                                  .user_id = a.id,
                                                  .kind = std::string(kind),
                                                  .actor_id = actor_id,
                                                  .at = at,
                                                  .referral_id = referral_id}));
  }
  return Ok();
}

Result<std::vector<ConsentScope>> ConsentsOf(store::Tx& tx, const std::string& person_id,
                                             TimePoint now) {
  std::vector<ConsentScope> out;
  for (const auto& c : TRY(case_records::consent_repo::ListByPerson(tx, person_id))) {
    out.push_back(
        {.id = c.id,
         .kind = c.kind,
         .org_id = c.scope_org_id,
         .external = c.scope_external,
         .fields = people::SplitList(c.scope_fields),
         .active = case_records::ConsentState(c.expires_at, c.revoked_at, now) == "active"});
  }
  return out;
}

Result<std::vector<Exclusion>> ExclusionsOpened(store::Tx& tx, security::Keyring& keyring,
                                                const std::string& org_id,
                                                const std::string& person_id) {
  auto rows = TRY(referral_repo::ExclusionsOf(tx, person_id));
  std::vector<Exclusion> out;
  if (rows.empty()) return out;
  auto cipher = TRY(people::PersonCipher::Load(tx, keyring, org_id, person_id));
  for (const auto& row : rows) {
    const std::string target =
        TRY(cipher.OpenRecord("person_exclusions", "target", row.id, row.target));
    Exclusion x{.id = row.id, .created_at = row.created_at};
    if (ReadExclusionTarget(target, x)) out.push_back(std::move(x));
  }
  return out;
}

Result<std::vector<std::string>> RegionsServed(store::Tx& tx, const std::string& org_id) {
  auto p = TRY(referral_repo::Profile(tx, org_id));
  if (!p) return std::vector<std::string>();
  std::vector<std::string> regions =
      p->has_profile ? people::SplitList(p->regions) : std::vector<std::string>{};
  if (std::find(regions.begin(), regions.end(), p->region) == regions.end()) {
    regions.push_back(p->region);
  }
  return regions;
}

Result<void> WithdrawIn(store::Tx& tx, security::Keyring& keyring, const security::AuditLog& audit,
                        const security::Actor& actor, StoredReferral& r, const std::string& at,
                        const std::string& reason) {
  r.status = "withdrawn";
  r.withdrawn_at = at;
  r.withdraw_reason = TRY(SealText(tx, keyring, r, "withdraw_reason", reason));
  TRY(referral_repo::Update(tx, r));
  std::vector<std::string> fields = {"status", "withdrawn_at"};
  if (!reason.empty()) fields.emplace_back("withdraw_reason");
  return AuditBoth(tx, audit, actor, "referral.withdraw", r, fields);
}

}  // namespace dandelion::referrals

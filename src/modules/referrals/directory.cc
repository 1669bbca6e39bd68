// The network directory and her exclusions (referral_service.h).
#include <algorithm>
#include <optional>

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/network/model.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/referrals/referral_service.h"
#include "modules/referrals/referrals_internal.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::referrals {

namespace {

constexpr std::string_view kListExclusions = "exclusion.list";

Result<void> RequireSignedIn(const security::Actor& actor) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  if (actor.org_id.empty()) return Fail(ErrorCode::kForbidden, "error.forbidden");
  return Ok();
}

DirectoryEntry EntryOf(const referral_repo::StoredProfile& p,
                       const std::map<std::string, int>& free_beds) {
  DirectoryEntry e{
      .org_id = p.org_id, .name = p.name, .kind = p.kind, .facility_type = p.facility_type};
  if (p.has_profile) {
    e.profile = {.regions = people::SplitList(p.regions),
                 .services = people::SplitList(p.services),
                 .languages = people::SplitList(p.languages),
                 .accepting = p.accepting,
                 .intake_contact = p.intake_contact,
                 .response_days = p.response_days};
  }
  // An organization serves at least its own region, with or without a profile.
  auto& regions = e.profile.regions;
  if (std::find(regions.begin(), regions.end(), p.region) == regions.end()) {
    regions.insert(regions.begin(), p.region);
  }
  if (auto beds = free_beds.find(p.org_id); beds != free_beds.end()) e.free_beds = beds->second;
  return e;
}

// Why she is refused to the caller: the audit outcome and the error.
struct HerRefusal {
  std::string outcome;
  Error error;
};

// The door for her exclusions, decided inside the caller's transaction: her, of the caller's
// organization, not erased, reachable by the caller (a restricted woman's are closed as she is).
// Nothing when she is admitted; the refusal otherwise. Records nothing.
Result<std::optional<HerRefusal>> DecideHer(store::Tx& tx, const security::Actor& actor,
                                            const std::string& person_id, TimePoint now) {
  std::optional<people::person_repo::StoredPerson> found;
  if (LooksLikeId(person_id)) found = TRY(people::person_repo::FindById(tx, person_id));
  if (!found || found->org_id != actor.org_id || !found->erased_at.empty()) {
    return HerRefusal{"not_found", NotFound()};
  }
  access::PersonDecision reach = TRY(access::DecidePersonAccess(tx, actor, person_id, now));
  if (!reach.allowed) return HerRefusal{reach.Outcome(), access::Refusal(reach)};
  return std::nullopt;
}

// The refused attempt at action on her, as its audit entry names it.
security::AuditEvent RefusedEvent(const security::Actor& actor, std::string_view action,
                                  const std::string& person_id, std::string outcome) {
  auto e = security::ActorEvent(actor, std::string(action), "person", person_id);
  e.outcome = std::move(outcome);
  return e;
}

// The door for a change of her exclusions: a refusal is audited as action in the caller's write
// transaction and returned as a recorded refusal.
Result<void> AdmitHer(store::Tx& tx, const security::AuditLog& audit, const security::Actor& actor,
                      std::string_view action, const std::string& person_id, TimePoint now) {
  auto refused = TRY(DecideHer(tx, actor, person_id, now));
  if (!refused) return Ok();
  TRY(audit.Append(tx, RefusedEvent(actor, action, person_id, std::move(refused->outcome))));
  return Fail(RecordedRefusal(std::move(refused->error)));
}

// A read of her exclusions refused in a read transaction: the attempt is audited (written before
// the refusal leaves) and its error returned.
Error RefuseRead(security::AuditBatcher& reads, const security::Actor& actor,
                 const std::string& person_id, HerRefusal refused) {
  return reads.Refuse(RefusedEvent(actor, kListExclusions, person_id, std::move(refused.outcome)),
                      std::move(refused.error));
}

// The entry a read of her exclusions owes.
security::PendingAudit ListedExclusions(security::AuditBatcher& reads, const security::Actor& actor,
                                        const std::string& person_id) {
  return security::PendingAudit(
      reads, security::ActorEvent(actor, std::string(kListExclusions), "person", person_id,
                                  {"target"}, actor.org_id));
}

// Organization names for her exclusions.
void NameOrganizations(std::vector<Exclusion>& exclusions,
                       const std::vector<referral_repo::StoredProfile>& profiles) {
  for (auto& x : exclusions) {
    for (const auto& p : profiles) {
      if (p.org_id == x.org_id) x.org_name = p.name;
    }
  }
}

}  // namespace

Result<security::Audited<std::vector<DirectoryEntry>>> ReferralService::Directory(
    const security::Actor& actor, const DirectoryFilter& filter) {
  TRY(RequireSignedIn(actor));
  Error bad{ErrorCode::kInvalid, "error.invalid"};
  if (!filter.region.empty() && !network::IsRegion(filter.region)) {
    bad.Field("region", "field.unknown_value");
  }
  if (!filter.language.empty() && !people::IsLanguageCode(filter.language)) {
    bad.Field("language", "field.unknown_value");
  }
  if (!bad.fields.empty()) return Fail(std::move(bad));
  const bool hers = !filter.person_id.empty();
  if (hers) TRY(RequirePermission(actor, security::perm::kCaseRead));
  const TimePoint now = clock_.Now();
  std::optional<HerRefusal> refused;
  auto out = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<DirectoryEntry>> {
    std::vector<DirectoryEntry> out;
    std::vector<Exclusion> exclusions;
    if (hers) {
      refused = TRY(DecideHer(tx, actor, filter.person_id, now));
      if (refused) return out;
      exclusions = TRY(ExclusionsOpened(tx, keyring_, actor.org_id, filter.person_id));
    }
    std::map<std::string, int> beds;
    if (free_beds_) beds = TRY(free_beds_(tx));
    for (const auto& p : TRY(referral_repo::Profiles(tx))) {
      DirectoryEntry e = EntryOf(p, beds);
      if (!Matches(e, filter)) continue;
      if (hers) e.excluded = Excludes(exclusions, e.org_id, e.profile.regions);
      out.push_back(std::move(e));
    }
    return out;
  }));
  if (refused) return Fail(RefuseRead(reads_, actor, filter.person_id, std::move(*refused)));
  // Without her, nothing of anyone is read: nothing is owed.
  security::PendingAudit audit;
  if (hers) audit = ListedExclusions(reads_, actor, filter.person_id);
  return security::Audited<std::vector<DirectoryEntry>>{std::move(out), std::move(audit)};
}

Result<DirectoryEntry> ReferralService::DirectoryEntryOf(const security::Actor& actor,
                                                         const std::string& org_id) {
  TRY(RequireSignedIn(actor));
  if (!LooksLikeId(org_id)) return Fail(NotFound());
  return db_.ReadValue([&](store::Tx& tx) -> Result<DirectoryEntry> {
    auto p = TRY(referral_repo::Profile(tx, org_id));
    if (!p) return Fail(NotFound());
    std::map<std::string, int> beds;
    if (free_beds_) beds = TRY(free_beds_(tx));
    return EntryOf(*p, beds);
  });
}

Result<DirectoryEntry> ReferralService::SaveProfile(const security::Actor& actor,
                                                    const ProfileFields& fields) {
  TRY(RequirePermission(actor, security::perm::kDirectoryEdit));
  TRY(ValidateProfile(fields));
  const std::string at = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<DirectoryEntry> {
    auto p = TRY(referral_repo::Profile(tx, actor.org_id));
    if (!p) return Fail(NotFound());
    p->regions = people::JoinList(fields.regions);
    p->services = people::JoinList(fields.services);
    p->languages = people::JoinList(fields.languages);
    p->accepting = fields.accepting;
    p->intake_contact = fields.intake_contact;
    p->response_days = fields.response_days;
    TRY(referral_repo::SaveProfile(tx, *p, at, actor.user_id));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "directory.update", "organization", actor.org_id,
                                 {"regions", "services", "languages", "accepting", "intake_contact",
                                  "response_days"},
                                 actor.org_id)));
    p->has_profile = true;
    std::map<std::string, int> beds;
    if (free_beds_) beds = TRY(free_beds_(tx));
    return EntryOf(*p, beds);
  });
}

Result<security::Audited<std::vector<Exclusion>>> ReferralService::Exclusions(
    const security::Actor& actor, const std::string& person_id) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  const TimePoint now = clock_.Now();
  std::optional<HerRefusal> refused;
  auto out = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Exclusion>> {
    std::vector<Exclusion> out;
    refused = TRY(DecideHer(tx, actor, person_id, now));
    if (refused) return out;
    out = TRY(ExclusionsOpened(tx, keyring_, actor.org_id, person_id));
    NameOrganizations(out, TRY(referral_repo::Profiles(tx)));
    return out;
  }));
  if (refused) return Fail(RefuseRead(reads_, actor, person_id, std::move(*refused)));
  return security::Audited<std::vector<Exclusion>>{std::move(out),
                                                   ListedExclusions(reads_, actor, person_id)};
}

Result<Exclusion> ReferralService::Exclude(const security::Actor& actor,
                                           const std::string& person_id, const Exclusion& what) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  const TimePoint now = clock_.Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<Exclusion> {
    // Her first: another organization's woman answers 404 whatever the body says.
    TRY(AdmitHer(tx, audit_, actor, "exclusion.create", person_id, now));
    Error bad{ErrorCode::kInvalid, "error.invalid"};
    if (what.org_id.empty() == what.region.empty()) {
      bad.Field("org_id", "referrals.exclusion_one");
    } else if (!what.region.empty() && !network::IsRegion(what.region)) {
      bad.Field("region", "field.unknown_value");
    }
    if (!bad.fields.empty()) return Fail(std::move(bad));
    Exclusion x = what;
    if (!x.org_id.empty()) {
      std::optional<referral_repo::StoredProfile> org;
      if (LooksLikeId(x.org_id)) org = TRY(referral_repo::Profile(tx, x.org_id));
      if (!org) {
        return Fail(
            Error{ErrorCode::kInvalid, "error.invalid"}.Field("org_id", "field.unknown_value"));
      }
      x.org_name = org->name;
    }
    x.id = NewId();
    x.created_at = FormatRfc3339(now);
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, person_id));
    TRY(referral_repo::InsertExclusion(
        tx, {.id = x.id,
             .person_id = person_id,
             .org_id = actor.org_id,
             .target = cipher.SealRecord("person_exclusions", "target", x.id, ExclusionTarget(x)),
             .created_at = x.created_at,
             .created_by = actor.user_id}));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "exclusion.create", "person", person_id,
                                               {"target"}, actor.org_id)));
    return x;
  });
}

Result<void> ReferralService::RemoveExclusion(const security::Actor& actor,
                                              const std::string& person_id,
                                              const std::string& exclusion_id) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  const TimePoint now = clock_.Now();
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    TRY(AdmitHer(tx, audit_, actor, "exclusion.delete", person_id, now));
    std::string removed;
    if (LooksLikeId(exclusion_id)) {
      removed = TRY(referral_repo::RemoveExclusion(tx, exclusion_id, person_id, FormatRfc3339(now),
                                                   actor.user_id));
    }
    if (removed.empty()) return Fail(NotFound());
    if (removed == "already_removed") {
      return Fail(ErrorCode::kConflict, "referrals.exclusion_removed");
    }
    TRY(audit_.Append(tx, security::ActorEvent(actor, "exclusion.delete", "person", person_id,
                                               {"target"}, actor.org_id)));
    return Ok();
  });
}

}  // namespace dandelion::referrals

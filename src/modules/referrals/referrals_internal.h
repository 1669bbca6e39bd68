// What the referral door's files share: sealing a referral's free text under the sender's key,
// loading a referral for one of its two sides, the view each side gets, auditing a step for
// both organizations, and telling supervisors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "modules/referrals/model.h"
#include "modules/referrals/referral_repo.h"
#include "security/actor.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::referrals {

inline constexpr std::string_view kReferralsTable = "referrals";

// A referral's free text (note, reasons, the outside party's name) belongs to the referral, not
// to her record at either side: it is sealed under the sending organization's key, bound to
// (sender, "referrals", column, referral id), so erasing her at either side leaves the other
// side's account of the referral readable, and nothing in it opens under another key.
Result<std::string> SealText(store::Tx& tx, security::Keyring& keyring,
                             const referral_repo::StoredReferral& r, std::string_view column,
                             std::string_view text);
Result<std::string> OpenText(store::Tx& tx, security::Keyring& keyring,
                             const referral_repo::StoredReferral& r, std::string_view column,
                             std::string_view blob);

// Which side the caller's organization is on: "outgoing", "incoming", or "" for neither.
std::string SideOf(const referral_repo::StoredReferral& r, const std::string& org_id);

// The referral id if the caller's organization is on either side of it; nothing otherwise (an
// unknown id too). Records nothing.
Result<std::optional<referral_repo::StoredReferral>> FindForSide(store::Tx& tx,
                                                                 const security::Actor& actor,
                                                                 const std::string& id);

// FindForSide for a step: anyone else, and an unknown id, gets 404 with the attempt audited as
// action (a recorded refusal: the caller's write transaction keeps it).
Result<referral_repo::StoredReferral> LoadForSide(store::Tx& tx, const security::AuditLog& audit,
                                                  const security::Actor& actor,
                                                  const std::string& id, std::string_view action);

// A refusal of a step on a loaded referral (wrong side, wrong state, her consent): audited for
// the caller's organization with outcome, returned as a recorded refusal.
Error RefuseStep(store::Tx& tx, const security::AuditLog& audit, const security::Actor& actor,
                 std::string_view action, const std::string& id, std::string outcome, Error error);

// The referral as the caller's side sees it: its own person and case only.
Result<Referral> ViewFor(store::Tx& tx, security::Keyring& keyring,
                         const referral_repo::StoredReferral& r, const std::string& caller_org,
                         TimePoint now);

// One entry of action on the referral for each organization it touches (the sender, the
// receiver when there is one), naming the fields changed.
Result<void> AuditBoth(store::Tx& tx, const security::AuditLog& audit, const security::Actor& actor,
                       std::string_view action, const referral_repo::StoredReferral& r,
                       const std::vector<std::string>& fields = {},
                       std::string_view outcome = "ok");

// A notification of kind about the referral to every active supervisor of org_id (and, with
// also_role, every active holder of that role too).
Result<void> NotifySupervisors(store::Tx& tx, const std::string& org_id, std::string_view kind,
                               const std::string& referral_id, const std::string& actor_id,
                               const std::string& at, std::string_view also_role = "");

// Her consents as coverage sees them, at now.
Result<std::vector<ConsentScope>> ConsentsOf(store::Tx& tx, const std::string& person_id,
                                             TimePoint now);
// Her exclusions, opened under her key.
Result<std::vector<Exclusion>> ExclusionsOpened(store::Tx& tx, security::Keyring& keyring,
                                                const std::string& org_id,
                                                const std::string& person_id);
// The regions an organization serves as the directory shows them.
Result<std::vector<std::string>> RegionsServed(store::Tx& tx, const std::string& org_id);

// Withdraws r (still waiting) at `at` with a sealed reason; audited for both sides.
Result<void> WithdrawIn(store::Tx& tx, security::Keyring& keyring, const security::AuditLog& audit,
                        const security::Actor& actor, referral_repo::StoredReferral& r,
                        const std::string& at, const std::string& reason);

}  // namespace dandelion::referrals

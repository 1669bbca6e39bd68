// ReferralRepo: storage of referrals, the directory's profiles and her exclusions. SQL only;
// sealed columns come and go as ciphertext ("" is stored as NULL).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::referrals::referral_repo {

struct StoredReferral {
  std::string id;
  std::string kind;
  std::string status;
  std::string from_org_id, from_case_id, from_person_id;
  std::string to_org_id, to_person_id, to_case_id;
  std::string external_kind, external_name;  // external_name sealed
  std::string consent_id;
  std::string services, urgency, share, age_band, languages, region;  // lists comma-separated
  std::string note;                                                   // sealed
  std::string sent_at, sent_by, answer_due_at;
  std::string answered_at, answered_by, decline_reason, decline_note;  // decline_note sealed
  std::string withdrawn_at, withdraw_reason;                           // withdraw_reason sealed
  std::string completed_at, outcome, outcome_reason;
  std::string override_reason, override_by;  // override_reason sealed
  std::string reminded_receiver_at, reminded_sender_at;
  // Read only: names the reply shows.
  std::string from_org_name, to_org_name, sent_by_name, override_by_name;
};

Result<void> Insert(store::Tx& tx, const StoredReferral& r);
// Writes the columns an answer changes: status, answered_*, decline_*, withdrawn_*, completed_*,
// outcome*, to_person_id, to_case_id, reminded_*.
Result<void> Update(store::Tx& tx, const StoredReferral& r);
Result<std::optional<StoredReferral>> FindById(store::Tx& tx, const std::string& id);

struct ListFilter {
  std::string org_id;
  std::string direction;  // "incoming" | "outgoing" | "" (both)
  std::string status;     // "" = any
  std::string before;     // cursor: (sent_at, id) below "sent_at|id"
  int limit = 50;
};
Result<std::vector<StoredReferral>> List(store::Tx& tx, const ListFilter& filter);
// The referrals of a case still waiting or accepted to one receiver (a second one is refused).
Result<bool> OpenTo(store::Tx& tx, const std::string& case_id, const std::string& to_org_id);
// Referrals sent under consent_id still waiting for an answer.
Result<std::vector<StoredReferral>> WaitingUnderConsent(store::Tx& tx,
                                                        const std::string& consent_id);
// Waiting referrals whose answer was due before due_before and whose receiver (or, with
// sender = true, sender) has not been reminded yet.
Result<std::vector<StoredReferral>> DueForReminder(store::Tx& tx, const std::string& due_before,
                                                   bool sender);

// Counts for statistics: (status, outcome, sent_at, answered_at) of an organization's referrals
// in one direction, sent in [from, to).
struct Counted {
  std::string status, outcome, sent_at, answered_at;
};
Result<std::vector<Counted>> ForStatistics(store::Tx& tx, const std::string& org_id, bool incoming,
                                           const std::string& from, const std::string& to);

// ---- The directory ----------------------------------------------------------------------------

struct StoredProfile {
  std::string org_id, name, kind, facility_type, region;  // the organization's own
  bool has_profile = false;
  std::string regions, services, languages, intake_contact;
  bool accepting = false;
  int response_days = 0;
};
// Every organization with its profile (has_profile false and empty lists when it has none).
Result<std::vector<StoredProfile>> Profiles(store::Tx& tx);
Result<std::optional<StoredProfile>> Profile(store::Tx& tx, const std::string& org_id);
Result<void> SaveProfile(store::Tx& tx, const StoredProfile& p, const std::string& at,
                         const std::string& by);

// ---- Her exclusions ---------------------------------------------------------------------------

struct StoredExclusion {
  std::string id, person_id, org_id, target, created_at, created_by;  // target sealed
};
Result<void> InsertExclusion(store::Tx& tx, const StoredExclusion& x);
// Her exclusions in force (not removed), oldest first.
Result<std::vector<StoredExclusion>> ExclusionsOf(store::Tx& tx, const std::string& person_id);
// Marks one removed at `at`: "removed", "already_removed", or "" when she has no such exclusion.
Result<std::string> RemoveExclusion(store::Tx& tx, const std::string& id,
                                    const std::string& person_id, const std::string& at,
                                    const std::string& by);

}  // namespace dandelion::referrals::referral_repo

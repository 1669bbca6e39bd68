// ReferralService: the one door to referrals between member organizations, the network
// directory and her exclusions (docs/api-referrals.md).
//
// What holds, whoever calls:
// - Her consent is enforced, not advised: a referral needs an active referral_sharing consent
//   naming the receiver and covering every shared field (409 consent_required), checked again
//   when the receiver accepts; revoking it withdraws a referral still waiting. Only a
//   supervisor's life-danger override, with a reason, skips it; it is audited, every supervisor
//   of the sender hears of it, and the referral shows it for ever.
// - Her exclusions hold before anything of her is shown to anyone (409 excluded), and cannot be
//   overridden.
// - Until it accepts, the receiver sees what it needs to decide (services, urgency, age band,
//   languages, region, the sender's note) and nothing that names her. On acceptance it gets its
//   own person (exactly the shared fields, sealed under its own keys) and case; each side sees
//   the referral's status, never the other's records.
// - A referral of another organization, or of neither side, answers 404 as an unknown id does.
// - Every step is audited for both organizations, in the transaction that does it; a read (a
//   referral, the list, her exclusions, the statistics), before its reply leaves
//   (security/audit_batcher.h), read without the database's writer.
//
// Thread-safe: state lives in the database.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/clock.h"
#include "modules/cases/case_service.h"
#include "modules/people/people_service.h"
#include "modules/referrals/model.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::referrals {

// Free beds per support facility (org id -> count), from the shelters' records when they exist.
using FreeBedCounter = std::function<Result<std::map<std::string, int>>(store::Tx&)>;

struct ReferralPage {
  std::vector<Referral> items;
  std::string next_cursor;
};

struct Accepted {
  std::string id;
  std::string person_id;
  std::string case_id;
};

struct DirectionFigures {
  int total = 0;
  std::map<std::string, int> by_status;
  std::map<std::string, int> by_outcome;
  std::optional<double> median_hours_to_answer;
};
struct ReferralFigures {
  DirectionFigures outgoing;
  DirectionFigures incoming;
};

class ReferralService {
 public:
  ReferralService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
                  security::AuditBatcher& reads, people::PeopleService& people,
                  cases::CaseService& cases, const Clock& clock)
      : db_(db),
        keyring_(keyring),
        audit_(audit),
        reads_(reads),
        people_(people),
        cases_(cases),
        clock_(clock) {}

  // The shelters module tells the directory how many beds are free.
  void SetFreeBedCounter(FreeBedCounter counter) { free_beds_ = std::move(counter); }

  // ---- The directory (directory.cc) ----
  // Any signed-in member; with filter.person_id (case roles), her exclusions marked and the
  // read of them audited (nothing is owed without her).
  Result<security::Audited<std::vector<DirectoryEntry>>> Directory(const security::Actor& actor,
                                                                   const DirectoryFilter& filter);
  Result<DirectoryEntry> DirectoryEntryOf(const security::Actor& actor, const std::string& org_id);
  // The caller's organization's own profile (org_admin).
  Result<DirectoryEntry> SaveProfile(const security::Actor& actor, const ProfileFields& fields);

  // ---- Her exclusions (exclusions.cc) ----
  Result<security::Audited<std::vector<Exclusion>>> Exclusions(const security::Actor& actor,
                                                               const std::string& person_id);
  Result<Exclusion> Exclude(const security::Actor& actor, const std::string& person_id,
                            const Exclusion& what);
  Result<void> RemoveExclusion(const security::Actor& actor, const std::string& person_id,
                               const std::string& exclusion_id);

  // ---- Referrals (referral_service.cc, referral_answers.cc) ----
  Result<Referral> Send(const security::Actor& actor, const SendFields& fields);
  Result<security::Audited<Referral>> Get(const security::Actor& actor, const std::string& id);
  // direction: incoming | outgoing | "" (both); status: a status or "".
  Result<security::Audited<ReferralPage>> List(const security::Actor& actor,
                                               const std::string& direction,
                                               const std::string& status, const std::string& cursor,
                                               int limit);
  Result<Accepted> Accept(const security::Actor& actor, const std::string& id);
  Result<Referral> Decline(const security::Actor& actor, const std::string& id,
                           const Answer& answer);
  Result<Referral> Withdraw(const security::Actor& actor, const std::string& id,
                            const std::string& reason);
  Result<Referral> Complete(const security::Actor& actor, const std::string& id,
                            const Answer& answer);
  // The letter for the receiver, as PDF bytes (letter.cc): the sender only.
  Result<security::Audited<std::string>> Letter(const security::Actor& actor,
                                                const std::string& id);
  // Counts of the caller's organization's referrals sent in [from, to) (YYYY-MM-DD).
  Result<security::Audited<ReferralFigures>> Figures(const security::Actor& actor,
                                                     const std::string& from,
                                                     const std::string& to);

  // ---- Follow-through (reminders.cc) ----
  // Reminds the receiver's supervisors of referrals past their answer time, then the sender's a
  // day (urgent: 4 hours) later. Returns how many reminders it sent. Called by a background task.
  Result<int> RemindOverdue();

  static constexpr int kPageSize = 50;

 private:
  friend struct ReferralSteps;

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  people::PeopleService& people_;
  cases::CaseService& cases_;
  const Clock& clock_;
  FreeBedCounter free_beds_;
};

// Inside a consent's revocation: withdraws every referral still waiting under it, audited for
// both organizations, and returns how many.
Result<int> WithdrawUnderRevokedConsent(store::Tx& tx, security::Keyring& keyring,
                                        const security::AuditLog& audit,
                                        const security::Actor& actor, const std::string& consent_id,
                                        TimePoint now);

}  // namespace dandelion::referrals

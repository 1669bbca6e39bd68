// The vocabulary of referrals between member organizations (docs/api-referrals.md): the
// directory's profiles, her exclusions, a referral as either side sees it, and the rules for
// each value. Consent coverage and the answer deadline are decided here, so the service and its
// tests agree on them.
//
// Pure values and functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace dandelion::referrals {

std::span<const std::string_view> Kinds();           // referral, transfer
std::span<const std::string_view> Urgencies();       // routine, urgent
std::span<const std::string_view> Statuses();        // sent, accepted, declined, withdrawn, ...
std::span<const std::string_view> DeclineReasons();  // no_capacity, not_our_service, ...
std::span<const std::string_view> Outcomes();        // successful, unsuccessful
std::span<const std::string_view> OutcomeReasons();  // she_declined, no_capacity, ...
std::span<const std::string_view> ExternalKinds();   // police, hospital, legal_aid, ...
// Her fields a referral may share with the receiver, each named by a consent's scope.
std::span<const std::string_view> ShareFields();

bool IsOneOf(std::span<const std::string_view> words, std::string_view word);

// ---- The directory ----------------------------------------------------------------------------

// What an organization shows the network (its own settings).
struct ProfileFields {
  std::vector<std::string> regions;
  std::vector<std::string> services;
  std::vector<std::string> languages;
  bool accepting = false;
  std::string intake_contact;
  int response_days = kDefaultResponseDays;

  static constexpr int kDefaultResponseDays = 3;
};
Result<void> ValidateProfile(const ProfileFields& in);

struct DirectoryEntry {
  std::string org_id;
  std::string name;
  std::string kind;
  std::string facility_type;  // support facilities only
  ProfileFields profile;
  std::optional<int> free_beds;  // support facilities with beds recorded
  std::optional<bool> excluded;  // asked for one woman: she excluded it or a region it serves
};

struct DirectoryFilter {
  std::string service;
  std::string region;
  std::string language;
  bool accepting_only = false;
  std::string person_id;  // mark her exclusions
};
bool Matches(const DirectoryEntry& entry, const DirectoryFilter& filter);

// ---- Her exclusions ---------------------------------------------------------------------------

struct Exclusion {
  std::string id;
  std::string org_id;  // one of the two is set
  std::string org_name;
  std::string region;
  std::string created_at;
};
// The sealed form of the target: "org:<id>" or "region:KR-xx".
std::string ExclusionTarget(const Exclusion& x);
// Fills org_id or region from a target; false for a malformed one.
bool ReadExclusionTarget(std::string_view target, Exclusion& x);
// Whether any of her exclusions forbids an organization with this id serving these regions.
bool Excludes(const std::vector<Exclusion>& exclusions, std::string_view org_id,
              const std::vector<std::string>& regions);

// ---- Referrals --------------------------------------------------------------------------------

struct ExternalParty {
  std::string name;
  std::string kind;
};

struct SendFields {
  std::string case_id;
  std::string to_org_id;  // "" for an external referral
  std::string kind;       // referral | transfer ("external" is derived from external)
  std::optional<ExternalParty> external;
  std::vector<std::string> services;
  std::string urgency;
  std::string note;
  std::vector<std::string> share;
  std::optional<std::string> override_reason;  // life-danger override, supervisors only
};
Result<void> ValidateSend(const SendFields& in);

struct Answer {
  std::string reason;  // decline reason / outcome reason / withdraw reason (free text)
  std::string note;
  std::string outcome;
};
Result<void> ValidateDecline(const Answer& in);
Result<void> ValidateComplete(const Answer& in);

struct OrgRef {
  std::string id;
  std::string name;
};

// A referral as one side sees it: its own person and case, never the other's.
struct Referral {
  std::string id;
  std::string kind;  // referral | transfer | external
  std::string status;
  std::string direction;  // outgoing | incoming, as the caller sees it
  OrgRef from_org;
  std::optional<OrgRef> to_org;
  std::optional<ExternalParty> external;
  std::vector<std::string> services;
  std::string urgency;
  std::string note;
  std::vector<std::string> share;
  std::string age_band;
  std::vector<std::string> languages;
  std::string region;
  std::string sent_at, sent_by, answer_due_at;
  bool overdue = false;
  std::string answered_at, decline_reason, decline_note;
  std::string withdrawn_at, withdraw_reason;
  std::string completed_at, outcome, outcome_reason;
  std::string override_reason, override_by;  // override_by: display name
  std::string person_id, person_code, person_alias;
  std::string case_id, case_number;
};

// A consent as coverage sees it.
struct ConsentScope {
  std::string id;
  std::string kind;
  std::string org_id;
  std::string external;
  std::vector<std::string> fields;
  bool active = false;
};
// The first active referral_sharing consent naming the receiver (an organization's id, or for
// an external referral the outside party's exact name) whose fields cover every shared field;
// "" when none does.
std::string CoveringConsent(const std::vector<ConsentScope>& consents, std::string_view to_org_id,
                            std::string_view external_name, const std::vector<std::string>& share);

// When a referral sent at sent must be answered: urgent, 4 hours later; otherwise after
// working_days working days (Monday to Friday in Korea time), at the same time of day.
TimePoint AnswerDue(TimePoint sent, bool urgent, int working_days);

}  // namespace dandelion::referrals

// Campaigns and partners: the pure rules (docs/api-campaigns.md) — vocabularies, a campaign's and
// a stop's fields, the route's order, progress by Korea's today, partners' records, and who may
// see and edit a campaign or partner. No storage, no clock of its own; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dandelion::campaigns {

inline constexpr std::string_view kThemes[] = {
    "curbing_demand", "punishing_pimps",  "decriminalizing_women", "exit_support",
    "memorial",       "public_awareness", "local_ordinances",      "anti_trafficking"};
inline constexpr std::string_view kStatuses[] = {"planning", "active", "finished"};
inline constexpr std::string_view kActivities[] = {"rally", "vigil", "press_conference",
                                                   "forum", "march", "memorial"};
inline constexpr std::string_view kPartnerKinds[] = {"womens_rights", "civil_society", "government",
                                                     "police",        "hospital",      "legal_aid",
                                                     "international", "press"};
inline constexpr std::string_view kInteractionKinds[] = {"meeting",      "call",  "email", "letter",
                                                         "joint_action", "visit", "other"};
// Public or organizational files (not a woman's): the policy documents' types.
inline constexpr std::string_view kFileTypes[] = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "text/plain",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/x-hwp"};
inline constexpr size_t kMaxFileBytes = 10 * 1024 * 1024;
inline constexpr int kMaxCampaignDays = 366;

bool IsOneOf(std::span<const std::string_view> allowed, std::string_view value);
// "a,b" <-> {"a","b"} (values never hold commas: they come from the vocabularies).
std::string JoinList(const std::vector<std::string>& items);
std::vector<std::string> SplitList(std::string_view text);

// Days from a to b (both "YYYY-MM-DD"), nullopt when either is not a real day.
std::optional<int> DaysBetween(std::string_view a, std::string_view b);
bool IsDay(std::string_view s);
// http:// or https://, no spaces or quotes, 10-2000 characters.
bool IsWebUrl(std::string_view url);

// ---- Campaigns ----------------------------------------------------------------------------------

struct CampaignFields {
  std::string title_ko, title_en, summary_ko, summary_en, goal_ko, goal_en;
  std::string starts_on, ends_on;
  std::vector<std::string> themes;
  std::string status = "planning";
  bool published = false;
};

// Field reasons (empty when nothing is wrong): a title, a period of at most kMaxCampaignDays
// with the start not after the end, known distinct themes, a known status.
Error ValidateCampaign(const CampaignFields& f);

// ---- The route ----------------------------------------------------------------------------------

struct StopFields {
  std::string day, region, city, venue;
  std::vector<std::string> activities;
  std::string host_org_id, host_partner_id, event_id, note;
};

// Field reasons for a stop's own fields within the campaign's period (starts_on..ends_on).
Error ValidateStop(const StopFields& s, std::string_view starts_on, std::string_view ends_on);

// Whether days (in route order) never go backwards.
bool RouteInOrder(const std::vector<std::string>& days);
// Where a new stop on day goes when no position is given (1-based): after the last stop on or
// before its day.
int InsertPosition(const std::vector<std::string>& days, std::string_view day);
// Whether given is current in another order (each id exactly once).
bool IsPermutation(std::vector<std::string> current, std::vector<std::string> given);

// ---- Progress -----------------------------------------------------------------------------------

struct StopState {
  std::string day;
  bool event_ended = false;  // its linked event has ended
};
// Done: before today, or today with its linked event ended.
bool StopDone(const StopState& s, std::string_view today);
struct Progress {
  int stops_total = 0, stops_done = 0;
  std::string next_stop_on;  // "" when every stop is done
};
Progress ComputeProgress(const std::vector<StopState>& stops, std::string_view today);

// ---- Partners -----------------------------------------------------------------------------------

struct PartnerFields {
  std::string kind, name_ko, name_en, website, note;
};
Error ValidatePartner(const PartnerFields& f);

struct ContactFields {
  std::string name, role, phone, email;
};
Error ValidateContact(const ContactFields& f);

// since <= until when until is given.
Error ValidateAlliance(std::string_view name, std::string_view since, std::string_view until);
Error ValidateAgreement(std::string_view title, std::string_view signed_on,
                        std::string_view expires_on);
// Not expired on today (no expiry: active).
bool AgreementActive(std::string_view expires_on, std::string_view today);
// An interaction happened, not after today.
Error ValidateInteraction(std::string_view day, std::string_view kind, std::string_view summary,
                          std::string_view today);

// ---- Who ----------------------------------------------------------------------------------------

// Who a record of owner_org is for the caller.
struct Caller {
  std::string org_id;
  bool in_secretariat = false;
  std::vector<std::string> roles;
};
// Staff of the owning organization and of the secretariat see it.
bool MaySee(const Caller& c, std::string_view owner_org);
// The owning organization's editors (with the write permission), and the secretariat's
// advocates and network admins.
bool MayEdit(const Caller& c, std::string_view owner_org, std::string_view write_permission);

}  // namespace dandelion::campaigns

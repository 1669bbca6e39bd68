// The public help form's defences against automation, without third parties (security.md,
// "The public help form"; emergency.md, "Floods"):
//
// - a time token: GET help-form hands out "<unix seconds>.<nonce>.<keyed hash>", signed with a
//   key derived from the master key. A submission must bring one at least kMinFormSeconds old
//   (a person reads and types; a script posts at once) and at most kMaxFormSeconds old, and
//   one never used before: a token is consumed by the one request it brings in. A post refused
//   for any reason (a field to correct, a full network) leaves its token unused, so she can
//   correct and resend; a page that is told its token is used or stale fetches a fresh one.
// - flood control per client address: a token bucket of kBurst submissions refilled one per
//   kRefillSeconds. At most kMaxAddresses addresses are remembered, least recently seen
//   forgotten first (O(1) per post). Addresses live only in memory, never on disk or in the
//   logs: the address of a woman asking for help is hers to keep.
// - a network-wide ceiling: past `per_minute` accepted posts in a minute the form is being
//   flooded. Posts are still accepted (a real woman must not be turned away), but held: see
//   FloodState.
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/clock.h"
#include "core/result.h"
#include "security/kdf.h"
#include "security/keys.h"

namespace dandelion::emergency {

inline constexpr int64_t kMinFormSeconds = 2;
inline constexpr int64_t kMaxFormSeconds = 2 * 60 * 60;
inline constexpr int kBurst = 5;
inline constexpr int64_t kRefillSeconds = 120;
inline constexpr size_t kMaxAddresses = 20000;
// Used tokens remembered until they expire; past this many, the oldest are forgotten and every
// token issued no later than them counts as expired (so a token is never usable twice).
inline constexpr size_t kMaxUsedTokens = 200000;
// A flood ends this long after the last post over the ceiling.
inline constexpr int64_t kFloodQuietSeconds = 10 * 60;
inline constexpr int kDefaultPublicPerMinute = 30;

// What the ceiling says about one accepted post.
struct FloodState {
  bool held = false;    // a flood is on: store it at the secretariat, without its own alarm
  bool starts = false;  // this post starts the flood: raise the one alert
};

// Which form a guard protects: its tokens are signed with its own subkey of the master key
// and tagged with its name, so a token of one public form is never accepted by another. The
// public event registration (events/event_service.h) uses the same guard with its own purpose.
struct FormPurpose {
  const security::KdfContext* context = &security::kHelpFormContext;
  uint64_t subkey_id = security::kHelpFormSubkeyId;
  std::string_view tag = "help-form";
};

class HelpFormGuard {
 public:
  HelpFormGuard(const security::SecretKey& master_key, const Clock& clock,
                int per_minute = kDefaultPublicPerMinute, FormPurpose purpose = {});

  std::string IssueToken() const;
  // Ok, or 400 naming form_token: "emergency.form_token" (not ours, altered),
  // "emergency.form_too_fast", "emergency.form_expired" or "emergency.form_used".
  Result<void> CheckToken(std::string_view token);
  // Checks and marks the token used, atomically: of two posts with one token one wins.
  Result<void> ConsumeToken(std::string_view token);
  // Gives a consumed token back (its request could not be stored after all).
  void ReleaseToken(std::string_view token);

  // Takes one submission from address's allowance: nullopt when admitted, else the seconds to
  // wait (for Retry-After).
  std::optional<int64_t> Admit(const std::string& address);
  size_t RememberedAddresses();

  // Counts one accepted post against the network-wide ceiling.
  FloodState NoteAccepted();

 private:
  struct Parsed {
    int64_t issued_at = 0;
    std::string nonce;
  };
  std::string Sign(int64_t issued_at, std::string_view nonce) const;
  Result<Parsed> Parse(std::string_view token) const;
  // mu_ held.
  Result<void> CheckLocked(const Parsed& token, int64_t now);
  void ForgetExpiredLocked(int64_t now);

  security::SecretKey key_;
  std::string tag_;
  const Clock& clock_;
  const int per_minute_;
  struct Bucket {
    double tokens = kBurst;
    int64_t updated_at = 0;
  };
  using Lru = std::list<std::pair<std::string, Bucket>>;  // least recently seen first
  std::mutex mu_;
  Lru buckets_;                                                // GUARDED_BY(mu_)
  std::unordered_map<std::string, Lru::iterator> by_address_;  // GUARDED_BY(mu_)
  std::unordered_set<std::string> used_;                       // nonces; GUARDED_BY(mu_)
  std::multimap<int64_t, std::string> used_by_issue_;          // GUARDED_BY(mu_)
  int64_t issued_floor_ = 0;  // tokens issued at or before this are expired; GUARDED_BY(mu_)
  std::deque<int64_t> recent_posts_;  // the last per_minute_ accepted posts; GUARDED_BY(mu_)
  std::optional<int64_t> last_over_;  // the last post over the ceiling; GUARDED_BY(mu_)
  bool flood_open_ = false;           // GUARDED_BY(mu_)
};

}  // namespace dandelion::emergency

// The public help form's defences against automation, without third parties (security.md,
// "The public help form"):
//
// - a time token: GET help-form hands out "<unix seconds>.<keyed hash>", signed with a key
//   derived from the master key. A submission must bring one at least kMinFormSeconds old (a
//   person reads and types; a script posts at once) and at most kMaxFormSeconds old.
// - flood control per client address: a token bucket of kBurst submissions refilled one per
//   kRefillSeconds. Addresses live only in memory, never on disk or in the logs: the address
//   of a woman asking for help is hers to keep.
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "security/keys.h"

namespace dandelion::emergency {

inline constexpr int64_t kMinFormSeconds = 2;
inline constexpr int64_t kMaxFormSeconds = 2 * 60 * 60;
inline constexpr int kBurst = 5;
inline constexpr int64_t kRefillSeconds = 120;

class HelpFormGuard {
 public:
  HelpFormGuard(const security::SecretKey& master_key, const Clock& clock);

  std::string IssueToken() const;
  // Ok, or 400 naming form_token: "emergency.form_token" (not ours, altered),
  // "emergency.form_too_fast" or "emergency.form_expired".
  Result<void> CheckToken(std::string_view token) const;

  // Takes one submission from address's allowance: nullopt when admitted, else the seconds to
  // wait (for Retry-After).
  std::optional<int64_t> Admit(const std::string& address);

 private:
  std::string Sign(int64_t issued_at) const;

  security::SecretKey key_;
  const Clock& clock_;
  struct Bucket {
    double tokens = kBurst;
    int64_t updated_at = 0;
  };
  std::mutex mu_;
  std::map<std::string, Bucket> buckets_;  // GUARDED_BY(mu_)
};

}  // namespace dandelion::emergency

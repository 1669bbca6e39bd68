#include "modules/emergency/help_form.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>

#include "core/ids.h"
#include "security/kdf.h"

namespace dandelion::emergency {
namespace {

// Beyond this many remembered addresses, those back to a full allowance are forgotten (they
// behave exactly as unknown ones), so a spray of addresses cannot grow memory without bound.
constexpr size_t kMaxBuckets = 20000;

Error BadToken(const char* reason) {
  return Error{ErrorCode::kInvalid, "error.invalid"}.Field("form_token", reason);
}

}  // namespace

HelpFormGuard::HelpFormGuard(const security::SecretKey& master_key, const Clock& clock)
    : key_(security::DeriveSubkey(master_key, security::kHelpFormContext,
                                  security::kHelpFormSubkeyId)),
      clock_(clock) {}

std::string HelpFormGuard::Sign(int64_t issued_at) const {
  const std::string message = "help-form:" + std::to_string(issued_at);
  unsigned char mac[16];
  crypto_generichash(mac, sizeof mac, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), key_.data(), key_.size());
  return ToHex(std::string_view(reinterpret_cast<const char*>(mac), sizeof mac));
}

std::string HelpFormGuard::IssueToken() const {
  const int64_t now = UnixSeconds(clock_.Now());
  return std::to_string(now) + "." + Sign(now);
}

Result<void> HelpFormGuard::CheckToken(std::string_view token) const {
  const auto dot = token.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 12) {
    return Fail(BadToken("emergency.form_token"));
  }
  int64_t issued_at = 0;
  for (char c : token.substr(0, dot)) {
    if (c < '0' || c > '9') return Fail(BadToken("emergency.form_token"));
    issued_at = issued_at * 10 + (c - '0');
  }
  const std::string expected = Sign(issued_at);
  const std::string_view given = token.substr(dot + 1);
  if (given.size() != expected.size() ||
      sodium_memcmp(given.data(), expected.data(), expected.size()) != 0) {
    return Fail(BadToken("emergency.form_token"));
  }
  const int64_t age = UnixSeconds(clock_.Now()) - issued_at;
  if (age < kMinFormSeconds) return Fail(BadToken("emergency.form_too_fast"));
  if (age > kMaxFormSeconds) return Fail(BadToken("emergency.form_expired"));
  return Ok();
}

std::optional<int64_t> HelpFormGuard::Admit(const std::string& address) {
  const int64_t now = UnixSeconds(clock_.Now());
  std::lock_guard lock(mu_);
  if (buckets_.size() > kMaxBuckets) {
    std::erase_if(buckets_, [&](const auto& entry) {
      return entry.second.tokens +
                 static_cast<double>(now - entry.second.updated_at) / kRefillSeconds >=
             kBurst;
    });
  }
  auto [it, added] = buckets_.try_emplace(address);
  Bucket& b = it->second;
  if (added) b.updated_at = now;
  const double elapsed = static_cast<double>(std::max<int64_t>(0, now - b.updated_at));
  b.tokens = std::min<double>(kBurst, b.tokens + elapsed / kRefillSeconds);
  b.updated_at = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return std::nullopt;
  }
  return static_cast<int64_t>(std::ceil((1 - b.tokens) * kRefillSeconds));
}

}  // namespace dandelion::emergency

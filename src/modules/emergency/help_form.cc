#include "modules/emergency/help_form.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>

#include "core/ids.h"
#include "security/kdf.h"

namespace dandelion::emergency {
namespace {

constexpr size_t kNonceBytes = 12;

Error BadToken(const char* reason) {
  return Error{ErrorCode::kInvalid, "error.invalid"}.Field("form_token", reason);
}

bool IsHex(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

HelpFormGuard::HelpFormGuard(const security::SecretKey& master_key, const Clock& clock,
                             int per_minute, FormPurpose purpose)
    : key_(security::DeriveSubkey(master_key, *purpose.context, purpose.subkey_id)),
      tag_(purpose.tag),
      clock_(clock),
      per_minute_(std::max(1, per_minute)) {}

std::string HelpFormGuard::Sign(int64_t issued_at, std::string_view nonce) const {
  const std::string message = tag_ + ":" + std::to_string(issued_at) + ":" + std::string(nonce);
  unsigned char mac[16];
  crypto_generichash(mac, sizeof mac, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), key_.data(), key_.size());
  return ToHex(std::string_view(reinterpret_cast<const char*>(mac), sizeof mac));
}

std::string HelpFormGuard::IssueToken() const {
  const int64_t now = UnixSeconds(clock_.Now());
  unsigned char bytes[kNonceBytes];
  randombytes_buf(bytes, sizeof bytes);
  const std::string nonce =
      ToHex(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
  return std::to_string(now) + "." + nonce + "." + Sign(now, nonce);
}

Result<HelpFormGuard::Parsed> HelpFormGuard::Parse(std::string_view token) const {
  const auto first = token.find('.');
  if (first == std::string_view::npos || first == 0 || first > 12) {
    return Fail(BadToken("emergency.form_token"));
  }
  const auto second = token.find('.', first + 1);
  if (second == std::string_view::npos) return Fail(BadToken("emergency.form_token"));
  Parsed out;
  for (char c : token.substr(0, first)) {
    if (c < '0' || c > '9') return Fail(BadToken("emergency.form_token"));
    out.issued_at = out.issued_at * 10 + (c - '0');
  }
  out.nonce = std::string(token.substr(first + 1, second - first - 1));
  if (out.nonce.size() != 2 * kNonceBytes || !IsHex(out.nonce)) {
    return Fail(BadToken("emergency.form_token"));
  }
  const std::string expected = Sign(out.issued_at, out.nonce);
  const std::string_view given = token.substr(second + 1);
  if (given.size() != expected.size() ||
      sodium_memcmp(given.data(), expected.data(), expected.size()) != 0) {
    return Fail(BadToken("emergency.form_token"));
  }
  return out;
}

void HelpFormGuard::ForgetExpiredLocked(int64_t now) {
  // A token this old is refused as expired anyway: its nonce need not be remembered.
  while (!used_by_issue_.empty() && used_by_issue_.begin()->first < now - kMaxFormSeconds) {
    used_.erase(used_by_issue_.begin()->second);
    used_by_issue_.erase(used_by_issue_.begin());
  }
}

Result<void> HelpFormGuard::CheckLocked(const Parsed& token, int64_t now) {
  const int64_t age = now - token.issued_at;
  if (age < kMinFormSeconds) return Fail(BadToken("emergency.form_too_fast"));
  if (age > kMaxFormSeconds || token.issued_at <= issued_floor_) {
    return Fail(BadToken("emergency.form_expired"));
  }
  if (used_.contains(token.nonce)) return Fail(BadToken("emergency.form_used"));
  return Ok();
}

Result<void> HelpFormGuard::CheckToken(std::string_view token) {
  auto parsed = Parse(token);
  if (!parsed) return Fail(parsed.error());
  const int64_t now = UnixSeconds(clock_.Now());
  std::lock_guard lock(mu_);
  return CheckLocked(*parsed, now);
}

Result<void> HelpFormGuard::ConsumeToken(std::string_view token) {
  auto parsed = Parse(token);
  if (!parsed) return Fail(parsed.error());
  const int64_t now = UnixSeconds(clock_.Now());
  std::lock_guard lock(mu_);
  ForgetExpiredLocked(now);
  TRY(CheckLocked(*parsed, now));
  used_.insert(parsed->nonce);
  used_by_issue_.emplace(parsed->issued_at, parsed->nonce);
  while (used_by_issue_.size() > kMaxUsedTokens) {
    // Memory stays bounded; what is forgotten becomes expired, never reusable.
    auto oldest = used_by_issue_.begin();
    issued_floor_ = std::max(issued_floor_, oldest->first);
    used_.erase(oldest->second);
    used_by_issue_.erase(oldest);
  }
  return Ok();
}

void HelpFormGuard::ReleaseToken(std::string_view token) {
  auto parsed = Parse(token);
  if (!parsed) return;
  std::lock_guard lock(mu_);
  if (used_.erase(parsed->nonce) == 0) return;
  auto [from, to] = used_by_issue_.equal_range(parsed->issued_at);
  for (auto it = from; it != to; ++it) {
    if (it->second == parsed->nonce) {
      used_by_issue_.erase(it);
      break;
    }
  }
}

std::optional<int64_t> HelpFormGuard::Admit(const std::string& address) {
  const int64_t now = UnixSeconds(clock_.Now());
  std::lock_guard lock(mu_);
  auto found = by_address_.find(address);
  Lru::iterator it;
  if (found != by_address_.end()) {
    it = found->second;
    buckets_.splice(buckets_.end(), buckets_, it);  // now the most recently seen
  } else {
    if (buckets_.size() >= kMaxAddresses) {
      // The least recently seen address is forgotten; it returns with a full allowance, which
      // is what it would mostly have regained anyway.
      by_address_.erase(buckets_.front().first);
      buckets_.pop_front();
    }
    it = buckets_.emplace(buckets_.end(), address, Bucket{kBurst, now});
    by_address_.emplace(address, it);
  }
  Bucket& b = it->second;
  const double elapsed = static_cast<double>(std::max<int64_t>(0, now - b.updated_at));
  b.tokens = std::min<double>(kBurst, b.tokens + elapsed / kRefillSeconds);
  b.updated_at = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return std::nullopt;
  }
  return static_cast<int64_t>(std::ceil((1 - b.tokens) * kRefillSeconds));
}

size_t HelpFormGuard::RememberedAddresses() {
  std::lock_guard lock(mu_);
  return buckets_.size();
}

FloodState HelpFormGuard::NoteAccepted() {
  const int64_t now = UnixSeconds(clock_.Now());
  std::lock_guard lock(mu_);
  while (!recent_posts_.empty() && recent_posts_.front() <= now - 60) recent_posts_.pop_front();
  // Only the last per_minute_ posts are kept: a full window means the ceiling is reached.
  const bool over = recent_posts_.size() >= static_cast<size_t>(per_minute_);
  recent_posts_.push_back(now);
  if (recent_posts_.size() > static_cast<size_t>(per_minute_)) recent_posts_.pop_front();
  if (over) last_over_ = now;
  const bool on = last_over_ && now - *last_over_ < kFloodQuietSeconds;
  FloodState state{.held = on, .starts = on && !flood_open_};
  flood_open_ = on;
  return state;
}

}  // namespace dandelion::emergency

#include "security/login_throttle.h"

#include <algorithm>

#include "security/account_repo.h"

namespace dandelion::security {
namespace {

// Counts one failure against a username or device key. A lock that has run out starts a fresh
// count, and failures older than the lock period are forgotten.
Throttle CountFailure(Throttle t, int64_t now, int64_t lock_seconds) {
  if ((t.locked_until && t.locked_until <= now) || now - t.last_failure_at > lock_seconds) {
    t = Throttle{};
  }
  t.failures += 1;
  t.last_failure_at = now;
  return t;
}

// Counts one failure against an address. Unlike a username's, the count survives the end of
// each lock, so every further failure doubles the wait; only a quiet period forgives it.
Throttle CountAddressFailure(Throttle t, int64_t now, int64_t forget_seconds) {
  if (now - t.last_failure_at > forget_seconds) t = Throttle{};
  t.failures += 1;
  t.last_failure_at = now;
  return t;
}

// A username's or a browser's count: locked for lock_seconds once it reaches the limit.
Result<void> CountLockingFailure(store::Tx& tx, const std::string& key, int64_t now,
                                 const AuthOptions& options) {
  Throttle t = CountFailure(TRY(account_repo::GetThrottle(tx, key)), now, options.lock_seconds);
  if (t.failures >= options.lock_after_failures) t.locked_until = now + options.lock_seconds;
  return account_repo::PutThrottle(tx, key, t);
}

}  // namespace

Result<LoginGuard> ReadLoginGuard(store::Tx& tx, const std::string& username,
                                  const std::string& address, const std::string& device,
                                  int64_t now) {
  LoginGuard guard;
  guard.user_key = "user:" + username;
  guard.address_key = "addr:" + address;
  if (!device.empty()) {
    guard.device_key = "device:" + device;
    guard.trusted = TRY(account_repo::GetThrottle(tx, guard.device_key)).locked_until <= now;
  }
  guard.user_locked = TRY(account_repo::GetThrottle(tx, guard.user_key)).locked_until > now;
  const bool address_locked =
      TRY(account_repo::GetThrottle(tx, guard.address_key)).locked_until > now;
  // A trusted browser answers to its own count only (and is trusted only while that count is
  // not locked): neither a locked username nor a throttled address (a proxy, or an office
  // shared with a guesser) keeps its owner out.
  guard.held = !guard.trusted && (guard.user_locked || address_locked);
  return guard;
}

Result<void> CountLoginFailure(store::Tx& tx, const LoginGuard& guard, int64_t now,
                               const AuthOptions& options) {
  // Her browser's own count: a stolen or copied cookie guesses no faster than 5 a lock.
  if (guard.trusted) return CountLockingFailure(tx, guard.device_key, now, options);
  TRY(CountLockingFailure(tx, guard.user_key, now, options));
  Throttle at = CountAddressFailure(TRY(account_repo::GetThrottle(tx, guard.address_key)), now,
                                    options.address_forget_seconds);
  if (at.failures > options.address_free_failures) {
    int64_t shift = std::min<int64_t>(at.failures - options.address_free_failures, 20);
    at.locked_until = now + std::min<int64_t>(int64_t{1} << shift, options.lock_seconds);
  }
  return account_repo::PutThrottle(tx, guard.address_key, at);
}

Result<void> ForgiveLogin(store::Tx& tx, const LoginGuard& guard) {
  if (!guard.device_key.empty()) TRY(account_repo::ClearThrottle(tx, guard.device_key));
  if (!guard.user_locked) TRY(account_repo::ClearThrottle(tx, guard.user_key));
  return Ok();
}

}  // namespace dandelion::security

// Sign-in throttling (docs/security.md, "Authentication"): which failure counters an
// attempt to prove who she is answers to, whether they hold it back, and what its failure or
// success does to them.
//
// Counters live in login_throttle, keyed "user:<name>" (known or not, so a lock says nothing
// about which accounts exist), "addr:<address>" and "device:<nonce>" (a browser that signed in
// as the username before). A username locks after lock_after_failures; an address is slowed
// exponentially after address_free_failures and forgiven only after a quiet hour; a trusted
// browser answers to its own count only, so a lock someone else caused does not keep her out.
//
// Every function runs inside the caller's transaction.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "security/auth_options.h"
#include "store/database.h"

namespace dandelion::security {

// The counters one attempt answers to, as read in the attempt's snapshot.
struct LoginGuard {
  std::string user_key, address_key;
  std::string device_key;  // "" without a valid device cookie
  bool trusted = false;    // a valid device cookie not itself locked: no username lock
  bool user_locked = false;
  bool held = false;  // refused as locked before its password is even checked
};

// device: the nonce of the browser's valid device cookie for this username, "" for none.
Result<LoginGuard> ReadLoginGuard(store::Tx& tx, const std::string& username,
                                  const std::string& address, const std::string& device,
                                  int64_t now);

// A wrong password or second factor: counted against a trusted browser's own cookie, otherwise
// against the username and the address.
Result<void> CountLoginFailure(store::Tx& tx, const LoginGuard& guard, int64_t now,
                               const AuthOptions& options);

// A success forgives her browser's count and the username's, unless the username was locked by
// someone else: clearing that would hand the guesser fresh tries every time she signs in.
Result<void> ForgiveLogin(store::Tx& tx, const LoginGuard& guard);

}  // namespace dandelion::security

// AuthOptions: the timeouts and throttling limits of authentication (docs/security.md,
// "Authentication"). Its own header so the throttling rules (login_throttle.h) can read them
// without the whole AuthService.
#pragma once

#include <cstdint>

namespace dandelion::security {

struct AuthOptions {
  bool demo = false;  // a demo data dir offers MFA but does not force it
  int64_t idle_timeout_seconds = 15 * 60;
  int64_t absolute_timeout_seconds = 12 * 60 * 60;
  int64_t lock_after_failures = 5;
  int64_t lock_seconds = 15 * 60;
  int64_t address_free_failures = 10;
  int64_t address_forget_seconds = 60 * 60;  // an address's count restarts after this quiet
  int64_t inactive_disable_days = 90;
  int64_t reauth_valid_seconds = 5 * 60;
};

}  // namespace dandelion::security

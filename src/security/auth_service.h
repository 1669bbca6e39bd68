// AuthService: the one door to signing in and out, sessions, TOTP enrolment and
// re-authentication (docs/security.md, "Authentication").
//
// Passwords are checked outside any write transaction (Argon2id takes a tenth of a second and
// must not hold the writer); the outcome is then recorded with its audit entry in one write.
// Unknown usernames, wrong passwords and disabled accounts get the same answer after the same
// work. Failures are counted per username (known or not) and per client address: 5 in a row
// lock the username for 15 minutes; an address is slowed exponentially after 10, up to 15
// minutes a try, and forgiven only after an hour without failures. A browser that signed in as
// the username before (device_cookie.h) is held by neither: its failures count against its own
// cookie, which after 5 is distrusted. Sign-in, re-authentication and the current password of
// a password change are one check with one count.
//
// Thread-safe: state lives in the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "security/account_repo.h"
#include "security/actor.h"
#include "security/audit_log.h"
#include "security/device_cookie.h"
#include "security/keyring.h"
#include "store/database.h"

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

struct SignInRequest {
  std::string username;
  std::string password;
  std::optional<std::string> totp;
  std::optional<std::string> recovery_code;
  std::string device_cookie;  // as the browser sent it ("" for none)
};

struct Authenticated {
  SessionRecord session;
  Account account;
  bool mfa_enrollment_required = false;
};

struct SignedIn {
  std::string token;          // the cookie value; shown once, only its hash is stored
  std::string device_cookie;  // the device cookie to set (device_cookie.h)
  Authenticated auth;
};

struct TotpEnrollment {
  std::string secret_base32;
  std::string otpauth_uri;
  std::string qr_svg;
};

class AuthService {
 public:
  AuthService(store::Database& db, Keyring& keyring, const AuditLog& audit, const Clock& clock,
              AuthOptions options);

  // 401 unauthenticated "security.bad_credentials" for any wrong or unknown credential,
  // 401 mfa_required when a TOTP code is needed and missing, 429 when locked or throttled,
  // 403 "security.account_disabled" (only after a correct password).
  Result<SignedIn> SignIn(const SignInRequest& request, const Actor& meta);

  // Resolves a session cookie; 401 when unknown, ended, idle or past its absolute limit, or
  // when the account was disabled.
  Result<Authenticated> Authenticate(const std::string& token);

  Result<void> SignOut(const Actor& actor);

  // Starts (or restarts, while not yet confirmed) TOTP enrolment for the actor.
  Result<TotpEnrollment> BeginTotp(const Actor& actor);
  // Confirms enrolment with a code; returns the recovery codes (shown once) and completes MFA
  // for the current session.
  Result<std::vector<std::string>> ConfirmTotp(const Actor& actor, const std::string& code);

  // Replaces the actor's password after checking the current one (counted and throttled like a
  // sign-in, and audited when wrong) and the password policy; clears the one-time flag an
  // administrator's reset set, and ends every other session of the account.
  Result<void> ChangePassword(const Actor& actor, const std::string& current,
                              const std::string& replacement,
                              const std::string& device_cookie = "");

  // Remembers the actor's language ("ko" or "en").
  Result<void> SetLanguage(const Actor& actor, const std::string& language);

  // Password (and TOTP when enrolled) again, before sensitive actions.
  Result<void> Reauthenticate(const Actor& actor, const std::string& password,
                              const std::optional<std::string>& totp,
                              const std::string& device_cookie = "");
  // Ok when the actor re-authenticated within the last few minutes; 403 otherwise.
  Result<void> RequireRecentReauth(const Actor& actor) const;

  // Whether an account must complete MFA (roles that see survivors' data, outside demos).
  bool MfaRequired(const Account& account) const;

  const AuthOptions& options() const { return options_; }

 private:
  enum class Outcome { kOk, kBadCredentials, kLocked, kMfaRequired, kDisabled, kTotpInvalid };
  // What a password is checked for: signing in, re-authenticating in a session, or as the
  // current password of a change (no second factor: the session has it already).
  enum class Purpose { kSignIn, kReauth, kPasswordCheck };
  // Which counters an attempt answers to.
  struct Guard {
    std::string user_key, address_key;
    std::string device_key;  // "" without a valid device cookie
    bool trusted = false;    // a valid device cookie not itself locked: no username lock
    bool user_locked = false;
  };
  Result<SignedIn> Attempt(const SignInRequest& request, const Actor& meta, Purpose purpose);
  Result<Outcome> RecordAttempt(const std::string& username, const std::optional<Account>& account,
                                Outcome outcome, int64_t totp_step,
                                const std::string& recovery_hash, const Actor& meta,
                                Purpose purpose, const Guard& guard,
                                const std::string& device_cookie, SignedIn* signed_in);
  Result<int64_t> CheckTotp(const Account& account, const std::string& code, int64_t now);
  Result<std::string> DecryptTotpSecret(store::Tx& tx, const Account& account);

  store::Database& db_;
  Keyring& keyring_;
  const AuditLog& audit_;
  const Clock& clock_;
  AuthOptions options_;
  SecretKey recovery_key_;
  DeviceCookies devices_;
};

// Registers the Korean/English messages of authentication.
void RegisterAuthMessages();

// Lower-cases and trims a username as typed; usernames are stored this way.
std::string NormalizeUsername(std::string_view username);

}  // namespace dandelion::security

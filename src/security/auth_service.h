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
// The door is one class; its rooms are files: auth_sign_in.cc (that one check and how it is
// recorded), login_throttle.h (the counting rules), auth_sessions.cc, auth_totp.cc (enrolment
// and codes), auth_own_account.cc (her password and language) and auth_messages.cc.
//
// Thread-safe: state lives in the database.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "security/account_repo.h"
#include "security/actor.h"
#include "security/audit_log.h"
#include "security/auth_options.h"
#include "security/device_cookie.h"
#include "security/keyring.h"
#include "security/login_throttle.h"
#include "store/database.h"

namespace dandelion::security {

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
  // when the account was disabled. kNone answers without counting as activity: a board reading
  // itself again on a timer (an open screen nobody looks at must still sign out after the idle
  // timeout), or a second look at a session the security gate has already counted.
  enum class Activity { kUser, kNone };
  Result<Authenticated> Authenticate(const std::string& token, Activity activity = Activity::kUser);

  // The session of token as Authenticate last found it, when that was less than
  // kRememberSeconds ago and it is still live by the clock, with its token's hash. Only for reads
  // that confirm it in their own statement (security/session_confirmation.h): a remembered
  // session is not a checked one. Its account is kept without password hash or TOTP secret.
  struct RememberedSession {
    Authenticated auth;
    std::string token_hash;
    std::string fingerprint;  // SessionFingerprint of auth, made when it was remembered
  };
  std::optional<RememberedSession> Remembered(const std::string& token);
  static constexpr int64_t kRememberSeconds = 30;

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
  // One attempt to prove who she is, as judged before anything is written.
  struct Attempt {
    Purpose purpose = Purpose::kSignIn;
    std::string username;  // normalized
    std::optional<Account> account;
    LoginGuard guard;
    Outcome outcome = Outcome::kOk;
    int64_t totp_step = 0;      // the step of a correct TOTP code, spent when recorded
    std::string recovery_hash;  // the recovery code offered, hashed; spent when recorded
  };
  // What recording an attempt decided: spending a second factor can still refuse it.
  struct Recorded {
    Outcome outcome = Outcome::kOk;
    SignedIn signed_in;  // for a successful sign-in
  };

  // auth_sign_in.cc: sign-in, re-authentication and the current password of a change are this
  // one check, with one count.
  Result<SignedIn> Check(const SignInRequest& request, const Actor& meta, Purpose purpose);
  void Judge(const SignInRequest& request, Attempt& attempt, int64_t now);
  Result<Recorded> Record(const Attempt& attempt, const std::string& device_cookie,
                          const Actor& meta);
  Result<Outcome> SpendSecondFactor(store::Tx& tx, const Attempt& attempt);
  Result<void> DisableInactive(store::Tx& tx, const Account& account, const Actor& meta,
                               int64_t now);
  Result<void> AuditAttempt(store::Tx& tx, const Attempt& attempt, Outcome outcome,
                            const Actor& meta);
  void UpgradePasswordHash(const Account& account, const std::string& password);

  // auth_sessions.cc
  Result<SignedIn> OpenSession(store::Tx& tx, const Account& account, int64_t now);
  bool Live(const SessionRecord& s, const Account& account, int64_t now) const;
  void Remember(const std::string& token_hash, Authenticated auth, int64_t now);

  // auth_totp.cc
  Result<int64_t> CheckTotp(const Account& account, const std::string& code, int64_t now);
  Result<std::string> DecryptTotpSecret(store::Tx& tx, const Account& account);

  store::Database& db_;
  Keyring& keyring_;
  const AuditLog& audit_;
  const Clock& clock_;
  AuthOptions options_;
  SecretKey recovery_key_;
  DeviceCookies devices_;
  // Remembered sessions by token hash, with when they were checked. Forgotten wholesale past
  // kRememberAtMost: a full check costs one statement, so a miss is cheap.
  std::mutex remembered_mu_;
  struct RememberedEntry {
    Authenticated auth;
    int64_t at = 0;
    std::string fingerprint;
  };
  std::unordered_map<std::string, RememberedEntry> remembered_;
  static constexpr size_t kRememberAtMost = 4096;
};

// Registers the Korean/English messages of authentication.
void RegisterAuthMessages();

// Lower-cases and trims a username as typed; usernames are stored this way.
std::string NormalizeUsername(std::string_view username);

}  // namespace dandelion::security

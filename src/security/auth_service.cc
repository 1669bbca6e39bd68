#include "security/auth_service.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/ids.h"
#include "core/messages.h"
#include "security/field_cipher.h"
#include "security/kdf.h"
#include "security/password.h"
#include "security/password_policy.h"
#include "security/policy.h"
#include "security/qr_svg.h"
#include "security/recovery_codes.h"
#include "security/totp.h"

namespace dandelion::security {
namespace {

constexpr size_t kTokenBytes = 32;

std::string TokenHash(std::string_view token) {
  std::string out(crypto_generichash_BYTES, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  return out;
}

FieldContext TotpContext(const Account& a) { return {a.org_id, "users", "totp_secret", a.id}; }

Failure Unauthenticated(std::string key = "security.bad_credentials") {
  return Fail(ErrorCode::kUnauthenticated, std::move(key));
}

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

}  // namespace

std::string NormalizeUsername(std::string_view username) {
  while (!username.empty() && username.front() == ' ') username.remove_prefix(1);
  while (!username.empty() && username.back() == ' ') username.remove_suffix(1);
  std::string out(username);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
  });
  return out;
}

AuthService::AuthService(store::Database& db, Keyring& keyring, const AuditLog& audit,
                         const Clock& clock, AuthOptions options)
    : db_(db),
      keyring_(keyring),
      audit_(audit),
      clock_(clock),
      options_(options),
      recovery_key_(keyring.RecoveryCodeKey()),
      devices_(DeriveSubkey(keyring.master_key(), kDeviceCookieContext, kDeviceCookieSubkeyId)) {}

bool AuthService::MfaRequired(const Account& account) const {
  return !options_.demo && AnyRoleNeedsMfa(account.roles);
}

Result<SignedIn> AuthService::SignIn(const SignInRequest& request, const Actor& meta) {
  return Attempt(request, meta, Purpose::kSignIn);
}

Result<SignedIn> AuthService::Attempt(const SignInRequest& request, const Actor& meta,
                                      Purpose purpose) {
  const int64_t now = UnixSeconds(clock_.Now());
  const std::string username = NormalizeUsername(request.username);
  Guard guard;
  guard.user_key = "user:" + username;
  guard.address_key = "addr:" + meta.remote;
  if (auto device = devices_.Match(request.device_cookie, username, now)) {
    guard.device_key = "device:" + *device;
  }
  std::optional<Account> account;
  Throttle user_throttle, address_throttle, device_throttle;
  auto read = db_.Read([&](store::Tx& tx) -> Result<void> {
    if (!guard.device_key.empty()) {
      auto dt = account_repo::GetThrottle(tx, guard.device_key);
      if (!dt) return Fail(dt.error());
      device_throttle = *dt;
    }
    auto a = account_repo::FindByUsername(tx, username);
    if (!a) return Fail(a.error());
    account = *a;
    auto ut = account_repo::GetThrottle(tx, "user:" + username);
    if (!ut) return Fail(ut.error());
    user_throttle = *ut;
    auto at = account_repo::GetThrottle(tx, "addr:" + meta.remote);
    if (!at) return Fail(at.error());
    address_throttle = *at;
    return Ok();
  });
  if (!read) return Fail(read.error());
  guard.trusted = !guard.device_key.empty() && device_throttle.locked_until <= now;
  guard.user_locked = user_throttle.locked_until > now;

  Outcome outcome = Outcome::kOk;
  int64_t step = 0;
  std::string recovery_hash;
  // A trusted browser answers to its own count only: neither a locked username nor a throttled
  // address (a proxy or an office shared with a guesser) keeps its owner out.
  if (guard.trusted ? device_throttle.locked_until > now
                    : (guard.user_locked || address_throttle.locked_until > now)) {
    outcome = Outcome::kLocked;
  } else if (!account) {
    DummyVerify(request.password);
    outcome = Outcome::kBadCredentials;
  } else if (!VerifyPassword(account->password_hash, request.password)) {
    outcome = Outcome::kBadCredentials;
  } else if (!account->disabled_at.empty() ||
             now - account->last_active_at > options_.inactive_disable_days * 86400) {
    outcome = Outcome::kDisabled;
  } else if (account->totp_enabled && purpose != Purpose::kPasswordCheck) {
    if (!request.totp && !request.recovery_code) {
      outcome = Outcome::kMfaRequired;
    } else if (request.recovery_code) {
      auto hash = HashRecoveryCode(recovery_key_, *request.recovery_code);
      if (hash)
        recovery_hash = *hash;
      else
        outcome = Outcome::kTotpInvalid;
    } else if (auto s = CheckTotp(*account, *request.totp, now); !s) {
      outcome = Outcome::kTotpInvalid;
    } else {
      step = *s;
    }
  }

  SignedIn signed_in;
  auto recorded = RecordAttempt(username, account, outcome, step, recovery_hash, meta, purpose,
                                guard, request.device_cookie, &signed_in);
  if (!recorded) return Fail(recorded.error());
  switch (*recorded) {
    case Outcome::kOk:
      if (NeedsRehash(account->password_hash)) {
        if (auto h = HashPassword(request.password)) {
          // The stronger hash is an upgrade, not a condition of signing in: on failure the old
          // hash stays valid and the next sign-in tries again.
          auto upgraded = db_.Write([&](store::Tx& tx) {
            return account_repo::SetPasswordHash(tx, account->id, *h,
                                                 account->password_change_required);
          });
          if (!upgraded) spdlog::warn("password hash upgrade failed: {}", upgraded.error().detail);
        }
      }
      return signed_in;
    case Outcome::kBadCredentials:
      return Unauthenticated();
    case Outcome::kTotpInvalid:
      return Unauthenticated("security.totp_invalid");
    case Outcome::kMfaRequired:
      return Fail(ErrorCode::kMfaRequired, "error.mfa_required");
    case Outcome::kLocked:
      return Fail(ErrorCode::kRateLimited, "security.locked");
    case Outcome::kDisabled:
      return Fail(ErrorCode::kForbidden, "security.account_disabled");
  }
  return Unauthenticated();
}

Result<int64_t> AuthService::CheckTotp(const Account& account, const std::string& code,
                                       int64_t now) {
  std::string secret;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto s = DecryptTotpSecret(tx, account);
    if (!s) return Fail(s.error());
    secret = std::move(*s);
    return Ok();
  });
  if (!r) return Fail(r.error());
  auto step = VerifyTotp(secret, code, now, account.totp_last_step);
  sodium_memzero(secret.data(), secret.size());
  return step;
}

Result<AuthService::Outcome> AuthService::RecordAttempt(
    const std::string& username, const std::optional<Account>& account, Outcome outcome,
    int64_t totp_step, const std::string& recovery_hash, const Actor& meta, Purpose purpose,
    const Guard& guard, const std::string& device_cookie, SignedIn* signed_in) {
  const int64_t now = UnixSeconds(clock_.Now());
  const std::string& user_key = guard.user_key;
  const std::string& address_key = guard.address_key;
  auto written = db_.Write([&](store::Tx& tx) -> Result<void> {
    // Second factors that can be used only once are spent here, inside the write, so two
    // sign-ins racing with the same code cannot both succeed.
    if (outcome == Outcome::kOk && account && account->totp_enabled) {
      if (totp_step > 0) {
        auto n = tx.Exec("UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                         {totp_step, account->id, totp_step});
        if (!n) return Fail(n.error());
        if (*n != 1) outcome = Outcome::kTotpInvalid;
      } else if (!recovery_hash.empty()) {
        auto used = account_repo::UseRecoveryCode(tx, account->id, recovery_hash,
                                                  FormatRfc3339(clock_.Now()));
        if (!used) return Fail(used.error());
        if (!*used) outcome = Outcome::kTotpInvalid;
      }
    }
    if ((outcome == Outcome::kBadCredentials || outcome == Outcome::kTotpInvalid) &&
        guard.trusted) {
      // Her browser's own count: a stolen or copied cookie guesses no faster than 5 a lock.
      auto old_dt = account_repo::GetThrottle(tx, guard.device_key);
      if (!old_dt) return Fail(old_dt.error());
      Throttle dt = CountFailure(*old_dt, now, options_.lock_seconds);
      if (dt.failures >= options_.lock_after_failures)
        dt.locked_until = now + options_.lock_seconds;
      if (auto r = account_repo::PutThrottle(tx, guard.device_key, dt); !r) return r;
    } else if (outcome == Outcome::kBadCredentials || outcome == Outcome::kTotpInvalid) {
      auto old_ut = account_repo::GetThrottle(tx, user_key);
      if (!old_ut) return Fail(old_ut.error());
      Throttle ut = CountFailure(*old_ut, now, options_.lock_seconds);
      if (ut.failures >= options_.lock_after_failures)
        ut.locked_until = now + options_.lock_seconds;
      if (auto r = account_repo::PutThrottle(tx, user_key, ut); !r) return r;
      auto old_at = account_repo::GetThrottle(tx, address_key);
      if (!old_at) return Fail(old_at.error());
      Throttle at = CountAddressFailure(*old_at, now, options_.address_forget_seconds);
      if (at.failures > options_.address_free_failures) {
        int64_t shift = std::min<int64_t>(at.failures - options_.address_free_failures, 20);
        at.locked_until = now + std::min<int64_t>(int64_t{1} << shift, options_.lock_seconds);
      }
      if (auto r = account_repo::PutThrottle(tx, address_key, at); !r) return r;
    }
    if (outcome == Outcome::kOk) {
      // Her success forgives her browser's count. A username locked by someone else stays
      // locked when she came in on a trusted browser: clearing it would hand the guesser five
      // fresh tries every time she signs in.
      if (!guard.device_key.empty()) {
        if (auto r = account_repo::ClearThrottle(tx, guard.device_key); !r) return r;
      }
      if (!guard.user_locked) {
        if (auto r = account_repo::ClearThrottle(tx, user_key); !r) return r;
      }
    }
    if (outcome == Outcome::kDisabled && account && account->disabled_at.empty()) {
      // Unused for too long: disable now, as docs/security.md requires, and say so in the audit
      // log.
      if (auto r = account_repo::SetDisabled(tx, account->id, FormatRfc3339(clock_.Now())); !r) {
        return r;
      }
      if (auto r = account_repo::EndSessionsOfUser(tx, account->id, now); !r) return r;
      AuditEvent e{.actor_org_id = account->org_id,
                   .org_id = account->org_id,
                   .action = "user.disable_inactive",
                   .entity_type = "user",
                   .entity_id = account->id,
                   .request_id = meta.request_id,
                   .remote = meta.remote};
      if (auto r = audit_.Append(tx, e); !r) return Fail(r.error());
    }
    if (outcome == Outcome::kOk && purpose == Purpose::kReauth) {
      if (auto r = account_repo::SetSessionReauth(tx, meta.session_id, now); !r) return r;
    } else if (outcome == Outcome::kOk && purpose == Purpose::kSignIn) {
      signed_in->device_cookie = devices_.Issue(device_cookie, username, now);
      SessionRecord s;
      s.id = NewId();
      s.user_id = account->id;
      s.csrf_token = RandomHex(32);
      s.mfa_complete = account->totp_enabled || !MfaRequired(*account);
      s.created_at = now;
      s.last_seen_at = now;
      signed_in->token = RandomHex(kTokenBytes);
      if (auto r = account_repo::InsertSession(tx, s, TokenHash(signed_in->token)); !r) return r;
      if (auto r = account_repo::Touch(tx, account->id, now); !r) return r;
      signed_in->auth.session = s;
      signed_in->auth.account = *account;
      signed_in->auth.mfa_enrollment_required = MfaRequired(*account) && !account->totp_enabled;
    }
    // A correct current password is audited with the change it allows (ChangePassword).
    if (outcome == Outcome::kOk && purpose == Purpose::kPasswordCheck) return Ok();
    static constexpr const char* kOutcomeNames[] = {"ok",           "failed",   "locked",
                                                    "mfa_required", "disabled", "failed"};
    static constexpr const char* kActions[] = {"session.create", "session.reauthenticate",
                                               "user.password_change"};
    AuditEvent e;
    // A failed re-authentication or password check is still the signed-in user's own act.
    e.actor_user_id = outcome == Outcome::kOk ? account->id : meta.user_id;
    e.actor_org_id = account ? account->org_id : "";
    e.org_id = account ? account->org_id : "";
    e.action = kActions[static_cast<int>(purpose)];
    e.entity_type = "user";
    e.entity_id = account ? account->id : "";
    e.outcome = kOutcomeNames[static_cast<int>(outcome)];
    if (outcome == Outcome::kTotpInvalid) e.fields = {"totp"};
    if (purpose == Purpose::kPasswordCheck) e.fields = {"password"};
    if (guard.trusted) e.fields.push_back("device");  // judged by her device cookie
    e.request_id = meta.request_id;
    e.remote = meta.remote;
    if (auto r = audit_.Append(tx, e); !r) return Fail(r.error());
    return Ok();
  });
  if (!written) return Fail(written.error());
  return outcome;
}

Result<std::string> AuthService::DecryptTotpSecret(store::Tx& tx, const Account& account) {
  auto key = keyring_.OrgKeyVersion(tx, account.org_id, account.totp_key_version);
  if (!key) return Fail(key.error());
  return DecryptField(*key->key, TotpContext(account), account.totp_secret);
}

Result<Authenticated> AuthService::Authenticate(const std::string& token) {
  if (token.size() != 2 * kTokenBytes) return Unauthenticated("error.unauthenticated");
  const int64_t now = UnixSeconds(clock_.Now());
  Authenticated out;
  bool found = false;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto s = account_repo::FindSession(tx, TokenHash(token));
    if (!s) return Fail(s.error());
    if (!*s) return Ok();
    auto a = account_repo::FindById(tx, (*s)->user_id);
    if (!a) return Fail(a.error());
    if (!*a) return Ok();
    out.session = **s;
    out.account = **a;
    found = true;
    return Ok();
  });
  if (!r) return Fail(r.error());
  const SessionRecord& s = out.session;
  if (!found || s.ended_at != 0 || now - s.last_seen_at > options_.idle_timeout_seconds ||
      now - s.created_at > options_.absolute_timeout_seconds || !out.account.disabled_at.empty()) {
    return Unauthenticated("security.session_expired");
  }
  // Record activity at most once a minute: the idle timeout does not need more precision, and
  // a write per request would cost every reader the writer's attention.
  if (now - s.last_seen_at >= 60) {
    auto w = db_.Write([&](store::Tx& tx) -> Result<void> {
      if (auto t = account_repo::TouchSession(tx, s.id, now); !t) return t;
      return account_repo::Touch(tx, out.account.id, now);
    });
    if (!w) return Fail(w.error());
  }
  out.mfa_enrollment_required = MfaRequired(out.account) && !out.account.totp_enabled;
  return out;
}

Result<void> AuthService::SignOut(const Actor& actor) {
  const int64_t now = UnixSeconds(clock_.Now());
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    if (auto r = account_repo::EndSession(tx, actor.session_id, now); !r) return r;
    AuditEvent e = ActorEvent(actor, "session.delete", "session", actor.session_id);
    if (auto r = audit_.Append(tx, e); !r) return Fail(r.error());
    return Ok();
  });
}

Result<TotpEnrollment> AuthService::BeginTotp(const Actor& actor) {
  TotpEnrollment out;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto a = account_repo::FindById(tx, actor.user_id);
    if (!a) return Fail(a.error());
    if (!*a) return Unauthenticated("error.unauthenticated");
    const Account& account = **a;
    if (account.totp_enabled) {
      return Fail(ErrorCode::kConflict, "security.totp_already_enabled");
    }
    auto key = keyring_.CurrentOrgKey(tx, account.org_id);
    if (!key) return Fail(key.error());
    std::string secret = GenerateTotpSecret();
    std::string sealed = EncryptField(*key->key, key->version, TotpContext(account), secret);
    if (auto s = account_repo::SetTotp(tx, account.id, sealed, key->version, false); !s) return s;
    out.secret_base32 = Base32Encode(secret);
    out.otpauth_uri = OtpauthUri("Dandelion", account.username, out.secret_base32);
    sodium_memzero(secret.data(), secret.size());
    auto svg = QrSvg(out.otpauth_uri);
    if (!svg) return Fail(svg.error());
    out.qr_svg = std::move(*svg);
    AuditEvent e = ActorEvent(actor, "user.totp_begin", "user", actor.user_id);
    if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  return out;
}

Result<std::vector<std::string>> AuthService::ConfirmTotp(const Actor& actor,
                                                          const std::string& code) {
  const int64_t now = UnixSeconds(clock_.Now());
  std::vector<std::string> codes;
  bool wrong_code = false;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto a = account_repo::FindById(tx, actor.user_id);
    if (!a) return Fail(a.error());
    if (!*a) return Unauthenticated("error.unauthenticated");
    const Account& account = **a;
    if (account.totp_enabled) return Fail(ErrorCode::kConflict, "security.totp_already_enabled");
    if (account.totp_secret.empty()) return Fail(ErrorCode::kConflict, "security.totp_not_started");
    auto secret = DecryptTotpSecret(tx, account);
    if (!secret) return Fail(secret.error());
    auto step = VerifyTotp(*secret, code, now, 0);
    sodium_memzero(secret->data(), secret->size());
    AuditEvent e = ActorEvent(actor, "user.totp_enable", "user", actor.user_id);
    if (!step) {
      // The failure is audited and committed; the caller gets the error after the write.
      wrong_code = true;
      e.outcome = "failed";
      if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
      return Ok();
    }
    if (auto s = tx.Exec("UPDATE users SET totp_enabled = 1, totp_last_step = ? WHERE id = ?",
                         {*step, account.id});
        !s) {
      return Fail(s.error());
    }
    codes = GenerateRecoveryCodes();
    std::vector<std::string> hashes;
    for (const auto& c : codes) {
      auto h = HashRecoveryCode(recovery_key_, c);
      if (!h) return Fail(h.error());
      hashes.push_back(*h);
    }
    if (auto s = account_repo::ReplaceRecoveryCodes(tx, account.id, hashes); !s) return s;
    if (auto s = account_repo::SetSessionMfaComplete(tx, actor.session_id); !s) return s;
    if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (wrong_code) return Fail(ErrorCode::kInvalid, "security.totp_invalid");
  return codes;
}

Result<void> AuthService::Reauthenticate(const Actor& actor, const std::string& password,
                                         const std::optional<std::string>& totp,
                                         const std::string& device_cookie) {
  std::optional<Account> account;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto a = account_repo::FindById(tx, actor.user_id);
    if (!a) return Fail(a.error());
    account = *a;
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (!account) return Unauthenticated("error.unauthenticated");
  SignInRequest request{account->username, password, totp, std::nullopt, device_cookie};
  // The same checks, throttling and audit as a sign-in, marking the existing session instead
  // of making a new one.
  auto checked = Attempt(request, actor, Purpose::kReauth);
  if (!checked) return Fail(checked.error());
  return Ok();
}

Result<void> AuthService::ChangePassword(const Actor& actor, const std::string& current,
                                         const std::string& replacement,
                                         const std::string& device_cookie) {
  std::optional<Account> account;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto a = account_repo::FindById(tx, actor.user_id);
    if (!a) return Fail(a.error());
    account = *a;
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (!account) return Unauthenticated("error.unauthenticated");
  // The current password is checked as a sign-in is: counted against her username and address,
  // refused while locked, and audited when wrong. Otherwise a stolen session could guess it.
  SignInRequest check{account->username, current, std::nullopt, std::nullopt, device_cookie};
  if (auto checked = Attempt(check, actor, Purpose::kPasswordCheck); !checked) {
    if (checked.error().code != ErrorCode::kUnauthenticated) return Fail(checked.error());
    Error e{ErrorCode::kInvalid, "error.invalid"};
    e.Field("current_password", "security.bad_credentials");
    return Fail(e);
  }
  if (auto ok = CheckPasswordPolicy(replacement, account->username); !ok) {
    Error e{ErrorCode::kInvalid, "error.invalid"};
    e.Field("new_password", ok.error().message_key);
    return Fail(e);
  }
  auto hash = HashPassword(replacement);
  if (!hash) return Fail(hash.error());
  const int64_t now = UnixSeconds(clock_.Now());
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    if (auto s = account_repo::SetPasswordHash(tx, account->id, *hash, false); !s) return s;
    // Whoever knew the old password may be signed in elsewhere: only this session goes on.
    if (auto s = account_repo::EndOtherSessionsOfUser(tx, account->id, actor.session_id, now); !s)
      return s;
    AuditEvent e =
        ActorEvent(actor, "user.password_change", "user", actor.user_id, {"password", "sessions"});
    if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
    return Ok();
  });
}

Result<void> AuthService::SetLanguage(const Actor& actor, const std::string& language) {
  if (language != "ko" && language != "en") {
    Error e{ErrorCode::kInvalid, "error.invalid"};
    e.Field("language", "field.unknown_value");
    return Fail(e);
  }
  return db_.Write(
      [&](store::Tx& tx) { return account_repo::SetLanguage(tx, actor.user_id, language); });
}

Result<void> AuthService::RequireRecentReauth(const Actor& actor) const {
  if (actor.is_console()) return Ok();
  const int64_t now = UnixSeconds(clock_.Now());
  if (actor.reauth_at == 0 || now - actor.reauth_at > options_.reauth_valid_seconds) {
    return Fail(ErrorCode::kReauthRequired, "security.reauth_required");
  }
  return Ok();
}

void RegisterAuthMessages() {
  static constexpr Message kMessages[] = {
      {"security.bad_credentials", "아이디 또는 비밀번호가 올바르지 않습니다.",
       "The username or password is not correct."},
      {"security.locked",
       "로그인 실패가 반복되어 잠시 잠겼습니다. 15분 후 다시 시도하거나 기관 관리자에게 "
       "잠금 해제를 요청하세요.",
       "Too many failed sign-ins. Try again in 15 minutes, or ask your organization's "
       "administrator to unlock the account."},
      {"security.account_disabled", "사용이 중지된 계정입니다. 기관 관리자에게 문의하세요.",
       "This account is disabled. Please contact your organization's administrator."},
      {"security.session_expired", "로그인이 만료되었습니다. 다시 로그인하세요.",
       "Your session has ended. Please sign in again."},
      {"security.totp_already_enabled", "2단계 인증이 이미 설정되어 있습니다.",
       "Two-step verification is already set up."},
      {"security.totp_not_started", "먼저 2단계 인증 등록을 시작하세요.",
       "Start setting up two-step verification first."},
      {"security.reauth_required", "이 작업 전에 비밀번호와 인증 코드를 다시 입력해야 합니다.",
       "Enter your password and code again before this action."},
      {"security.mfa_enrollment_required", "계속하려면 먼저 2단계 인증을 설정하세요.",
       "Set up two-step verification to continue."},
      {"security.password_change_required",
       "임시 비밀번호를 새 비밀번호로 바꾼 뒤 계속할 수 있습니다.",
       "Replace your one-time password with your own to continue."},
      {"security.csrf", "보안 토큰이 없거나 올바르지 않습니다. 페이지를 새로 고치세요.",
       "The security token is missing or wrong. Please reload the page."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::security

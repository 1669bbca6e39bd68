// Signing in, re-authenticating, and the current password of a password change: one check with
// one count (auth_service.h). The password is verified outside any write (Argon2id must not hold
// the writer); what the attempt decided — a second factor spent, counters moved, a session
// opened or marked, an inactive account disabled, the audit entry — is then one write.
#include <spdlog/spdlog.h>

#include "core/clock.h"
#include "security/auth_internal.h"
#include "security/auth_service.h"
#include "security/password.h"
#include "security/recovery_codes.h"

namespace dandelion::security {

using auth_detail::LoadOwnAccount;
using auth_detail::Unauthenticated;

Result<SignedIn> AuthService::SignIn(const SignInRequest& request, const Actor& meta) {
  return Check(request, meta, Purpose::kSignIn);
}

Result<void> AuthService::Reauthenticate(const Actor& actor, const std::string& password,
                                         const std::optional<std::string>& totp,
                                         const std::string& device_cookie) {
  Account account = TRY(db_.ReadValue([&](store::Tx& tx) { return LoadOwnAccount(tx, actor); }));
  SignInRequest request{account.username, password, totp, std::nullopt, device_cookie};
  // The same checks, throttling and audit as a sign-in, marking the existing session instead
  // of making a new one.
  TRY(Check(request, actor, Purpose::kReauth));
  return Ok();
}

Result<SignedIn> AuthService::Check(const SignInRequest& request, const Actor& meta,
                                    Purpose purpose) {
  const int64_t now = UnixSeconds(clock_.Now());
  const std::string username = NormalizeUsername(request.username);
  const std::string device = devices_.Match(request.device_cookie, username, now).value_or("");
  Attempt attempt = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<Attempt> {
    Attempt a{.purpose = purpose, .username = username};
    a.guard = TRY(ReadLoginGuard(tx, username, meta.remote, device, now));
    a.account = TRY(account_repo::FindByUsername(tx, username));
    return a;
  }));
  Judge(request, attempt, now);
  Recorded recorded = TRY(Record(attempt, request.device_cookie, meta));
  switch (recorded.outcome) {
    case Outcome::kOk:
      UpgradePasswordHash(*attempt.account, request.password);
      return std::move(recorded.signed_in);
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

// Decides the attempt from what was read. An unknown username costs the same Argon2 work as a
// wrong password, so the two cannot be told apart by their answer or its time.
void AuthService::Judge(const SignInRequest& request, Attempt& attempt, int64_t now) {
  const std::optional<Account>& account = attempt.account;
  if (attempt.guard.held) {
    attempt.outcome = Outcome::kLocked;
  } else if (!account) {
    DummyVerify(request.password);
    attempt.outcome = Outcome::kBadCredentials;
  } else if (!VerifyPassword(account->password_hash, request.password)) {
    attempt.outcome = Outcome::kBadCredentials;
  } else if (!account->disabled_at.empty() ||
             now - account->last_active_at > options_.inactive_disable_days * 86400) {
    attempt.outcome = Outcome::kDisabled;
  } else if (account->totp_enabled && attempt.purpose != Purpose::kPasswordCheck) {
    if (!request.totp && !request.recovery_code) {
      attempt.outcome = Outcome::kMfaRequired;
    } else if (request.recovery_code) {
      auto hash = HashRecoveryCode(recovery_key_, *request.recovery_code);
      if (hash) {
        attempt.recovery_hash = *hash;
      } else {
        attempt.outcome = Outcome::kTotpInvalid;
      }
    } else if (auto step = CheckTotp(*account, *request.totp, now); !step) {
      attempt.outcome = Outcome::kTotpInvalid;
    } else {
      attempt.totp_step = *step;
    }
  }
}

Result<AuthService::Recorded> AuthService::Record(const Attempt& attempt,
                                                  const std::string& device_cookie,
                                                  const Actor& meta) {
  const int64_t now = UnixSeconds(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Recorded> {
    Recorded out{.outcome = TRY(SpendSecondFactor(tx, attempt))};
    const Outcome outcome = out.outcome;
    if (outcome == Outcome::kBadCredentials || outcome == Outcome::kTotpInvalid) {
      TRY(CountLoginFailure(tx, attempt.guard, now, options_));
    }
    if (outcome == Outcome::kOk) TRY(ForgiveLogin(tx, attempt.guard));
    if (outcome == Outcome::kDisabled && attempt.account->disabled_at.empty()) {
      TRY(DisableInactive(tx, *attempt.account, meta, now));
    }
    if (outcome == Outcome::kOk && attempt.purpose == Purpose::kReauth) {
      TRY(account_repo::SetSessionReauth(tx, meta.session_id, now));
    } else if (outcome == Outcome::kOk && attempt.purpose == Purpose::kSignIn) {
      out.signed_in = TRY(OpenSession(tx, *attempt.account, now));
      out.signed_in.device_cookie = devices_.Issue(device_cookie, attempt.username, now);
    }
    // A correct current password is audited with the change it allows (ChangePassword).
    if (outcome != Outcome::kOk || attempt.purpose != Purpose::kPasswordCheck) {
      TRY(AuditAttempt(tx, attempt, outcome, meta));
    }
    return out;
  });
}

// Second factors that can be used only once are spent inside the write, so two sign-ins racing
// with the same code cannot both succeed: the loser's outcome becomes kTotpInvalid.
Result<AuthService::Outcome> AuthService::SpendSecondFactor(store::Tx& tx, const Attempt& attempt) {
  const std::optional<Account>& account = attempt.account;
  if (attempt.outcome != Outcome::kOk || !account || !account->totp_enabled) {
    return attempt.outcome;
  }
  if (attempt.totp_step > 0) {
    int64_t changed =
        TRY(tx.Exec("UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                    {attempt.totp_step, account->id, attempt.totp_step}));
    if (changed != 1) return Outcome::kTotpInvalid;
  } else if (!attempt.recovery_hash.empty()) {
    bool used = TRY(account_repo::UseRecoveryCode(tx, account->id, attempt.recovery_hash,
                                                  FormatRfc3339(clock_.Now())));
    if (!used) return Outcome::kTotpInvalid;
  }
  return attempt.outcome;
}

// Unused for too long: disabled now, as docs/security.md requires, and said so in the audit log.
Result<void> AuthService::DisableInactive(store::Tx& tx, const Account& account, const Actor& meta,
                                          int64_t now) {
  TRY(account_repo::SetDisabled(tx, account.id, FormatRfc3339(clock_.Now())));
  TRY(account_repo::EndSessionsOfUser(tx, account.id, now));
  TRY(audit_.Append(tx, AuditEvent{.actor_org_id = account.org_id,
                                   .org_id = account.org_id,
                                   .action = "user.disable_inactive",
                                   .entity_type = "user",
                                   .entity_id = account.id,
                                   .request_id = meta.request_id,
                                   .remote = meta.remote}));
  return Ok();
}

Result<void> AuthService::AuditAttempt(store::Tx& tx, const Attempt& attempt, Outcome outcome,
                                       const Actor& meta) {
  static constexpr const char* kOutcomeNames[] = {"ok",           "failed",   "locked",
                                                  "mfa_required", "disabled", "failed"};
  static constexpr const char* kActions[] = {"session.create", "session.reauthenticate",
                                             "user.password_change"};
  const std::optional<Account>& account = attempt.account;
  AuditEvent e;
  // A failed re-authentication or password check is still the signed-in user's own act.
  e.actor_user_id = outcome == Outcome::kOk ? account->id : meta.user_id;
  e.actor_org_id = account ? account->org_id : "";
  e.org_id = account ? account->org_id : "";
  e.action = kActions[static_cast<int>(attempt.purpose)];
  e.entity_type = "user";
  e.entity_id = account ? account->id : "";
  e.outcome = kOutcomeNames[static_cast<int>(outcome)];
  if (outcome == Outcome::kTotpInvalid) e.fields = {"totp"};
  if (attempt.purpose == Purpose::kPasswordCheck) e.fields = {"password"};
  if (attempt.guard.trusted) e.fields.push_back("device");  // judged by her device cookie
  e.request_id = meta.request_id;
  e.remote = meta.remote;
  TRY(audit_.Append(tx, e));
  return Ok();
}

// The stronger hash is an upgrade, not a condition of signing in: on failure the old hash stays
// valid and the next sign-in tries again.
void AuthService::UpgradePasswordHash(const Account& account, const std::string& password) {
  if (!NeedsRehash(account.password_hash)) return;
  auto hash = HashPassword(password);
  if (!hash) return;
  auto upgraded = db_.Write([&](store::Tx& tx) {
    return account_repo::SetPasswordHash(tx, account.id, *hash, account.password_change_required);
  });
  if (!upgraded) spdlog::warn("password hash upgrade failed: {}", upgraded.error().detail);
}

}  // namespace dandelion::security

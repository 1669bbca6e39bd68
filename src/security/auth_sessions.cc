// Sessions: opened by a sign-in, resolved from the cookie on every request, ended by signing out
// (docs/security.md, "Authentication"). Only a token's hash is stored.
#include <sodium.h>

#include "core/ids.h"
#include "security/auth_internal.h"
#include "security/auth_service.h"
#include "security/session_confirmation.h"

namespace dandelion::security {

using auth_detail::kTokenBytes;
using auth_detail::TokenHash;
using auth_detail::Unauthenticated;

std::string auth_detail::TokenHash(std::string_view token) {
  std::string out(crypto_generichash_BYTES, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  return out;
}

Result<SignedIn> AuthService::OpenSession(store::Tx& tx, const Account& account, int64_t now) {
  SessionRecord s;
  s.id = NewId();
  s.user_id = account.id;
  s.csrf_token = RandomHex(32);
  s.mfa_complete = account.totp_enabled || !MfaRequired(account);
  s.created_at = now;
  s.last_seen_at = now;
  SignedIn out;
  out.token = RandomHex(kTokenBytes);
  TRY(account_repo::InsertSession(tx, s, TokenHash(out.token)));
  TRY(account_repo::Touch(tx, account.id, now));
  out.auth.session = s;
  out.auth.account = account;
  out.auth.mfa_enrollment_required = MfaRequired(account) && !account.totp_enabled;
  return out;
}

bool AuthService::Live(const SessionRecord& s, const Account& account, int64_t now) const {
  return s.ended_at == 0 && now - s.last_seen_at <= options_.idle_timeout_seconds &&
         now - s.created_at <= options_.absolute_timeout_seconds && account.disabled_at.empty();
}

Result<Authenticated> AuthService::Authenticate(const std::string& token, Activity activity) {
  if (token.size() != 2 * kTokenBytes) return Unauthenticated("error.unauthenticated");
  const int64_t now = UnixSeconds(clock_.Now());
  const std::string token_hash = TokenHash(token);
  // The session and its account in one statement, outside a transaction: every request asks
  // (store::Database::ReadOneRemembered: on SQLite remembered while nothing commits).
  std::optional<account_repo::SessionAndAccount> found =
      TRY(account_repo::FindSession(db_, token_hash));
  if (!found) return Unauthenticated("security.session_expired");
  Authenticated out{.session = std::move(found->session), .account = std::move(found->account)};
  if (!Live(out.session, out.account, now)) return Unauthenticated("security.session_expired");
  // Record activity at most once a minute: the idle timeout does not need more precision, and
  // a write per request would cost every reader the writer's attention.
  if (activity == Activity::kUser && now - out.session.last_seen_at >= 60) {
    TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
      TRY(account_repo::TouchSession(tx, out.session.id, now));
      return account_repo::Touch(tx, out.account.id, now);
    }));
    out.session.last_seen_at = now;
  }
  out.mfa_enrollment_required = MfaRequired(out.account) && !out.account.totp_enabled;
  Remember(token_hash, out, now);
  return out;
}

void AuthService::Remember(const std::string& token_hash, Authenticated auth, int64_t now) {
  auth.account.password_hash.clear();
  auth.account.totp_secret.clear();
  // Made once here rather than by every request the entry admits.
  std::string fingerprint = SessionFingerprint(auth.session, auth.account);
  std::lock_guard lock(remembered_mu_);
  if (remembered_.size() >= kRememberAtMost) remembered_.clear();
  remembered_.insert_or_assign(
      token_hash,
      RememberedEntry{.auth = std::move(auth), .at = now, .fingerprint = std::move(fingerprint)});
}

std::optional<AuthService::RememberedSession> AuthService::Remembered(const std::string& token) {
  if (token.size() != 2 * kTokenBytes) return std::nullopt;
  const int64_t now = UnixSeconds(clock_.Now());
  std::string token_hash = TokenHash(token);
  std::lock_guard lock(remembered_mu_);
  auto it = remembered_.find(token_hash);
  if (it == remembered_.end()) return std::nullopt;
  const RememberedEntry& entry = it->second;
  // A clock moved back makes an entry look young: forget it too.
  if (now < entry.at || now - entry.at >= kRememberSeconds ||
      !Live(entry.auth.session, entry.auth.account, now)) {
    remembered_.erase(it);
    return std::nullopt;
  }
  return RememberedSession{
      .auth = entry.auth, .token_hash = std::move(token_hash), .fingerprint = entry.fingerprint};
}

Result<void> AuthService::SignOut(const Actor& actor) {
  const int64_t now = UnixSeconds(clock_.Now());
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    TRY(account_repo::EndSession(tx, actor.session_id, now));
    TRY(audit_.Append(tx, ActorEvent(actor, "session.delete", "session", actor.session_id)));
    return Ok();
  });
}

}  // namespace dandelion::security

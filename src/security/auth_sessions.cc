// Sessions: opened by a sign-in, resolved from the cookie on every request, ended by signing out
// (docs/security.md, "Authentication"). Only a token's hash is stored.
#include <sodium.h>

#include "core/ids.h"
#include "security/auth_internal.h"
#include "security/auth_service.h"

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

Result<Authenticated> AuthService::Authenticate(const std::string& token, Activity activity) {
  if (token.size() != 2 * kTokenBytes) return Unauthenticated("error.unauthenticated");
  const int64_t now = UnixSeconds(clock_.Now());
  // The session and its account in one statement, outside a transaction: every request asks
  // (store::Database::ReadStatement).
  std::optional<account_repo::SessionAndAccount> found =
      TRY(account_repo::FindSession(db_, TokenHash(token)));
  if (!found) return Unauthenticated("security.session_expired");
  Authenticated out{.session = std::move(found->session), .account = std::move(found->account)};
  const SessionRecord& s = out.session;
  if (s.ended_at != 0 || now - s.last_seen_at > options_.idle_timeout_seconds ||
      now - s.created_at > options_.absolute_timeout_seconds || !out.account.disabled_at.empty()) {
    return Unauthenticated("security.session_expired");
  }
  // Record activity at most once a minute: the idle timeout does not need more precision, and
  // a write per request would cost every reader the writer's attention.
  if (activity == Activity::kUser && now - s.last_seen_at >= 60) {
    TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
      TRY(account_repo::TouchSession(tx, s.id, now));
      return account_repo::Touch(tx, out.account.id, now);
    }));
  }
  out.mfa_enrollment_required = MfaRequired(out.account) && !out.account.totp_enabled;
  return out;
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

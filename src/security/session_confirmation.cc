#include "security/session_confirmation.h"

#include <sodium.h>

#include "security/encoding.h"

namespace dandelion::security {

std::string SessionFingerprint(const SessionRecord& session, const Account& account) {
  std::string out;
  for (const std::string* s : {&session.id, &session.user_id, &session.csrf_token, &account.id,
                               &account.org_id, &account.disabled_at}) {
    AppendLengthPrefixed(out, *s);
  }
  for (int64_t n : {session.created_at, session.last_seen_at, session.reauth_at, session.ended_at,
                    int64_t{session.mfa_complete}, int64_t{account.password_change_required},
                    int64_t{account.totp_enabled}}) {
    AppendU64(out, static_cast<uint64_t>(n));
  }
  AppendU64(out, account.roles.size());
  for (const std::string& role : account.roles) AppendLengthPrefixed(out, role);
  return out;
}

Result<void> ConfirmSession(const Actor& actor,
                            const std::optional<account_repo::SessionAndAccount>& fresh) {
  if (actor.unconfirmed_session.empty()) return Ok();
  if (fresh) {
    const std::string now = SessionFingerprint(fresh->session, fresh->account);
    if (now.size() == actor.session_fingerprint.size() &&
        sodium_memcmp(now.data(), actor.session_fingerprint.data(), now.size()) == 0) {
      return Ok();
    }
  }
  return Fail(ErrorCode::kUnauthenticated, kSessionUnconfirmed,
              "the session the gate remembered has changed since");
}

Result<void> ConfirmSessionIn(store::Tx& tx, const Actor& actor) {
  if (actor.unconfirmed_session.empty()) return Ok();
  return ConfirmSession(actor, TRY(account_repo::FindSession(tx, actor.unconfirmed_session)));
}

Error BeforeConfirmation(const Actor& actor, Error error) {
  if (actor.unconfirmed_session.empty()) return error;
  return Error{ErrorCode::kUnauthenticated, kSessionUnconfirmed, {}, "decided before confirming"};
}

}  // namespace dandelion::security

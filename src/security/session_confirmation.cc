#include "security/session_confirmation.h"

#include <sodium.h>

#include "security/encoding.h"

namespace dandelion::security {

std::string SessionFingerprint(const SessionRecord& session, const Account& account) {
  // The columns encoded, then digested: compared on every read that confirms a session, 32 bytes
  // compare in constant time at a fraction of the cost of the encoding's 250.
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
  std::string digest(kSessionFingerprintBytes, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(digest.data()), digest.size(),
                     reinterpret_cast<const unsigned char*>(out.data()), out.size(), nullptr, 0);
  return digest;
}

bool SameFingerprint(std::string_view a, std::string_view b) {
  static_assert(kSessionFingerprintBytes == crypto_verify_32_BYTES);
  return a.size() == kSessionFingerprintBytes && b.size() == kSessionFingerprintBytes &&
         crypto_verify_32(reinterpret_cast<const unsigned char*>(a.data()),
                          reinterpret_cast<const unsigned char*>(b.data())) == 0;
}

Result<void> ConfirmSession(const Actor& actor,
                            const std::optional<account_repo::SessionAndAccount>& fresh) {
  if (actor.unconfirmed_session.empty()) return Ok();
  return ConfirmFingerprint(actor, fresh ? SessionFingerprint(fresh->session, fresh->account) : "");
}

Result<void> ConfirmFingerprint(const Actor& actor, std::string_view fresh) {
  if (actor.unconfirmed_session.empty() || SameFingerprint(fresh, actor.session_fingerprint)) {
    return Ok();
  }
  return Fail(ErrorCode::kUnauthenticated, kSessionUnconfirmed,
              "the session the gate remembered has changed since");
}

Result<void> ConfirmSessionIn(store::Tx& tx, const Actor& actor) {
  if (actor.unconfirmed_session.empty()) return Ok();
  // On a SQLite reader the fingerprint is made once while the session's row is remembered, not
  // parsed and encoded again by every read (docs/performance.md).
  const std::string fresh = TRY(account_repo::FindSessionAs(
      tx, actor.unconfirmed_session, "session fingerprint",
      [](const std::optional<account_repo::SessionAndAccount>& found) {
        return found ? SessionFingerprint(found->session, found->account) : std::string();
      }));
  return ConfirmFingerprint(actor, fresh);
}

Error BeforeConfirmation(const Actor& actor, Error error) {
  if (actor.unconfirmed_session.empty()) return error;
  return Error{ErrorCode::kUnauthenticated, kSessionUnconfirmed, {}, "decided before confirming"};
}

}  // namespace dandelion::security

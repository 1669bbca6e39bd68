// TOTP enrolment and codes (docs/security.md, "Authentication"): a secret sealed under the
// organization's key, confirmed with a first code, then ten one-time recovery codes kept only
// as keyed hashes.
#include <sodium.h>

#include "core/ids.h"
#include "security/auth_internal.h"
#include "security/auth_service.h"
#include "security/qr_svg.h"
#include "security/recovery_codes.h"
#include "security/totp.h"

namespace dandelion::security {

using auth_detail::LoadOwnAccount;
using auth_detail::TotpContext;

Result<std::string> AuthService::DecryptTotpSecret(store::Tx& tx, const Account& account) {
  auto key = TRY(keyring_.OrgKeyVersion(tx, account.org_id, account.totp_key_version));
  return DecryptField(*key.key, TotpContext(account), account.totp_secret);
}

Result<int64_t> AuthService::CheckTotp(const Account& account, const std::string& code,
                                       int64_t now) {
  std::string secret =
      TRY(db_.ReadValue([&](store::Tx& tx) { return DecryptTotpSecret(tx, account); }));
  auto step = VerifyTotp(secret, code, now, account.totp_last_step);
  sodium_memzero(secret.data(), secret.size());
  return step;
}

Result<TotpEnrollment> AuthService::BeginTotp(const Actor& actor) {
  return db_.WriteValue([&](store::Tx& tx) -> Result<TotpEnrollment> {
    Account account = TRY(LoadOwnAccount(tx, actor));
    if (account.totp_enabled) return Fail(ErrorCode::kConflict, "security.totp_already_enabled");
    auto key = TRY(keyring_.CurrentOrgKey(tx, account.org_id));
    std::string secret = GenerateTotpSecret();
    std::string sealed = EncryptField(*key.key, key.version, TotpContext(account), secret);
    TRY(account_repo::SetTotp(tx, account.id, sealed, key.version, false));
    TotpEnrollment out;
    out.secret_base32 = Base32Encode(secret);
    out.otpauth_uri = OtpauthUri("Dandelion", account.username, out.secret_base32);
    sodium_memzero(secret.data(), secret.size());
    out.qr_svg = TRY(QrSvg(out.otpauth_uri));
    TRY(audit_.Append(tx, ActorEvent(actor, "user.totp_begin", "user", actor.user_id)));
    return out;
  });
}

Result<std::vector<std::string>> AuthService::ConfirmTotp(const Actor& actor,
                                                          const std::string& code) {
  const int64_t now = UnixSeconds(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<std::vector<std::string>> {
    Account account = TRY(LoadOwnAccount(tx, actor));
    if (account.totp_enabled) return Fail(ErrorCode::kConflict, "security.totp_already_enabled");
    if (account.totp_secret.empty()) return Fail(ErrorCode::kConflict, "security.totp_not_started");
    std::string secret = TRY(DecryptTotpSecret(tx, account));
    auto step = VerifyTotp(secret, code, now, 0);
    sodium_memzero(secret.data(), secret.size());
    AuditEvent e = ActorEvent(actor, "user.totp_enable", "user", actor.user_id);
    if (!step) {
      // A wrong code keeps its audit entry.
      e.outcome = "failed";
      TRY(audit_.Append(tx, e));
      return Fail(RecordedRefusal(Error{ErrorCode::kInvalid, "security.totp_invalid"}));
    }
    TRY(tx.Exec("UPDATE users SET totp_enabled = 1, totp_last_step = ? WHERE id = ?",
                {*step, account.id}));
    std::vector<std::string> codes = GenerateRecoveryCodes();
    std::vector<std::string> hashes;
    for (const auto& c : codes) hashes.push_back(TRY(HashRecoveryCode(recovery_key_, c)));
    TRY(account_repo::ReplaceRecoveryCodes(tx, account.id, hashes));
    TRY(account_repo::SetSessionMfaComplete(tx, actor.session_id));
    TRY(audit_.Append(tx, e));
    return codes;
  });
}

}  // namespace dandelion::security

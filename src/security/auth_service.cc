// The door itself: what every part of AuthService shares (its keys, who must use a second
// factor, how recent a re-authentication must be). The parts are listed in auth_service.h.
#include "security/auth_service.h"

#include <algorithm>

#include "security/auth_internal.h"
#include "security/kdf.h"
#include "security/policy.h"

namespace dandelion::security {

std::string NormalizeUsername(std::string_view username) {
  while (!username.empty() && username.front() == ' ') username.remove_prefix(1);
  while (!username.empty() && username.back() == ' ') username.remove_suffix(1);
  std::string out(username);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
  });
  return out;
}

Result<Account> auth_detail::LoadOwnAccount(store::Tx& tx, const Actor& actor) {
  std::optional<Account> account = TRY(account_repo::FindById(tx, actor.user_id));
  if (!account) return Unauthenticated("error.unauthenticated");
  return std::move(*account);
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

Result<void> AuthService::RequireRecentReauth(const Actor& actor) const {
  if (actor.is_console()) return Ok();
  const int64_t now = UnixSeconds(clock_.Now());
  if (actor.reauth_at == 0 || now - actor.reauth_at > options_.reauth_valid_seconds) {
    return Fail(ErrorCode::kReauthRequired, "security.reauth_required");
  }
  return Ok();
}

}  // namespace dandelion::security

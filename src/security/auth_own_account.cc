// What a signed-in user changes about her own account: her password (after proving she knows
// the current one, checked and counted like a sign-in) and her language.
#include "security/auth_internal.h"
#include "security/auth_service.h"
#include "security/password.h"
#include "security/password_policy.h"

namespace dandelion::security {

using auth_detail::LoadOwnAccount;

namespace {

Error InvalidField(std::string field, std::string reason) {
  return Error{ErrorCode::kInvalid, "error.invalid"}.Field(std::move(field), std::move(reason));
}

}  // namespace

Result<void> AuthService::ChangePassword(const Actor& actor, const std::string& current,
                                         const std::string& replacement,
                                         const std::string& device_cookie) {
  Account account = TRY(db_.ReadValue([&](store::Tx& tx) { return LoadOwnAccount(tx, actor); }));
  // The current password is checked as a sign-in is: counted against her username and address,
  // refused while locked, and audited when wrong. Otherwise a stolen session could guess it.
  SignInRequest check{account.username, current, std::nullopt, std::nullopt, device_cookie};
  if (auto checked = Check(check, actor, Purpose::kPasswordCheck); !checked) {
    if (checked.error().code != ErrorCode::kUnauthenticated) return Fail(checked.error());
    return Fail(InvalidField("current_password", "security.bad_credentials"));
  }
  if (auto ok = CheckPasswordPolicy(replacement, account.username); !ok) {
    return Fail(InvalidField("new_password", ok.error().message_key));
  }
  std::string hash = TRY(HashPassword(replacement));
  const int64_t now = UnixSeconds(clock_.Now());
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    TRY(account_repo::SetPasswordHash(tx, account.id, hash, false));
    // Whoever knew the old password may be signed in elsewhere: only this session goes on.
    TRY(account_repo::EndOtherSessionsOfUser(tx, account.id, actor.session_id, now));
    TRY(audit_.Append(tx, ActorEvent(actor, "user.password_change", "user", actor.user_id,
                                     {"password", "sessions"})));
    return Ok();
  });
}

Result<void> AuthService::SetLanguage(const Actor& actor, const std::string& language) {
  if (language != "ko" && language != "en") {
    return Fail(InvalidField("language", "field.unknown_value"));
  }
  return db_.Write(
      [&](store::Tx& tx) { return account_repo::SetLanguage(tx, actor.user_id, language); });
}

}  // namespace dandelion::security

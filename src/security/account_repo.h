// AccountRepo: storage of user accounts, sessions and sign-in throttling. SQL only; every
// permission and validation decision belongs to the services that call it (AuthService,
// network::UserService). Secrets arrive here already hashed or encrypted.
//
// Stateless; all functions run inside the caller's transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::security {

struct Account {
  std::string id;
  std::string org_id;
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
  std::string password_hash;
  bool password_change_required = false;  // a one-time password was given out
  std::string totp_secret;                // ciphertext under the org key; "" when not enrolled
  uint32_t totp_key_version = 0;
  bool totp_enabled = false;
  int64_t totp_last_step = 0;
  std::string disabled_at;  // "" when active
  std::string language = "ko";
  int64_t last_active_at = 0;  // unix seconds
  std::string created_at;
};

struct SessionRecord {
  std::string id;
  std::string user_id;
  std::string csrf_token;
  bool mfa_complete = false;
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
  int64_t reauth_at = 0;  // 0 = never
  int64_t ended_at = 0;   // 0 = live
};

struct Throttle {
  int64_t failures = 0;
  int64_t last_failure_at = 0;
  int64_t locked_until = 0;
};

namespace account_repo {

Result<std::optional<Account>> FindByUsername(store::Tx& tx, const std::string& username);
Result<std::optional<Account>> FindById(store::Tx& tx, const std::string& id);
Result<std::vector<Account>> ListByOrg(store::Tx& tx, const std::string& org_id);
Result<void> Insert(store::Tx& tx, const Account& account);
Result<void> UpdateRoles(store::Tx& tx, const std::string& id, const std::string& roles);
Result<void> SetDisabled(store::Tx& tx, const std::string& id, const std::string& at);
// Sets a new password hash; change_required marks it one-time (set by an administrator).
Result<void> SetPasswordHash(store::Tx& tx, const std::string& id, const std::string& hash,
                             bool change_required);
Result<void> SetTotp(store::Tx& tx, const std::string& id, const std::string& secret,
                     uint32_t key_version, bool enabled);
Result<void> SetTotpLastStep(store::Tx& tx, const std::string& id, int64_t step);
Result<void> SetLanguage(store::Tx& tx, const std::string& id, const std::string& language);
Result<void> Touch(store::Tx& tx, const std::string& id, int64_t now);

Result<void> ReplaceRecoveryCodes(store::Tx& tx, const std::string& user_id,
                                  const std::vector<std::string>& hashes);
// Marks an unused code used; false when there was no such unused code.
Result<bool> UseRecoveryCode(store::Tx& tx, const std::string& user_id, const std::string& hash,
                             const std::string& at);

Result<void> InsertSession(store::Tx& tx, const SessionRecord& s, const std::string& token_hash);
// The session of token_hash and its account, in one statement (every request asks).
struct SessionAndAccount {
  SessionRecord session;
  Account account;
};
Result<std::optional<SessionAndAccount>> FindSession(store::Database& db,
                                                     const std::string& token_hash);
// The same inside a read, for a read that confirms the session it was given in its own snapshot
// (Actor::unconfirmed_session).
Result<std::optional<SessionAndAccount>> FindSession(store::Tx& tx, const std::string& token_hash);
// What derive makes of FindSession(tx, ...)'s answer, remembered with it under the name as where
// the answer is remembered (store::Tx::QueryOneRememberedAs).
Result<std::string> FindSessionAs(
    store::Tx& tx, const std::string& token_hash, std::string_view as,
    const std::function<std::string(const std::optional<SessionAndAccount>&)>& derive);
// The columns SessionAndAccountAt reads, of the sessions table as `s` and users as `u`, for a
// statement that joins them by other names.
std::string SessionAndAccountColumns(std::string_view s, std::string_view u);
SessionAndAccount SessionAndAccountAt(const store::Row& r, size_t at);
Result<void> TouchSession(store::Tx& tx, const std::string& id, int64_t now);
Result<void> SetSessionMfaComplete(store::Tx& tx, const std::string& id);
Result<void> SetSessionReauth(store::Tx& tx, const std::string& id, int64_t now);
Result<void> EndSession(store::Tx& tx, const std::string& id, int64_t now);
Result<void> EndSessionsOfUser(store::Tx& tx, const std::string& user_id, int64_t now);
// Every session of user_id but keep_session_id (after she changed her password in it).
Result<void> EndOtherSessionsOfUser(store::Tx& tx, const std::string& user_id,
                                    const std::string& keep_session_id, int64_t now);

Result<Throttle> GetThrottle(store::Tx& tx, const std::string& key);
Result<void> PutThrottle(store::Tx& tx, const std::string& key, const Throttle& t);
Result<void> ClearThrottle(store::Tx& tx, const std::string& key);

}  // namespace account_repo
}  // namespace dandelion::security

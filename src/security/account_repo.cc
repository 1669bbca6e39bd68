#include "security/account_repo.h"

#include "security/policy.h"
#include "store/select.h"

namespace dandelion::security::account_repo {
namespace {

constexpr const char* kAccountColumns =
    "id, org_id, username, display_name, roles, password_hash, totp_secret, totp_key_version, "
    "totp_enabled, totp_last_step, disabled_at, language, last_active_at, created_at, "
    "password_change_required";

// The account in the row's columns from `at` on (kAccountColumns' order).
Account ToAccount(const store::Row& r, size_t at = 0) {
  Account a;
  a.id = r.Text(at + 0);
  a.org_id = r.Text(at + 1);
  a.username = r.Text(at + 2);
  a.display_name = r.Text(at + 3);
  a.roles = SplitRoles(r.Text(at + 4));
  a.password_hash = r.Text(at + 5);
  a.totp_secret = r.BlobBytes(at + 6);
  a.totp_key_version = static_cast<uint32_t>(r.Int(at + 7));
  a.totp_enabled = r.Int(at + 8) != 0;
  a.totp_last_step = r.Int(at + 9);
  a.disabled_at = r.Text(at + 10);
  a.language = r.Text(at + 11);
  a.last_active_at = r.Int(at + 12);
  a.created_at = r.Text(at + 13);
  a.password_change_required = r.Int(at + 14) != 0;
  return a;
}

Result<std::optional<Account>> FindOne(store::Tx& tx, const char* where, const std::string& v) {
  std::optional<store::Row> row = TRY(
      tx.QueryOne(std::string("SELECT ") + kAccountColumns + " FROM users WHERE " + where, {v}));
  if (!row) return std::optional<Account>();
  return std::optional<Account>(ToAccount(*row));
}

Result<void> Exec(store::Tx& tx, std::string_view sql, const store::Params& params) {
  TRY(tx.Exec(sql, params));
  return Ok();
}

store::Value OptBlob(const std::string& bytes) {
  if (bytes.empty()) return nullptr;
  return store::Blob{bytes};
}

}  // namespace

Result<std::optional<Account>> FindByUsername(store::Tx& tx, const std::string& username) {
  return FindOne(tx, "username = ?", username);
}

Result<std::optional<Account>> FindById(store::Tx& tx, const std::string& id) {
  return FindOne(tx, "id = ?", id);
}

Result<std::vector<Account>> ListByOrg(store::Tx& tx, const std::string& org_id) {
  store::Rows rows = TRY(tx.Query(
      std::string("SELECT ") + kAccountColumns + " FROM users WHERE org_id = ? ORDER BY username",
      {org_id}));
  std::vector<Account> out;
  for (const auto& r : rows) out.push_back(ToAccount(r));
  return out;
}

Result<void> Insert(store::Tx& tx, const Account& a) {
  return Exec(tx,
              "INSERT INTO users (id, org_id, username, display_name, roles, password_hash, "
              "totp_secret, totp_key_version, totp_enabled, totp_last_step, language, "
              "last_active_at, created_at, password_change_required) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {a.id, a.org_id, a.username, a.display_name, JoinRoles(a.roles), a.password_hash,
               OptBlob(a.totp_secret), int64_t{a.totp_key_version}, int64_t{a.totp_enabled},
               a.totp_last_step, a.language, a.last_active_at, a.created_at,
               int64_t{a.password_change_required}});
}

Result<void> UpdateRoles(store::Tx& tx, const std::string& id, const std::string& roles) {
  return Exec(tx, "UPDATE users SET roles = ? WHERE id = ?", {roles, id});
}

Result<void> SetDisabled(store::Tx& tx, const std::string& id, const std::string& at) {
  store::Value v = at.empty() ? store::Value(nullptr) : store::Value(at);
  return Exec(tx, "UPDATE users SET disabled_at = ? WHERE id = ?", {v, id});
}

Result<void> SetPasswordHash(store::Tx& tx, const std::string& id, const std::string& hash,
                             bool change_required) {
  return Exec(tx, "UPDATE users SET password_hash = ?, password_change_required = ? WHERE id = ?",
              {hash, int64_t{change_required}, id});
}

Result<void> SetTotp(store::Tx& tx, const std::string& id, const std::string& secret,
                     uint32_t key_version, bool enabled) {
  return Exec(tx,
              "UPDATE users SET totp_secret = ?, totp_key_version = ?, totp_enabled = ?, "
              "totp_last_step = 0 WHERE id = ?",
              {OptBlob(secret), int64_t{key_version}, int64_t{enabled}, id});
}

Result<void> SetTotpLastStep(store::Tx& tx, const std::string& id, int64_t step) {
  return Exec(tx, "UPDATE users SET totp_last_step = ? WHERE id = ?", {step, id});
}

Result<void> SetLanguage(store::Tx& tx, const std::string& id, const std::string& language) {
  return Exec(tx, "UPDATE users SET language = ? WHERE id = ?", {language, id});
}

Result<void> Touch(store::Tx& tx, const std::string& id, int64_t now) {
  return Exec(tx, "UPDATE users SET last_active_at = ? WHERE id = ?", {now, id});
}

Result<void> ReplaceRecoveryCodes(store::Tx& tx, const std::string& user_id,
                                  const std::vector<std::string>& hashes) {
  TRY(Exec(tx, "DELETE FROM recovery_codes WHERE user_id = ?", {user_id}));
  for (const auto& h : hashes) {
    TRY(Exec(tx, "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)",
             {user_id, store::Blob{h}}));
  }
  return Ok();
}

Result<bool> UseRecoveryCode(store::Tx& tx, const std::string& user_id, const std::string& hash,
                             const std::string& at) {
  int64_t n =
      TRY(tx.Exec("UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND "
                  "used_at IS NULL",
                  {at, user_id, store::Blob{hash}}));
  return n == 1;
}

Result<void> InsertSession(store::Tx& tx, const SessionRecord& s, const std::string& token_hash) {
  return Exec(tx,
              "INSERT INTO sessions (id, token_hash, user_id, csrf_token, mfa_complete, "
              "created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              {s.id, store::Blob{token_hash}, s.user_id, s.csrf_token, int64_t{s.mfa_complete},
               s.created_at, s.last_seen_at});
}

std::string SessionAndAccountColumns(std::string_view s, std::string_view u) {
  return store::Qualified(
             "id, user_id, csrf_token, mfa_complete, created_at, last_seen_at, reauth_at, "
             "ended_at",
             s) +
         ", " + store::Qualified(kAccountColumns, u);
}

SessionAndAccount SessionAndAccountAt(const store::Row& r, size_t at) {
  return SessionAndAccount{
      .session = SessionRecord{r.Text(at), r.Text(at + 1), r.Text(at + 2), r.Int(at + 3) != 0,
                               r.Int(at + 4), r.Int(at + 5), r.Int(at + 6), r.Int(at + 7)},
      .account = ToAccount(r, at + 8)};
}

namespace {

const std::string& FindSessionSql() {
  static const std::string sql = "SELECT " + SessionAndAccountColumns("s", "u") +
                                 " FROM sessions s JOIN users u ON u.id = s.user_id "
                                 "WHERE s.token_hash = ?";
  return sql;
}

std::optional<SessionAndAccount> SessionOf(const std::optional<store::Row>& row) {
  if (!row) return std::nullopt;
  return SessionAndAccountAt(*row, 0);
}

}  // namespace

Result<std::optional<SessionAndAccount>> FindSession(store::Database& db,
                                                     const std::string& token_hash) {
  // On SQLite remembered while nothing commits, as below; on PostgreSQL one round trip.
  return SessionOf(TRY(db.ReadOneRemembered(FindSessionSql(), {store::Blob{token_hash}})));
}

Result<std::optional<SessionAndAccount>> FindSession(store::Tx& tx, const std::string& token_hash) {
  // Remembered on a SQLite reader while nothing commits: ending a session, touching it, or any
  // change to her account is a commit (store::Tx::QueryOneRemembered).
  return SessionOf(TRY(tx.QueryOneRemembered(FindSessionSql(), {store::Blob{token_hash}})));
}

Result<std::string> FindSessionAs(
    store::Tx& tx, const std::string& token_hash, std::string_view as,
    const std::function<std::string(const std::optional<SessionAndAccount>&)>& derive) {
  return tx.QueryOneRememberedAs(
      FindSessionSql(), {store::Blob{token_hash}}, as,
      [&derive](const std::optional<store::Row>& row) { return derive(SessionOf(row)); });
}

Result<void> TouchSession(store::Tx& tx, const std::string& id, int64_t now) {
  return Exec(tx, "UPDATE sessions SET last_seen_at = ? WHERE id = ?", {now, id});
}

Result<void> SetSessionMfaComplete(store::Tx& tx, const std::string& id) {
  return Exec(tx, "UPDATE sessions SET mfa_complete = 1 WHERE id = ?", {id});
}

Result<void> SetSessionReauth(store::Tx& tx, const std::string& id, int64_t now) {
  return Exec(tx, "UPDATE sessions SET reauth_at = ? WHERE id = ?", {now, id});
}

Result<void> EndSession(store::Tx& tx, const std::string& id, int64_t now) {
  return Exec(tx, "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL", {now, id});
}

Result<void> EndSessionsOfUser(store::Tx& tx, const std::string& user_id, int64_t now) {
  return Exec(tx, "UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL",
              {now, user_id});
}

Result<void> EndOtherSessionsOfUser(store::Tx& tx, const std::string& user_id,
                                    const std::string& keep_session_id, int64_t now) {
  return Exec(tx,
              "UPDATE sessions SET ended_at = ? WHERE user_id = ? AND id <> ? AND ended_at IS NULL",
              {now, user_id, keep_session_id});
}

Result<Throttle> GetThrottle(store::Tx& tx, const std::string& key) {
  std::optional<store::Row> row = TRY(tx.QueryOne(
      "SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?", {key}));
  if (!row) return Throttle{};
  return Throttle{row->Int(0), row->Int(1), row->Int(2)};
}

Result<void> PutThrottle(store::Tx& tx, const std::string& key, const Throttle& t) {
  store::Value locked = t.locked_until ? store::Value(t.locked_until) : store::Value(nullptr);
  int64_t updated =
      TRY(tx.Exec("UPDATE login_throttle SET failures = ?, last_failure_at = ?, locked_until = ? "
                  "WHERE key = ?",
                  {t.failures, t.last_failure_at, locked, key}));
  if (updated == 1) return Ok();
  return Exec(tx,
              "INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) "
              "VALUES (?, ?, ?, ?)",
              {key, t.failures, t.last_failure_at, locked});
}

Result<void> ClearThrottle(store::Tx& tx, const std::string& key) {
  return Exec(tx, "DELETE FROM login_throttle WHERE key = ?", {key});
}

}  // namespace dandelion::security::account_repo

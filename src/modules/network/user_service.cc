#include "modules/network/user_service.h"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "core/ids.h"
#include "modules/network/org_repo.h"
#include "modules/service_support.h"
#include "security/auth_service.h"
#include "security/password.h"
#include "security/password_policy.h"
#include "security/policy.h"

namespace dandelion::network {
namespace {

namespace repo = security::account_repo;
using security::Account;
using security::Actor;

bool IsUsername(const std::string& s) {
  if (s.size() < 3 || s.size() > 32) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool AddsDataRole(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  return std::any_of(after.begin(), after.end(), [&](const std::string& r) {
    return security::IsDataRole(r) && !security::HasRole(before, r);
  });
}

// Tells the organization's administrators (enabled, other than the actor and the account
// concerned) what happened to its accounts. Written to the notifications table that
// GET /api/v1/notifications reads; the cases module owns that route, and this module cannot
// depend on it, so the row is written here.
Result<void> NotifyOrgAdmins(store::Tx& tx, const Actor& actor, const std::string& org_id,
                             const std::string& concerned_user_id, const std::string& kind,
                             const std::string& at) {
  for (const auto& a : TRY(repo::ListByOrg(tx, org_id))) {
    if (!a.disabled_at.empty() || !security::HasRole(a.roles, "org_admin")) continue;
    if (a.id == actor.user_id || a.id == concerned_user_id) continue;
    TRY(
        tx.Exec("INSERT INTO notifications (id, org_id, user_id, kind, case_id, actor_id, at) "
                "VALUES (?, ?, ?, ?, NULL, ?, ?)",
                {NewId(), org_id, a.id, kind,
                 actor.user_id.empty() ? store::Value{nullptr} : store::Value{actor.user_id}, at}));
  }
  return Ok();
}

Result<UserView> View(store::Tx& tx, const Account& a, int64_t now) {
  security::Throttle t = TRY(repo::GetThrottle(tx, "user:" + a.username));
  return UserView{a, t.locked_until > now};
}

}  // namespace

void ValidateRoles(const std::vector<std::string>& roles, Error& e) {
  std::set<std::string> seen;
  if (roles.empty()) e.Field("roles", "field.required");
  for (const auto& r : roles) {
    if (!security::IsRole(r) || !seen.insert(r).second) {
      e.Field("roles", "field.unknown_value");
      return;
    }
  }
}

std::vector<std::string> RoleChangeFields(const std::vector<std::string>& before,
                                          const std::vector<std::string>& after) {
  std::vector<std::string> fields = {"roles"};
  for (const auto& r : before) fields.push_back("roles.before:" + r);
  for (const auto& r : after) fields.push_back("roles.after:" + r);
  return fields;
}

std::string GenerateOneTimePassword() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";
  constexpr uint32_t kSize = sizeof(kAlphabet) - 1;
  std::string out;
  for (int i = 0; i < 16; ++i) out.push_back(kAlphabet[randombytes_uniform(kSize)]);
  return out;
}

UserService::UserService(store::Database& db, const security::AuditLog& audit,
                         const security::AuthService& auth, const Clock& clock)
    : db_(db), audit_(audit), auth_(auth), clock_(clock) {}

bool UserService::MayManageOrg(const Actor& actor, const std::string& org_id) const {
  if (actor.is_console()) return true;
  if (!security::Allows(security::perm::kUserManage, actor.roles)) return false;
  return actor.org_id == org_id || security::HasRole(actor.roles, "network_admin");
}

// Another organization's accounts are not even there for an actor who may not manage them.
Result<void> UserService::RequireManage(const Actor& actor, const std::string& org_id) const {
  if (MayManageOrg(actor, org_id)) return Ok();
  if (actor.org_id == org_id) return Fail(ErrorCode::kForbidden, "error.forbidden");
  return Fail(NotFound());
}

// What roles an actor may hand out in org_id (see the class comment).
Result<void> UserService::CheckGrant(const Actor& actor, const std::string& org_id,
                                     const std::vector<std::string>& roles) const {
  if (actor.is_console()) return Ok();
  bool org_admin_here = security::HasRole(actor.roles, "org_admin") && actor.org_id == org_id;
  bool network_admin = security::HasRole(actor.roles, "network_admin");
  for (const auto& role : roles) {
    bool ok = false;
    if (role == "network_admin") {
      ok = network_admin && actor.org_id == org_id;
    } else if (role == "org_admin") {
      ok = org_admin_here || network_admin;
    } else {
      // Includes every data role: a network admin never hands one out, not even in her own
      // organization unless she is also its org admin.
      ok = org_admin_here;
    }
    if (!ok) return Fail(ErrorCode::kForbidden, "network.role_not_grantable");
  }
  return Ok();
}

Result<void> UserService::CheckDataRoleGrant(const Actor& actor, const std::string& target_user_id,
                                             const std::vector<std::string>& before,
                                             const std::vector<std::string>& after) const {
  if (actor.is_console() || !AddsDataRole(before, after)) return Ok();
  // Checked first: a fresh re-authentication does not make a self-grant acceptable.
  if (!target_user_id.empty() && target_user_id == actor.user_id) {
    return Fail(ErrorCode::kForbidden, "network.self_grant");
  }
  return auth_.RequireRecentReauth(actor);
}

Result<CreatedUser> UserService::Create(const Actor& actor, const std::string& org_id,
                                        const NewUser& input) {
  TRY(RequireManage(actor, org_id));
  Error e{ErrorCode::kInvalid, "error.invalid"};
  std::string username = security::NormalizeUsername(input.username);
  if (!IsUsername(username)) e.Field("username", "network.username_format");
  if (input.display_name.empty()) e.Field("display_name", "field.required");
  if (CodePoints(input.display_name) > 100) e.Field("display_name", "field.too_long");
  ValidateRoles(input.roles, e);
  std::string one_time;
  std::string password = input.password.value_or("");
  if (!input.password) {
    one_time = GenerateOneTimePassword();
    password = one_time;
  } else if (auto ok = security::CheckPasswordPolicy(password, username); !ok) {
    e.Field("password", ok.error().message_key);
  }
  if (!e.fields.empty()) return Fail(e);
  TRY(CheckGrant(actor, org_id, input.roles));
  TRY(CheckDataRoleGrant(actor, "", {}, input.roles));
  std::string hash = TRY(security::HashPassword(password));
  sodium_memzero(password.data(), password.size());

  const int64_t now = UnixSeconds(clock_.Now());
  Account a;
  a.id = NewId();
  a.org_id = org_id;
  a.username = username;
  a.display_name = input.display_name;
  a.roles = input.roles;
  a.password_hash = hash;
  a.password_change_required = !input.password.has_value();
  a.last_active_at = now;
  a.created_at = FormatRfc3339(clock_.Now());
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    if (!TRY(org_repo::FindById(tx, org_id))) return Fail(NotFound());
    if (auto existing = TRY(repo::FindByUsername(tx, username))) {
      // Usernames are unique across the network. Saying "in use" about a name of another
      // organization would let any administrator find out who works elsewhere, so only a name
      // of her own organization (which she can list anyway) gets that answer; any other gets a
      // refusal that names no reason. The refusal is audited, so probing shows in the log.
      bool own = actor.is_console() || existing->org_id == actor.org_id;
      std::string key = own ? "network.username_taken" : "network.username_unavailable";
      security::AuditEvent entry =
          security::ActorEvent(actor, "user.create", "user", "", {"username"}, org_id);
      entry.outcome = "conflict";
      TRY(audit_.Append(tx, entry));
      return Fail(RecordedRefusal(Error{ErrorCode::kConflict, key}.Field("username", key)));
    }
    TRY(repo::Insert(tx, a));
    std::vector<std::string> fields = RoleChangeFields({}, a.roles);
    fields.insert(fields.begin(), "username");
    security::AuditEvent entry =
        security::ActorEvent(actor, "user.create", "user", a.id, fields, org_id);
    TRY(audit_.Append(tx, entry));
    // An organization learns of every administrator made from outside it, and of every data
    // role given to one of its accounts.
    if (!actor.is_console() && actor.org_id != org_id && security::HasRole(a.roles, "org_admin")) {
      TRY(NotifyOrgAdmins(tx, actor, org_id, a.id, "user.org_admin_created", a.created_at));
    }
    if (!actor.is_console() && AddsDataRole({}, a.roles)) {
      TRY(NotifyOrgAdmins(tx, actor, org_id, a.id, "user.data_role_granted", a.created_at));
    }
    return Ok();
  }));
  return CreatedUser{UserView{a, false}, one_time};
}

Result<std::vector<UserView>> UserService::List(const Actor& actor, const std::string& org_id) {
  TRY(RequireManage(actor, org_id));
  const int64_t now = UnixSeconds(clock_.Now());
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<UserView>> {
    if (!TRY(org_repo::FindById(tx, org_id))) return Fail(NotFound());
    bool network_only = !actor.is_console() && actor.org_id != org_id;
    std::vector<UserView> out;
    for (const auto& a : TRY(repo::ListByOrg(tx, org_id))) {
      // A network admin looking at another organization sees only its administrators.
      if (network_only && !security::HasRole(a.roles, "org_admin")) continue;
      out.push_back(TRY(View(tx, a, now)));
    }
    return out;
  });
}

Result<UserView> UserService::Get(const Actor& actor, const std::string& org_id,
                                  const std::string& user_id) {
  return Manage(actor, org_id, user_id, "", {}, nullptr);
}

Result<UserView> UserService::Manage(
    const Actor& actor, const std::string& org_id, const std::string& user_id,
    const std::string& action, std::vector<std::string> fields,
    const std::function<Result<void>(store::Tx&, Account&)>& change,
    const std::vector<std::string>* change_fields) {
  TRY(RequireManage(actor, org_id));
  const int64_t now = UnixSeconds(clock_.Now());
  auto work = [&](store::Tx& tx) -> Result<UserView> {
    std::optional<Account> found = TRY(repo::FindById(tx, user_id));
    if (!found || found->org_id != org_id) return Fail(NotFound());
    Account account = std::move(*found);
    // Network admins reach other organizations' administrators only.
    if (!actor.is_console() && actor.org_id != org_id &&
        !security::HasRole(account.roles, "org_admin")) {
      return Fail(NotFound());
    }
    if (change) {
      TRY(change(tx, account));
      TRY(audit_.Append(
          tx, security::ActorEvent(
                  actor, action, "user", account.id,
                  change_fields && !change_fields->empty() ? *change_fields : fields, org_id)));
    }
    return View(tx, account, now);
  };
  return change ? db_.WriteValue(work) : db_.ReadValue(work);
}

Result<UserView> UserService::ChangeRoles(const Actor& actor, const std::string& org_id,
                                          const std::string& user_id,
                                          const std::vector<std::string>& roles) {
  // Checked after the user is found, so a user the actor may not manage stays a 404 whatever
  // the body says. The audit fields name the roles before and after, so they are filled in by
  // the change itself.
  std::vector<std::string> fields;
  return Manage(
      actor, org_id, user_id, "user.roles_change", {"roles"},
      [&](store::Tx& tx, Account& a) -> Result<void> {
        Error e{ErrorCode::kInvalid, "error.invalid"};
        ValidateRoles(roles, e);
        if (!e.fields.empty()) return Fail(e);
        // Taking a role away needs the same right as giving it.
        TRY(CheckGrant(actor, org_id, roles));
        TRY(CheckGrant(actor, org_id, a.roles));
        TRY(CheckDataRoleGrant(actor, a.id, a.roles, roles));
        if (!actor.is_console() && AddsDataRole(a.roles, roles)) {
          TRY(NotifyOrgAdmins(tx, actor, org_id, a.id, "user.data_role_granted",
                              FormatRfc3339(clock_.Now())));
        }
        fields = RoleChangeFields(a.roles, roles);
        a.roles = roles;
        return repo::UpdateRoles(tx, a.id, security::JoinRoles(roles));
      },
      &fields);
}

Result<UserView> UserService::Disable(const Actor& actor, const std::string& org_id,
                                      const std::string& user_id) {
  const int64_t now = UnixSeconds(clock_.Now());
  return Manage(actor, org_id, user_id, "user.disable", {"disabled_at"},
                [&](store::Tx& tx, Account& a) -> Result<void> {
                  if (a.disabled_at.empty()) a.disabled_at = FormatRfc3339(clock_.Now());
                  TRY(repo::SetDisabled(tx, a.id, a.disabled_at));
                  return repo::EndSessionsOfUser(tx, a.id, now);
                });
}

Result<UserView> UserService::Enable(const Actor& actor, const std::string& org_id,
                                     const std::string& user_id) {
  const int64_t now = UnixSeconds(clock_.Now());
  return Manage(actor, org_id, user_id, "user.enable", {"disabled_at"},
                [&](store::Tx& tx, Account& a) -> Result<void> {
                  a.disabled_at.clear();
                  a.last_active_at = now;
                  TRY(repo::SetDisabled(tx, a.id, ""));
                  return repo::Touch(tx, a.id, now);
                });
}

Result<UserView> UserService::Unlock(const Actor& actor, const std::string& org_id,
                                     const std::string& user_id) {
  return Manage(actor, org_id, user_id, "user.unlock", {},
                [&](store::Tx& tx, Account& a) -> Result<void> {
                  return repo::ClearThrottle(tx, "user:" + a.username);
                });
}

Result<UserView> UserService::ResetMfa(const Actor& actor, const std::string& org_id,
                                       const std::string& user_id) {
  const int64_t now = UnixSeconds(clock_.Now());
  return Manage(actor, org_id, user_id, "user.mfa_reset", {"totp"},
                [&](store::Tx& tx, Account& a) -> Result<void> {
                  a.totp_enabled = false;
                  a.totp_secret.clear();
                  TRY(repo::SetTotp(tx, a.id, "", 0, false));
                  TRY(repo::ReplaceRecoveryCodes(tx, a.id, {}));
                  return repo::EndSessionsOfUser(tx, a.id, now);
                });
}

Result<CreatedUser> UserService::ResetPassword(const Actor& actor, const std::string& org_id,
                                               const std::string& user_id) {
  std::string one_time = GenerateOneTimePassword();
  std::string hash = TRY(security::HashPassword(one_time));
  const int64_t now = UnixSeconds(clock_.Now());
  UserView v = TRY(Manage(actor, org_id, user_id, "user.password_reset", {"password"},
                          [&](store::Tx& tx, Account& a) -> Result<void> {
                            a.password_change_required = true;
                            TRY(repo::SetPasswordHash(tx, a.id, hash, true));
                            return repo::EndSessionsOfUser(tx, a.id, now);
                          }));
  return CreatedUser{v, one_time};
}

}  // namespace dandelion::network

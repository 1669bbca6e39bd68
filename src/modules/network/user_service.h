// UserService: the one door to managing the people who sign in.
//
// Org admins manage their own organization's users (any roles but network_admin). Network
// admins manage organization administrators across the network, and network admins in their
// own organization — never case workers' accounts elsewhere; in another organization they create
// and change org_admin accounts only, and that organization's administrators are told. The
// operator's console may do anything (it holds the master key anyway). Users of an organization
// the actor may not manage answer 404, as if they did not exist.
//
// Giving an account a data role (policy.h) needs a re-authentication within the last minutes and
// is refused when the account is the actor's own; the organization's other administrators are
// told. Every role change is audited with the role names before and after.
//
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "security/account_repo.h"
#include "security/actor.h"
#include "security/audit_log.h"
#include "security/auth_service.h"
#include "store/database.h"

namespace dandelion::network {

struct NewUser {
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
  std::optional<std::string> password;  // none: a one-time password is generated
};

struct UserView {
  security::Account account;
  bool locked = false;
};

struct CreatedUser {
  UserView user;
  std::string one_time_password;  // "" when the password was given
};

class UserService {
 public:
  UserService(store::Database& db, const security::AuditLog& audit,
              const security::AuthService& auth, const Clock& clock);

  Result<CreatedUser> Create(const security::Actor& actor, const std::string& org_id,
                             const NewUser& input);
  Result<std::vector<UserView>> List(const security::Actor& actor, const std::string& org_id);
  Result<UserView> Get(const security::Actor& actor, const std::string& org_id,
                       const std::string& user_id);
  Result<UserView> ChangeRoles(const security::Actor& actor, const std::string& org_id,
                               const std::string& user_id, const std::vector<std::string>& roles);
  // Disabling ends the user's sessions at once.
  Result<UserView> Disable(const security::Actor& actor, const std::string& org_id,
                           const std::string& user_id);
  Result<UserView> Enable(const security::Actor& actor, const std::string& org_id,
                          const std::string& user_id);
  // Lifts a sign-in lockout.
  Result<UserView> Unlock(const security::Actor& actor, const std::string& org_id,
                          const std::string& user_id);
  // Removes TOTP and recovery codes and ends sessions; the user enrols again at next sign-in.
  Result<UserView> ResetMfa(const security::Actor& actor, const std::string& org_id,
                            const std::string& user_id);
  // Issues a new one-time password and ends the user's sessions.
  Result<CreatedUser> ResetPassword(const security::Actor& actor, const std::string& org_id,
                                    const std::string& user_id);

 private:
  // Runs change on a user the actor may manage, with its audit entry, in one write.
  Result<UserView> Manage(
      const security::Actor& actor, const std::string& org_id, const std::string& user_id,
      const std::string& action, std::vector<std::string> fields,
      const std::function<Result<void>(store::Tx&, security::Account&)>& change,
      const std::vector<std::string>* change_fields = nullptr);  // overrides fields when set
  Result<void> CheckGrant(const security::Actor& actor, const std::string& org_id,
                          const std::vector<std::string>& roles) const;
  // Data roles added to target_user_id ("" for an account not yet made): never one's own, and
  // only after a fresh re-authentication.
  Result<void> CheckDataRoleGrant(const security::Actor& actor, const std::string& target_user_id,
                                  const std::vector<std::string>& before,
                                  const std::vector<std::string>& after) const;
  bool MayManageOrg(const security::Actor& actor, const std::string& org_id) const;
  // 403 in her own organization, 404 in another.
  Result<void> RequireManage(const security::Actor& actor, const std::string& org_id) const;

  store::Database& db_;
  const security::AuditLog& audit_;
  const security::AuthService& auth_;
  const Clock& clock_;
};

// Validates roles: non-empty, known, no duplicates. Adds reasons to e under field.
void ValidateRoles(const std::vector<std::string>& roles, Error& e);

// The audit fields of a role change: "roles", then "roles.before:<role>" and "roles.after:<role>"
// for each role name (names only, never anything about the person).
std::vector<std::string> RoleChangeFields(const std::vector<std::string>& before,
                                          const std::vector<std::string>& after);

// A new one-time password: 16 characters from an alphabet without look-alikes.
std::string GenerateOneTimePassword();

}  // namespace dandelion::network

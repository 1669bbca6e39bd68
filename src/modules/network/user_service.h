// UserService: the one door to managing the people who sign in.
//
// Org admins manage their own organization's users (any roles but network_admin). Network
// admins manage organization administrators across the network, and network admins in their
// own organization — never case workers' accounts elsewhere. The operator's console may do
// anything (it holds the master key anyway). Users of an organization the actor may not manage
// answer 404, as if they did not exist.
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
  UserService(store::Database& db, const security::AuditLog& audit, const Clock& clock);

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
      const std::function<Result<void>(store::Tx&, security::Account&)>& change);
  Result<void> CheckGrant(const security::Actor& actor, const std::string& org_id,
                          const std::vector<std::string>& roles) const;
  bool MayManageOrg(const security::Actor& actor, const std::string& org_id) const;

  store::Database& db_;
  const security::AuditLog& audit_;
  const Clock& clock_;
};

// Validates roles: non-empty, known, no duplicates. Adds reasons to e under field.
void ValidateRoles(const std::vector<std::string>& roles, Error& e);

// A new one-time password: 16 characters from an alphabet without look-alikes.
std::string GenerateOneTimePassword();

}  // namespace dandelion::network

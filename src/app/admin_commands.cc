// org add, user add and audit verify: the operator's console, through the same services as HTTP.
#include "app/admin_commands.h"

#include <iostream>

#include "app/services.h"
#include "security/policy.h"

namespace dandelion::app {

Result<void> OrgAdd(const OrgAddOptions& o) {
  auto s = Services::Open(o.data_dir, 1);
  if (!s) return Fail(s.error());
  network::NewOrganization in{o.slug, o.name, o.kind, o.facility_type, o.region};
  auto org = (*s)->orgs->Create(security::Actor::Console(), in);
  if (!org) return Fail(org.error());
  std::cout << "Added organization " << org->slug << " (" << org->id << ")\n";
  return Ok();
}

Result<void> UserAdd(const UserAddOptions& o) {
  auto s = Services::Open(o.data_dir, 1);
  if (!s) return Fail(s.error());
  auto console = security::Actor::Console();
  auto org = (*s)->orgs->Get(console, o.org);
  if (!org) {
    Error e = org.error();
    e.detail = "no organization " + o.org;
    return Fail(e);
  }
  network::NewUser in;
  in.username = o.username;
  in.display_name = o.display_name.empty() ? o.username : o.display_name;
  in.roles = security::SplitRoles(o.roles);
  if (o.password_stdin) {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    in.password = std::move(password);
  }
  auto created = (*s)->users->Create(console, org->id, in);
  if (!created) return Fail(created.error());
  std::cout << "Added user " << created->user.account.username << " (" << created->user.account.id
            << ") to " << org->slug << "\n";
  if (!created->one_time_password.empty()) {
    std::cout << "One-time password (shown once; it must be changed at first sign-in):\n  "
              << created->one_time_password << "\n";
  }
  return Ok();
}

Result<void> AuditVerify(const std::string& data_dir) {
  auto s = Services::Open(data_dir, 1);
  if (!s) return Fail(s.error());
  auto& services = **s;
  auto r =
      services.db->Read([&](store::Tx& tx) -> Result<void> { return services.audit->Verify(tx); });
  if (!r) return r;
  std::cout << "The audit log is intact.\n";
  return Ok();
}

}  // namespace dandelion::app

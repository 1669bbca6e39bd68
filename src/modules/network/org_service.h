// OrgService: the one door to the network's member organizations.
//
// Network admins (and the operator's console) create organizations; each gets its own key in
// the key hierarchy in the same transaction. Every signed-in user may list them: names, kinds
// and regions are what members need to refer to one another, and hold no personal data.
//
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "modules/network/model.h"
#include "security/actor.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::network {

struct NewOrganization {
  std::string slug;
  std::string name;
  std::string kind;
  std::string facility_type;
  std::string region;
};

class OrgService {
 public:
  OrgService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
             const Clock& clock);

  // 400 naming bad fields, 403 without org.create, 409 for a slug in use.
  Result<Organization> Create(const security::Actor& actor, const NewOrganization& input);
  Result<std::vector<Organization>> List(const security::Actor& actor);
  // The public site's directory (no session): every member but the secretariat, by name, kind
  // and region, except that a support facility (a shelter) comes without its name or region:
  // where women live is never published, so the site can only count them.
  Result<std::vector<Organization>> PublicDirectory();
  // By id or slug; 404 when absent.
  Result<Organization> Get(const security::Actor& actor, const std::string& id_or_slug);

 private:
  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  const Clock& clock_;
};

// Validates a new organization's fields; 400 with every bad field named.
Result<void> ValidateNewOrganization(const NewOrganization& input);

}  // namespace dandelion::network

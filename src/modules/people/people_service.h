// PeopleService: the one door to survivors' records (docs/domain.md, "Survivor records").
//
// Case workers and supervisors register, read, find and correct the people of their own
// organization; supervisors erase them. Every call checks the role first, then the loaded
// record's organization: another organization's person answers 404 exactly as an unknown id
// does. Identifying fields are encrypted here, under the person's own key, before they reach
// the repo; lookups go through blind indexes. Every read and write — and every refused attempt
// on an id — is audited in the same transaction as the work, with field names, never values.
//
// Erasure deletes her wrapped key (crypto-shredding) and blanks her row to a tombstone that
// keeps id, code and erased_at, so neither is ever reused. Her own organization then gets 404
// with the message key "people.erased" (she existed and is gone); anyone else gets the plain
// 404 of an unknown id.
//
// Thread-safe: state lives in the database.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "modules/network/org_service.h"
#include "modules/people/model.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/auth_service.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::people {

// Exact-match search by exactly one key.
struct PersonQuery {
  enum class Key { kName, kPhone, kCode };
  Key key = Key::kName;
  std::string value;
};

inline constexpr int kMaxSearchResults = 50;

class PeopleService {
 public:
  // reads: the group commit that audits reads (security/audit_batcher.h).
  PeopleService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
                security::AuditBatcher& reads, const security::AuthService& auth,
                network::OrgService& orgs, const Clock& clock);

  // 403 without person.write; 400 naming bad fields. Allocates her code.
  Result<Person> Create(const security::Actor& actor, const PersonFields& fields);
  // 404 unless she is of the actor's organization (and not erased). Reads run in a read
  // transaction; the audit entry they owe travels with the value (the reply waits for it). A
  // refused read is recorded before the refusal returns.
  Result<security::Audited<Person>> Get(const security::Actor& actor, const std::string& id);
  // Her organization's people matching exactly, at most kMaxSearchResults.
  Result<security::Audited<std::vector<Person>>> Search(const security::Actor& actor,
                                                        const PersonQuery& query);
  // Changes the fields present; audits the names of those whose value changed.
  Result<Person> Update(const security::Actor& actor, const std::string& id,
                        const PersonFields& fields);
  // 403 without person.erase or a recent re-authentication; 400 for a blank reason.
  Result<void> Erase(const security::Actor& actor, const std::string& id,
                     const std::string& reason);

 private:
  security::AuditEvent Event(const security::Actor& actor, std::string action,
                             std::string entity_id) const;

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const security::AuthService& auth_;
  network::OrgService& orgs_;
  const Clock& clock_;
};

}  // namespace dandelion::people

// Consents: what she agreed to (docs/domain.md, "Consent") — kind, scope (which fields, to which
// organization), how it was given, when it expires. Consents belong to her, not to a case, so
// they are reached through her person id, within her organization only. Revocation takes effect
// at once: the state (active, expired, revoked) is computed from the clock on every read, never
// stored, and whatever checks a consent (referrals, statistics) reads it in its own transaction.
//
// Thread-safe: state lives in the database.
#pragma once

#include <string>
#include <vector>

#include "modules/case_records/record_door.h"

namespace dandelion::case_records {

class Consents {
 public:
  explicit Consents(Deps deps) : deps_(deps) {}

  // case.write; 404 (audited) unless she is of the caller's organization.
  Result<Consent> Give(const security::Actor& actor, const std::string& person_id,
                       const ConsentFields& fields);
  // case.read; newest first.
  Result<std::vector<Consent>> List(const security::Actor& actor, const std::string& person_id);
  // case.write; 409 when already revoked. The reason is sealed under her key.
  Result<Consent> Revoke(const security::Actor& actor, const std::string& id,
                         const std::string& reason);

 private:
  // outcome: the audit outcome of the work ("ok", or "break_glass" under a grant).
  using PersonWork = std::function<Result<void>(store::Tx&, const std::string& org_id,
                                                const std::string& outcome)>;
  using FindPerson = std::function<Result<std::string>(store::Tx&)>;
  // The door for her records: permission, then her — whom find names inside the transaction,
  // "" for no one — of the caller's organization and not erased, then her restriction
  // (access/person_access.h: 403 break_glass_required), then work. A refusal is audited as
  // action on (entity_type, entity_id).
  Result<void> OnPerson(const security::Actor& actor, std::string_view permission,
                        std::string_view action, std::string_view entity_type,
                        const std::string& entity_id, const FindPerson& find,
                        const PersonWork& work);

  Deps deps_;
};

}  // namespace dandelion::case_records

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
  // case.read; newest first, in a read transaction, with the audit entry the reply owes (a
  // refusal's is on disk before it is returned).
  Result<security::Audited<std::vector<Consent>>> List(const security::Actor& actor,
                                                       const std::string& person_id);
  // case.write; 409 when already revoked. The reason is sealed under her key.
  Result<Consent> Revoke(const security::Actor& actor, const std::string& id,
                         const std::string& reason);

 private:
  Deps deps_;
};

}  // namespace dandelion::case_records

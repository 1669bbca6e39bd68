// EmergencyService, finding her record from a request: a dispatcher has no access to the
// register of people (policy.cc: person.read is the case roles'), yet must link a request to the
// woman it is about. This search is hers for that purpose only: on one request of her
// organization, exact matches by the blind indexes of name or phone, answered as stubs (code,
// alias, age band, open cases), each match audited; a restricted woman she may not reach is
// answered with her code alone (docs/emergency.md, "Linking a request to her record").
#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/emergency/emergency_service.h"
#include "modules/emergency/request_cipher.h"
#include "modules/emergency/service_internal.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/service_support.h"
#include "security/normalize.h"
#include "security/policy.h"

namespace dandelion::emergency {

using detail::Invalid;
using detail::kEntity;
using detail::ProbeOf;

// Matches are few by nature (an exact name or phone in one organization).
constexpr int kMaxMatches = 20;

// Read without the database's writer; the entries (the search's, and one for each woman shown)
// are owed to the reads' group commit, and a probe of another organization's request is on
// record before its 404 leaves.
Result<security::Audited<std::vector<PersonMatch>>> EmergencyService::PersonCandidates(
    const security::Actor& actor, const std::string& id, const PersonLookup& lookup) {
  TRY(RequirePermission(actor, security::perm::kEmergencyAct));
  if (!LooksLikeId(id)) return Fail(NotFound());
  const bool by_name = !lookup.name.empty();
  const std::string key = by_name ? "name" : "phone";
  const auto kind = by_name ? security::FieldKind::kName : security::FieldKind::kPhone;
  const TimePoint now = clock_.Now();
  security::AuditEvent e =
      security::ActorEvent(actor, "help_request.candidates", std::string(kEntity), id, {key});
  bool own = false;
  std::vector<PersonMatch> out;
  std::vector<security::AuditEvent> shown;
  TRY(db_.Read([&](store::Tx& tx) -> Result<void> {
    out.clear();
    shown.clear();
    // Another organization's request first answers 404, whatever the lookup.
    own = TRY(FindOwn(tx, actor, id)).has_value();
    if (!own) return Ok();
    if (!by_name && lookup.phone.empty()) return Fail(Invalid().Field("name", "field.required"));
    if (by_name && !lookup.phone.empty()) {
      return Fail(Invalid().Field("phone", "emergency.one_lookup"));
    }
    auto wanted = security::NormalizeForIndex(kind, by_name ? lookup.name : lookup.phone);
    if (!wanted) return Fail(Invalid().Field(key, "field.empty"));
    auto index = TRY(people::IndexPerson(tx, keyring_, actor.org_id, by_name ? lookup.name : "",
                                         by_name ? "" : lookup.phone));
    auto rows = TRY(people::person_repo::FindByIndex(
        tx, actor.org_id,
        by_name ? people::person_repo::IndexColumn::kLegalName
                : people::person_repo::IndexColumn::kPhone,
        by_name ? index.legal_name : index.phone, index.key_version, kMaxMatches));
    for (const auto& row : rows) {
      auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, row.org_id, row.id));
      // What a candidate shows (alias, age band) and the field the lookup checks: her birth
      // date, and her phone on a lookup by name, stay sealed.
      auto person = TRY(cipher.OpenSummary(row, by_name ? people::PersonCipher::WithPhone::kNo
                                                        : people::PersonCipher::WithPhone::kYes));
      // A 64-bit index can collide: keep only true matches.
      auto value = security::NormalizeForIndex(kind, by_name ? person.legal_name : person.phone);
      if (!value || *value != *wanted) continue;
      auto reach = TRY(access::DecidePersonAccess(tx, actor, row.id, now));
      PersonMatch match{.id = row.id, .code = row.code, .restricted = reach.restricted};
      // Every woman shown is on record, with what was shown of her.
      security::AuditEvent seen =
          security::ActorEvent(actor, "help_request.candidate", "person", row.id, {"code"});
      seen.outcome = reach.Outcome();
      if (reach.allowed) {
        match.alias = person.alias;
        match.age_band = person.age_band;
        match.open_cases = TRY(request_repo::OpenCasesOf(tx, row.id, actor.org_id));
        seen.fields = {"code", "alias", "age_band"};
      } else {
        match.hidden = true;  // she is there; who she is stays closed
      }
      shown.push_back(std::move(seen));
      out.push_back(std::move(match));
    }
    return Ok();
  }));
  if (!own) {
    return Fail(reads_.Refuse(ProbeOf(std::move(e)), NotFound()));
  }
  security::PendingAudit owed(reads_, std::move(e));
  for (auto& seen : shown) owed.Join(security::PendingAudit(reads_, std::move(seen)));
  return security::Audited<std::vector<PersonMatch>>{std::move(out), std::move(owed)};
}

}  // namespace dandelion::emergency

#include "modules/people/people_service.h"

#include <optional>
#include <variant>

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/network/org_repo.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/people/search_index.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::people {
namespace {

using person_repo::StoredPerson;

// The names of the fields a read decrypts and shows.
const std::vector<std::string> kReadFields = {"legal_name", "alias", "birth_date", "phone",
                                              "safe_contact"};

// Which fields differ between before and after, in PersonFields::Names() order.
std::vector<std::string> Changed(const Person& a, const Person& b) {
  std::vector<std::string> out;
  if (a.legal_name != b.legal_name) out.emplace_back("legal_name");
  if (a.alias != b.alias) out.emplace_back("alias");
  if (a.birth_date != b.birth_date) out.emplace_back("birth_date");
  if (a.phone != b.phone) out.emplace_back("phone");
  if (a.safe_contact != b.safe_contact) out.emplace_back("safe_contact");
  if (a.nationality != b.nationality) out.emplace_back("nationality");
  if (a.languages != b.languages) out.emplace_back("languages");
  if (a.categories != b.categories) out.emplace_back("categories");
  return out;
}

// Seals person into row (ciphertexts and clear columns, not id, org or code) and stores it with
// its blind indexes and search terms.
Result<void> Store(store::Tx& tx, security::Keyring& keyring, const PersonCipher& cipher,
                   const Person& p, StoredPerson& row) {
  cipher.SealInto(p, row);
  row.nationality = p.nationality;
  row.languages = JoinList(p.languages);
  row.categories = JoinList(p.categories);
  return StoreIndexed(tx, keyring, p, row);
}

// Loads a person of org_id inside tx. When she is absent, of another organization or erased,
// records the refused attempt and fails with a RecordedRefusal (committed with tx: probing ids
// leaves a trace).
// She must also be open to the actor (access/person_access.h): a restricted person answers
// 403 break_glass_required, recorded the same way. outcome: the audit outcome of the work
// ("break_glass" under a grant).
Result<StoredPerson> LoadOwn(store::Tx& tx, const security::AuditLog& audit,
                             const security::Actor& actor, security::AuditEvent attempt,
                             TimePoint now, std::string& outcome) {
  std::optional<StoredPerson> found = TRY(person_repo::FindById(tx, attempt.entity_id));
  if (found && found->org_id == attempt.org_id && found->erased_at.empty()) {
    access::PersonDecision reach =
        TRY(access::DecidePersonAccess(tx, actor, attempt.entity_id, now));
    outcome = reach.Outcome();
    if (reach.allowed) return std::move(*found);
    attempt.outcome = reach.Outcome();
    TRY(audit.Append(tx, attempt));
    return Fail(RecordedRefusal(access::Refusal(reach)));
  }
  const bool erased = found && found->org_id == attempt.org_id;
  attempt.outcome = erased ? "erased" : "not_found";
  TRY(audit.Append(tx, attempt));
  return Fail(RecordedRefusal(erased ? Error{ErrorCode::kNotFound, "people.erased"} : NotFound()));
}

}  // namespace

PeopleService::PeopleService(store::Database& db, security::Keyring& keyring,
                             const security::AuditLog& audit, security::AuditBatcher& reads,
                             const security::AuthService& auth, network::OrgService& orgs,
                             const Clock& clock)
    : db_(db),
      keyring_(keyring),
      audit_(audit),
      reads_(reads),
      auth_(auth),
      orgs_(orgs),
      clock_(clock) {}

security::AuditEvent PeopleService::Event(const security::Actor& actor, std::string action,
                                          std::string entity_id) const {
  return security::ActorEvent(actor, std::move(action), "person", std::move(entity_id));
}

Result<Person> PeopleService::Create(const security::Actor& actor, const PersonFields& fields) {
  TRY(RequirePermission(actor, security::perm::kPersonWrite));
  TRY(ValidatePersonFields(fields, true, clock_.Now()));
  return db_.WriteValue(
      [&](store::Tx& tx) -> Result<Person> { return CreateIn(tx, actor, fields, ""); });
}

Result<Person> PeopleService::CreateIn(store::Tx& tx, const security::Actor& actor,
                                       const PersonFields& fields, const std::string& age_band) {
  TRY(RequirePermission(actor, security::perm::kPersonWrite));
  const TimePoint now = clock_.Now();
  auto org = TRY(network::org_repo::FindById(tx, actor.org_id));
  if (!org) return Fail(NotFound());
  Person person;
  ApplyPersonFields(fields, person);
  person.id = NewId();
  person.org_id = actor.org_id;
  person.created_at = person.updated_at = FormatRfc3339(now);
  person.age_band =
      person.birth_date.empty() && !age_band.empty() ? age_band : AgeBand(person.birth_date, now);
  const int year = std::stoi(person.created_at.substr(0, 4));
  {
    const int64_t seq = TRY(person_repo::NextCodeSeq(tx, person.org_id, year));
    person.code = FormatCode(CodePrefix(org->slug), year, seq);
    StoredPerson row{.id = person.id,
                     .org_id = person.org_id,
                     .code = person.code,
                     .code_year = year,
                     .code_seq = seq,
                     .age_band = person.age_band,
                     .created_at = person.created_at,
                     .updated_at = person.updated_at};
    // Her row first (person_keys and her search terms refer to it), then her key, then her
    // sealed fields.
    TRY(person_repo::Insert(tx, row));
    PersonCipher cipher =
        TRY(PersonCipher::Create(tx, keyring_, person.org_id, person.id, person.created_at));
    TRY(Store(tx, keyring_, cipher, person, row));
    security::AuditEvent e = Event(actor, "person.create", person.id);
    e.fields = fields.Names();
    TRY(audit_.Append(tx, e));
  }
  return person;
}

Result<security::Audited<Person>> PeopleService::Get(const security::Actor& actor,
                                                     const std::string& id) {
  TRY(RequirePermission(actor, security::perm::kPersonRead));
  security::AuditEvent e = Event(actor, "person.read", id);
  // The refusal, if any, leaves the read transaction as a value: a refused read is audited
  // (and waited for) before it is answered.
  auto read = db_.ReadValue([&](store::Tx& tx) -> Result<std::variant<Person, Error>> {
    std::optional<StoredPerson> row;
    if (LooksLikeId(id)) row = TRY(person_repo::FindById(tx, id));
    if (!row || row->org_id != actor.org_id || !row->erased_at.empty()) {
      const bool erased = row && row->org_id == actor.org_id;
      e.outcome = erased ? "erased" : "not_found";
      return erased ? Error{ErrorCode::kNotFound, "people.erased"} : NotFound();
    }
    access::PersonDecision reach = TRY(access::DecidePersonAccess(tx, actor, id, clock_.Now()));
    e.outcome = reach.Outcome();
    if (!reach.allowed) return access::Refusal(reach);
    PersonCipher cipher = TRY(PersonCipher::Load(tx, keyring_, row->org_id, id));
    Person person = TRY(cipher.OpenRow(*row));
    person.restricted = reach.restricted;
    person.access = access::PersonAccessName(reach.access);
    e.fields = kReadFields;
    return person;
  });
  std::variant<Person, Error> answer = TRY(std::move(read));
  if (auto* refusal = std::get_if<Error>(&answer)) {
    return Fail(reads_.Refuse(std::move(e), std::move(*refusal)));
  }
  return security::Audited<Person>{std::get<Person>(std::move(answer)),
                                   security::PendingAudit(reads_, std::move(e))};
}

Result<Person> PeopleService::Update(const security::Actor& actor, const std::string& id,
                                     const PersonFields& fields) {
  TRY(RequirePermission(actor, security::perm::kPersonWrite));
  if (!LooksLikeId(id)) return Fail(NotFound());
  const TimePoint now = clock_.Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<Person> {
    std::string outcome;
    StoredPerson row =
        TRY(LoadOwn(tx, audit_, actor, Event(actor, "person.update", id), now, outcome));
    // Values are judged only once she is known to be the caller's: another organization's id
    // answers 404 whatever the body holds.
    TRY(ValidatePersonFields(fields, false, now));
    PersonCipher cipher = TRY(PersonCipher::Load(tx, keyring_, row.org_id, id));
    const Person before = TRY(cipher.OpenRow(row));
    Person after = before;
    ApplyPersonFields(fields, after);
    if (after.birth_date != before.birth_date) {
      TimePoint intake{};
      if (!ParseRfc3339(row.created_at, &intake)) intake = now;
      after.age_band = AgeBand(after.birth_date, intake);
    }
    after.updated_at = FormatRfc3339(now);
    row.age_band = after.age_band;
    row.updated_at = after.updated_at;
    TRY(Store(tx, keyring_, cipher, after, row));
    security::AuditEvent e = Event(actor, "person.update", id);
    e.outcome = outcome;
    e.fields = Changed(before, after);
    TRY(audit_.Append(tx, e));
    return after;
  });
}

Result<void> PeopleService::Erase(const security::Actor& actor, const std::string& id,
                                  const std::string& reason) {
  TRY(RequirePermission(actor, security::perm::kPersonErase));
  TRY(auth_.RequireRecentReauth(actor));
  if (!LooksLikeId(id)) return Fail(NotFound());
  std::string erased;
  auto written = db_.Write([&](store::Tx& tx) -> Result<void> {
    std::string outcome;
    StoredPerson row =
        TRY(LoadOwn(tx, audit_, actor, Event(actor, "person.erase", id), clock_.Now(), outcome));
    if (Blank(reason)) {
      return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("reason", "field.required"));
    }
    TRY(person_repo::Erase(tx, row.id, FormatRfc3339(clock_.Now())));
    security::AuditEvent e = Event(actor, "person.erase", id);
    e.fields = {"person_key",   "legal_name",  "alias",     "birth_date", "phone",
                "safe_contact", "nationality", "languages", "categories"};
    TRY(audit_.Append(tx, e));
    erased = row.id;
    return Ok();
  });
  // Only once her erasure committed: the journal must never name a woman still on record.
  if (written && !erased.empty() && erasure_recorder_) erasure_recorder_(erased);
  return written;
}

}  // namespace dandelion::people

#include "modules/people/people_service.h"

#include <algorithm>
#include <optional>

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "security/normalize.h"
#include "security/policy.h"

namespace dandelion::people {
namespace {

using person_repo::StoredPerson;

// The names of the fields a read decrypts and shows.
const std::vector<std::string> kReadFields = {"legal_name", "alias", "birth_date", "phone",
                                              "safe_contact"};
// The names of the fields a search result shows.
const std::vector<std::string> kSummaryFields = {"legal_name", "alias", "safe_contact"};

Result<void> RequirePermission(const security::Actor& actor, std::string_view permission) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  if (actor.org_id.empty() || !security::Allows(permission, actor.roles)) {
    return Fail(ErrorCode::kForbidden, "error.forbidden");
  }
  return Ok();
}

Error NotFound() { return Error{ErrorCode::kNotFound, "error.not_found"}; }

bool Blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

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

// Seals person into row: ciphertexts, blind indexes and clear columns (not id, org or code).
Result<void> Fill(store::Tx& tx, security::Keyring& keyring, const PersonCipher& cipher,
                  const Person& p, StoredPerson& row) {
  cipher.SealInto(p, row);
  auto indexes = IndexPerson(tx, keyring, row.org_id, p.legal_name, p.phone);
  if (!indexes) return Fail(indexes.error());
  row.legal_name_index = indexes->legal_name;
  row.phone_index = indexes->phone;
  row.index_key_version = indexes->key_version;
  row.nationality = p.nationality;
  row.languages = JoinList(p.languages);
  row.categories = JoinList(p.categories);
  return Ok();
}

// Loads a person of org_id inside tx. When she is absent, of another organization or erased,
// records the refused attempt (committed with tx: probing ids leaves a trace), sets refusal
// and returns nullopt.
// She must also be open to the actor (access/person_access.h): a restricted person answers
// 403 break_glass_required, recorded the same way. outcome: the audit outcome of the work
// ("break_glass" under a grant).
Result<std::optional<StoredPerson>> LoadOwn(store::Tx& tx, const security::AuditLog& audit,
                                            const security::Actor& actor,
                                            security::AuditEvent attempt, TimePoint now,
                                            std::optional<Error>& refusal, std::string& outcome) {
  auto found = person_repo::FindById(tx, attempt.entity_id);
  if (!found) return Fail(found.error());
  if (*found && (*found)->org_id == attempt.org_id && (*found)->erased_at.empty()) {
    auto reach = access::DecidePersonAccess(tx, actor, attempt.entity_id, now);
    if (!reach) return Fail(reach.error());
    outcome = reach->Outcome();
    if (reach->allowed) return found;
    attempt.outcome = reach->Outcome();
    if (auto s = audit.Append(tx, attempt); !s) return Fail(s.error());
    refusal = access::Refusal(*reach);
    return std::optional<StoredPerson>();
  }
  const bool erased = *found && (*found)->org_id == attempt.org_id;
  attempt.outcome = erased ? "erased" : "not_found";
  if (auto s = audit.Append(tx, attempt); !s) return Fail(s.error());
  refusal = erased ? Error{ErrorCode::kNotFound, "people.erased"} : NotFound();
  return std::optional<StoredPerson>();
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
  if (auto ok = RequirePermission(actor, security::perm::kPersonWrite); !ok)
    return Fail(ok.error());
  const TimePoint now = clock_.Now();
  if (auto ok = ValidatePersonFields(fields, true, now); !ok) return Fail(ok.error());
  auto org = orgs_.Get(actor, actor.org_id);
  if (!org) return Fail(org.error());
  Person person;
  ApplyPersonFields(fields, person);
  person.id = NewId();
  person.org_id = actor.org_id;
  person.created_at = person.updated_at = FormatRfc3339(now);
  person.age_band = AgeBand(person.birth_date, now);
  const int year = std::stoi(person.created_at.substr(0, 4));
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto seq = person_repo::NextCodeSeq(tx, person.org_id, year);
    if (!seq) return Fail(seq.error());
    person.code = FormatCode(CodePrefix(org->slug), year, *seq);
    StoredPerson row{.id = person.id,
                     .org_id = person.org_id,
                     .code = person.code,
                     .code_year = year,
                     .code_seq = *seq,
                     .age_band = person.age_band,
                     .created_at = person.created_at,
                     .updated_at = person.updated_at};
    // Her row first (person_keys refers to it), then her key, then her sealed fields.
    if (auto s = person_repo::Insert(tx, row); !s) return s;
    auto cipher = PersonCipher::Create(tx, keyring_, person.org_id, person.id, person.created_at);
    if (!cipher) return Fail(cipher.error());
    if (auto s = Fill(tx, keyring_, *cipher, person, row); !s) return s;
    if (auto s = person_repo::Update(tx, row); !s) return s;
    security::AuditEvent e = Event(actor, "person.create", person.id);
    e.fields = fields.Names();
    if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  return person;
}

Result<security::Audited<Person>> PeopleService::Get(const security::Actor& actor,
                                                     const std::string& id) {
  if (auto ok = RequirePermission(actor, security::perm::kPersonRead); !ok) return Fail(ok.error());
  security::AuditEvent e = Event(actor, "person.read", id);
  std::optional<Error> refusal;
  Person out;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto row = LooksLikeId(id) ? person_repo::FindById(tx, id)
                               : Result<std::optional<StoredPerson>>(std::nullopt);
    if (!row) return Fail(row.error());
    if (!*row || (*row)->org_id != actor.org_id || !(*row)->erased_at.empty()) {
      const bool erased = *row && (*row)->org_id == actor.org_id;
      e.outcome = erased ? "erased" : "not_found";
      refusal = erased ? Error{ErrorCode::kNotFound, "people.erased"} : NotFound();
      return Ok();
    }
    auto reach = access::DecidePersonAccess(tx, actor, id, clock_.Now());
    if (!reach) return Fail(reach.error());
    e.outcome = reach->Outcome();
    if (!reach->allowed) {
      refusal = access::Refusal(*reach);
      return Ok();
    }
    auto cipher = PersonCipher::Load(tx, keyring_, (*row)->org_id, id);
    if (!cipher) return Fail(cipher.error());
    auto person = cipher->OpenRow(**row);
    if (!person) return Fail(person.error());
    out = std::move(*person);
    out.restricted = reach->restricted;
    out.access = access::PersonAccessName(reach->access);
    e.fields = kReadFields;
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (refusal) {
    if (auto s = reads_.AppendAndWait(std::move(e)); !s) return Fail(s.error());
    return Fail(*refusal);
  }
  return security::Audited<Person>{std::move(out), security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<std::vector<Person>>> PeopleService::Search(const security::Actor& actor,
                                                                     const PersonQuery& query) {
  if (auto ok = RequirePermission(actor, security::perm::kPersonRead); !ok) return Fail(ok.error());
  const char* key_name = query.key == PersonQuery::Key::kName    ? "name"
                         : query.key == PersonQuery::Key::kPhone ? "phone"
                                                                 : "code";
  const auto kind = query.key == PersonQuery::Key::kName ? security::FieldKind::kName
                                                         : security::FieldKind::kPhone;
  std::string wanted;  // the normalized query, to re-check each match after decrypting
  if (query.key == PersonQuery::Key::kCode) {
    wanted = query.value;
    std::transform(wanted.begin(), wanted.end(), wanted.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  } else {
    auto normalized = security::NormalizeForIndex(kind, query.value);
    if (!normalized) {
      return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field(key_name, "field.empty"));
    }
    wanted = std::move(*normalized);
  }
  std::vector<Person> out;
  std::vector<security::AuditEvent> matches;  // one per restricted woman found
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    Result<std::vector<StoredPerson>> rows = std::vector<StoredPerson>();
    if (query.key == PersonQuery::Key::kCode) {
      rows = person_repo::FindByCode(tx, actor.org_id, wanted);
    } else {
      const bool by_name = query.key == PersonQuery::Key::kName;
      auto idx = IndexPerson(tx, keyring_, actor.org_id, by_name ? query.value : "",
                             by_name ? "" : query.value);
      if (!idx) return Fail(idx.error());
      rows = person_repo::FindByIndex(
          tx, actor.org_id,
          by_name ? person_repo::IndexColumn::kLegalName : person_repo::IndexColumn::kPhone,
          by_name ? idx->legal_name : idx->phone, idx->key_version, kMaxSearchResults);
    }
    if (!rows) return Fail(rows.error());
    const TimePoint now = clock_.Now();
    for (const auto& row : *rows) {
      auto reach = access::DecidePersonAccess(tx, actor, row.id, now);
      if (!reach) return Fail(reach.error());
      if (!reach->allowed) {
        // She is there, and the caller must not register her twice, nor learn who she is. By
        // name or phone the caller already knew what matched; by code she learns the id, from
        // which she may ask to break the glass. Every such match is recorded.
        if (query.key != PersonQuery::Key::kCode) {
          auto cipher = PersonCipher::Load(tx, keyring_, row.org_id, row.id);
          if (!cipher) return Fail(cipher.error());
          auto person = cipher->OpenRow(row);
          if (!person) return Fail(person.error());
          auto v = security::NormalizeForIndex(
              kind, kind == security::FieldKind::kName ? person->legal_name : person->phone);
          if (!v || *v != wanted) continue;
        }
        out.push_back(Person{.id = row.id, .code = row.code, .restricted = true, .hidden = true});
        security::AuditEvent hidden = Event(actor, "person.search", row.id);
        hidden.outcome = reach->Outcome();
        hidden.fields = {key_name};
        matches.push_back(std::move(hidden));
        continue;
      }
      auto cipher = PersonCipher::Load(tx, keyring_, row.org_id, row.id);
      if (!cipher) return Fail(cipher.error());
      auto person = cipher->OpenRow(row);
      if (!person) return Fail(person.error());
      if (query.key != PersonQuery::Key::kCode) {
        // A 64-bit index can collide: keep only true matches.
        auto v = security::NormalizeForIndex(
            kind, kind == security::FieldKind::kName ? person->legal_name : person->phone);
        if (!v || *v != wanted) continue;
      }
      if (reach->access == access::PersonAccess::kBreakGlass) {
        security::AuditEvent glass = Event(actor, "person.search", row.id);
        glass.outcome = reach->Outcome();  // seen under a grant, as a read under it is
        glass.fields = kSummaryFields;
        matches.push_back(std::move(glass));
      }
      person->restricted = reach->restricted;
      person->access = access::PersonAccessName(reach->access);
      out.push_back(std::move(*person));
    }
    return Ok();
  });
  if (!r) return Fail(r.error());
  // Restricted women found are on record before the list is answered, like a refused read.
  for (auto& m : matches) {
    if (auto s = reads_.AppendAndWait(std::move(m)); !s) return Fail(s.error());
  }
  security::AuditEvent e = Event(actor, "person.search", "");
  e.fields = {key_name};
  return security::Audited<std::vector<Person>>{std::move(out),
                                                security::PendingAudit(reads_, std::move(e))};
}

Result<Person> PeopleService::Update(const security::Actor& actor, const std::string& id,
                                     const PersonFields& fields) {
  if (auto ok = RequirePermission(actor, security::perm::kPersonWrite); !ok)
    return Fail(ok.error());
  if (!LooksLikeId(id)) return Fail(NotFound());
  const TimePoint now = clock_.Now();
  Person out;
  std::optional<Error> refusal;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    std::string outcome;
    auto row = LoadOwn(tx, audit_, actor, Event(actor, "person.update", id), now, refusal, outcome);
    if (!row) return Fail(row.error());
    if (!*row) return Ok();
    // Values are judged only once she is known to be the caller's: another organization's id
    // answers 404 whatever the body holds.
    if (auto ok = ValidatePersonFields(fields, false, now); !ok) return Fail(ok.error());
    auto cipher = PersonCipher::Load(tx, keyring_, (*row)->org_id, id);
    if (!cipher) return Fail(cipher.error());
    auto before = cipher->OpenRow(**row);
    if (!before) return Fail(before.error());
    Person after = *before;
    ApplyPersonFields(fields, after);
    if (after.birth_date != before->birth_date) {
      TimePoint intake{};
      if (!ParseRfc3339((*row)->created_at, &intake)) intake = now;
      after.age_band = AgeBand(after.birth_date, intake);
    }
    after.updated_at = FormatRfc3339(now);
    (*row)->age_band = after.age_band;
    (*row)->updated_at = after.updated_at;
    if (auto s = Fill(tx, keyring_, *cipher, after, **row); !s) return s;
    if (auto s = person_repo::Update(tx, **row); !s) return s;
    security::AuditEvent e = Event(actor, "person.update", id);
    e.outcome = outcome;
    e.fields = Changed(*before, after);
    if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
    out = std::move(after);
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (refusal) return Fail(*refusal);
  return out;
}

Result<void> PeopleService::Erase(const security::Actor& actor, const std::string& id,
                                  const std::string& reason) {
  if (auto ok = RequirePermission(actor, security::perm::kPersonErase); !ok)
    return Fail(ok.error());
  if (auto fresh = auth_.RequireRecentReauth(actor); !fresh) return Fail(fresh.error());
  if (!LooksLikeId(id)) return Fail(NotFound());
  std::optional<Error> refusal;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    std::string outcome;
    auto row = LoadOwn(tx, audit_, actor, Event(actor, "person.erase", id), clock_.Now(), refusal,
                       outcome);
    if (!row) return Fail(row.error());
    if (!*row) return Ok();
    if (Blank(reason)) {
      return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("reason", "field.required"));
    }
    if (auto s = person_repo::Erase(tx, (*row)->id, FormatRfc3339(clock_.Now())); !s) return s;
    security::AuditEvent e = Event(actor, "person.erase", id);
    e.fields = {"person_key",   "legal_name",  "alias",     "birth_date", "phone",
                "safe_contact", "nationality", "languages", "categories"};
    if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (refusal) return Fail(*refusal);
  return Ok();
}

}  // namespace dandelion::people

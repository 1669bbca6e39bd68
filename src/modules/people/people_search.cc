// Finding people: exact search by name, phone or code; prefix search by the beginning of a name,
// alias or phone; and the organization's list. What each may show of a restricted woman is the
// same everywhere (Reveal).
#include <algorithm>

#include "modules/access/person_access.h"
#include "modules/people/people_service.h"
#include "modules/people/person_cipher.h"
#include "modules/people/search_terms.h"
#include "modules/service_support.h"
#include "security/normalize.h"
#include "security/session_confirmation.h"

namespace dandelion::people {
namespace {

using person_repo::StoredPerson;

// The names of the fields a search result or list item shows.
const std::vector<std::string> kSummaryFields = {"legal_name", "alias", "safe_contact"};

bool ValidFilter(const PeopleFilter& f) {
  static constexpr std::string_view kAgeBands[] = {"under_19", "19_24", "25_29",
                                                   "30_39",    "40_49", "50_plus"};
  return (f.category.empty() || IsCategory(f.category)) &&
         (f.age_band.empty() || std::ranges::find(kAgeBands, f.age_band) != std::end(kAgeBands)) &&
         (f.open_case.empty() || f.open_case == "yes" || f.open_case == "no") &&
         f.cursor.size() <= 40;
}

}  // namespace

Result<std::optional<Person>> PeopleService::Reveal(store::Tx& tx, const security::Actor& actor,
                                                    const person_repo::FoundPerson& found,
                                                    const std::function<bool(const Person&)>& match,
                                                    PersonCipher::WithPhone with_phone,
                                                    std::string_view key_name,
                                                    std::vector<security::AuditEvent>& records) {
  const StoredPerson& row = found.row;
  access::PersonDecision reach = TRY(access::DecidePersonAccess(
      tx, actor, row.id, clock_.Now(),
      found.access_read ? std::optional<bool>(found.has_restricted_case) : std::nullopt));
  auto open = [&]() -> Result<Person> {
    PersonCipher cipher =
        found.access_read ? TRY(PersonCipher::Unwrap(tx, keyring_, row.org_id, row.id, found.key))
                          : TRY(PersonCipher::Load(tx, keyring_, row.org_id, row.id));
    return cipher.OpenSummary(row, with_phone);
  };
  std::optional<Person> person;
  if (match) {
    // A short index can collide: keep only true matches (restricted or not).
    person = TRY(open());
    if (!match(*person)) return std::optional<Person>();
  }
  if (!reach.allowed) {
    // She is there, and the caller must not register her twice, nor learn who she is. By name
    // or phone the caller already knew what matched; by code she learns the id, from which she
    // may ask to break the glass. Every such match found by a search is recorded.
    if (!key_name.empty()) {
      security::AuditEvent hidden = Event(actor, "person.search", row.id);
      hidden.outcome = reach.Outcome();
      hidden.fields = {std::string(key_name)};
      records.push_back(std::move(hidden));
    }
    return std::optional<Person>(
        Person{.id = row.id, .code = row.code, .restricted = true, .hidden = true});
  }
  if (!person) person = TRY(open());
  if (reach.access == access::PersonAccess::kBreakGlass) {
    security::AuditEvent glass = Event(actor, "person.search", row.id);
    glass.outcome = reach.Outcome();  // seen under a grant, as a read under it is
    glass.fields = kSummaryFields;
    records.push_back(std::move(glass));
  }
  person->restricted = reach.restricted;
  person->access = access::PersonAccessName(reach.access);
  return person;
}

Result<security::Audited<PeoplePage>> PeopleService::Answer(
    const security::Actor& actor, PeoplePage page, std::vector<security::AuditEvent> records,
    std::string action, std::vector<std::string> fields) {
  // Restricted women found are on record before the list is answered, like a refused read.
  for (auto& record : records) TRY(reads_.AppendAndWait(std::move(record)));
  security::AuditEvent e = Event(actor, std::move(action), "");
  e.fields = std::move(fields);
  return security::Audited<PeoplePage>{std::move(page),
                                       security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<std::vector<Person>>> PeopleService::Search(const security::Actor& actor,
                                                                     const PersonQuery& query) {
  TRY(RequirePermission(actor, security::perm::kPersonRead));
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
      return Fail(security::BeforeConfirmation(
          actor, Error{ErrorCode::kInvalid, "error.invalid"}.Field(key_name, "field.empty")));
    }
    wanted = std::move(*normalized);
  }
  std::function<bool(const Person&)> match;
  if (query.key != PersonQuery::Key::kCode) {
    match = [&](const Person& p) {
      auto v = security::NormalizeForIndex(
          kind, kind == security::FieldKind::kName ? p.legal_name : p.phone);
      return v && *v == wanted;
    };
  }
  // A search by phone checks her phone; one by name or code needs only her summary.
  const auto with_phone = query.key == PersonQuery::Key::kPhone ? PersonCipher::WithPhone::kYes
                                                                : PersonCipher::WithPhone::kNo;
  std::vector<security::AuditEvent> records;
  // By name or phone usually one statement: the women found come with their keys, whether they
  // have a restricted case and the caller's session when the gate took it from memory; a
  // restricted one sends the search to a transaction.
  auto found = db_.ReadValueByOneStatement([&](store::Tx& tx) -> Result<std::vector<Person>> {
    records.clear();  // the search may run twice (ReadByOneStatement)
    std::vector<person_repo::FoundPerson> rows;
    if (query.key == PersonQuery::Key::kCode) {
      TRY(security::ConfirmSessionIn(tx, actor));
      for (auto& row : TRY(person_repo::FindByCode(tx, actor.org_id, wanted))) {
        rows.push_back({.row = std::move(row)});
      }
    } else {
      const bool by_name = query.key == PersonQuery::Key::kName;
      PersonIndexes idx = TRY(IndexPerson(tx, keyring_, actor.org_id, by_name ? query.value : "",
                                          by_name ? "" : query.value));
      // A SQLite reader confirms the session from its remembered answer, no statement while
      // nothing commits (store::Tx::QueryOneRemembered); elsewhere the search's own statement
      // reads it, one round trip for both.
      const bool session_apart = tx.Remembers();
      if (session_apart) TRY(security::ConfirmSessionIn(tx, actor));
      person_repo::IndexMatches matches = TRY(person_repo::FindByIndexWithAccess(
          tx, actor.org_id,
          by_name ? person_repo::IndexColumn::kLegalName : person_repo::IndexColumn::kPhone,
          by_name ? idx.legal_name : idx.phone, idx.key_version, kMaxSearchResults,
          session_apart ? std::string() : actor.unconfirmed_session));
      if (!session_apart) TRY(security::ConfirmSession(actor, matches.session));
      rows = std::move(matches.people);
    }
    std::vector<Person> out;
    for (const auto& row : rows) {
      std::optional<Person> person =
          TRY(Reveal(tx, actor, row, match, with_phone, key_name, records));
      if (person) out.push_back(std::move(*person));
    }
    return out;
  });
  // Not TRY(std::move(found)): GCC 12 then warns of a vector "maybe uninitialized" in the moved
  // Result (a false positive that -Werror turns into a failure).
  if (!found) return Fail(found.error());
  auto answered = TRY(Answer(actor, PeoplePage{.items = std::move(*found)}, std::move(records),
                             "person.search", {key_name}));
  return security::Audited<std::vector<Person>>{std::move(answered.value.items),
                                                std::move(answered.audit)};
}

Result<security::Audited<PeoplePage>> PeopleService::Find(const security::Actor& actor,
                                                          std::string_view q) {
  TRY(RequirePermission(actor, security::perm::kPersonRead));
  std::vector<security::AuditEvent> records;
  std::string key_name = "name_prefix";
  auto found = db_.ReadValue([&](store::Tx& tx) -> Result<PeoplePage> {
    TRY(security::ConfirmSessionIn(tx, actor));
    security::OrgKey org_key = TRY(keyring_.CurrentOrgKey(tx, actor.org_id));
    SearchQuery query = TRY(ReadSearchQuery(*org_key.key, q));
    if (query.kind == SearchQuery::Kind::kPhone) key_name = "phone_prefix";
    std::vector<StoredPerson> rows = TRY(person_repo::FindByTerm(
        tx, actor.org_id, query.tag, org_key.version, kMaxSearchCandidates + 1));
    PeoplePage page;
    page.more = rows.size() > static_cast<size_t>(kMaxSearchCandidates);
    if (page.more) rows.pop_back();
    auto match = [&query](const Person& p) { return MatchesSearch(query, p); };
    const auto with_phone = query.kind == SearchQuery::Kind::kPhone ? PersonCipher::WithPhone::kYes
                                                                    : PersonCipher::WithPhone::kNo;
    for (const auto& row : rows) {
      std::optional<Person> person =
          TRY(Reveal(tx, actor, {.row = row}, match, with_phone, key_name, records));
      if (!person) continue;
      if (page.items.size() == static_cast<size_t>(kMaxSearchResults)) {
        page.more = true;
        break;
      }
      page.items.push_back(std::move(*person));
    }
    return page;
  });
  PeoplePage page = TRY(std::move(found));
  return Answer(actor, std::move(page), std::move(records), "person.search", {key_name});
}

Result<security::Audited<PeoplePage>> PeopleService::List(const security::Actor& actor,
                                                          const PeopleFilter& filter) {
  TRY(RequirePermission(actor, security::perm::kPersonRead));
  if (!ValidFilter(filter)) {
    return Fail(security::BeforeConfirmation(actor, {ErrorCode::kInvalid, "people.list_filter"}));
  }
  std::vector<security::AuditEvent> records;
  auto listed = db_.ReadValue([&](store::Tx& tx) -> Result<PeoplePage> {
    TRY(security::ConfirmSessionIn(tx, actor));
    std::vector<StoredPerson> rows = TRY(person_repo::List(tx, actor.org_id,
                                                           {.category = filter.category,
                                                            .age_band = filter.age_band,
                                                            .open_case = filter.open_case,
                                                            .after_code = filter.cursor},
                                                           kListPageSize + 1));
    PeoplePage page;
    if (rows.size() > static_cast<size_t>(kListPageSize)) {
      rows.pop_back();
      page.next_cursor = rows.back().code;
    }
    for (const auto& row : rows) {
      // A restricted woman the caller may not open is listed by code only, unrecorded one by
      // one: the list's own entry says it was read, and a code tells nothing about her.
      std::optional<Person> person =
          TRY(Reveal(tx, actor, {.row = row}, nullptr, PersonCipher::WithPhone::kNo, "", records));
      page.items.push_back(std::move(*person));
    }
    return page;
  });
  PeoplePage page = TRY(std::move(listed));
  return Answer(actor, std::move(page), std::move(records), "person.list", kSummaryFields);
}

}  // namespace dandelion::people

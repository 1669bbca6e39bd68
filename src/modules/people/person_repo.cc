#include "modules/people/person_repo.h"

namespace dandelion::people::person_repo {
namespace {

using store::BlobOrNull;
using store::TextOrNull;

constexpr const char* kColumns =
    "id, org_id, code, code_year, code_seq, alias, legal_name, legal_name_index, birth_date, "
    "age_band, phone, phone_index, safe_contact, nationality, languages, categories, "
    "index_key_version, created_at, updated_at, erased_at, card";

StoredPerson ToPerson(const store::Row& r) {
  StoredPerson p;
  p.id = r.Text(0);
  p.org_id = r.Text(1);
  p.code = r.Text(2);
  p.code_year = r.Int(3);
  p.code_seq = r.Int(4);
  p.alias = r.BlobBytes(5);
  p.legal_name = r.BlobBytes(6);
  p.legal_name_index = r.BlobBytes(7);
  p.birth_date = r.BlobBytes(8);
  p.age_band = r.Text(9);
  p.phone = r.BlobBytes(10);
  p.phone_index = r.BlobBytes(11);
  p.safe_contact = r.BlobBytes(12);
  p.nationality = r.Text(13);
  p.languages = r.Text(14);
  p.categories = r.Text(15);
  p.index_key_version = r.Int(16);
  p.created_at = r.Text(17);
  p.updated_at = r.Text(18);
  p.erased_at = r.Text(19);
  p.card = r.BlobBytes(20);
  return p;
}

Result<std::vector<StoredPerson>> Select(store::Tx& tx, const std::string& where,
                                         const store::Params& params) {
  auto rows =
      TRY(tx.Query(std::string("SELECT ") + kColumns + " FROM people WHERE " + where, params));
  std::vector<StoredPerson> out;
  for (const auto& r : rows) out.push_back(ToPerson(r));
  return out;
}

}  // namespace

Result<void> Insert(store::Tx& tx, const StoredPerson& p) {
  TRY(tx.Exec(std::string("INSERT INTO people (") + kColumns +
                  ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {p.id,
               p.org_id,
               p.code,
               p.code_year,
               p.code_seq,
               BlobOrNull(p.alias),
               BlobOrNull(p.legal_name),
               BlobOrNull(p.legal_name_index),
               BlobOrNull(p.birth_date),
               TextOrNull(p.age_band),
               BlobOrNull(p.phone),
               BlobOrNull(p.phone_index),
               BlobOrNull(p.safe_contact),
               TextOrNull(p.nationality),
               p.languages,
               p.categories,
               p.index_key_version,
               p.created_at,
               p.updated_at,
               TextOrNull(p.erased_at),
               BlobOrNull(p.card)}));
  return Ok();
}

Result<void> Update(store::Tx& tx, const StoredPerson& p) {
  TRY(tx.Exec(
      "UPDATE people SET alias = ?, legal_name = ?, legal_name_index = ?, birth_date = ?, "
      "age_band = ?, phone = ?, phone_index = ?, safe_contact = ?, nationality = ?, "
      "languages = ?, categories = ?, index_key_version = ?, updated_at = ?, card = ? "
      "WHERE id = ?",
      {BlobOrNull(p.alias), BlobOrNull(p.legal_name), BlobOrNull(p.legal_name_index),
       BlobOrNull(p.birth_date), TextOrNull(p.age_band), BlobOrNull(p.phone),
       BlobOrNull(p.phone_index), BlobOrNull(p.safe_contact), TextOrNull(p.nationality),
       p.languages, p.categories, p.index_key_version, p.updated_at, BlobOrNull(p.card), p.id}));
  return Ok();
}

Result<std::optional<StoredPerson>> FindById(store::Tx& tx, const std::string& id) {
  auto found = TRY(Select(tx, "id = ?", {id}));
  if (found.empty()) return std::optional<StoredPerson>();
  return std::optional<StoredPerson>(std::move(found.front()));
}

Result<std::vector<StoredPerson>> FindByIndex(store::Tx& tx, const std::string& org_id,
                                              IndexColumn column, const std::string& index,
                                              int64_t index_key_version, int limit) {
  std::string where = column == IndexColumn::kLegalName ? "legal_name_index" : "phone_index";
  // The blind index's own index ends in the version and the code (migration 0029): it is sought
  // and its matches come out in order. Before it, ordering by the bare code let SQLite walk the
  // (org_id, code) unique index through every person of the organization (5 searches a second at
  // 100,000 people), and ordering by "code || ''" sorted every search's matches in a temporary
  // b-tree.
  where = "org_id = ? AND " + where +
          " = ? AND index_key_version = ? AND erased_at IS NULL ORDER BY code LIMIT " +
          std::to_string(limit);
  return Select(tx, where, {org_id, store::Blob{index}, index_key_version});
}

std::string NewestKeyJoin(std::string_view person_id) {
  const std::string id(person_id);
  return " LEFT JOIN person_keys k ON k.person_id = " + id +
         " AND k.version = (SELECT MAX(version) FROM person_keys WHERE person_id = " + id + ")";
}

std::string HasRestrictedCaseColumn(std::string_view person_id, std::string_view org_id) {
  return ", CASE WHEN EXISTS (SELECT 1 FROM cases r WHERE r.person_id = " + std::string(person_id) +
         " AND r.org_id = " + std::string(org_id) + " AND r.restricted <> 0) THEN 1 ELSE 0 END";
}

Result<IndexMatches> FindByIndexWithAccess(store::Tx& tx, const std::string& org_id,
                                           IndexColumn column, const std::string& index,
                                           int64_t index_key_version, int limit,
                                           const std::string& session_token_hash) {
  const bool with_session = !session_token_hash.empty();
  // The four statements (by name or phone, with the session or without) made once: building one
  // for every search showed in its profile.
  auto statement = [](IndexColumn column, bool with_session) {
    // kColumns, each taken from people (person_keys shares some of their names).
    std::string columns = "p.";
    for (const char* c = kColumns; *c != '\0'; ++c)
      columns += *c == ' ' ? std::string(" p.") : std::string(1, *c);
    const std::string matching =
        std::string("p.org_id = ? AND ") +
        (column == IndexColumn::kLegalName ? "p.legal_name_index" : "p.phone_index") +
        " = ? AND p.index_key_version = ? AND p.erased_at IS NULL";
    std::string sql = "SELECT " + columns + ", k.version, k.wrapped, k.org_key_version" +
                      HasRestrictedCaseColumn("p.id", "p.org_id");
    // With the session, the statement is driven by it, so that one row tells whether it is
    // there even when no one matched (p's columns then NULL): a search that finds no one stays
    // one statement.
    if (with_session) {
      sql += ", " + security::account_repo::SessionAndAccountColumns("ms", "mu") +
             " FROM sessions ms JOIN users mu ON mu.id = ms.user_id LEFT JOIN people p ON " +
             matching + NewestKeyJoin("p.id") + " WHERE ms.token_hash = ?";
    } else {
      sql += " FROM people p" + NewestKeyJoin("p.id") + " WHERE " + matching;
    }
    // Ordered by the blind index's own index, as FindByIndex.
    return sql + " ORDER BY p.code LIMIT ?";
  };
  static const std::string statements[2][2] = {
      {statement(IndexColumn::kLegalName, false), statement(IndexColumn::kLegalName, true)},
      {statement(IndexColumn::kPhone, false), statement(IndexColumn::kPhone, true)}};
  const std::string& sql =
      statements[column == IndexColumn::kLegalName ? 0 : 1][with_session ? 1 : 0];
  store::Params params{org_id, store::Blob{index}, index_key_version};
  if (with_session) params.emplace_back(store::Blob{session_token_hash});
  params.emplace_back(int64_t{limit});
  auto rows = TRY(tx.Query(sql, params));
  constexpr size_t kFirst = 21;  // the columns of kColumns come first
  IndexMatches out;
  for (const auto& r : rows) {
    if (r.IsNull(0)) continue;  // the session's row, no one matched
    FoundPerson found{.row = ToPerson(r), .access_read = true};
    if (!r.IsNull(kFirst)) {
      found.key = StoredPersonKey{r.Int(kFirst), r.BlobBytes(kFirst + 1), r.Int(kFirst + 2)};
    }
    found.has_restricted_case = r.Int(kFirst + 3) != 0;
    out.people.push_back(std::move(found));
  }
  if (with_session && !rows.empty()) {  // none: the session is not there
    out.session = security::account_repo::SessionAndAccountAt(rows.front(), kFirst + 4);
  }
  return out;
}

Result<std::vector<StoredPerson>> FindByCode(store::Tx& tx, const std::string& org_id,
                                             const std::string& code) {
  return Select(tx, "org_id = ? AND code = ? AND erased_at IS NULL", {org_id, code});
}

Result<void> ReplaceSearchTerms(store::Tx& tx, const std::string& person_id,
                                const std::string& org_id, int64_t key_version,
                                const std::vector<std::string>& tags) {
  TRY(tx.Exec("DELETE FROM person_search_terms WHERE person_id = ?", {person_id}));
  for (const auto& tag : tags) {
    TRY(
        tx.Exec("INSERT INTO person_search_terms (person_id, org_id, key_version, term) "
                "VALUES (?, ?, ?, ?)",
                {person_id, org_id, key_version, store::Blob{tag}}));
  }
  TRY(tx.Exec("UPDATE people SET search_key_version = ? WHERE id = ?", {key_version, person_id}));
  return Ok();
}

Result<std::vector<StoredPerson>> FindByTerm(store::Tx& tx, const std::string& org_id,
                                             const std::string& tag, int64_t key_version,
                                             int limit) {
  return Select(tx,
                "id IN (SELECT person_id FROM person_search_terms WHERE org_id = ? AND "
                "key_version = ? AND term = ?) AND erased_at IS NULL "
                "ORDER BY code_year DESC, code_seq DESC LIMIT " +
                    std::to_string(limit),
                {org_id, key_version, store::Blob{tag}});
}

Result<std::vector<StoredPerson>> NeedingIndex(store::Tx& tx, const std::string& org_id,
                                               int64_t key_version, const std::string& after_id,
                                               int limit) {
  // The walk must follow the primary key from after_id. SQLite would rather take an index on
  // org_id and sort all of the organization's people for every batch; a unary + on org_id
  // (SQLite's way to say "not this index") keeps it on the key. PostgreSQL has no unary + for
  // text and finds the key by itself.
  const char* org = tx.dialect() == store::Dialect::kSqlite ? "+org_id" : "org_id";
  return Select(tx,
                std::string("id > ? AND ") + org +
                    " = ? AND erased_at IS NULL AND (search_key_version IS NULL OR "
                    "search_key_version <> ? OR index_key_version IS NULL OR "
                    "index_key_version <> ?) ORDER BY id LIMIT " +
                    std::to_string(limit),
                {after_id, org_id, key_version, key_version});
}

Result<std::vector<StoredPerson>> NeedingCard(store::Tx& tx, const std::string& org_id,
                                              const std::string& after_id, int limit) {
  // Along the primary key, as NeedingIndex walks.
  const char* org = tx.dialect() == store::Dialect::kSqlite ? "+org_id" : "org_id";
  return Select(tx,
                std::string("id > ? AND ") + org +
                    " = ? AND erased_at IS NULL AND card IS NULL AND (legal_name IS NOT NULL OR "
                    "alias IS NOT NULL OR safe_contact IS NOT NULL) ORDER BY id LIMIT " +
                    std::to_string(limit),
                {after_id, org_id});
}

Result<void> SetCard(store::Tx& tx, const std::string& person_id, const std::string& card) {
  TRY(tx.Exec("UPDATE people SET card = ? WHERE id = ?", {BlobOrNull(card), person_id}));
  return Ok();
}

Result<std::vector<std::string>> OrgsWithPeople(store::Tx& tx) {
  auto rows = TRY(tx.Query("SELECT DISTINCT org_id FROM people WHERE erased_at IS NULL"));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

Result<std::vector<StoredPerson>> List(store::Tx& tx, const std::string& org_id,
                                       const ListFilter& filter, int limit) {
  std::string where = "org_id = ? AND erased_at IS NULL";
  store::Params params{org_id};
  if (!filter.category.empty()) {
    // categories is "a,b,c": match one whole item.
    where += " AND (',' || categories || ',') LIKE ?";
    params.push_back("%," + filter.category + ",%");
  }
  if (!filter.age_band.empty()) {
    where += " AND age_band = ?";
    params.push_back(filter.age_band);
  }
  if (!filter.open_case.empty()) {
    where += filter.open_case == "yes" ? " AND" : " AND NOT";
    where +=
        " EXISTS (SELECT 1 FROM cases WHERE cases.person_id = people.id AND "
        "cases.status = 'open')";
  }
  if (!filter.after_code.empty()) {
    where +=
        " AND (code_year, code_seq) < (SELECT code_year, code_seq FROM people WHERE "
        "org_id = ? AND code = ?)";
    params.push_back(org_id);
    params.push_back(filter.after_code);
  }
  where += " ORDER BY code_year DESC, code_seq DESC LIMIT " + std::to_string(limit);
  return Select(tx, where, params);
}

Result<int64_t> NextCodeSeq(store::Tx& tx, const std::string& org_id, int64_t year) {
  auto row = TRY(tx.QueryOne(
      "SELECT COALESCE(MAX(code_seq), 0) FROM people WHERE org_id = ? AND code_year = ?",
      {org_id, year}));
  return (row ? row->Int(0) : 0) + 1;
}

Result<void> InsertKey(store::Tx& tx, const std::string& person_id, const StoredPersonKey& key,
                       const std::string& created_at) {
  TRY(
      tx.Exec("INSERT INTO person_keys (person_id, version, wrapped, org_key_version, created_at) "
              "VALUES (?, ?, ?, ?, ?)",
              {person_id, key.version, store::Blob{key.wrapped}, key.org_key_version, created_at}));
  return Ok();
}

Result<std::optional<StoredPersonKey>> FindKey(store::Tx& tx, const std::string& person_id) {
  auto row = TRY(
      tx.QueryOne("SELECT version, wrapped, org_key_version FROM person_keys WHERE person_id = ? "
                  "ORDER BY version DESC LIMIT 1",
                  {person_id}));
  if (!row) return std::optional<StoredPersonKey>();
  return std::optional<StoredPersonKey>(
      StoredPersonKey{row->Int(0), row->BlobBytes(1), row->Int(2)});
}

Result<void> Erase(store::Tx& tx, const std::string& person_id, const std::string& erased_at) {
  TRY(tx.Exec("DELETE FROM person_search_terms WHERE person_id = ?", {person_id}));
  TRY(tx.Exec("DELETE FROM person_keys WHERE person_id = ?", {person_id}));
  // Her double-support marks (docs/api-funds.md): her ledger rows say which.
  TRY(
      tx.Exec("DELETE FROM support_marks WHERE entry_id IN "
              "(SELECT id FROM fund_entries WHERE person_id = ?)",
              {person_id}));
  TRY(
      tx.Exec("UPDATE people SET alias = NULL, legal_name = NULL, legal_name_index = NULL, "
              "birth_date = NULL, age_band = NULL, phone = NULL, phone_index = NULL, "
              "safe_contact = NULL, nationality = NULL, languages = '', categories = '', "
              "index_key_version = NULL, card = NULL, updated_at = ?, erased_at = ? WHERE id = ?",
              {erased_at, erased_at, person_id}));
  return Ok();
}

}  // namespace dandelion::people::person_repo

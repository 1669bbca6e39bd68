// PersonRepo: storage of people and their wrapped keys. SQL only; it sees ciphertexts and blind
// indexes, never a clear identifying value (docs/architecture.md, "Rules", 3). Decisions belong to
// PeopleService.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "security/account_repo.h"
#include "store/database.h"

namespace dandelion::people::person_repo {

// A row of `people`. Ciphertext and index members hold raw bytes; "" is stored as NULL.
struct StoredPerson {
  std::string id;
  std::string org_id;
  std::string code;
  int64_t code_year = 0;
  int64_t code_seq = 0;
  std::string alias;
  std::string legal_name;
  std::string legal_name_index;
  std::string birth_date;
  std::string age_band;
  std::string phone;
  std::string phone_index;
  std::string safe_contact;
  std::string nationality;
  std::string languages;   // comma-separated
  std::string categories;  // comma-separated
  int64_t index_key_version = 0;
  std::string created_at;
  std::string updated_at;
  std::string erased_at;  // "" while she is on record
  // Her legal name, alias and safe-contact words sealed together (PersonCipher::SealCard), beside
  // the three: a case list opens one field per woman instead of three. "" on a row written
  // before migration 0028 until the start-up walk seals it (SealMissingCards).
  std::string card;
};

// A person's wrapped key.
struct StoredPersonKey {
  int64_t version = 0;
  std::string wrapped;
  int64_t org_key_version = 0;
};

Result<void> Insert(store::Tx& tx, const StoredPerson& person);
// Rewrites every column but id, org_id, code and created_at.
Result<void> Update(store::Tx& tx, const StoredPerson& person);
Result<std::optional<StoredPerson>> FindById(store::Tx& tx, const std::string& id);

// Up to limit people of org_id on record with a legal name, alias or safe-contact words but no
// card, in id order after after_id.
Result<std::vector<StoredPerson>> NeedingCard(store::Tx& tx, const std::string& org_id,
                                              const std::string& after_id, int limit);
Result<void> SetCard(store::Tx& tx, const std::string& person_id, const std::string& card);

enum class IndexColumn { kLegalName, kPhone };
// People of org_id (not erased) whose index column equals index under index_key_version.
Result<std::vector<StoredPerson>> FindByIndex(store::Tx& tx, const std::string& org_id,
                                              IndexColumn column, const std::string& index,
                                              int64_t index_key_version, int limit);
Result<std::vector<StoredPerson>> FindByCode(store::Tx& tx, const std::string& org_id,
                                             const std::string& code);

// SQL for a statement that reads a woman beside another row (a case read, a case list, a
// search); person_id and org_id are the SQL expressions naming hers, e.g. "c.person_id".
// " LEFT JOIN person_keys k …": her newest wrapped key, as k.
std::string NewestKeyJoin(std::string_view person_id);
// ", CASE …": 1 when she has a restricted case in org_id's organization, else 0.
std::string HasRestrictedCaseColumn(std::string_view person_id, std::string_view org_id);

// A person a search found, with what deciding access to her and opening her row need when the
// search read it beside her row (FindByIndexWithAccess): her newest wrapped key and whether she
// has a restricted case in her organization.
struct FoundPerson {
  StoredPerson row;
  bool access_read = false;  // key and has_restricted_case below were read with row
  std::optional<StoredPersonKey> key;
  bool has_restricted_case = false;
};
// FindByIndex, each woman's key and restriction read in the same statement: an exact search
// settled by one statement, where it was three per woman found. With session_token_hash, the
// statement also reads that session and its account (security/session_confirmation.h), whether
// anyone matched or not; none when either is not there.
struct IndexMatches {
  std::vector<FoundPerson> people;
  std::optional<security::account_repo::SessionAndAccount> session;
};
Result<IndexMatches> FindByIndexWithAccess(store::Tx& tx, const std::string& org_id,
                                           IndexColumn column, const std::string& index,
                                           int64_t index_key_version, int limit,
                                           const std::string& session_token_hash = "");

// Prefix search (people/search_terms.h). Replaces every term of the person with tags, derived from
// key_version, and records that version as her search_key_version.
Result<void> ReplaceSearchTerms(store::Tx& tx, const std::string& person_id,
                                const std::string& org_id, int64_t key_version,
                                const std::vector<std::string>& tags);
// People of org_id (not erased) with a term equal to tag under key_version, newest first.
Result<std::vector<StoredPerson>> FindByTerm(store::Tx& tx, const std::string& org_id,
                                             const std::string& tag, int64_t key_version,
                                             int limit);
// People of org_id whose indexes or terms do not derive from key_version (or who have none yet),
// in id order after after_id ("" for the first): a caller walking them batch by batch passes the
// last id it had, so each batch starts where the last ended instead of walking the people
// already done again (which made a first start at a million people take hours).
Result<std::vector<StoredPerson>> NeedingIndex(store::Tx& tx, const std::string& org_id,
                                               int64_t key_version, const std::string& after_id,
                                               int limit);
// The organizations with people on record.
Result<std::vector<std::string>> OrgsWithPeople(store::Tx& tx);

// The organization's list of people, newest first, after the cursor (a code; "" = first page).
struct ListFilter {
  std::string category;   // "" = any
  std::string age_band;   // "" = any
  std::string open_case;  // "yes", "no" or "" = either
  std::string after_code;
};
Result<std::vector<StoredPerson>> List(store::Tx& tx, const std::string& org_id,
                                       const ListFilter& filter, int limit);

// The next free sequence number of org_id's codes in year (tombstones included: never reused).
// Call inside the write transaction that inserts the person.
Result<int64_t> NextCodeSeq(store::Tx& tx, const std::string& org_id, int64_t year);

Result<void> InsertKey(store::Tx& tx, const std::string& person_id, const StoredPersonKey& key,
                       const std::string& created_at);
// The newest key, or nullopt once erased.
Result<std::optional<StoredPersonKey>> FindKey(store::Tx& tx, const std::string& person_id);
// Deletes every version of the person's key (crypto-shredding) and blanks her row to a tombstone.
Result<void> Erase(store::Tx& tx, const std::string& person_id, const std::string& erased_at);

}  // namespace dandelion::people::person_repo

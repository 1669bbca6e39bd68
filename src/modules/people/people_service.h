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

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "modules/network/org_service.h"
#include "modules/people/model.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
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
// Candidates a prefix search decrypts at most; past it, the caller is asked to type more.
inline constexpr int kMaxSearchCandidates = 300;
inline constexpr int kListPageSize = 50;

// A page of people: the found, and where the next page starts ("" = none).
struct PeoplePage {
  std::vector<Person> items;
  std::string next_cursor;
  bool more = false;  // a prefix search stopped at kMaxSearchCandidates: type more to narrow it
};

// The list's filters (all optional): a category tag, an age band, whether she has an open case,
// and the cursor of the page.
struct PeopleFilter {
  std::string category;
  std::string age_band;
  std::string open_case;  // "yes" | "no" | ""
  std::string cursor;
};

class PeopleService {
 public:
  // reads: the group commit that audits reads (security/audit_batcher.h).
  PeopleService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
                security::AuditBatcher& reads, const security::AuthService& auth,
                network::OrgService& orgs, const Clock& clock);

  // 403 without person.write; 400 naming bad fields. Allocates her code.
  Result<Person> Create(const security::Actor& actor, const PersonFields& fields);
  // The same inside the caller's write transaction (a referral's acceptance registers her with
  // her case), fields already validated. age_band stands in when she has no birth date ("" =
  // unknown).
  Result<Person> CreateIn(store::Tx& tx, const security::Actor& actor, const PersonFields& fields,
                          const std::string& age_band);
  // 404 unless she is of the actor's organization (and not erased). Reads run in a read
  // transaction; the audit entry they owe travels with the value (the reply waits for it). A
  // refused read is recorded before the refusal returns.
  Result<security::Audited<Person>> Get(const security::Actor& actor, const std::string& id);
  // Her organization's people matching exactly, at most kMaxSearchResults.
  Result<security::Audited<std::vector<Person>>> Search(const security::Actor& actor,
                                                        const PersonQuery& query);
  // Her organization's people whose legal name or alias begins with q (at least two characters),
  // or whose phone begins with q (at least seven digits): people/search_terms.h.
  Result<security::Audited<PeoplePage>> Find(const security::Actor& actor, std::string_view q);
  // Her organization's people, newest first, a page at a time.
  Result<security::Audited<PeoplePage>> List(const security::Actor& actor,
                                             const PeopleFilter& filter);
  // Changes the fields present; audits the names of those whose value changed.
  Result<Person> Update(const security::Actor& actor, const std::string& id,
                        const PersonFields& fields);
  // 403 without person.erase or a recent re-authentication; 400 for a blank reason.
  Result<void> Erase(const security::Actor& actor, const std::string& id,
                     const std::string& reason);

  // Called with her id after an erasure committed: the server appends it to the data dir's
  // erasure journal (app/erasure_journal.h), which a restore re-applies to older backups. Unset
  // in unit tests. Set once, before serving.
  void SetErasureRecorder(std::function<void(const std::string& person_id)> recorder) {
    erasure_recorder_ = std::move(recorder);
  }

 private:
  // What a search or a list may show of a found row (people_search.cc): her summary, with her
  // phone when match reads it; nullopt when match rejects her decrypted record.
  Result<std::optional<Person>> Reveal(store::Tx& tx, const security::Actor& actor,
                                       const person_repo::FoundPerson& found,
                                       const std::function<bool(const Person&)>& match,
                                       PersonCipher::WithPhone with_phone,
                                       std::string_view key_name,
                                       std::vector<security::AuditEvent>& records);
  // Audits what Reveal owes, then answers page with the read's own entry.
  Result<security::Audited<PeoplePage>> Answer(const security::Actor& actor, PeoplePage page,
                                               std::vector<security::AuditEvent> records,
                                               std::string action, std::vector<std::string> fields);
  security::AuditEvent Event(const security::Actor& actor, std::string action,
                             std::string entity_id) const;

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const security::AuthService& auth_;
  network::OrgService& orgs_;
  const Clock& clock_;
  std::function<void(const std::string&)> erasure_recorder_;
};

// Brings every person's blind indexes and search terms to her organization's current key version:
// people written before search terms existed, by the demo generator, or before a key rotation.
// Run at start-up, before serving; returns how many people it re-indexed.
Result<int> RefreshPersonIndexes(store::Database& db, security::Keyring& keyring);

// Seals the card (PersonCipher::SealCard) of every person on record who has none: rows written
// before migration 0028. Run at start-up, before serving; returns how many it sealed.
Result<int> SealMissingCards(store::Database& db, security::Keyring& keyring);

}  // namespace dandelion::people

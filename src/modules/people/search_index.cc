#include "modules/people/search_index.h"

#include <functional>

#include "modules/people/people_service.h"
#include "modules/people/person_cipher.h"
#include "modules/people/search_terms.h"

namespace dandelion::people {
namespace {

constexpr int kRefreshBatch = 200;

}  // namespace

Result<void> StoreIndexed(store::Tx& tx, security::Keyring& keyring, const Person& person,
                          person_repo::StoredPerson& row) {
  PersonIndexes indexes =
      TRY(IndexPerson(tx, keyring, row.org_id, person.legal_name, person.phone));
  row.legal_name_index = indexes.legal_name;
  row.phone_index = indexes.phone;
  row.index_key_version = indexes.key_version;
  TRY(person_repo::Update(tx, row));
  security::OrgKey org_key = TRY(keyring.CurrentOrgKey(tx, row.org_id));
  std::vector<std::string> tags =
      TRY(PersonSearchTags(*org_key.key, person.legal_name, person.alias, person.phone));
  return person_repo::ReplaceSearchTerms(tx, row.id, row.org_id, org_key.version, tags);
}

namespace {

// Finds up to kRefreshBatch people of an organization who lag, after after_id in id order.
using FindLagging = std::function<Result<std::vector<person_repo::StoredPerson>>(
    store::Tx&, const std::string& org_id, const std::string& after_id)>;
// Brings one of them up to date, with her opened person.
using BringUp = std::function<Result<void>(store::Tx&, const PersonCipher&, const Person&,
                                           person_repo::StoredPerson&)>;

// Walks every organization's lagging people and brings each up to date; returns how many.
Result<int> WalkLagging(store::Database& db, security::Keyring& keyring, const FindLagging& find,
                        const BringUp& bring_up) {
  const std::vector<std::string> orgs =
      TRY(db.ReadValue([](store::Tx& tx) -> Result<std::vector<std::string>> {
        return person_repo::OrgsWithPeople(tx);
      }));
  int done_in_all = 0;
  for (const auto& org_id : orgs) {
    // A batch per transaction, so the writer is never held long; each batch goes on from the
    // last person of the one before (in id order), so the loop ends at the last who lags.
    std::string after_id;
    for (;;) {
      std::string last;  // set by the transaction that commits
      const int done = TRY(db.WriteValue([&](store::Tx& tx) -> Result<int> {
        std::vector<person_repo::StoredPerson> rows = TRY(find(tx, org_id, after_id));
        last = rows.empty() ? after_id : rows.back().id;
        for (auto& row : rows) {
          PersonCipher cipher = TRY(PersonCipher::Load(tx, keyring, org_id, row.id));
          const Person person = TRY(cipher.OpenRow(row));
          TRY(bring_up(tx, cipher, person, row));
        }
        return static_cast<int>(rows.size());
      }));
      done_in_all += done;
      after_id = last;
      if (done < kRefreshBatch) break;
    }
  }
  return done_in_all;
}

}  // namespace

Result<int> RefreshPersonIndexes(store::Database& db, security::Keyring& keyring) {
  return WalkLagging(
      db, keyring,
      [&keyring](store::Tx& tx, const std::string& org_id,
                 const std::string& after_id) -> Result<std::vector<person_repo::StoredPerson>> {
        security::OrgKey org_key = TRY(keyring.CurrentOrgKey(tx, org_id));
        return person_repo::NeedingIndex(tx, org_id, org_key.version, after_id, kRefreshBatch);
      },
      [&keyring](store::Tx& tx, const PersonCipher&, const Person& person,
                 person_repo::StoredPerson& row) -> Result<void> {
        return StoreIndexed(tx, keyring, person, row);
      });
}

Result<int> SealMissingCards(store::Database& db, security::Keyring& keyring) {
  return WalkLagging(
      db, keyring,
      [](store::Tx& tx, const std::string& org_id, const std::string& after_id) {
        return person_repo::NeedingCard(tx, org_id, after_id, kRefreshBatch);
      },
      [](store::Tx& tx, const PersonCipher& cipher, const Person& person,
         person_repo::StoredPerson& row) -> Result<void> {
        row.card = cipher.SealCard({person.legal_name, person.alias, person.safe_contact});
        return person_repo::SetCard(tx, row.id, row.card);
      });
}

}  // namespace dandelion::people

#include "modules/people/search_index.h"

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

Result<int> RefreshPersonIndexes(store::Database& db, security::Keyring& keyring) {
  const std::vector<std::string> orgs =
      TRY(db.ReadValue([](store::Tx& tx) -> Result<std::vector<std::string>> {
        return person_repo::OrgsWithPeople(tx);
      }));
  int refreshed = 0;
  for (const auto& org_id : orgs) {
    // A batch per transaction, so the writer is never held long; each batch goes on from the
    // last person of the one before (in id order), so the loop ends at the last who lags.
    std::string after_id;
    for (;;) {
      std::string last;  // set by the transaction that commits
      const int done = TRY(db.WriteValue([&](store::Tx& tx) -> Result<int> {
        security::OrgKey org_key = TRY(keyring.CurrentOrgKey(tx, org_id));
        std::vector<person_repo::StoredPerson> rows =
            TRY(person_repo::NeedingIndex(tx, org_id, org_key.version, after_id, kRefreshBatch));
        last = rows.empty() ? after_id : rows.back().id;
        for (auto& row : rows) {
          PersonCipher cipher = TRY(PersonCipher::Load(tx, keyring, org_id, row.id));
          Person person = TRY(cipher.OpenRow(row));
          TRY(StoreIndexed(tx, keyring, person, row));
        }
        return static_cast<int>(rows.size());
      }));
      refreshed += done;
      after_id = last;
      if (done < kRefreshBatch) break;
    }
  }
  return refreshed;
}

}  // namespace dandelion::people

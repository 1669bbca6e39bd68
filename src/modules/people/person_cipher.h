// PersonCipher: one survivor's key and the encryption of her fields, and the organization's
// blind-index keys for people (docs/security.md, "Keys").
//
// Each person has her own random key, stored only wrapped by her organization's key in
// person_keys; every identifying field is encrypted under it, bound to (organization, "people",
// column, person id). Deleting her wrapped key is her erasure: no copy of her ciphertext,
// backups included, can be read again. Blind indexes use keys derived from the organization key
// instead, so that a search needs no person's key.
//
// Not thread-safe; one per request (it holds her key in protected memory for that long).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "modules/people/model.h"
#include "modules/people/person_repo.h"
#include "security/keyring.h"
#include "security/keys.h"
#include "store/database.h"

namespace dandelion::people {

inline constexpr std::string_view kPeopleTable = "people";

class PersonCipher {
 public:
  // Makes her key, wraps it under the organization's current key and stores it (inside tx, after
  // her people row exists).
  static Result<PersonCipher> Create(store::Tx& tx, security::Keyring& keyring,
                                     const std::string& org_id, const std::string& person_id,
                                     const std::string& created_at);
  // Unwraps her stored key; kNotFound "people.erased" when it is gone.
  static Result<PersonCipher> Load(store::Tx& tx, security::Keyring& keyring,
                                   const std::string& org_id, const std::string& person_id);
  // The same from her stored key as the caller already read it (a list reads it with her row).
  static Result<PersonCipher> Unwrap(store::Tx& tx, security::Keyring& keyring,
                                     const std::string& org_id, const std::string& person_id,
                                     const std::optional<person_repo::StoredPersonKey>& stored);

  // The blob for a field's value; "" (stored as NULL) for an empty value.
  std::string Seal(std::string_view column, std::string_view value) const;
  // The value of a blob Seal made for column; "" for "".
  Result<std::string> Open(std::string_view column, std::string_view blob) const;

  // A field of another record about her (a case's summary, a note, a service's notes) under her
  // key, bound to (organization, table, column, row id): erasing her shreds these too.
  std::string SealRecord(std::string_view table, std::string_view column, std::string_view row_id,
                         std::string_view value) const;
  Result<std::string> OpenRecord(std::string_view table, std::string_view column,
                                 std::string_view row_id, std::string_view blob) const;

  // A file's random key wrapped under her key (docs/security.md, "Keys"), bound to the file id, so
  // that erasing her shreds her files too; and the key back from its wrapped form.
  std::string WrapFileKey(const security::SecretKey& file_key, std::string_view file_id) const;
  Result<security::SecretKey> UnwrapFileKey(std::string_view wrapped,
                                            std::string_view file_id) const;

  // Her stored row's identifying fields sealed from person (id, org and clear columns are the
  // caller's).
  void SealInto(const Person& person, person_repo::StoredPerson& row) const;
  // Her decrypted person from a stored row.
  Result<Person> OpenRow(const person_repo::StoredPerson& row) const;
  // What a search or a list shows of her (legal name, alias, safe-contact words and the clear
  // columns), and her phone when a search must check it: her birth date is left sealed, and the
  // three are opened from her card (OpenCardOr). Fewer openings for every woman a search or list
  // goes through.
  enum class WithPhone { kNo, kYes };
  Result<Person> OpenSummary(const person_repo::StoredPerson& row, WithPhone with_phone) const;

  // What a case list shows of her: legal name, alias and safe-contact words. They are sealed
  // together as her row's card besides each on its own, so that a list opens one field per woman
  // instead of three (docs/performance.md, "Her card: one opening per listed woman").
  struct Card {
    std::string legal_name;
    std::string alias;
    std::string safe_contact;
  };
  // The card's blob; "" when all three are empty.
  std::string SealCard(const Card& card) const;
  Result<Card> OpenCard(std::string_view blob) const;
  // Her card opened (one opening for the three), or, on a row not yet given one (written before
  // migration 0028, until the start-up walk seals it), the three columns it would hold.
  Result<Card> OpenCardOr(std::string_view card, std::string_view legal_name,
                          std::string_view alias, std::string_view safe_contact) const;

 private:
  PersonCipher(security::SecretKey key, uint32_t version, std::string org_id,
               std::string person_id);

  security::SecretKey key_;
  uint32_t version_;
  std::string org_id_;
  std::string person_id_;
};

// The blind indexes of a person's name and phone under the organization's current key.
struct PersonIndexes {
  std::string legal_name;  // "" when there is no value to index
  std::string phone;
  int64_t key_version = 0;
};

// Indexes for legal_name and phone ("" values give "" indexes).
Result<PersonIndexes> IndexPerson(store::Tx& tx, security::Keyring& keyring,
                                  const std::string& org_id, std::string_view legal_name,
                                  std::string_view phone);

// Splits "a,b" and joins lists for the clear list columns.
std::vector<std::string> SplitList(std::string_view text);
std::string JoinList(const std::vector<std::string>& items);

}  // namespace dandelion::people

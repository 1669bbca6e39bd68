#include "modules/people/person_cipher.h"

#include <charconv>

#include "security/blind_index.h"
#include "security/field_cipher.h"

namespace dandelion::people {
namespace {

constexpr uint32_t kPersonKeyVersion = 1;  // person keys are never rotated, only re-wrapped

Result<std::string> Index(const security::SecretKey& org_key, security::BlindIndexField field,
                          security::FieldKind kind, std::string_view value) {
  if (value.empty()) return std::string();
  security::SecretKey key = security::DeriveBlindIndexKey(org_key, field);
  return security::BlindIndex(key, kind, value);
}

}  // namespace

PersonCipher::PersonCipher(security::SecretKey key, uint32_t version, std::string org_id,
                           std::string person_id)
    : key_(std::move(key)),
      version_(version),
      org_id_(std::move(org_id)),
      person_id_(std::move(person_id)) {}

Result<PersonCipher> PersonCipher::Create(store::Tx& tx, security::Keyring& keyring,
                                          const std::string& org_id, const std::string& person_id,
                                          const std::string& created_at) {
  auto org_key = TRY(keyring.CurrentOrgKey(tx, org_id));
  security::SecretKey key = security::SecretKey::Random();
  person_repo::StoredPersonKey stored{
      kPersonKeyVersion,
      security::WrapKey(*org_key.key, org_key.version, key,
                        security::PersonKeyAad(person_id, kPersonKeyVersion)),
      org_key.version};
  if (auto s = person_repo::InsertKey(tx, person_id, stored, created_at); !s)
    return Fail(s.error());
  return PersonCipher(std::move(key), kPersonKeyVersion, org_id, person_id);
}

Result<PersonCipher> PersonCipher::Load(store::Tx& tx, security::Keyring& keyring,
                                        const std::string& org_id, const std::string& person_id) {
  return Unwrap(tx, keyring, org_id, person_id, TRY(person_repo::FindKey(tx, person_id)));
}

Result<PersonCipher> PersonCipher::Unwrap(
    store::Tx& tx, security::Keyring& keyring, const std::string& org_id,
    const std::string& person_id, const std::optional<person_repo::StoredPersonKey>& stored) {
  if (!stored) return Fail(ErrorCode::kNotFound, "people.erased", "person key is gone");
  auto parent_version = TRY(security::WrappingKeyVersion(stored->wrapped));
  auto org_key = TRY(keyring.OrgKeyVersion(tx, org_id, parent_version));
  const auto version = static_cast<uint32_t>(stored->version);
  auto key = security::UnwrapKey(*org_key.key, stored->wrapped,
                                 security::PersonKeyAad(person_id, version));
  if (!key) return Fail(ErrorCode::kInternal, "error.internal", "person key does not unwrap");
  return PersonCipher(std::move(*key), version, org_id, person_id);
}

std::string PersonCipher::Seal(std::string_view column, std::string_view value) const {
  return SealRecord(kPeopleTable, column, person_id_, value);
}

Result<std::string> PersonCipher::Open(std::string_view column, std::string_view blob) const {
  return OpenRecord(kPeopleTable, column, person_id_, blob);
}

std::string PersonCipher::SealRecord(std::string_view table, std::string_view column,
                                     std::string_view row_id, std::string_view value) const {
  if (value.empty()) return "";
  return security::EncryptField(key_, version_, {org_id_, table, column, row_id}, value);
}

Result<std::string> PersonCipher::OpenRecord(std::string_view table, std::string_view column,
                                             std::string_view row_id, std::string_view blob) const {
  if (blob.empty()) return std::string();
  auto plain = security::DecryptField(key_, {org_id_, table, column, row_id}, blob);
  if (!plain) return Fail(ErrorCode::kInternal, "error.internal", "record field does not decrypt");
  return plain;
}

std::string PersonCipher::WrapFileKey(const security::SecretKey& file_key,
                                      std::string_view file_id) const {
  return security::WrapKey(key_, version_, file_key, security::FileKeyAad(file_id));
}

Result<security::SecretKey> PersonCipher::UnwrapFileKey(std::string_view wrapped,
                                                        std::string_view file_id) const {
  auto key = security::UnwrapKey(key_, wrapped, security::FileKeyAad(file_id));
  if (!key) return Fail(ErrorCode::kInternal, "error.internal", "file key does not unwrap");
  return key;
}

void PersonCipher::SealInto(const Person& p, person_repo::StoredPerson& row) const {
  row.alias = Seal("alias", p.alias);
  row.legal_name = Seal("legal_name", p.legal_name);
  row.birth_date = Seal("birth_date", p.birth_date);
  row.phone = Seal("phone", p.phone);
  row.safe_contact = Seal("safe_contact", p.safe_contact);
  row.card = SealCard({p.legal_name, p.alias, p.safe_contact});
}

// A card's clear form: each of the three as its length in decimal, a colon, then its bytes.
std::string PersonCipher::SealCard(const Card& card) const {
  if (card.legal_name.empty() && card.alias.empty() && card.safe_contact.empty()) return "";
  std::string clear;
  for (const std::string* part : {&card.legal_name, &card.alias, &card.safe_contact}) {
    clear += std::to_string(part->size());
    clear += ':';
    clear += *part;
  }
  return Seal("card", clear);
}

Result<PersonCipher::Card> PersonCipher::OpenCard(std::string_view blob) const {
  const std::string clear = TRY(Open("card", blob));
  Card card;
  if (clear.empty()) return card;  // no card: all three empty
  std::string_view rest = clear;
  const auto malformed = [] {
    return Fail(ErrorCode::kInternal, "error.internal", "person card malformed");
  };
  for (std::string* part : {&card.legal_name, &card.alias, &card.safe_contact}) {
    const size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return malformed();
    size_t length = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + colon, length);
    if (ec != std::errc() || end != rest.data() + colon || length > rest.size() - colon - 1) {
      return malformed();
    }
    *part = std::string(rest.substr(colon + 1, length));
    rest.remove_prefix(colon + 1 + length);
  }
  if (!rest.empty()) return malformed();
  return card;
}

Result<PersonCipher::Card> PersonCipher::OpenCardOr(std::string_view card,
                                                    std::string_view legal_name,
                                                    std::string_view alias,
                                                    std::string_view safe_contact) const {
  if (!card.empty()) return OpenCard(card);
  return Card{.legal_name = TRY(Open("legal_name", legal_name)),
              .alias = TRY(Open("alias", alias)),
              .safe_contact = TRY(Open("safe_contact", safe_contact))};
}

Result<Person> PersonCipher::OpenSummary(const person_repo::StoredPerson& row,
                                         WithPhone with_phone) const {
  Person p;
  p.id = row.id;
  p.org_id = row.org_id;
  p.code = row.code;
  Card card = TRY(OpenCardOr(row.card, row.legal_name, row.alias, row.safe_contact));
  p.legal_name = std::move(card.legal_name);
  p.alias = std::move(card.alias);
  p.safe_contact = std::move(card.safe_contact);
  if (with_phone == WithPhone::kYes) p.phone = TRY(Open("phone", row.phone));
  p.age_band = row.age_band;
  p.nationality = row.nationality;
  p.languages = SplitList(row.languages);
  p.categories = SplitList(row.categories);
  p.created_at = row.created_at;
  p.updated_at = row.updated_at;
  return p;
}

Result<Person> PersonCipher::OpenRow(const person_repo::StoredPerson& row) const {
  Person p = TRY(OpenSummary(row, WithPhone::kYes));
  p.birth_date = TRY(Open("birth_date", row.birth_date));
  return p;
}

Result<PersonIndexes> IndexPerson(store::Tx& tx, security::Keyring& keyring,
                                  const std::string& org_id, std::string_view legal_name,
                                  std::string_view phone) {
  auto org_key = TRY(keyring.CurrentOrgKey(tx, org_id));
  PersonIndexes out;
  out.key_version = org_key.version;
  auto name = TRY(Index(*org_key.key, security::BlindIndexField::kPersonLegalName,
                        security::FieldKind::kName, legal_name));
  out.legal_name = std::move(name);
  auto tel = TRY(Index(*org_key.key, security::BlindIndexField::kPersonPhone,
                       security::FieldKind::kPhone, phone));
  out.phone = std::move(tel);
  return out;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    auto comma = text.find(',');
    if (comma != 0) out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ',';
    out += item;
  }
  return out;
}

}  // namespace dandelion::people

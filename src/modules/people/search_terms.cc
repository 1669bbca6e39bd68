#include "modules/people/search_terms.h"

#include <algorithm>

#include "security/blind_index.h"
#include "security/normalize.h"

namespace dandelion::people {
namespace {

using security::FieldKind;

// The first n code points of well-formed UTF-8 s (all of s if shorter).
std::string_view FirstCodePoints(std::string_view s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (lead && count++ == n) return s.substr(0, i);
  }
  return s;
}

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Result<std::string> Tag(const security::SecretKey& search_key, FieldKind kind,
                        std::string_view prefix) {
  std::string index = TRY(security::BlindIndex(search_key, kind, prefix));
  return index.substr(0, kSearchTagBytes);
}

// Adds the tags of value's prefixes (normalized as kind) to tags; nothing for a value with
// nothing to index.
Result<void> AddTags(const security::SecretKey& search_key, FieldKind kind, std::string_view value,
                     std::vector<std::string>& tags) {
  if (value.empty()) return Ok();
  auto normalized = security::NormalizeForIndex(kind, value);
  if (!normalized) return Ok();  // nothing left to index: she has no terms for this field
  if (kind == FieldKind::kPhone) {
    if (normalized->size() >= kPhonePrefix) {
      tags.push_back(TRY(Tag(search_key, kind, normalized->substr(0, kPhonePrefix))));
    }
    return Ok();
  }
  const size_t length = CodePoints(*normalized);
  for (size_t n = kNamePrefixMin; n <= std::min(length, kNamePrefixMax); ++n) {
    tags.push_back(TRY(Tag(search_key, kind, FirstCodePoints(*normalized, n))));
  }
  return Ok();
}

bool StartsWithNormalized(FieldKind kind, std::string_view value, std::string_view prefix) {
  if (value.empty()) return false;
  auto normalized = security::NormalizeForIndex(kind, value);
  return normalized && normalized->starts_with(prefix);
}

Error TooShort() {
  return Error{ErrorCode::kInvalid, "error.invalid"}.Field("q", "people.search_short");
}

}  // namespace

Result<std::vector<std::string>> PersonSearchTags(const security::SecretKey& org_key,
                                                  std::string_view legal_name,
                                                  std::string_view alias, std::string_view phone) {
  const security::SecretKey key =
      security::DeriveBlindIndexKey(org_key, security::BlindIndexField::kPersonSearch);
  std::vector<std::string> tags;
  TRY(AddTags(key, FieldKind::kName, legal_name, tags));
  TRY(AddTags(key, FieldKind::kName, alias, tags));
  TRY(AddTags(key, FieldKind::kPhone, phone, tags));
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  return tags;
}

Result<SearchQuery> ReadSearchQuery(const security::SecretKey& org_key, std::string_view q) {
  const bool phone_like =
      std::any_of(q.begin(), q.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      std::all_of(q.begin(), q.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '(' || c == ')' || c == '+';
      });
  SearchQuery query;
  query.kind = phone_like ? SearchQuery::Kind::kPhone : SearchQuery::Kind::kName;
  const FieldKind kind = phone_like ? FieldKind::kPhone : FieldKind::kName;
  auto normalized = security::NormalizeForIndex(kind, q);
  if (!normalized) {
    if (normalized.error().message_key == "field.empty") return Fail(TooShort());
    return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("q", "error.invalid_utf8"));
  }
  query.normalized = std::move(*normalized);
  std::string_view prefix;
  if (phone_like) {
    if (query.normalized.size() < kPhonePrefix) return Fail(TooShort());
    prefix = std::string_view(query.normalized).substr(0, kPhonePrefix);
  } else {
    if (CodePoints(query.normalized) < kNamePrefixMin) return Fail(TooShort());
    prefix = FirstCodePoints(query.normalized, kNamePrefixMax);
  }
  const security::SecretKey key =
      security::DeriveBlindIndexKey(org_key, security::BlindIndexField::kPersonSearch);
  query.tag = TRY(Tag(key, kind, prefix));
  return query;
}

bool MatchesSearch(const SearchQuery& query, const Person& person) {
  if (query.kind == SearchQuery::Kind::kPhone) {
    return StartsWithNormalized(FieldKind::kPhone, person.phone, query.normalized);
  }
  return StartsWithNormalized(FieldKind::kName, person.legal_name, query.normalized) ||
         StartsWithNormalized(FieldKind::kName, person.alias, query.normalized);
}

}  // namespace dandelion::people

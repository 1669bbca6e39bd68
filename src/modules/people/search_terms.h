// Search terms: finding a woman by the beginning of her name, alias or phone over encrypted
// fields (docs/security.md, "Finding a person").
//
// A worker types "김민" or "바람" or "010-1234"; the server must find her without a plaintext
// column and without a table scan that decrypts everyone. Each person therefore has a few
// *terms*: a keyed tag of each prefix of her normalized legal name and alias (their first 2 and
// 3 characters) and of her phone (its first 7 digits), under a key derived per organization from
// the organization key. A query is cut the same way, its tag selects candidates, and each
// candidate is decrypted and checked: her name or alias must really start with what was typed.
//
// What bounds the leak: a tag is only kSearchTagBytes (16 bits) long, so each tag value is shared
// by many unrelated prefixes and the table shows, at most, that two women *may* share a prefix;
// only short prefixes are tagged (never the rest of the name, never the end of a phone); tags of
// one organization say nothing about another's. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "modules/people/model.h"
#include "security/keys.h"

namespace dandelion::people {

inline constexpr size_t kSearchTagBytes = 2;
inline constexpr size_t kNamePrefixMin = 2;  // characters a name query needs at least
inline constexpr size_t kNamePrefixMax = 3;  // the longest name prefix tagged
inline constexpr size_t kPhonePrefix = 7;    // digits of a phone that are tagged and needed

// A typed query, read: what kind of value it is, its normalized form and the tag to look up.
struct SearchQuery {
  enum class Kind { kName, kPhone };
  Kind kind = Kind::kName;
  std::string normalized;
  std::string tag;
};

// The distinct tags of a person's legal name, alias and phone under org_key ("" values have
// none).
Result<std::vector<std::string>> PersonSearchTags(const security::SecretKey& org_key,
                                                  std::string_view legal_name,
                                                  std::string_view alias, std::string_view phone);

// Reads q: digits (with spaces, dashes, parentheses or a leading +) are a phone, anything else a
// name or alias. 400 "people.search_short" naming field "q" when too short to look up.
Result<SearchQuery> ReadSearchQuery(const security::SecretKey& org_key, std::string_view q);

// Whether the decrypted person really matches: her legal name or alias (or her phone) begins
// with the query.
bool MatchesSearch(const SearchQuery& query, const Person& person);

}  // namespace dandelion::people

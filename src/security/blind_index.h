// Blind indexes: exact-match lookup over encrypted fields without decrypting them.
//
// Index = the first 8 bytes of keyed BLAKE2b-256 over (kind byte ‖ normalized value), with a key
// derived per organization and per field from the organization key (crypto_kdf, context
// kBlindIndexContext in kdf.h, subkey id = BlindIndexField). Per-org keys mean the same phone
// number in two organizations gives unrelated indexes (no cross-org linking); per-field keys mean
// a name never matches a phone. 64 bits keep accidental collisions negligible per organization
// while an index alone cannot be reversed without the key; callers must still re-check a match
// after decrypting. An index reveals equality of values within one org and field, so index only
// what needs exact lookup (docs/security.md).
//
// An index belongs to the organization key version it was derived from: after an org key
// rotation, indexes are recomputed (the store records which version). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "security/keys.h"
#include "security/normalize.h"

namespace dandelion::security {

// Indexed fields and their crypto_kdf subkey ids. Stable forever: never renumber or reuse.
enum class BlindIndexField : uint64_t {
  kPersonLegalName = 1,  // FieldKind::kName
  kPersonPhone = 2,      // FieldKind::kPhone
  kPersonSearch = 3,     // prefixes of name, alias and phone (people/search_terms.h)
};

inline constexpr size_t kBlindIndexSize = 8;

// The blind-index key of one field of the organization whose key is org_key.
SecretKey DeriveBlindIndexKey(const SecretKey& org_key, BlindIndexField field);

// The 8-byte index (raw bytes, for a BLOB column) of value normalized as kind. Fails like
// NormalizeForIndex on ill-formed UTF-8 or a value with nothing to index.
Result<std::string> BlindIndex(const SecretKey& field_key, FieldKind kind, std::string_view value);

}  // namespace dandelion::security

#include "security/blind_index.h"

#include <sodium.h>

#include <stdexcept>

#include "security/encoding.h"
#include "security/kdf.h"

namespace dandelion::security {

SecretKey DeriveBlindIndexKey(const SecretKey& org_key, BlindIndexField field) {
  return DeriveSubkey(org_key, kBlindIndexContext, static_cast<uint64_t>(field));
}

Result<std::string> BlindIndex(const SecretKey& field_key, FieldKind kind, std::string_view value) {
  if (field_key.empty()) throw std::logic_error("BlindIndex with an empty (moved-from) key");
  auto normalized = NormalizeForIndex(kind, value);
  if (!normalized) return Fail(normalized.error());
  // The kind byte keeps indexes of different kinds apart even if a key were ever shared.
  std::string input(1, static_cast<char>(kind));
  input.append(*normalized);
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, Bytes(input), input.size(), field_key.data(),
                     field_key.size());
  sodium_memzero(input.data(), input.size());
  sodium_memzero(normalized->data(), normalized->size());
  // BLAKE2b's minimum output is 16 bytes, so truncate the 32-byte hash rather than ask for 8.
  return std::string(reinterpret_cast<const char*>(hash), kBlindIndexSize);
}

}  // namespace dandelion::security

// Field encryption: one survivor's field value as one authenticated, versioned blob.
//
// Blob: format byte (1) | key version u32 (big-endian) | 24-byte random nonce |
// XChaCha20-Poly1305 ciphertext with its 16-byte tag. The associated data binds the blob to its
// place: organization, table, column, row id and key version (plus the format byte), so a blob
// copied to another row, column or organization, or relabelled with another key version, fails
// to decrypt instead of showing one survivor's data in another's record.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "security/keys.h"

namespace dandelion::security {

// Where a field value lives; all four parts are bound into the ciphertext.
struct FieldContext {
  std::string_view org_id;
  std::string_view table;
  std::string_view column;
  std::string_view row_id;
};

inline constexpr unsigned char kFieldFormat = 1;
// Bytes a blob adds to its plaintext: header 5, nonce 24, tag 16.
inline constexpr size_t kFieldOverhead = 1 + 4 + 24 + 16;

// Encrypts plaintext (any bytes, empty included) with key, whose version is key_version.
std::string EncryptField(const SecretKey& key, uint32_t key_version, const FieldContext& ctx,
                         std::string_view plaintext);

// Decrypts a blob made by EncryptField for the same ctx; fails on a wrong key or context, an
// unknown format, or any altered byte. The caller should wipe the result when done.
Result<std::string> DecryptField(const SecretKey& key, const FieldContext& ctx,
                                 std::string_view blob);

// The key version a blob was encrypted with, to pick the key before decrypting.
Result<uint32_t> FieldKeyVersion(std::string_view blob);

}  // namespace dandelion::security

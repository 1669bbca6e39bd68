#include "security/field_cipher.h"

#include <sodium.h>

#include <stdexcept>

#include "security/encoding.h"

namespace dandelion::security {
namespace {

constexpr size_t kHeaderSize = 1 + 4;
constexpr size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kFieldOverhead == kHeaderSize + kNonceSize + kTagSize);

// Associated data: a domain label, then every part length-prefixed so that, e.g., table "ab" +
// column "c" never encodes like table "a" + column "bc"; then the blob header, which carries
// the format and key version.
std::string AssociatedData(const FieldContext& ctx, std::string_view header) {
  constexpr std::string_view kLabel = "dandelion.field";
  const std::string_view parts[] = {kLabel, ctx.org_id, ctx.table, ctx.column, ctx.row_id};
  size_t size = header.size();
  for (std::string_view part : parts) size += 4 + part.size();
  std::string ad;
  ad.reserve(size);  // one allocation: a list opens hundreds of fields per request
  for (std::string_view part : parts) AppendLengthPrefixed(ad, part);
  ad.append(header);
  return ad;
}

}  // namespace

std::string EncryptField(const SecretKey& key, uint32_t key_version, const FieldContext& ctx,
                         std::string_view plaintext) {
  if (key.empty()) throw std::logic_error("EncryptField with an empty (moved-from) key");
  std::string blob;
  blob.reserve(kFieldOverhead + plaintext.size());
  blob.push_back(static_cast<char>(kFieldFormat));
  AppendU32(blob, key_version);
  std::string ad = AssociatedData(ctx, blob);
  blob.resize(kFieldOverhead + plaintext.size());
  unsigned char* nonce = MutableBytes(blob) + kHeaderSize;
  randombytes_buf(nonce, kNonceSize);
  unsigned long long ct_len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonceSize, &ct_len, Bytes(plaintext),
                                             plaintext.size(), Bytes(ad), ad.size(), nullptr, nonce,
                                             key.data());
  return blob;
}

Result<uint32_t> FieldKeyVersion(std::string_view blob) {
  if (blob.size() < kFieldOverhead || static_cast<unsigned char>(blob[0]) != kFieldFormat) {
    return Fail(ErrorCode::kInternal, "security.decrypt_failed",
                "field blob has an unknown format or is too short (" + std::to_string(blob.size()) +
                    " bytes)");
  }
  return *ReadU32(blob, 1);
}

Result<std::string> DecryptField(const SecretKey& key, const FieldContext& ctx,
                                 std::string_view blob) {
  auto version = FieldKeyVersion(blob);
  if (!version) return Fail(version.error());
  if (key.empty()) throw std::logic_error("DecryptField with an empty (moved-from) key");
  std::string ad = AssociatedData(ctx, blob.substr(0, kHeaderSize));
  const unsigned char* nonce = Bytes(blob) + kHeaderSize;
  std::string_view ct = blob.substr(kHeaderSize + kNonceSize);
  std::string plaintext(ct.size() - kTagSize, '\0');
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(MutableBytes(plaintext), &len, nullptr, Bytes(ct),
                                                 ct.size(), Bytes(ad), ad.size(), nonce,
                                                 key.data()) != 0) {
    return Fail(ErrorCode::kInternal, "security.decrypt_failed",
                "field did not authenticate: " + std::string(ctx.table) + "." +
                    std::string(ctx.column) + " row " + std::string(ctx.row_id));
  }
  return plaintext;
}

}  // namespace dandelion::security

// Keys: the SecretKey type, the master key file, and key wrapping for the key hierarchy.
//
// The hierarchy (docs/security.md): master key (a file) -> per-organization keys -> per-person keys
// -> per-file keys. Every key below the master is random and stored only wrapped (encrypted) by its
// parent, so erasing a person's wrapped key makes all her ciphertext unreadable, and rotating a
// parent re-wraps children without touching data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.h"

namespace dandelion::security {

// A 32-byte symmetric key held in sodium_malloc'd memory: guard pages around it, mlock'ed so it
// is not swapped out (best effort: libsodium ignores an mlock failure), and wiped when
// destroyed (its slot is then reused by the next key: see KeySlots in keys.cc for why keys are
// not also made read-only). Move-only, so a key is never silently duplicated; a moved-from key is
// empty() and must not be used. Immutable after construction, so concurrent reads are safe.
//
// Each key costs a few pages of locked memory; hold keys for the duration of a request, not in
// large caches.
class SecretKey {
 public:
  static constexpr size_t kSize = 32;

  // A fresh random key.
  static SecretKey Random();

  // A key from exactly kSize bytes (e.g. read from a secrets store); nothing otherwise.
  static std::optional<SecretKey> FromBytes(std::string_view bytes);

  // Builds a key by letting fill write its kSize bytes straight into protected memory, so the
  // plaintext key never sits in ordinary memory. fill(unsigned char*) returns false to fail.
  template <class Fill>
  static std::optional<SecretKey> Build(Fill&& fill) {
    SecretKey key;
    if (!fill(key.bytes_)) return std::nullopt;
    return key;
  }

  SecretKey(SecretKey&& other) noexcept : bytes_(std::exchange(other.bytes_, nullptr)) {}
  SecretKey& operator=(SecretKey&& other) noexcept;
  SecretKey(const SecretKey&) = delete;
  SecretKey& operator=(const SecretKey&) = delete;
  ~SecretKey();

  bool empty() const { return bytes_ == nullptr; }
  const unsigned char* data() const { return bytes_; }
  static constexpr size_t size() { return kSize; }

 private:
  SecretKey();  // allocates kSize protected, zeroed bytes; throws std::bad_alloc if it cannot

  unsigned char* bytes_ = nullptr;  // sodium_malloc'd; null once moved from
};

// Writes a new master key file: 32 random bytes, mode 0600, fsync'ed with its directory.
// Refuses to overwrite an existing file (an overwritten master key loses every record).
Result<void> CreateMasterKeyFile(const std::filesystem::path& path);

// Loads the master key. Refuses a file that is not a regular file, that grants any permission
// to group or others, or that is not exactly 32 bytes, each with its own message.
Result<SecretKey> LoadMasterKey(const std::filesystem::path& path);

// Wrapped-key blob: format byte (1) | wrapping key version u32 (big-endian) | 24-byte nonce |
// XChaCha20-Poly1305 ciphertext of the child key with its 16-byte tag. The associated data is
// the 5 header bytes followed by aad, which names the wrapped key (see the *KeyAad functions):
// a blob copied onto another organization's or person's row fails to unwrap.
inline constexpr unsigned char kWrappedKeyFormat = 1;
inline constexpr size_t kWrappedKeySize = 1 + 4 + 24 + SecretKey::kSize + 16;

// Wraps child under parent (version parent_version) for the key named by aad.
//
// Passing an empty (moved-from) key to any function in src/security is a programming error and
// throws std::logic_error; everything that can go wrong with data or files is a Result.
std::string WrapKey(const SecretKey& parent, uint32_t parent_version, const SecretKey& child,
                    std::string_view aad);

// Recovers the child key; fails on a wrong parent key, a wrong aad, or any altered byte.
Result<SecretKey> UnwrapKey(const SecretKey& parent, std::string_view blob, std::string_view aad);

// The version of the key that wrapped blob, to pick the parent before unwrapping (rotation).
Result<uint32_t> WrappingKeyVersion(std::string_view blob);

// The aad naming each kind of wrapped key: "org:<id>:v<n>", "person:<id>:v<n>", "file:<id>".
// Ids are opaque base32 ids (core/ids.h), which never contain ':'.
std::string OrgKeyAad(std::string_view org_id, uint32_t version);
std::string PersonKeyAad(std::string_view person_id, uint32_t version);
std::string FileKeyAad(std::string_view file_id);

}  // namespace dandelion::security

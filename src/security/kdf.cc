#include "security/kdf.h"

#include <sodium.h>

#include <stdexcept>

namespace dandelion::security {

static_assert(crypto_kdf_CONTEXTBYTES == 8);
static_assert(crypto_kdf_KEYBYTES == SecretKey::kSize);

SecretKey DeriveSubkey(const SecretKey& parent, const KdfContext& context, uint64_t id) {
  if (parent.empty()) throw std::logic_error("DeriveSubkey from an empty (moved-from) key");
  return *SecretKey::Build([&](unsigned char* out) {
    return crypto_kdf_derive_from_key(out, SecretKey::kSize, id, context.bytes, parent.data()) == 0;
  });
}

}  // namespace dandelion::security

// Signed checkpoints of the audit chain: the head (seq, hash, time) signed with Ed25519.
//
// Whoever can write the database could recompute the whole hash chain after rewriting it. A
// checkpoint copied elsewhere (another organization, a printout) pins the chain as it was: a
// later rewrite no longer matches the copied head, and forging a new checkpoint needs the
// signing key, which is not in the database.
//
// The signing key pair is derived deterministically from the master key (crypto_kdf subkey ->
// crypto_sign_seed_keypair seed) rather than generated: the master key is already the one
// secret that must be backed up and protected, and a second random secret would be one more
// thing to lose on restore (leaving checkpoints that can no longer be extended under the same
// public key) or to leak from a forgotten backup. Deriving it adds no exposure: anyone with the
// master key can already read and rewrite everything. What keeps checkpoints meaningful is that
// copies live outside the server, verified with a public key obtained out of band
// (`dandelion audit public-key`), never the key printed inside the checkpoint itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "security/keys.h"

namespace dandelion::security {

// The audit signing key pair. The Ed25519 secret key is recomputed from the 32-byte seed (in
// protected memory) for each signature and wiped right after. Move-only; immutable, so
// signing from several threads at once is safe.
class AuditSigningKey {
 public:
  static AuditSigningKey FromMasterKey(const SecretKey& master_key);

  // The 32-byte Ed25519 public key.
  const std::string& public_key() const { return public_key_; }

  // The 64-byte detached signature of message.
  std::string Sign(std::string_view message) const;

 private:
  AuditSigningKey(SecretKey seed, std::string public_key)
      : seed_(std::move(seed)), public_key_(std::move(public_key)) {}

  SecretKey seed_;
  std::string public_key_;
};

struct AuditCheckpoint {
  int64_t seq = 0;         // seq of the head entry
  std::string head_hash;   // its chain hash, 32 raw bytes
  int64_t at_ms = 0;       // when the checkpoint was made, Unix milliseconds
  std::string public_key;  // the signer's public key as recorded; informational only
  std::string signature;   // Ed25519 over the signed message (seq, head hash, time)
};

// Signs the chain head.
AuditCheckpoint SignCheckpoint(const AuditSigningKey& key, int64_t seq, std::string_view head_hash,
                               int64_t at_ms);

// Ok when checkpoint carries a valid signature by trusted_public_key; otherwise
// "security.audit_checkpoint_invalid". Never trusts checkpoint.public_key.
Result<void> VerifyCheckpoint(std::string_view trusted_public_key,
                              const AuditCheckpoint& checkpoint);

// The printable, copyable form: a few "name: value" lines, hex for bytes, e.g.
//   Dandelion audit checkpoint v1
//   seq: 1042
//   at_ms: 1772357400000
//   time: 2026-03-01T09:30:00Z
//   head: 3f2a...
//   public_key: 9b1c...
//   signature: 77de...
std::string CheckpointText(const AuditCheckpoint& checkpoint);

// Reads CheckpointText back ("time" is informational and ignored). Fails with
// "security.audit_checkpoint_malformed". Verify the result with VerifyCheckpoint.
Result<AuditCheckpoint> ParseCheckpointText(std::string_view text);

}  // namespace dandelion::security

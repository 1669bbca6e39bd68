#include "security/audit_chain.h"

#include <sodium.h>

#include "security/encoding.h"
#include "security/sodium_init.h"

namespace dandelion::security {

static_assert(crypto_generichash_BYTES == kAuditHashSize);

std::string GenesisHash() { return std::string(kAuditHashSize, '\0'); }

std::string EncodeAuditEntry(const AuditEntry& e) {
  std::string out;
  AppendLengthPrefixed(out, "dandelion.audit.v1");
  AppendU64(out, static_cast<uint64_t>(e.seq));
  AppendU64(out, static_cast<uint64_t>(e.at_ms));
  for (const std::string* s :
       {&e.actor_user_id, &e.actor_org_id, &e.org_id, &e.action, &e.entity_type, &e.entity_id,
        &e.outcome, &e.request_id, &e.remote}) {
    AppendLengthPrefixed(out, *s);
  }
  AppendU32(out, static_cast<uint32_t>(e.fields.size()));
  for (const auto& field : e.fields) AppendLengthPrefixed(out, field);
  return out;
}

Result<std::string> ChainHash(std::string_view prev_hash, const AuditEntry& entry) {
  if (prev_hash.size() != kAuditHashSize) {
    return Fail(ErrorCode::kInternal, "security.audit_hash_malformed",
                "previous audit hash has " + std::to_string(prev_hash.size()) + " bytes");
  }
  EnsureSodium();
  std::string encoded = EncodeAuditEntry(entry);
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, kAuditHashSize);
  crypto_generichash_update(&state, Bytes(prev_hash), prev_hash.size());
  crypto_generichash_update(&state, Bytes(encoded), encoded.size());
  std::string hash(kAuditHashSize, '\0');
  crypto_generichash_final(&state, MutableBytes(hash), hash.size());
  return hash;
}

std::optional<size_t> FirstBrokenEntry(std::string_view prev_hash,
                                       std::span<const ChainedAuditEntry> entries) {
  std::string expected(prev_hash);
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0 && entries[i].entry.seq != entries[i - 1].entry.seq + 1) return i;
    auto hash = ChainHash(expected, entries[i].entry);
    if (!hash || entries[i].hash.size() != kAuditHashSize ||
        sodium_memcmp(hash->data(), entries[i].hash.data(), kAuditHashSize) != 0) {
      return i;
    }
    // Chain on from the recomputed hash, never the stored one: stored hashes are checked, not
    // trusted.
    expected = std::move(*hash);
  }
  return std::nullopt;
}

}  // namespace dandelion::security

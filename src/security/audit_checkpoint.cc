#include "security/audit_checkpoint.h"

#include <sodium.h>

#include <charconv>
#include <map>
#include <stdexcept>

#include "core/clock.h"
#include "core/ids.h"
#include "security/audit_chain.h"
#include "security/encoding.h"
#include "security/kdf.h"
#include "security/sodium_init.h"

namespace dandelion::security {
namespace {

constexpr char kTextTitle[] = "Dandelion audit checkpoint v1";

std::string SignedMessage(int64_t seq, std::string_view head_hash, int64_t at_ms) {
  std::string message;
  AppendLengthPrefixed(message, "dandelion.audit.checkpoint.v1");
  AppendU64(message, static_cast<uint64_t>(seq));
  AppendLengthPrefixed(message, head_hash);
  AppendU64(message, static_cast<uint64_t>(at_ms));
  return message;
}

std::optional<std::string> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out(hex.size() / 2, '\0');
  size_t len = 0;
  if (sodium_hex2bin(MutableBytes(out), out.size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0 ||
      len != out.size()) {
    return std::nullopt;
  }
  return out;
}

std::optional<int64_t> ParseInt(std::string_view text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

auto Malformed(std::string detail) {
  return Fail(ErrorCode::kInvalid, "security.audit_checkpoint_malformed", std::move(detail));
}

}  // namespace

AuditSigningKey AuditSigningKey::FromMasterKey(const SecretKey& master_key) {
  SecretKey seed = DeriveSubkey(master_key, kAuditSigningContext, kAuditSigningSubkeyId);
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pk, sk, seed.data());
  sodium_memzero(sk, sizeof sk);
  return AuditSigningKey(std::move(seed), std::string(reinterpret_cast<char*>(pk), sizeof pk));
}

std::string AuditSigningKey::Sign(std::string_view message) const {
  if (seed_.empty()) throw std::logic_error("Sign with a moved-from AuditSigningKey");
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pk, sk, seed_.data());
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(MutableBytes(signature), nullptr, Bytes(message), message.size(), sk);
  sodium_memzero(sk, sizeof sk);
  return signature;
}

AuditCheckpoint SignCheckpoint(const AuditSigningKey& key, int64_t seq, std::string_view head_hash,
                               int64_t at_ms) {
  return AuditCheckpoint{seq, std::string(head_hash), at_ms, key.public_key(),
                         key.Sign(SignedMessage(seq, head_hash, at_ms))};
}

Result<void> VerifyCheckpoint(std::string_view trusted_public_key,
                              const AuditCheckpoint& checkpoint) {
  EnsureSodium();
  if (trusted_public_key.size() != crypto_sign_PUBLICKEYBYTES ||
      checkpoint.signature.size() != crypto_sign_BYTES ||
      checkpoint.head_hash.size() != kAuditHashSize) {
    return Fail(ErrorCode::kInvalid, "security.audit_checkpoint_invalid",
                "checkpoint key, signature or head hash has the wrong size");
  }
  std::string message = SignedMessage(checkpoint.seq, checkpoint.head_hash, checkpoint.at_ms);
  if (crypto_sign_verify_detached(Bytes(checkpoint.signature), Bytes(message), message.size(),
                                  Bytes(trusted_public_key)) != 0) {
    return Fail(ErrorCode::kInvalid, "security.audit_checkpoint_invalid",
                "checkpoint signature does not verify for seq " + std::to_string(checkpoint.seq));
  }
  return Ok();
}

std::string CheckpointText(const AuditCheckpoint& c) {
  return std::string(kTextTitle) + "\nseq: " + std::to_string(c.seq) +
         "\nat_ms: " + std::to_string(c.at_ms) +
         "\ntime: " + FormatRfc3339(FromUnixSeconds(c.at_ms / 1000)) +
         "\nhead: " + ToHex(c.head_hash) + "\npublic_key: " + ToHex(c.public_key) +
         "\nsignature: " + ToHex(c.signature) + "\n";
}

Result<AuditCheckpoint> ParseCheckpointText(std::string_view text) {
  std::map<std::string, std::string, std::less<>> values;
  bool titled = false;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (!titled) {
      if (line != kTextTitle) return Malformed("not a Dandelion audit checkpoint (v1)");
      titled = true;
      continue;
    }
    size_t colon = line.find(": ");
    if (colon == std::string_view::npos) return Malformed("line without 'name: value'");
    if (!values.emplace(line.substr(0, colon), line.substr(colon + 2)).second) {
      return Malformed("repeated line " + std::string(line.substr(0, colon)));
    }
  }
  auto get = [&](std::string_view name) -> std::optional<std::string_view> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return std::string_view(it->second);
  };
  auto seq = get("seq");
  auto at_ms = get("at_ms");
  auto head = get("head");
  auto public_key = get("public_key");
  auto signature = get("signature");
  if (!titled || !seq || !at_ms || !head || !public_key || !signature) {
    return Malformed("checkpoint lacks a required line");
  }
  auto seq_value = ParseInt(*seq);
  auto at_value = ParseInt(*at_ms);
  auto head_bytes = FromHex(*head);
  auto key_bytes = FromHex(*public_key);
  auto sig_bytes = FromHex(*signature);
  if (!seq_value || !at_value || !head_bytes || !key_bytes || !sig_bytes) {
    return Malformed("checkpoint has a value that is not a number or hex");
  }
  return AuditCheckpoint{*seq_value, std::move(*head_bytes), *at_value, std::move(*key_bytes),
                         std::move(*sig_bytes)};
}

}  // namespace dandelion::security

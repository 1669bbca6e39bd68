#include "security/password.h"

#include <sodium.h>

#include <atomic>
#include <string>

#include "security/encoding.h"
#include "security/normalize.h"
#include "security/sodium_init.h"

namespace dandelion::security {
namespace {

constexpr unsigned long long kOpsLimit = 3;
constexpr size_t kMemLimit = size_t{64} << 20;  // 64 MiB
static_assert(kOpsLimit >= crypto_pwhash_OPSLIMIT_INTERACTIVE);
static_assert(kMemLimit >= crypto_pwhash_MEMLIMIT_INTERACTIVE);

struct Cost {
  unsigned long long ops;
  size_t mem;
};
constexpr Cost kRealCost{kOpsLimit, kMemLimit};
constexpr Cost kTestCost{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
std::atomic<bool> minimum_cost_for_tests{false};

Cost CostOfNewHashes() {
  return minimum_cost_for_tests.load(std::memory_order_relaxed) ? kTestCost : kRealCost;
}

int HashWithCost(char (&out)[crypto_pwhash_STRBYTES], const char* password, size_t size) {
  const Cost cost = CostOfNewHashes();
  return crypto_pwhash_str_alg(out, password, size, cost.ops, cost.mem,
                               crypto_pwhash_ALG_ARGON2ID13);
}

// crypto_pwhash_str_* want a NUL-terminated hash of at most crypto_pwhash_STRBYTES.
bool CopyHash(std::string_view hash, char (&out)[crypto_pwhash_STRBYTES]) {
  if (hash.size() >= sizeof out || hash.find('\0') != std::string_view::npos) return false;
  hash.copy(out, hash.size());
  out[hash.size()] = '\0';
  return true;
}

const std::string& DummyHash() {
  static const std::string hash = [] {
    // A random password nobody knows, hashed with today's parameters.
    EnsureSodium();
    unsigned char secret[32];
    randombytes_buf(secret, sizeof secret);
    char out[crypto_pwhash_STRBYTES];
    if (HashWithCost(out, reinterpret_cast<const char*>(secret), sizeof secret) != 0) {
      out[0] = '\0';  // out of memory: verification against "" fails, as it must
    }
    sodium_memzero(secret, sizeof secret);
    return std::string(out);
  }();
  return hash;
}

bool VerifyNormalized(const std::string& hash, std::string_view password) {
  char stored[crypto_pwhash_STRBYTES];
  if (!CopyHash(hash, stored)) return false;
  return crypto_pwhash_str_verify(stored, password.data(), password.size()) == 0;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  EnsureSodium();
  auto normalized = NfkcNormalize(password);
  if (!normalized) return Fail(normalized.error());
  WipeOnExit wipe(*normalized);
  const std::string& plain = *normalized;
  char out[crypto_pwhash_STRBYTES];
  if (HashWithCost(out, plain.data(), plain.size()) != 0) {
    return Fail(ErrorCode::kInternal, "error.internal", "crypto_pwhash_str failed (memory?)");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  EnsureSodium();
  auto normalized = NfkcNormalize(password);
  if (!normalized) return DummyVerify("");  // same time as a real verify; always false
  WipeOnExit wipe(*normalized);
  const std::string& plain = *normalized;
  char stored[crypto_pwhash_STRBYTES];
  if (!CopyHash(hash, stored)) return DummyVerify(plain);
  return crypto_pwhash_str_verify(stored, plain.data(), plain.size()) == 0;
}

bool NeedsRehash(std::string_view hash) {
  EnsureSodium();
  char stored[crypto_pwhash_STRBYTES];
  if (!CopyHash(hash, stored)) return true;
  const bool real = crypto_pwhash_str_needs_rehash(stored, kRealCost.ops, kRealCost.mem) == 0;
  if (!minimum_cost_for_tests.load(std::memory_order_relaxed)) return !real;
  return !real && crypto_pwhash_str_needs_rehash(stored, kTestCost.ops, kTestCost.mem) != 0;
}

bool DummyVerify(std::string_view password) {
  EnsureSodium();
  // Normalize as VerifyPassword does, so the two paths do the same work.
  auto normalized = NfkcNormalize(password);
  std::string plain = normalized ? std::move(*normalized) : std::string(password);
  WipeOnExit wipe(plain);
  VerifyNormalized(DummyHash(), plain);
  return false;
}

void PrepareDummyVerify() { DummyHash(); }

void UseMinimumCostForTests() { minimum_cost_for_tests.store(true, std::memory_order_relaxed); }

}  // namespace dandelion::security

#include "security/recovery_codes.h"

#include <sodium.h>

#include <stdexcept>

#include "security/encoding.h"
#include "security/kdf.h"
#include "security/sodium_init.h"

namespace dandelion::security {
namespace {

constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";  // Crockford base32
constexpr size_t kCodeChars = 16;
constexpr size_t kGroup = 4;

// The canonical 16 characters of a typed code, or "" when it is not a code.
std::string Canonical(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == 'i' || c == 'l') c = '1';
    if (c == 'o') c = '0';
    bool valid = false;
    for (const char* p = kAlphabet; *p; ++p) valid |= (*p == c);
    if (!valid || out.size() == kCodeChars) return "";
    out.push_back(c);
  }
  return out.size() == kCodeChars ? out : "";
}

}  // namespace

std::vector<std::string> GenerateRecoveryCodes(int n) {
  EnsureSodium();
  std::vector<std::string> codes;
  for (int i = 0; i < n; ++i) {
    unsigned char random[kCodeChars];
    randombytes_buf(random, sizeof random);
    std::string code;
    for (size_t j = 0; j < kCodeChars; ++j) {
      if (j > 0 && j % kGroup == 0) code.push_back('-');
      code.push_back(kAlphabet[random[j] & 31]);  // 32 divides 256: no modulo bias
    }
    sodium_memzero(random, sizeof random);
    codes.push_back(std::move(code));
  }
  return codes;
}

SecretKey DeriveRecoveryCodeKey(const SecretKey& master_key) {
  return DeriveSubkey(master_key, kRecoveryCodeContext, kRecoveryCodeSubkeyId);
}

Result<std::string> HashRecoveryCode(const SecretKey& key, std::string_view code) {
  if (key.empty()) throw std::logic_error("HashRecoveryCode with an empty key");
  std::string canonical = Canonical(code);
  if (canonical.empty()) {
    return Fail(ErrorCode::kUnauthenticated, "security.recovery_code_invalid",
                "text is not a recovery code");
  }
  WipeOnExit wipe(canonical);
  std::string hash(crypto_generichash_BYTES, '\0');
  crypto_generichash(MutableBytes(hash), hash.size(), Bytes(canonical), canonical.size(),
                     key.data(), key.size());
  return hash;
}

}  // namespace dandelion::security

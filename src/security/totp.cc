#include "security/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <cctype>
#include <optional>

#include "core/ids.h"
#include "security/sodium_init.h"

namespace dandelion::security {
namespace {

constexpr int kDigits = 6;

// RFC 4226 HOTP: HMAC-SHA1 of the big-endian counter, dynamically truncated to 31 bits.
uint32_t Hotp(std::string_view secret, uint64_t counter) {
  unsigned char message[8];
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(counter);
    counter >>= 8;
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), message, sizeof message, mac,
       &mac_len);
  int offset = mac[mac_len - 1] & 0x0f;
  uint32_t value = (static_cast<uint32_t>(mac[offset] & 0x7f) << 24) |
                   (static_cast<uint32_t>(mac[offset + 1]) << 16) |
                   (static_cast<uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
  sodium_memzero(mac, sizeof mac);
  return value;
}

std::string CodeForStep(std::string_view secret, int64_t step, int digits) {
  uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(Hotp(secret, static_cast<uint64_t>(step)) % modulus);
  return std::string(digits - code.size(), '0') + code;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace

std::string GenerateTotpSecret() {
  EnsureSodium();
  std::string secret(kTotpSecretSize, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

int64_t TotpStep(int64_t unix_time) { return unix_time / kTotpPeriodSeconds; }

std::string TotpCode(std::string_view secret, int64_t unix_time, int digits) {
  return CodeForStep(secret, TotpStep(unix_time), digits);
}

Result<int64_t> VerifyTotp(std::string_view secret, std::string_view code, int64_t unix_time,
                           int64_t last_used_step) {
  std::string typed;
  for (char c : code) {
    if (c == ' ') continue;
    if (c < '0' || c > '9' || typed.size() == kDigits) {
      return Fail(ErrorCode::kUnauthenticated, "security.totp_invalid", "malformed TOTP code");
    }
    typed.push_back(c);
  }
  if (typed.size() != kDigits) {
    return Fail(ErrorCode::kUnauthenticated, "security.totp_invalid", "malformed TOTP code");
  }
  // Compare against all three steps, each in constant time, so timing reveals nothing about
  // which digits or which step matched.
  int64_t now = TotpStep(unix_time);
  std::optional<int64_t> matched;
  for (int64_t step = now - 1; step <= now + 1; ++step) {
    std::string expected = CodeForStep(secret, step, kDigits);
    bool equal = sodium_memcmp(expected.data(), typed.data(), kDigits) == 0;
    sodium_memzero(expected.data(), expected.size());
    if (equal) matched = step;  // the latest matching step wins
  }
  if (!matched) {
    return Fail(ErrorCode::kUnauthenticated, "security.totp_invalid", "wrong TOTP code");
  }
  if (*matched <= last_used_step) {
    return Fail(ErrorCode::kUnauthenticated, "security.totp_reused",
                "TOTP code for step " + std::to_string(*matched) + " already used");
  }
  return *matched;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::string_view secret_base32) {
  std::string issuer_enc = PercentEncode(issuer);
  return "otpauth://totp/" + issuer_enc + ":" + PercentEncode(account) +
         "?secret=" + std::string(secret_base32) + "&issuer=" + issuer_enc +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace dandelion::security

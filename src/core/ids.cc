#include "core/ids.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>

namespace dandelion {
namespace {
constexpr char kIdAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";  // Crockford base32

// Which bytes are in the alphabet, by byte value: every request with an id in its path asks, some
// several times, and searching the alphabet for each of 26 characters showed in the profile.
constexpr std::array<bool, 256> kInAlphabet = [] {
  std::array<bool, 256> in{};
  for (const char* p = kIdAlphabet; *p != '\0'; ++p) in[static_cast<unsigned char>(*p)] = true;
  return in;
}();
}  // namespace

std::string NewId() {
  unsigned char bytes[16];
  uint64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  for (int i = 0; i < 6; ++i) bytes[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
  randombytes_buf(bytes + 6, 10);
  // 128 bits -> 26 base32 characters (the first carries 3 bits).
  std::string out(26, '0');
  unsigned __int128 v = 0;
  for (unsigned char b : bytes) v = (v << 8) | b;
  for (int i = 25; i >= 0; --i) {
    out[i] = kIdAlphabet[static_cast<int>(v & 31)];
    v >>= 5;
  }
  return out;
}

bool LooksLikeId(std::string_view text) {
  if (text.size() != 26) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return kInAlphabet[static_cast<unsigned char>(c)]; });
}

std::string ToHex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::string RandomHex(size_t n) {
  std::string bytes(n, '\0');
  randombytes_buf(bytes.data(), n);
  std::string hex = ToHex(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return hex;
}

std::string Base32Encode(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

}  // namespace dandelion

// Byte-encoding helpers shared by the security formats (internal to src/security).
//
// Every format here that feeds a MAC, an AEAD's associated data or a hash is built from these
// primitives: fixed-width big-endian integers and u32-length-prefixed strings, so two different
// inputs can never encode to the same bytes. Pure functions; thread-safe.
#pragma once

#include <sodium.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dandelion::security {

inline void AppendU32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift));
}

inline void AppendU64(std::string& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift));
}

// Appends a u32 length then the bytes. Callers keep inputs far below 4 GiB.
inline void AppendLengthPrefixed(std::string& out, std::string_view bytes) {
  AppendU32(out, static_cast<uint32_t>(bytes.size()));
  out.append(bytes);
}

// Reads a big-endian u32 at offset, or nothing when the input is too short.
inline std::optional<uint32_t> ReadU32(std::string_view in, size_t offset) {
  if (in.size() < offset + 4) return std::nullopt;
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(in[offset + i]);
  return v;
}

// The bytes of a string as libsodium wants them.
inline const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
inline unsigned char* MutableBytes(std::string& s) {
  return reinterpret_cast<unsigned char*>(s.data());
}

// Wipes a string holding a secret (a password, a normalized copy of one) when it goes out of
// scope, on every path out of a function. Not copyable: one owner wipes.
class WipeOnExit {
 public:
  explicit WipeOnExit(std::string& s) : s_(s) {}
  WipeOnExit(const WipeOnExit&) = delete;
  WipeOnExit& operator=(const WipeOnExit&) = delete;
  ~WipeOnExit() { sodium_memzero(s_.data(), s_.size()); }

 private:
  std::string& s_;
};

}  // namespace dandelion::security

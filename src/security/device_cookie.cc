#include "security/device_cookie.h"

#include <sodium.h>

#include <vector>

#include "core/ids.h"
#include "security/sodium_init.h"

namespace dandelion::security {
namespace {

constexpr size_t kNonceHex = 32;  // 16 random bytes
constexpr size_t kTagHex = 32;    // 16-byte BLAKE2b tag

struct Entry {
  std::string_view nonce, issued, tag;
};

bool IsHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return !s.empty();
}

// "nonce.issued.tag", issued in lower-case hex seconds; entries joined by '~'.
std::vector<Entry> Parse(std::string_view cookie) {
  std::vector<Entry> out;
  while (!cookie.empty() && out.size() < kMaxDeviceEntries * 2) {
    auto end = cookie.find('~');
    std::string_view part = cookie.substr(0, end);
    cookie = end == std::string_view::npos ? std::string_view{} : cookie.substr(end + 1);
    auto dot1 = part.find('.');
    auto dot2 = dot1 == std::string_view::npos ? dot1 : part.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos) continue;
    Entry e{part.substr(0, dot1), part.substr(dot1 + 1, dot2 - dot1 - 1), part.substr(dot2 + 1)};
    if (e.nonce.size() != kNonceHex || e.tag.size() != kTagHex || e.issued.size() > 16 ||
        !IsHex(e.nonce) || !IsHex(e.issued) || !IsHex(e.tag)) {
      continue;
    }
    out.push_back(e);
  }
  return out;
}

int64_t ParseHex(std::string_view s) {
  int64_t v = 0;
  for (char c : s) v = v * 16 + (c <= '9' ? c - '0' : c - 'a' + 10);
  return v;
}

std::string Hex(int64_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), kHex[v & 15]);
    v >>= 4;
  } while (v > 0);
  return out;
}

}  // namespace

std::string DeviceCookies::Tag(std::string_view username, std::string_view nonce,
                               std::string_view issued) const {
  EnsureSodium();
  // Length-prefixed parts, so no two (username, nonce, issued) triples hash the same input.
  std::string input = "dandelion-device-1";
  for (std::string_view part : {username, nonce, issued}) {
    input.push_back(static_cast<char>(part.size()));
    input.append(part);
  }
  unsigned char tag[kTagHex / 2];
  crypto_generichash(tag, sizeof tag, reinterpret_cast<const unsigned char*>(input.data()),
                     input.size(), key_.data(), key_.size());
  return ToHex(std::string_view(reinterpret_cast<const char*>(tag), sizeof tag));
}

std::optional<std::string> DeviceCookies::Match(std::string_view cookie, std::string_view username,
                                                int64_t now) const {
  if (username.empty() || username.size() > 255) return std::nullopt;
  for (const Entry& e : Parse(cookie)) {
    int64_t issued = ParseHex(e.issued);
    if (issued > now || now - issued > kDeviceCookieSeconds) continue;
    std::string expected = Tag(username, e.nonce, e.issued);
    if (sodium_memcmp(expected.data(), e.tag.data(), kTagHex) == 0) return std::string(e.nonce);
  }
  return std::nullopt;
}

std::string DeviceCookies::Issue(std::string_view cookie, std::string_view username,
                                 int64_t now) const {
  std::string nonce = RandomHex(kNonceHex / 2);
  std::string issued = Hex(now);
  std::string out = nonce + "." + issued + "." + Tag(username, nonce, issued);
  size_t kept = 1;
  for (const Entry& e : Parse(cookie)) {
    if (kept == kMaxDeviceEntries) break;
    if (Tag(username, e.nonce, e.issued) == e.tag) continue;  // her old entry: replaced
    out += "~";
    out.append(e.nonce).append(".").append(e.issued).append(".").append(e.tag);
    ++kept;
  }
  return out;
}

}  // namespace dandelion::security

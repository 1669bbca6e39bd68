// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies").
//
// Five wrong passwords lock a username for everyone, and usernames are easy to guess, so anyone
// could keep a dispatcher locked out. A browser in which she signed in before carries a device
// cookie: a random nonce, when it was issued and a keyed BLAKE2b tag over both and her username.
// A sign-in presenting a valid cookie for the username typed is not held by that username's
// lock; its failures count against the cookie's nonce instead, and a cookie with too many is
// distrusted like any new browser. Nobody else can make one: the key is derived from the
// master key and never leaves the server.
//
// One cookie holds the entries of up to kMaxDeviceEntries accounts (a shared office computer),
// newest first; a new sign-in replaces that username's old entry. The cookie names no user:
// an entry can be checked only against a username typed.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "security/keys.h"

namespace dandelion::security {

inline constexpr std::string_view kDeviceCookie = "__Host-dandelion_device";
inline constexpr int64_t kDeviceCookieSeconds = 365 * 24 * 3600;
inline constexpr size_t kMaxDeviceEntries = 4;

class DeviceCookies {
 public:
  explicit DeviceCookies(SecretKey key) : key_(std::move(key)) {}

  // The nonce (hex) of the entry of cookie that is valid for username at now (signed with this
  // key, issued no more than a year ago); nullopt when there is none.
  std::optional<std::string> Match(std::string_view cookie, std::string_view username,
                                   int64_t now) const;

  // The cookie after username signed in at now: a fresh entry first, then cookie's other
  // entries that are well formed and not username's, up to kMaxDeviceEntries in all.
  std::string Issue(std::string_view cookie, std::string_view username, int64_t now) const;

 private:
  std::string Tag(std::string_view username, std::string_view nonce, std::string_view issued) const;

  SecretKey key_;
};

}  // namespace dandelion::security

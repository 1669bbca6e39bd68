// The password policy (docs/security.md; NIST SP 800-63B): long enough, not common, not the
// username, not one repeated character. No composition rules and no forced rotation.
//
// Thread-safe: the common-password list is loaded once, on first use, and then only read.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.h"

namespace dandelion::security {

inline constexpr int kMinPasswordLength = 10;   // code points, not bytes
inline constexpr int kMaxPasswordLength = 128;  // code points

// Ok, or kInvalid with the reason as message key (also set as the "password" field reason):
//   security.password_too_short / _too_long   outside 10..128 code points (after NFKC)
//   security.password_one_character           one character repeated
//   security.password_contains_username       contains the username, ignoring case (usernames
//                                             of 3+ characters)
//   security.password_common                  in the common-password list, as typed or with
//                                             trailing digits and symbols removed
//                                             ("Sunshine2024!" is "sunshine")
//   error.invalid_utf8                         not UTF-8
Result<void> CheckPasswordPolicy(std::string_view password, std::string_view username);

// Entries in the common-password list (for a start-up log line: a small number means the
// Debian word list is missing and only the built-in list is in use).
size_t CommonPasswordCount();

}  // namespace dandelion::security

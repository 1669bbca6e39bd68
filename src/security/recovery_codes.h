// MFA recovery codes: one-time codes for a person who lost her authenticator.
//
// A code is 16 characters of Crockford base32 in groups of four ("7kq2-m9xd-hv3t-p0ac"):
// 80 random bits, no i/l/o/u to misread, case and dashes ignored when typed, and i/l read as 1,
// o as 0. Codes are shown once and stored only as a hash.
//
// Why a keyed BLAKE2b and not Argon2: the codes are random with 80 bits of entropy, so unlike
// passwords there is no dictionary to speed a search, and a slow hash adds nothing needed;
// a fast deterministic hash also lets the store find a code by equality instead of running ten
// Argon2 verifications (10 x 64 MiB) per attempt, which would be a denial-of-service lever. The
// key is derived from the master key (kdf.h), which never enters the database, so a stolen
// database alone does not even allow an offline search. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "security/keys.h"

namespace dandelion::security {

inline constexpr int kRecoveryCodeCount = 10;

// n new codes, formatted for display.
std::vector<std::string> GenerateRecoveryCodes(int n = kRecoveryCodeCount);

// The key for HashRecoveryCode, derived from the master key.
SecretKey DeriveRecoveryCodeKey(const SecretKey& master_key);

// The 32-byte hash to store for a code, and to look up when one is typed. Fails with
// kUnauthenticated and "security.recovery_code_invalid" for text that cannot be a code.
Result<std::string> HashRecoveryCode(const SecretKey& key, std::string_view code);

}  // namespace dandelion::security

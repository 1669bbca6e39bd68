// Password hashing: Argon2id through libsodium's crypto_pwhash_str.
//
// Parameters: 64 MiB of memory and 3 passes (RFC 9106's second recommended setting; above
// docs/security.md's floor of 64 MiB, t=2). A stored hash string records its own parameters, so
// raising them later only needs NeedsRehash at the next successful sign-in.
//
// Passwords are NFKC-normalized before hashing and verifying, so the same password typed on a
// device that sends decomposed Hangul or full-width characters still verifies.
//
// All functions are thread-safe. Each hash or verify takes about 64 MiB and a noticeable
// fraction of a second: callers throttle sign-ins (docs/security.md) before reaching here.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace dandelion::security {

// The Argon2id hash string ("$argon2id$v=19$m=65536,t=3,p=1$...") of password.
// Fails with "error.invalid_utf8" for ill-formed UTF-8, "error.internal" if out of memory.
Result<std::string> HashPassword(std::string_view password);

// True when password matches hash. False for a wrong password or a malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);

// True when hash was made with other parameters than today's (or is malformed), so a password
// that just verified should be hashed again and stored.
bool NeedsRehash(std::string_view hash);

// Spends the time and memory of one VerifyPassword against a hash with today's parameters, and
// always returns false. Called for unknown usernames so that "no such user" and "wrong password"
// take the same time and cannot be told apart.
bool DummyVerify(std::string_view password);

// Prepares DummyVerify's hash now (one hash's worth of time). The server calls this at start-up
// so that the first unknown-user sign-in is not slower than the rest.
void PrepareDummyVerify();

// Test data dirs only (`security.test_mode = true`, which is never set in production): from now
// on new hashes use libsodium's minimum Argon2id cost (one pass over 8 KiB), and hashes of either
// cost verify without a rehash. Black-box suites make hundreds of accounts and sign-ins, and at
// the real cost Argon2id was more than half of their time. Called once at start-up, before the
// first hash; tests of the hashing itself (password_test.cc) keep the real cost.
void UseMinimumCostForTests();

}  // namespace dandelion::security

// TOTP second factor (RFC 6238): HMAC-SHA1, 6 digits, 30-second steps, ±1 step of clock drift.
//
// The secret is 20 random bytes (RFC 4226's recommended length), shown once at enrolment as an
// otpauth:// URI (QR code: qr_svg.h) and stored encrypted (field_cipher.h). A code is accepted
// once: VerifyTotp returns the step it matched, the caller stores it, and a later code for that
// step or an earlier one is refused, so an observed code cannot be replayed.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace dandelion::security {

inline constexpr int64_t kTotpPeriodSeconds = 30;
inline constexpr size_t kTotpSecretSize = 20;

// A new random secret (raw bytes).
std::string GenerateTotpSecret();

// The time step containing unix_time.
int64_t TotpStep(int64_t unix_time);

// The code for unix_time, zero-padded to digits (6 in Dandelion; 8 for RFC test vectors).
std::string TotpCode(std::string_view secret, int64_t unix_time, int digits = 6);

// Checks a typed code (spaces ignored) against the steps around unix_time, comparing in
// constant time. Returns the matched step, to be stored as the new last_used_step (0 before
// first use). Fails with kUnauthenticated and "security.totp_invalid" for a wrong or malformed
// code, or "security.totp_reused" for a code of a step at or before last_used_step.
Result<int64_t> VerifyTotp(std::string_view secret, std::string_view code, int64_t unix_time,
                           int64_t last_used_step);

// The otpauth:// URI authenticator apps read from the enrolment QR code, e.g.
// otpauth://totp/Dandelion:minji?secret=...&issuer=Dandelion&algorithm=SHA1&digits=6&period=30
// secret_base32 is the secret exactly as shown to the user for typing in (Base32Encode of the
// raw bytes): the QR code and the typed secret must be one and the same key.
std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::string_view secret_base32);

}  // namespace dandelion::security

// What AuthService's own files share (auth_service.h lists them); nothing outside them includes
// this.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"
#include "security/account_repo.h"
#include "security/actor.h"
#include "security/field_cipher.h"
#include "store/database.h"

namespace dandelion::security::auth_detail {

// A session token's random bytes; the cookie carries them in hex.
inline constexpr size_t kTokenBytes = 32;

// What is stored of a session token: its BLAKE2b hash, never the token.
std::string TokenHash(std::string_view token);

// The associated data a TOTP secret is sealed with: a ciphertext moved to another user does not
// open.
inline FieldContext TotpContext(const Account& a) {
  return {a.org_id, "users", "totp_secret", a.id};
}

// Every wrong or unknown credential gets this one answer.
inline Failure Unauthenticated(std::string key = "security.bad_credentials") {
  return Fail(ErrorCode::kUnauthenticated, std::move(key));
}

// The actor's own account; 401 when it no longer exists.
Result<Account> LoadOwnAccount(store::Tx& tx, const Actor& actor);

}  // namespace dandelion::security::auth_detail

// Opaque identifiers and random tokens.
//
// Ids are 26-character lowercase base32 strings: 48 bits of milliseconds then 80 random bits,
// so new rows land at the end of B-tree indexes while ids stay unguessable.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dandelion {

// A new id (see the file comment). Requires sodium_init() to have run.
std::string NewId();

// True when text has the shape of an id; used to answer 404 early for garbage ids.
bool LooksLikeId(std::string_view text);

// n random bytes, as lowercase hex (2n characters).
std::string RandomHex(size_t n);

// Lowercase hex of bytes.
std::string ToHex(std::string_view bytes);

// RFC 4648 base32 (upper case, no padding), as TOTP secrets use.
std::string Base32Encode(std::string_view bytes);

}  // namespace dandelion

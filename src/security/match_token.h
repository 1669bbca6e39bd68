// A woman's match token: what lets the network see that the same woman received the same kind of
// support from two members in one year without either member learning who she is
// (docs/security.md, "Network match key"; docs/api-funds.md, "Double support").
//
// token = BLAKE2b-256 (crypto_generichash) keyed with the server's network match key over
// "dandelion-match-v1" 0x00 NormalizeForIndex(kName, legal name) 0x00 birth date (YYYY-MM-DD).
// The key belongs to the server, not to any organization, so every member's marks of one woman
// agree; it never leaves the server, so a token cannot be recomputed or guessed from a list of
// names outside it. Name normalization makes spacing, case and full-width variants agree. Limits:
// a typo in either field gives another token (no flag), and two women with the same name and
// birth date share one (a flag is a prompt to ask, never a refusal).
//
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "security/keys.h"

namespace dandelion::security {

// Her token (32 bytes, as lower-case hex), or "" when she has no birth date or no name left after
// normalization: without both there is no token and no flag is possible.
std::string MatchToken(const SecretKey& key, std::string_view legal_name,
                       std::string_view birth_date);

}  // namespace dandelion::security

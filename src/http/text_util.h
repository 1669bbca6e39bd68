// Small text helpers the HTTP layer shares: strict UTF-8 validation, percent-decoding and
// ASCII case folding. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dandelion::http {

// True when text is well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequences.
bool IsValidUtf8(std::string_view text);

// Number of code points in valid UTF-8 text (what a person would call its length).
size_t CodePointCount(std::string_view utf8);

// Decodes %XX escapes (and '+' as a space when plus_as_space, for query strings).
// nullopt for a malformed escape such as "%4" or "%zz".
std::optional<std::string> PercentDecode(std::string_view text, bool plus_as_space);

std::string AsciiLower(std::string_view text);
bool AsciiIEquals(std::string_view a, std::string_view b);

// text without leading and trailing spaces and tabs.
std::string_view TrimSpaces(std::string_view text);

}  // namespace dandelion::http

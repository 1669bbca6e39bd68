// Normalization of values before blind indexing, so that the ways people type the same name,
// phone number or code give the same index.
//
// Every kind starts with Unicode NFKC_Casefold (ICU): that is NFC composition (so decomposed and
// composed Hangul match) plus full case folding, plus compatibility folding, which maps the
// full-width digits and letters that Korean input methods often produce ("０１０", "ＡＢＣ") to
// ASCII, and drops invisible format characters such as zero-width spaces. Then, per kind:
//
//   kName  — all whitespace removed. Korean names are written both with and without spaces
//            ("김 민 지", "김민지"), and a space inside a name never distinguishes two people
//            worth telling apart by exact match.
//   kText  — whitespace runs collapsed to one space, leading/trailing whitespace trimmed.
//   kPhone — digits only. A leading "+82" (South Korea) becomes the domestic trunk "0", so
//            "+82 10-1234-5678" matches "010-1234-5678" (a "(0)" after +82 is tolerated);
//            other international numbers keep a leading "+" so they never collide with a
//            domestic number of the same digits.
//   kCode  — letters and digits only, upper case ("seo1-2026-0042" -> "SEO120260042").
//
// Pure functions; thread-safe (ICU's normalizer instances are immutable singletons).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace dandelion::security {

enum class FieldKind { kName, kText, kPhone, kCode };

// The normalized UTF-8 form of value. Fails with "error.invalid_utf8" on ill-formed UTF-8 and
// with "field.empty" when nothing is left to index.
Result<std::string> NormalizeForIndex(FieldKind kind, std::string_view value);

// value in Unicode NFKC, as NIST SP 800-63B advises for passwords: the same password typed on
// a device that sends decomposed Hangul (NFD) or full-width characters still verifies. Fails
// with "error.invalid_utf8" on ill-formed UTF-8.
Result<std::string> NfkcNormalize(std::string_view value);

// The case-folded (NFKC_Casefold) form of value; "" for ill-formed UTF-8.
std::string CaseFold(std::string_view value);

// The number of code points in value, or -1 when it is not well-formed UTF-8.
int64_t CountCodePoints(std::string_view value);

}  // namespace dandelion::security

#include "security/normalize.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <climits>

namespace dandelion::security {
namespace {

bool IsWellFormedUtf8(std::string_view s) { return CountCodePoints(s) >= 0; }

icu::UnicodeString FromUtf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// Applies one of ICU's normalizers; "" with ok=false if ICU fails (its data is built in, so
// only memory exhaustion can cause that).
std::string Apply(const icu::Normalizer2* (*instance)(UErrorCode&), std::string_view value,
                  bool* ok) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = instance(status);
  icu::UnicodeString out;
  if (U_SUCCESS(status)) out = normalizer->normalize(FromUtf8(value), status);
  *ok = U_SUCCESS(status);
  std::string utf8;
  if (*ok) out.toUTF8String(utf8);
  return utf8;
}

icu::UnicodeString RemoveWhitespace(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (!u_isUWhiteSpace(c)) out.append(c);
  }
  return out;
}

icu::UnicodeString CollapseWhitespace(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(u' '));
    pending_space = false;
    out.append(c);
  }
  return out;
}

icu::UnicodeString PhoneDigits(const icu::UnicodeString& in) {
  std::string digits;
  bool international = false;
  bool seen_digit = false;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (c == u'+' && !seen_digit) international = true;
    int32_t value = u_charDigitValue(c);  // any script's decimal digit
    if (value >= 0 && value <= 9) {
      digits.push_back(static_cast<char>('0' + value));
      seen_digit = true;
    }
  }
  if (international && digits.starts_with("82")) {
    digits.erase(0, 2);
    if (!digits.starts_with('0')) digits.insert(0, "0");  // "+82 (0)10..." already has it
  } else if (international && !digits.empty()) {
    digits.insert(0, "+");
  }
  return icu::UnicodeString::fromUTF8(digits);
}

icu::UnicodeString UpperAlnum(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (u_isalnum(c)) out.append(c);
  }
  return out.toUpper(icu::Locale::getRoot());
}

}  // namespace

int64_t CountCodePoints(std::string_view value) {
  if (value.size() > INT32_MAX) return -1;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(value.size());
  int64_t count = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(value.data(), i, length, c);
    if (c < 0) return -1;
    ++count;
  }
  return count;
}

Result<std::string> NfkcNormalize(std::string_view value) {
  if (!IsWellFormedUtf8(value)) {
    return Fail(ErrorCode::kInvalid, "error.invalid_utf8", "input is not UTF-8");
  }
  bool ok = false;
  std::string out = Apply(&icu::Normalizer2::getNFKCInstance, value, &ok);
  if (!ok) return Fail(ErrorCode::kInternal, "error.internal", "ICU NFKC failed");
  return out;
}

std::string CaseFold(std::string_view value) {
  if (!IsWellFormedUtf8(value)) return "";
  bool ok = false;
  std::string out = Apply(&icu::Normalizer2::getNFKCCasefoldInstance, value, &ok);
  return ok ? out : "";
}

Result<std::string> NormalizeForIndex(FieldKind kind, std::string_view value) {
  if (!IsWellFormedUtf8(value)) {
    return Fail(ErrorCode::kInvalid, "error.invalid_utf8", "blind index input is not UTF-8");
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal, "error.internal",
                std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
  }
  icu::UnicodeString folded = nfkc_cf->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(value.data(), value.size())), status);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal, "error.internal",
                std::string("ICU normalization failed: ") + u_errorName(status));
  }
  icu::UnicodeString result;
  switch (kind) {
    case FieldKind::kName:
      result = RemoveWhitespace(folded);
      break;
    case FieldKind::kText:
      result = CollapseWhitespace(folded);
      break;
    case FieldKind::kPhone:
      result = PhoneDigits(folded);
      break;
    case FieldKind::kCode:
      result = UpperAlnum(folded);
      break;
  }
  if (result.isEmpty()) {
    return Fail(ErrorCode::kInvalid, "field.empty", "nothing left to index after normalization");
  }
  std::string out;
  result.toUTF8String(out);
  return out;
}

}  // namespace dandelion::security

#include "security/normalize.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace dandelion::security {
namespace {

bool IsWellFormedUtf8(std::string_view s) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(s.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s.data(), i, length, c);
    if (c < 0) return false;
  }
  return true;
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

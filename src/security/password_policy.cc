#include "security/password_policy.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <string>
#include <vector>

#include "security/encoding.h"
#include "security/normalize.h"

namespace dandelion::security {
namespace {

// Debian's cracklib-runtime package ships this list: about 55,000 lower-case dictionary words
// and leaked passwords, one per line. The built-in list below is always used as well, so the
// policy still refuses the worst passwords where the package is not installed.
constexpr char kCommonPasswordFile[] = "/usr/share/dict/cracklib-small";

// The most common passwords and stems in breach corpora (including Korean keyboard walks and
// romanized words), lower case. Short entries matter as stems: "password" refuses
// "Password2024!".
constexpr std::string_view kBuiltInCommon[] = {
    "password",   "passw0rd",      "p@ssw0rd",   "p@ssword",   "qwerty",      "qwertyuiop",
    "qwer1234",   "asdf1234",      "asdfghjkl",  "zxcvbnm",    "1q2w3e4r",    "1q2w3e4r5t",
    "1qaz2wsx",   "1qaz2wsx3edc",  "qazwsxedc",  "q1w2e3r4t5", "abc123",      "abcd1234",
    "1234567890", "0123456789",    "0987654321", "123456789a", "a123456789",  "iloveyou",
    "admin",      "administrator", "welcome",    "letmein",    "monkey",      "dragon",
    "football",   "baseball",      "sunshine",   "princess",   "trustno1",    "superman",
    "starwars",   "changeme",      "loveyou",    "saranghae",  "saranghaeyo", "sarang",
    "dandelion",  "mindeulle",     "minduelle",  "test",       "guest",       "master",
    "사랑해",     "사랑해요",      "비밀번호",   "민들레",     "안녕하세요",
};

std::vector<std::string> LoadCommonPasswords() {
  std::vector<std::string> words(std::begin(kBuiltInCommon), std::end(kBuiltInCommon));
  std::ifstream in(kCommonPasswordFile);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) words.push_back(CaseFold(line));
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

const std::vector<std::string>& CommonPasswords() {
  static const std::vector<std::string> words = LoadCommonPasswords();
  return words;
}

bool IsCommon(const std::string& folded) {
  const auto& words = CommonPasswords();
  if (std::binary_search(words.begin(), words.end(), folded)) return true;
  // The commonest way to "strengthen" a password is to append digits and symbols.
  size_t end = folded.size();
  while (end > 0) {
    auto c = static_cast<unsigned char>(folded[end - 1]);
    if (c >= 0x80 || std::isalpha(c)) break;
    --end;
  }
  return end > 0 && end < folded.size() &&
         std::binary_search(words.begin(), words.end(), folded.substr(0, end));
}

bool IsOneRepeatedCharacter(std::string_view utf8) {
  // Compare every code point's bytes with the first one's.
  size_t first_len = 1;
  while (first_len < utf8.size() && (static_cast<unsigned char>(utf8[first_len]) & 0xC0) == 0x80) {
    ++first_len;
  }
  std::string_view first = utf8.substr(0, first_len);
  for (size_t i = 0; i < utf8.size(); i += first_len) {
    if (utf8.substr(i, first_len) != first) return false;
  }
  return true;
}

Failure PolicyFailure(const char* key, std::string detail) {
  Error e{ErrorCode::kInvalid, key, {}, std::move(detail)};
  e.Field("password", key);
  return Fail(std::move(e));
}

}  // namespace

Result<void> CheckPasswordPolicy(std::string_view password, std::string_view username) {
  auto normalized = NfkcNormalize(password);
  if (!normalized) return PolicyFailure("error.invalid_utf8", "password is not UTF-8");
  WipeOnExit wipe_normalized(*normalized);
  int64_t length = CountCodePoints(*normalized);
  if (length < kMinPasswordLength) {
    return PolicyFailure("security.password_too_short", std::to_string(length) + " code points");
  }
  if (length > kMaxPasswordLength) {
    return PolicyFailure("security.password_too_long", std::to_string(length) + " code points");
  }
  if (IsOneRepeatedCharacter(*normalized)) {
    return PolicyFailure("security.password_one_character", "");
  }
  std::string folded = CaseFold(*normalized);
  WipeOnExit wipe_folded(folded);
  std::string folded_user = CaseFold(username);
  if (CountCodePoints(folded_user) >= 3 && folded.find(folded_user) != std::string::npos) {
    return PolicyFailure("security.password_contains_username", "");
  }
  if (IsCommon(folded)) return PolicyFailure("security.password_common", "");
  return Ok();
}

size_t CommonPasswordCount() { return CommonPasswords().size(); }

}  // namespace dandelion::security

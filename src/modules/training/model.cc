#include "modules/training/model.h"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "modules/service_support.h"

namespace dandelion::training {
namespace {

Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }

uint64_t MacNumber(const security::SecretKey& key, std::string_view serial) {
  const std::string message = "training-certificate:" + std::string(serial);
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), key.data(), key.size());
  uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n = (n << 8) | out[i];
  return n;
}

bool InAlphabet(char c) { return kCodeAlphabet.find(c) != std::string_view::npos; }

}  // namespace

Error ValidateCourse(const CourseFields& f) {
  Error e = Invalid();
  if (Blank(f.title_ko)) e.Field("title_ko", "field.required");
  if (f.pass_percent < 1 || f.pass_percent > 100) e.Field("pass_percent", "field.out_of_range");
  return e;
}

Error ValidateModule(const ModuleFields& f) {
  Error e = Invalid();
  if (Blank(f.title_ko)) e.Field("title_ko", "field.required");
  if (f.position < 1 || f.position > kMaxPosition) e.Field("position", "field.out_of_range");
  return e;
}

Error ValidateSession(const SessionFields& f) {
  Error e = Invalid();
  if (Blank(f.venue)) e.Field("venue", "field.required");
  if (f.ends_at <= f.starts_at) {
    e.Field("ends_at", "training.ends_before_start");
  } else if (UnixSeconds(f.ends_at) - UnixSeconds(f.starts_at) > kMaxSessionSeconds) {
    e.Field("ends_at", "training.session_too_long");
  }
  return e;
}

bool IsMark(std::string_view status) {
  return std::find(std::begin(kMarks), std::end(kMarks), status) != std::end(kMarks);
}

int NeededSessions(int sessions, int pass_percent) {
  if (sessions <= 0) return 0;
  const int64_t product = static_cast<int64_t>(sessions) * pass_percent;
  return static_cast<int>((product + 99) / 100);
}

Completion Complete(int pass_percent, const std::vector<SessionRef>& sessions,
                    const std::vector<std::string>& required_modules,
                    const std::map<std::string, std::string>& marks) {
  Completion c;
  c.sessions = static_cast<int>(sessions.size());
  c.needed = NeededSessions(c.sessions, pass_percent);
  std::set<std::string> covered;
  for (const auto& s : sessions) {
    auto it = marks.find(s.id);
    const std::string status = it == marks.end() ? "" : it->second;
    if (status == "present") {
      ++c.present;
      if (!s.module_id.empty()) covered.insert(s.module_id);
    } else if (status == "excused") {
      ++c.excused;
    } else if (status == "absent") {
      ++c.absent;
    } else {
      ++c.unmarked;
    }
  }
  for (const auto& m : required_modules) {
    if (!covered.contains(m)) c.missing_modules.push_back(m);
  }
  c.passed = c.needed >= 1 && c.present >= c.needed && c.missing_modules.empty();
  return c;
}

std::string CodeForSerial(const security::SecretKey& key, std::string_view serial) {
  uint64_t n = MacNumber(key, serial);
  std::string mac(kMacLength, kCodeAlphabet[0]);
  for (size_t i = kMacLength; i-- > 0;) {
    mac[i] = kCodeAlphabet[n % kCodeAlphabet.size()];
    n /= kCodeAlphabet.size();
  }
  return std::string(serial) + mac;
}

std::string NewCertificateCode(const security::SecretKey& key) {
  std::string serial;
  for (size_t i = 0; i < kSerialLength; ++i) {
    serial += kCodeAlphabet[randombytes_uniform(static_cast<uint32_t>(kCodeAlphabet.size()))];
  }
  return CodeForSerial(key, serial);
}

std::string FormatCode(std::string_view code) {
  std::string out;
  for (size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += code[i];
  }
  return out;
}

std::optional<std::string> VerifyCertificateCode(const security::SecretKey& key,
                                                 std::string_view typed) {
  if (typed.size() > 60) return std::nullopt;
  std::string code;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!InAlphabet(c)) return std::nullopt;
    code += c;
  }
  if (code.size() != kCodeLength) return std::nullopt;
  const std::string expected = CodeForSerial(key, std::string_view(code).substr(0, kSerialLength));
  if (sodium_memcmp(expected.data(), code.data(), kCodeLength) != 0) return std::nullopt;
  return code;
}

std::string VerifyUrl(std::string_view public_url, std::string_view code) {
  while (!public_url.empty() && public_url.back() == '/') public_url.remove_suffix(1);
  return std::string(public_url) + "/certificates/" + FormatCode(code);
}

}  // namespace dandelion::training

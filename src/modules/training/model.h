// Activist training: the pure rules (docs/api-training.md) — a course's, module's and session's
// fields, attendance marks, completion by the pass rule, and the certificate code with its MAC.
// No storage, no clock of its own; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "security/keys.h"

namespace dandelion::training {

inline constexpr std::string_view kMarks[] = {"present", "absent", "excused"};
inline constexpr int kDefaultPassPercent = 80;
inline constexpr int kMaxPosition = 1000;
inline constexpr int64_t kMaxSessionSeconds = 24 * 3600;
inline constexpr size_t kMaxMarks = 2000;

// ---- Fields ------------------------------------------------------------------------------------

struct CourseFields {
  std::string title_ko, title_en, description_ko, description_en;
  int pass_percent = kDefaultPassPercent;
};
// Field reasons for what is wrong with f (empty when nothing is).
Error ValidateCourse(const CourseFields& f);

struct ModuleFields {
  std::string title_ko, title_en;
  int position = 1;
  bool required = false;
};
Error ValidateModule(const ModuleFields& f);

struct SessionFields {
  TimePoint starts_at{}, ends_at{};
  std::string venue;
  std::string module_id;  // "" : no particular module
};
// The end after the start and at most kMaxSessionSeconds later; a venue.
Error ValidateSession(const SessionFields& f);

bool IsMark(std::string_view status);

// ---- Completion --------------------------------------------------------------------------------

struct SessionRef {
  std::string id;
  std::string module_id;  // "" : no module
};

struct Completion {
  bool passed = false;
  int sessions = 0, needed = 0;
  int present = 0, excused = 0, absent = 0, unmarked = 0;
  std::vector<std::string> missing_modules;  // required modules she has not attended
};

// ceil(sessions * pass_percent / 100): 80 % of 5 = 4, of 6 = 5.
int NeededSessions(int sessions, int pass_percent);

// Her completion of a course: only "present" counts as attended (an excused session is recorded
// but neither attended nor removed from the count); every required module needs her present at
// one of its sessions at least; nobody passes a course without sessions. marks: session id ->
// status; marks of sessions not in sessions are ignored.
Completion Complete(int pass_percent, const std::vector<SessionRef>& sessions,
                    const std::vector<std::string>& required_modules,
                    const std::map<std::string, std::string>& marks);

// ---- Certificate codes -------------------------------------------------------------------------

// No 0/O, 1/I/L: read aloud or typed from paper without doubt.
inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr size_t kSerialLength = 12;
inline constexpr size_t kMacLength = 8;
inline constexpr size_t kCodeLength = kSerialLength + kMacLength;

// The code of a serial: the serial and 8 characters of keyed BLAKE2b over
// "training-certificate:<serial>" (its first 8 bytes as a number in base 31).
std::string CodeForSerial(const security::SecretKey& key, std::string_view serial);
// A new code: a random serial (libsodium's generator) and its MAC.
std::string NewCertificateCode(const security::SecretKey& key);
// "XXXX-XXXX-XXXX-XXXX-XXXX" for showing.
std::string FormatCode(std::string_view code);
// The stored form of a typed code (dashes and spaces dropped, case folded) when it is well
// formed and its MAC is right; nullopt for anything else — decided without a database.
std::optional<std::string> VerifyCertificateCode(const security::SecretKey& key,
                                                 std::string_view typed);
// "<public url>/certificates/<formatted code>" (a trailing slash of the URL dropped).
std::string VerifyUrl(std::string_view public_url, std::string_view code);

}  // namespace dandelion::training

// Checks shared by the policy service's two files (policy_service.cc: items, documents, the
// scorecard, the map and import; work_service.cc: tasks, hearings, submissions, statements).
#pragma once

#include <cctype>
#include <string>

#include "core/korea_date.h"
#include "core/result.h"
#include "security/actor.h"

namespace dandelion::policy::service_checks {

inline Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }
inline Error Conflict(std::string key) { return Error{ErrorCode::kConflict, std::move(key)}; }

// "YYYY-MM-DD", a real day.
inline bool IsDay(const std::string& s) {
  auto d = ParseDay(s);
  return d && *d == s;
}

// "HH:MM", 00:00 to 23:59.
inline bool IsTime(const std::string& s) {
  return s.size() == 5 && s[2] == ':' && std::isdigit(static_cast<unsigned char>(s[0])) &&
         std::isdigit(static_cast<unsigned char>(s[1])) &&
         std::isdigit(static_cast<unsigned char>(s[3])) &&
         std::isdigit(static_cast<unsigned char>(s[4])) && s.substr(0, 2) < "24" &&
         s.substr(3, 2) < "60";
}

// Reading the policy monitor needs only a session.
inline Result<void> RequireSignedIn(const security::Actor& actor) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  return Ok();
}

}  // namespace dandelion::policy::service_checks

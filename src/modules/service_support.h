// What every module's services share: the first check of every service method, and the refusals
// that read the same everywhere.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "security/actor.h"
#include "security/policy.h"

namespace dandelion {

// The service layer's own permission check (the router checks too, but a service may be called
// from elsewhere: the demo, the command line, another service). A caller without a session is
// unauthenticated; one without the permission, or outside any organization, is forbidden.
inline Result<void> RequirePermission(const security::Actor& actor, std::string_view permission) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  if (actor.org_id.empty() || !security::Allows(permission, actor.roles)) {
    return Fail(ErrorCode::kForbidden, "error.forbidden");
  }
  return Ok();
}

// One answer for "no such record" and "not yours": another organization's id must not be told
// apart from an id that does not exist.
inline Error NotFound() { return Error{ErrorCode::kNotFound, "error.not_found"}; }

// A text field with nothing in it but spaces counts as not given.
inline bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace dandelion

// The parts of AddRoutes (routes.h), each in its own file. Internal to the module.
#pragma once

#include <string>

#include "core/clock.h"
#include "http/router.h"
#include "modules/emergency/emergency_service.h"

namespace dandelion::emergency::detail {

// The public help form: no session, no cookie, no CSRF (public_routes.cc).
void AddPublicRoutes(http::Router& router, EmergencyService& emergency);
// Coverage, on-call and measures (organization_routes.cc).
void AddOrganizationRoutes(http::Router& router, EmergencyService& emergency);

inline std::string Iso(int64_t unix_seconds) {
  return FormatRfc3339(FromUnixSeconds(unix_seconds));
}

}  // namespace dandelion::emergency::detail

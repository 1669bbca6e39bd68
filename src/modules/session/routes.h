// The session's HTTP routes: signing in and out, the caller's own account (/api/v1/me), TOTP
// enrolment, password change and re-authentication. They carry the session cookie
// `__Host-dandelion_session` (Secure, HttpOnly, SameSite=Strict, Path=/).
#pragma once

#include "http/router.h"
#include "modules/network/org_service.h"
#include "security/auth_service.h"

namespace dandelion::session {

inline constexpr const char* kSessionCookie = "__Host-dandelion_session";

struct SessionRoutesOptions {
  bool demo = false;  // reported to the web app for its "synthetic data" banner
};

void AddRoutes(http::Router& router, security::AuthService& auth, network::OrgService& orgs,
               SessionRoutesOptions options);

}  // namespace dandelion::session

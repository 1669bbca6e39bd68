// The security gate: what the HTTP server asks before running any route's handler.
//
// Public routes pass. Every other route needs a live session (the __Host- cookie); state-changing
// methods also need the session's CSRF token in X-CSRF-Token; a session that has not completed
// its second factor, or must replace a one-time password, may use only its own-session routes;
// and the caller's roles must grant the route's declared permission. Services check again against
// the loaded record — this gate only decides what kind of thing a caller may attempt.
#pragma once

#include "http/dispatch.h"
#include "security/auth_service.h"

namespace dandelion::app {

http::Gate MakeSecurityGate(security::AuthService& auth);

}  // namespace dandelion::app

#include "app/gate.h"

#include <sodium.h>

#include "modules/session/routes.h"
#include "security/policy.h"

namespace dandelion::app {
namespace {

bool SameToken(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool ChangesState(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// The web app marks the reads its boards repeat on a timer; only a read may be background, so
// every change a user makes still counts as her activity.
security::AuthService::Activity ActivityOf(const http::Request& req) {
  const bool background = !ChangesState(req.method) && req.Header("x-background-refresh") == "1";
  return background ? security::AuthService::Activity::kNone
                    : security::AuthService::Activity::kUser;
}

}  // namespace

http::Gate MakeSecurityGate(security::AuthService& auth) {
  return [&auth](http::Request& req, const http::Route& route) -> std::optional<Error> {
    if (route.permission == http::kPublic) return std::nullopt;
    std::string token(req.Cookie(session::kSessionCookie));
    if (token.empty()) return Error{ErrorCode::kUnauthenticated, "error.unauthenticated"};
    auto auth_result = auth.Authenticate(token, ActivityOf(req));
    if (!auth_result) return auth_result.error();
    const security::Account& account = auth_result->account;
    const security::SessionRecord& session = auth_result->session;
    req.principal.user_id = account.id;
    req.principal.org_id = account.org_id;
    req.principal.session_id = session.id;
    req.principal.roles = account.roles;
    req.principal.mfa_complete = session.mfa_complete || !auth.MfaRequired(account);
    req.principal.reauth_at = session.reauth_at;
    req.principal.csrf_token = session.csrf_token;
    if (ChangesState(req.method) && !SameToken(req.Header("x-csrf-token"), session.csrf_token)) {
      return Error{ErrorCode::kForbidden, "security.csrf"};
    }
    if (route.permission == security::perm::kOwnSession) return std::nullopt;
    if (!req.principal.mfa_complete) {
      return Error{ErrorCode::kForbidden, "security.mfa_enrollment_required"};
    }
    if (account.password_change_required) {
      return Error{ErrorCode::kForbidden, "security.password_change_required"};
    }
    if (route.permission == http::kSignedIn) return std::nullopt;
    if (!security::Allows(route.permission, account.roles)) {
      return Error{ErrorCode::kForbidden, "error.forbidden"};
    }
    return std::nullopt;
  };
}

}  // namespace dandelion::app

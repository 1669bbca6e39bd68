#include "app/gate.h"

#include <sodium.h>

#include "modules/session/routes.h"
#include "security/policy.h"
#include "security/session_confirmation.h"

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

// Whether the signed-in session may call route; fills req.principal from it.
std::optional<Error> Admit(security::AuthService& auth, const security::Authenticated& signed_in,
                           http::Request& req, const http::Route& route) {
  const security::Account& account = signed_in.account;
  const security::SessionRecord& session = signed_in.session;
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
}

}  // namespace

http::Gate MakeSecurityGate(security::AuthService& auth) {
  return [&auth](http::Request& req, const http::Route& route) -> std::optional<Error> {
    if (route.permission == http::kPublic) return std::nullopt;
    std::string token(req.Cookie(session::kSessionCookie));
    if (token.empty()) return Error{ErrorCode::kUnauthenticated, "error.unauthenticated"};
    // A read that confirms the session in its own statement may take it from memory
    // (security/session_confirmation.h): admitted on what was remembered, and marked so. Only a
    // read, and never refused on memory: a refusal is decided on the database's answer.
    if (route.session_confirmed_by_read && !ChangesState(req.method) &&
        !req.check_session_in_database) {
      if (auto remembered = auth.Remembered(token)) {
        if (!Admit(auth, remembered->auth, req, route)) {
          req.principal.unconfirmed_session = std::move(remembered->token_hash);
          req.principal.session_fingerprint = std::move(remembered->fingerprint);
          return std::nullopt;
        }
        req.principal = {};
      }
    }
    auto signed_in = auth.Authenticate(token, ActivityOf(req));
    if (!signed_in) return signed_in.error();
    return Admit(auth, *signed_in, req, route);
  };
}

}  // namespace dandelion::app

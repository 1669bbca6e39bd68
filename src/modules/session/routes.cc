#include "modules/session/routes.h"

#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "modules/network/routes.h"
#include "security/policy.h"

namespace dandelion::session {
namespace {

using http::Request;
using http::Response;

std::string SessionCookie(const std::string& token) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict";
}

// Long-lived and bound to her username (device_cookie.h); never sent to scripts or other sites.
std::string DeviceCookie(const std::string& value) {
  return std::string(security::kDeviceCookie) + "=" + value +
         "; Path=/; Max-Age=" + std::to_string(security::kDeviceCookieSeconds) +
         "; Secure; HttpOnly; SameSite=Strict";
}

std::string DeviceCookieOf(const Request& req) {
  return std::string(req.Cookie(security::kDeviceCookie));
}

std::string ExpiredCookie() {
  return std::string(kSessionCookie) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0";
}

boost::json::object SessionJson(const security::Authenticated& auth, network::OrgService& orgs,
                                bool demo, int64_t idle_timeout_seconds) {
  boost::json::object out{
      {"user", network::UserJson({auth.account, false})},
      {"csrf_token", auth.session.csrf_token},
      {"mfa_enrollment_required", auth.mfa_enrollment_required},
      {"password_change_required", auth.account.password_change_required},
      {"demo", demo},
      {"idle_timeout_seconds", idle_timeout_seconds},
  };
  // Asked as the signed-in user herself (the sign-in request has no principal yet).
  security::Actor self;
  self.user_id = auth.account.id;
  self.org_id = auth.account.org_id;
  self.roles = auth.account.roles;
  if (auto org = orgs.Get(self, auth.account.org_id)) {
    out["organization"] = network::OrgJson(*org);
  }
  return out;
}

// What a re-authentication and a password change carry.
struct Reauth {
  std::string password;
  std::optional<std::string> totp;
};
struct PasswordChange {
  std::string current, replacement;
};

void AddSignInRoutes(http::Router& router, security::AuthService& auth, network::OrgService& orgs,
                     SessionRoutesOptions options) {
  router.Add({.method = "POST",
              .path_template = "/api/v1/session",
              .permission = std::string(http::kPublic),
              .handler = [&auth, &orgs, options](Request& req) -> http::Reply {
                security::SignInRequest in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  security::SignInRequest in;
                  in.username = f.String("username", 64);
                  in.password = f.String("password", 256);
                  in.totp = f.OptString("totp", 16);
                  in.recovery_code = f.OptString("recovery_code", 32);
                  return in;
                }));
                in.device_cookie = DeviceCookieOf(req);
                security::SignedIn signed_in = TRY(auth.SignIn(in, ActorOf(req)));
                Response r = Response::Json(200, SessionJson(signed_in.auth, orgs, options.demo,
                                                             auth.options().idle_timeout_seconds));
                // Two Set-Cookie headers (SetHeader would keep only one).
                r.headers.emplace_back("Set-Cookie", DeviceCookie(signed_in.device_cookie));
                r.headers.emplace_back("Set-Cookie", SessionCookie(signed_in.token));
                return r;
              },
              .summary = "Sign in (username, password, and a TOTP code once enrolled)",
              .tag = "session",
              .json_body = true,
              .offload = true});
  router.Add({.method = "DELETE",
              .path_template = "/api/v1/session",
              .permission = std::string(security::perm::kOwnSession),
              .handler = [&auth](Request& req) -> http::Reply {
                TRY(auth.SignOut(ActorOf(req)));
                Response r = Response::NoContent();
                r.SetHeader("Set-Cookie", ExpiredCookie());
                return r;
              },
              .summary = "Sign out (ends the session on the server)",
              .tag = "session",
              .success_status = 204});
  router.Add({.method = "POST",
              .path_template = "/api/v1/session/reauth",
              .permission = std::string(http::kSignedIn),
              .handler = [&auth](Request& req) -> http::Reply {
                Reauth in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  return Reauth{f.String("password", 256), f.OptString("totp", 16)};
                }));
                TRY(auth.Reauthenticate(ActorOf(req), in.password, in.totp, DeviceCookieOf(req)));
                return Response::NoContent();
              },
              .summary = "Confirm password (and code) again before a sensitive action",
              .tag = "session",
              .json_body = true,
              .success_status = 204,
              .offload = true});
}

// GET /api/v1/instance: what the sign-in page may know before anyone signs in.
void AddInstanceRoute(http::Router& router, SessionRoutesOptions options) {
  router.Add({.method = "GET",
              .path_template = "/api/v1/instance",
              .permission = std::string(http::kPublic),
              .handler = [options](Request&) -> http::Reply {
                return Response::Json(200, {{"demo", options.demo}});
              },
              .summary = "Facts about this installation for the sign-in page (demo or not)",
              .tag = "session"});
}

void AddMeRoutes(http::Router& router, security::AuthService& auth, network::OrgService& orgs,
                 SessionRoutesOptions options) {
  router.Add({.method = "GET",
              .path_template = "/api/v1/me",
              .permission = std::string(security::perm::kOwnSession),
              .handler = [&auth, &orgs, options](Request& req) -> http::Reply {
                // The gate has already authenticated this request and counted it (or not, for
                // a background refresh) as activity.
                security::Authenticated me =
                    TRY(auth.Authenticate(std::string(req.Cookie(kSessionCookie)),
                                          security::AuthService::Activity::kNone));
                return Response::Json(
                    200, SessionJson(me, orgs, options.demo, auth.options().idle_timeout_seconds));
              },
              .summary = "The signed-in user, roles, organization and CSRF token",
              .tag = "session"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/me/totp",
              .permission = std::string(security::perm::kOwnSession),
              .handler = [&auth](Request& req) -> http::Reply {
                security::TotpEnrollment e = TRY(auth.BeginTotp(ActorOf(req)));
                return Response::Json(200, {{"secret", e.secret_base32},
                                            {"otpauth_uri", e.otpauth_uri},
                                            {"qr_svg", e.qr_svg}});
              },
              .summary = "Start TOTP enrolment: secret, otpauth URI and QR code (SVG)",
              .tag = "session"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/me/totp/confirm",
              .permission = std::string(security::perm::kOwnSession),
              .handler = [&auth](Request& req) -> http::Reply {
                std::string code =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return f.String("code", 16); }));
                auto codes = TRY(auth.ConfirmTotp(ActorOf(req), code));
                return Response::Json(200, {{"recovery_codes", ListJson(codes)}});
              },
              .summary = "Confirm TOTP enrolment with a code; returns recovery codes once",
              .tag = "session",
              .json_body = true});
  router.Add(
      {.method = "POST",
       .path_template = "/api/v1/me/password",
       .permission = std::string(security::perm::kOwnSession),
       .handler = [&auth](Request& req) -> http::Reply {
         PasswordChange in = TRY(ReadBody(req, [](http::FieldReader& f) {
           PasswordChange in;
           in.current = f.String("current_password", 256);
           in.replacement = f.String("new_password", 256);
           return in;
         }));
         TRY(auth.ChangePassword(ActorOf(req), in.current, in.replacement, DeviceCookieOf(req)));
         return Response::NoContent();
       },
       .summary = "Change one's own password (ends her other sessions; wrong current "
                  "passwords are throttled like sign-ins)",
       .tag = "session",
       .json_body = true,
       .success_status = 204,
       .offload = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/me/language",
              .permission = std::string(security::perm::kOwnSession),
              .handler = [&auth](Request& req) -> http::Reply {
                std::string language = TRY(ReadBody(req, [](http::FieldReader& f) {
                  return f.Enum("language", {"ko", "en"});
                }));
                TRY(auth.SetLanguage(ActorOf(req), language));
                return Response::NoContent();
              },
              .summary = "Remember the user's language (ko or en)",
              .tag = "session",
              .json_body = true,
              .success_status = 204});
}

}  // namespace

void AddRoutes(http::Router& router, security::AuthService& auth, network::OrgService& orgs,
               SessionRoutesOptions options) {
  AddInstanceRoute(router, options);
  AddSignInRoutes(router, auth, orgs, options);
  AddMeRoutes(router, auth, orgs, options);
}

}  // namespace dandelion::session

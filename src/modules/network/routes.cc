#include "modules/network/routes.h"

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::network {
namespace {

using http::Request;
using http::Response;

boost::json::object CreatedUserJson(const CreatedUser& created) {
  boost::json::object body = UserJson(created.user);
  if (!created.one_time_password.empty()) {
    body["one_time_password"] = created.one_time_password;
  }
  return body;
}

// Adds POST /api/v1/organizations/{id}/users/{user_id}/<verb> for a UserService action.
void AddUserAction(http::Router& router, UserService& users, const char* verb, const char* summary,
                   Result<UserView> (UserService::*action)(const security::Actor&,
                                                           const std::string&,
                                                           const std::string&)) {
  router.Add({.method = "POST",
              .path_template = std::string("/api/v1/organizations/{id}/users/{user_id}/") + verb,
              .permission = std::string(security::perm::kUserManage),
              .handler = [&users, action](Request& req) -> http::Reply {
                return Response::Json(
                    200, UserJson(TRY((users.*action)(ActorOf(req), req.path_params["id"],
                                                      req.path_params["user_id"]))));
              },
              .summary = summary,
              .tag = "users"});
}

void AddOrgRoutes(http::Router& router, OrgService& orgs) {
  router.Add({.method = "GET",
              .path_template = "/api/v1/organizations",
              .permission = std::string(http::kSignedIn),
              .handler = [&orgs](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& o : TRY(orgs.List(ActorOf(req)))) items.emplace_back(OrgJson(o));
                return Response::Json(200, {{"items", items}, {"next_cursor", nullptr}});
              },
              .summary = "List the network's member organizations",
              .tag = "organizations"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/organizations",
              .permission = std::string(security::perm::kOrgCreate),
              .handler = [&orgs](Request& req) -> http::Reply {
                NewOrganization in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  NewOrganization in;
                  in.slug = f.String("slug", 32);
                  in.name = f.String("name", 100);
                  in.kind = f.String("kind", 40);
                  in.region = f.String("region", 8);
                  in.facility_type = f.OptString("facility_type", 40).value_or("");
                  return in;
                }));
                return Response::Json(201, OrgJson(TRY(orgs.Create(ActorOf(req), in))));
              },
              .summary = "Add a member organization",
              .tag = "organizations",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/organizations/{id}",
              .permission = std::string(http::kSignedIn),
              .handler = [&orgs](Request& req) -> http::Reply {
                return Response::Json(200,
                                      OrgJson(TRY(orgs.Get(ActorOf(req), req.path_params["id"]))));
              },
              .summary = "One member organization",
              .tag = "organizations"});
}

void AddUserRoutes(http::Router& router, UserService& users) {
  router.Add({.method = "GET",
              .path_template = "/api/v1/organizations/{id}/users",
              .permission = std::string(security::perm::kUserManage),
              .handler = [&users](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& u : TRY(users.List(ActorOf(req), req.path_params["id"]))) {
                  items.emplace_back(UserJson(u));
                }
                return Response::Json(200, {{"items", items}, {"next_cursor", nullptr}});
              },
              .summary = "List an organization's users",
              .tag = "users"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/organizations/{id}/users",
              .permission = std::string(security::perm::kUserManage),
              .handler = [&users](Request& req) -> http::Reply {
                NewUser in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  NewUser in;
                  in.username = f.String("username", 32);
                  in.display_name = f.String("display_name", 100);
                  in.roles = f.StringList("roles", 10, 40, true);
                  return in;
                }));
                return Response::Json(
                    201,
                    CreatedUserJson(TRY(users.Create(ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Add a user; the answer holds a one-time password, shown once",
              .tag = "users",
              .json_body = true,
              .success_status = 201,
              .offload = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/organizations/{id}/users/{user_id}",
              .permission = std::string(security::perm::kUserManage),
              .handler = [&users](Request& req) -> http::Reply {
                return Response::Json(200,
                                      UserJson(TRY(users.Get(ActorOf(req), req.path_params["id"],
                                                             req.path_params["user_id"]))));
              },
              .summary = "One user",
              .tag = "users"});
  router.Add({.method = "PATCH",
              .path_template = "/api/v1/organizations/{id}/users/{user_id}",
              .permission = std::string(security::perm::kUserManage),
              .handler = [&users](Request& req) -> http::Reply {
                auto roles = TRY(ReadBody(
                    req, [](http::FieldReader& f) { return f.StringList("roles", 10, 40, true); }));
                return Response::Json(
                    200, UserJson(TRY(users.ChangeRoles(ActorOf(req), req.path_params["id"],
                                                        req.path_params["user_id"], roles))));
              },
              .summary = "Change a user's roles",
              .tag = "users",
              .json_body = true});
  AddUserAction(router, users, "disable", "Disable a user and end their sessions",
                &UserService::Disable);
  AddUserAction(router, users, "enable", "Enable a disabled user", &UserService::Enable);
  AddUserAction(router, users, "unlock", "Lift a sign-in lockout", &UserService::Unlock);
  AddUserAction(router, users, "reset-mfa", "Remove a user's two-step verification",
                &UserService::ResetMfa);
  router.Add({.method = "POST",
              .path_template = "/api/v1/organizations/{id}/users/{user_id}/reset-password",
              .permission = std::string(security::perm::kUserManage),
              .handler = [&users](Request& req) -> http::Reply {
                return Response::Json(
                    200, CreatedUserJson(TRY(users.ResetPassword(
                             ActorOf(req), req.path_params["id"], req.path_params["user_id"]))));
              },
              .summary = "Issue a new one-time password",
              .tag = "users",
              .offload = true});
}

}  // namespace

boost::json::object OrgJson(const Organization& o) {
  boost::json::object out{{"id", o.id},     {"slug", o.slug},     {"name", o.name},
                          {"kind", o.kind}, {"region", o.region}, {"created_at", o.created_at}};
  out["facility_type"] = OrNull(o.facility_type);
  return out;
}

boost::json::object UserJson(const UserView& v) {
  const security::Account& a = v.account;
  return {{"id", a.id},
          {"org_id", a.org_id},
          {"username", a.username},
          {"display_name", a.display_name},
          {"roles", ListJson(a.roles)},
          {"totp_enabled", a.totp_enabled},
          {"disabled", !a.disabled_at.empty()},
          {"locked", v.locked},
          {"password_change_required", a.password_change_required},
          {"language", a.language},
          {"last_active_at", FormatRfc3339(FromUnixSeconds(a.last_active_at))},
          {"created_at", a.created_at}};
}

void AddRoutes(http::Router& router, OrgService& orgs, UserService& users) {
  AddOrgRoutes(router, orgs);
  AddUserRoutes(router, users);
}

void RegisterNetworkMessages() {
  static constexpr Message kMessages[] = {
      {"network.slug_format", "영문 소문자, 숫자, 하이픈으로 2~32자여야 합니다.",
       "Use 2 to 32 lower-case letters, digits and hyphens."},
      {"network.slug_taken", "이미 사용 중인 식별자입니다.", "This identifier is already in use."},
      {"network.username_format", "영문 소문자, 숫자, 점, 밑줄, 하이픈으로 3~32자여야 합니다.",
       "Use 3 to 32 lower-case letters, digits, dots, underscores and hyphens."},
      {"network.username_taken", "이미 사용 중인 아이디입니다.",
       "This username is already in use."},
      {"network.role_not_grantable", "이 역할을 부여하거나 바꿀 권한이 없습니다.",
       "You may not give or change this role."},
      {"network.username_unavailable", "이 아이디는 사용할 수 없습니다. 다른 아이디를 정하세요.",
       "This username cannot be used. Choose another."},
      {"network.self_grant",
       "자신의 계정에는 사례 기록을 볼 수 있는 역할을 줄 수 없습니다. 다른 관리자에게 요청하세요.",
       "You cannot give your own account a role that reads survivors' records. Ask another "
       "administrator."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::network

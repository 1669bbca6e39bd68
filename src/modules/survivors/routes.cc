#include "modules/survivors/routes.h"

#include "core/messages.h"
#include "modules/handler_support.h"
#include "modules/survivors/routes_json.h"
#include "security/policy.h"

namespace dandelion::survivors {
namespace {

using http::Request;
using http::Response;
namespace perm = security::perm;

MemberInput ReadMemberInput(http::FieldReader& f) {
  MemberInput in;
  in.alias = f.String("alias", 60);
  in.group_id = f.String("group_id", 64);
  in.joined_on = f.Date("joined_on", false);
  in.roles = f.StringList("roles", 4, 32);
  in.legal_name = f.OptString("legal_name", 100).value_or("");
  in.contact = f.OptString("contact", 200).value_or("");
  in.safe_contact = f.OptString("safe_contact", 1000).value_or("");
  in.vouched_by = f.OptString("vouched_by", 64).value_or("");
  return in;
}

MemberPatch ReadMemberPatch(http::FieldReader& f) {
  MemberPatch p;
  p.alias = f.OptString("alias", 60);
  p.group_id = f.OptString("group_id", 64);
  if (f.raw().contains("roles")) p.roles = f.StringList("roles", 4, 32);
  p.legal_name = f.OptString("legal_name", 100);
  p.contact = f.OptString("contact", 200);
  p.safe_contact = f.OptString("safe_contact", 1000);
  return p;
}

boost::json::object Items(boost::json::array items) { return {{"items", std::move(items)}}; }

}  // namespace

void AddRoutes(http::Router& router, SurvivorService& sv) {
  const std::string tag = "survivors";
  const std::string self(perm::kSurvivorSelf), read(perm::kSurvivorRead),
      write(perm::kSurvivorWrite);
  const std::string base = "/api/v1/survivors";
  router.Add({.method = "GET",
              .path_template = base + "/settings",
              .permission = read,
              .handler = [&sv](Request& req) -> http::Reply {
                int n = TRY(sv.Minimum(ActorOf(req)));
                return Response::Json(200, {{"statement_minimum", n}});
              },
              .summary = "The network's settings (the statement minimum)",
              .tag = tag});
  router.Add({.method = "PUT",
              .path_template = base + "/settings",
              .permission = write,
              .handler = [&sv](Request& req) -> http::Reply {
                TRY(sv.CheckNetwork(ActorOf(req)));
                auto n = TRY(ReadBody(req, [](http::FieldReader& f) {
                  return f.Int("statement_minimum", 1, kMaxStatementMinimum);
                }));
                n = TRY(sv.SetMinimum(ActorOf(req), static_cast<int>(n)));
                return Response::Json(200, {{"statement_minimum", n}});
              },
              .summary = "Set the network's statement minimum",
              .tag = tag,
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = base + "/groups",
              .permission = read,
              .handler = [&sv](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& g : TRY(sv.Groups(ActorOf(req)))) items.push_back(GroupJson(g));
                return Response::Json(200, Items(std::move(items)));
              },
              .summary = "The network's self-help groups",
              .tag = tag});
  router.Add({.method = "POST",
              .path_template = base + "/groups",
              .permission = write,
              .handler = [&sv](Request& req) -> http::Reply {
                TRY(sv.CheckNetwork(ActorOf(req)));
                auto [name, region] = TRY(ReadBody(req, [](http::FieldReader& f) {
                  std::string name = f.String("name", 100);
                  return std::pair(name, f.String("region", 8));
                }));
                return Response::Json(201,
                                      GroupJson(TRY(sv.CreateGroup(ActorOf(req), name, region))));
              },
              .summary = "Create a self-help group",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "PATCH",
              .path_template = base + "/groups/{id}",
              .permission = write,
              .handler = [&sv](Request& req) -> http::Reply {
                TRY(sv.CheckNetwork(ActorOf(req)));
                auto [name, region] = TRY(ReadBody(req, [](http::FieldReader& f) {
                  auto name = f.OptString("name", 100);
                  return std::pair(name, f.OptString("region", 8));
                }));
                return Response::Json(
                    200, GroupJson(TRY(sv.UpdateGroup(ActorOf(req), Id(req), name, region))));
              },
              .summary = "Change a self-help group",
              .tag = tag,
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = base + "/members",
              .permission = read,
              .handler = [&sv](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& m : TRY(sv.Members(ActorOf(req), req.query["group_id"]))) {
                  items.push_back(MemberJson(m));
                }
                return Response::Json(200, Items(std::move(items)));
              },
              .summary = "Members (alias, group, roles): a facilitator's group or the network",
              .tag = tag});
  router.Add({.method = "POST",
              .path_template = base + "/members",
              .permission = write,
              .handler = [&sv](Request& req) -> http::Reply {
                TRY(sv.CheckNetwork(ActorOf(req)));
                auto in = TRY(ReadBody(req, ReadMemberInput));
                return Response::Json(201, MemberJson(TRY(sv.Admit(ActorOf(req), in))));
              },
              .summary = "Admit a member, vouched for by a facilitator of her group",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  const std::string member = base + "/members/{id}";
  router.Add({.method = "GET",
              .path_template = member,
              .permission = read,
              .handler = [&sv](Request& req) -> http::Reply {
                auto member = TRY(sv.GetMember(ActorOf(req), Id(req)));
                boost::json::object body = MemberJson(member.value);
                return AuditedJson(std::move(member), std::move(body));
              },
              .summary = "One member with her sealed fields (coordinators; audited)",
              .tag = tag});
  router.Add({.method = "PATCH",
              .path_template = member,
              .permission = write,
              .handler = [&sv](Request& req) -> http::Reply {
                TRY(sv.CheckNetwork(ActorOf(req)));
                auto p = TRY(ReadBody(req, ReadMemberPatch));
                return Response::Json(200,
                                      MemberJson(TRY(sv.UpdateMember(ActorOf(req), Id(req), p))));
              },
              .summary = "Change a member",
              .tag = tag,
              .json_body = true});
  router.Add({.method = "PUT",
              .path_template = member + "/account",
              .permission = write,
              .handler = [&sv](Request& req) -> http::Reply {
                TRY(sv.CheckNetwork(ActorOf(req)));
                auto user = TRY(ReadBody(req, [](http::FieldReader& f) {
                  if (f.raw().contains("user_id") && !Present(f.raw(), "user_id")) {
                    f.Accept("user_id");
                    return std::string();
                  }
                  return f.String("user_id", 64);
                }));
                return Response::Json(200,
                                      MemberJson(TRY(sv.LinkAccount(ActorOf(req), Id(req), user))));
              },
              .summary = "Link a survivor_member account to a member (null unlinks)",
              .tag = tag,
              .json_body = true});
  router.Add({.method = "DELETE",
              .path_template = member,
              .permission = write,
              .handler = [&sv](Request& req) -> http::Reply {
                TRY(sv.Erase(ActorOf(req), Id(req)));
                return Response::Json(200, {{"id", Id(req)}, {"status", "erased"}});
              },
              .summary = "A member leaves: her key is destroyed at once (erasure)",
              .tag = tag});
  router.Add({.method = "GET",
              .path_template = base + "/me",
              .permission = self,
              .handler = [&sv](Request& req) -> http::Reply {
                auto page = TRY(sv.Me(ActorOf(req)));
                boost::json::object body = MeJson(page.value);
                return AuditedJson(std::move(page), std::move(body));
              },
              .summary = "A member's own page",
              .tag = tag});
  router.Add({.method = "PATCH",
              .path_template = base + "/me/contact",
              .permission = self,
              .handler = [&sv](Request& req) -> http::Reply {
                TRY(sv.CheckNetwork(ActorOf(req)));
                auto [contact, safe] = TRY(ReadBody(req, [](http::FieldReader& f) {
                  auto contact = f.OptString("contact", 200);
                  return std::pair(contact, f.OptString("safe_contact", 1000));
                }));
                auto [c, s] = TRY(sv.SetMyContact(ActorOf(req), contact, safe));
                return Response::Json(200, {{"contact", OrNull(c)}, {"safe_contact", OrNull(s)}});
              },
              .summary = "A member changes how she may be contacted",
              .tag = tag,
              .json_body = true});
  AddNetworkRoutes(router, sv);
}

void RegisterSurvivorMessages() {
  static constexpr Message kMessages[] = {
      {"survivors.role_required", "당사자 네트워크에서 이 일을 할 역할이 없습니다.",
       "Your role in the survivors' network does not allow this."},
      {"survivors.not_linked", "이 계정은 아직 회원 기록과 연결되지 않았습니다.",
       "This account is not linked to a member yet."},
      {"survivors.voucher_not_facilitator", "그 모임의 진행자만 보증할 수 있습니다.",
       "Only a facilitator of that group can vouch."},
      {"survivors.alias_taken", "이미 다른 회원이 쓰는 별칭입니다.",
       "Another member already uses this alias."},
      {"survivors.not_member_account", "이 네트워크의 회원 계정(survivor_member)이 아닙니다.",
       "This is not a member account (survivor_member) of this network."},
      {"survivors.account_linked", "이 계정은 이미 다른 회원과 연결되어 있습니다.",
       "This account is already linked to another member."},
      {"survivors.not_draft", "초안인 성명만 고칠 수 있습니다.",
       "Only a draft statement can be changed."},
      {"survivors.bad_status", "성명의 지금 상태에서는 할 수 없는 일입니다.",
       "This cannot be done in the statement's current state."},
      {"survivors.below_minimum", "서명이 네트워크가 정한 최소 인원에 못 미쳐 공개할 수 없습니다.",
       "Fewer members signed than the network's minimum: it cannot be published."},
      {"survivors.not_signable", "서명을 받고 있는 성명이 아닙니다.",
       "This statement is not open for signing."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::survivors

// Partners' routes, and the co-organizers of events (docs/api-campaigns.md, "Partners").
#include "http/attachment.h"
#include "modules/campaigns/route_parts.h"
#include "modules/campaigns/routes.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::campaigns {
namespace {

using http::Request;
using http::Response;
using route_parts::Param;
namespace json = boost::json;
namespace perm = security::perm;

json::object PartnerJson(const PartnerView& v) {
  const auto& p = v.stored;
  return {{"id", p.id},
          {"kind", p.kind},
          {"name_ko", p.name_ko},
          {"name_en", p.name_en},
          {"website", p.website},
          {"note", p.note},
          {"organization", {{"id", p.org_id}, {"name", p.org_name}}},
          {"can_edit", v.can_edit},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

json::object AllianceJson(const partner_repo::Alliance& a) {
  return {{"id", a.id}, {"name", a.name}, {"since", a.since}, {"until", OrNull(a.until)}};
}

json::object AgreementJson(const partner_repo::Agreement& a, const std::string& today) {
  json::value file = nullptr;
  if (!a.content_type.empty()) {
    file = json::object{{"name", a.file_name}, {"type", a.content_type}, {"size", a.size}};
  }
  return {{"id", a.id},
          {"title", a.title},
          {"signed_on", a.signed_on},
          {"expires_on", OrNull(a.expires_on)},
          {"file", file},
          {"active", AgreementActive(a.expires_on, today)}};
}

json::object InteractionJson(const partner_repo::Interaction& i) {
  return {{"id", i.id},
          {"date", i.day},
          {"kind", i.kind},
          {"summary", i.summary},
          {"by", {{"id", i.by_user}, {"name", i.by_name}}},
          {"created_at", i.created_at}};
}

json::object DetailJson(const PartnerDetail& d) {
  json::object out = PartnerJson(d.partner);
  json::array alliances, agreements, interactions, stops, events;
  for (const auto& a : d.alliances) alliances.push_back(AllianceJson(a));
  for (const auto& a : d.agreements) agreements.push_back(AgreementJson(a, d.today));
  for (const auto& i : d.interactions) interactions.push_back(InteractionJson(i));
  for (const auto& s : d.hosted_stops) {
    stops.push_back(json::object{{"campaign_id", s.campaign_id},
                                 {"stop_id", s.stop_id},
                                 {"date", s.date},
                                 {"city", s.city}});
  }
  for (const auto& e : d.co_organized) {
    events.push_back(
        json::object{{"id", e.event_id}, {"title_ko", e.title_ko}, {"starts_at", e.starts_at}});
  }
  out["alliances"] = std::move(alliances);
  out["agreements"] = std::move(agreements);
  out["interactions"] = std::move(interactions);
  out["hosted_stops"] = std::move(stops);
  out["co_organized_events"] = std::move(events);
  return out;
}

json::object ContactJson(const Contact& c) {
  return {{"id", c.id},
          {"name", c.fields.name},
          {"role", c.fields.role},
          {"phone", c.fields.phone},
          {"email", c.fields.email},
          {"created_at", c.created_at}};
}

json::object CoOrganizersJson(const std::vector<partner_repo::StoredPartner>& list) {
  json::array items;
  for (const auto& p : list) {
    items.push_back(json::object{
        {"id", p.id}, {"kind", p.kind}, {"name_ko", p.name_ko}, {"name_en", p.name_en}});
  }
  return {{"items", items}};
}

PartnerPatch ReadPartner(http::FieldReader& f, bool create) {
  PartnerPatch p;
  if (create || f.raw().contains("kind")) p.kind = f.Enum("kind", kPartnerKinds);
  p.name_ko = create ? std::optional(f.String("name_ko", 200)) : f.OptString("name_ko", 200);
  p.name_en = f.OptString("name_en", 200);
  p.website = f.OptString("website", 500);
  p.note = f.OptString("note", 2000);
  return p;
}

PartnerFields FieldsFrom(const PartnerPatch& p) {
  return {p.kind.value_or(""), p.name_ko.value_or(""), p.name_en.value_or(""),
          p.website.value_or(""), p.note.value_or("")};
}

}  // namespace

void AddPartnerRoutes(http::Router& router, CampaignService& campaigns) {
  const std::string tag = "partners";
  const std::string read(perm::kPartnerRead), write(perm::kPartnerWrite);
  router.Add({.method = "GET",
              .path_template = "/api/v1/partners",
              .permission = read,
              .handler = [&campaigns](Request& req) -> http::Reply {
                json::array items;
                for (const auto& p : TRY(campaigns.Partners(ActorOf(req), req.Query("kind")))) {
                  items.push_back(PartnerJson(p));
                }
                return Response::Json(200, {{"items", items}});
              },
              .summary = "The partners the caller sees (no contacts)",
              .tag = tag});
  router.Add({.method = "POST",
              .path_template = "/api/v1/partners",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                auto p =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadPartner(f, true); }));
                return Response::Json(
                    201, DetailJson(TRY(campaigns.CreatePartner(ActorOf(req), FieldsFrom(p)))));
              },
              .summary = "Record a partner of the caller's organization",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/partners/{id}",
              .permission = read,
              .handler = [&campaigns](Request& req) -> http::Reply {
                return Response::Json(200,
                                      DetailJson(TRY(campaigns.GetPartner(ActorOf(req), Id(req)))));
              },
              .summary = "A partner with its alliances, agreements and interactions (no contacts)",
              .tag = tag});
  router.Add({.method = "PATCH",
              .path_template = "/api/v1/partners/{id}",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.CheckPartner(ActorOf(req), Id(req), true));
                auto p =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadPartner(f, false); }));
                return Response::Json(
                    200, DetailJson(TRY(campaigns.UpdatePartner(ActorOf(req), Id(req), p))));
              },
              .summary = "Change a partner",
              .tag = tag,
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/partners/{id}/contacts",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                auto listed = TRY(campaigns.Contacts(ActorOf(req), Id(req)));
                json::array items;
                for (const auto& c : listed.value) items.push_back(ContactJson(c));
                json::object body{{"items", items}};
                return AuditedJson(std::move(listed), std::move(body));
              },
              .summary = "A partner's contacts (sealed; only to its editors; audited)",
              .tag = tag});
  router.Add({.method = "POST",
              .path_template = "/api/v1/partners/{id}/contacts",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.CheckPartner(ActorOf(req), Id(req), true));
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  ContactFields c;
                  c.name = f.String("name", 100);
                  c.role = f.OptString("role", 100).value_or("");
                  c.phone = f.OptString("phone", 40).value_or("");
                  c.email = f.OptString("email", 200).value_or("");
                  return c;
                }));
                return Response::Json(
                    201, ContactJson(TRY(campaigns.AddContact(ActorOf(req), Id(req), in))));
              },
              .summary = "Add a contact person (sealed)",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "DELETE",
              .path_template = "/api/v1/partners/{id}/contacts/{cid}",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.RemoveContact(ActorOf(req), Id(req), Param(req, "cid")));
                return Response::NoContent();
              },
              .summary = "Remove a contact person",
              .tag = tag,
              .success_status = 204});
  router.Add({.method = "POST",
              .path_template = "/api/v1/partners/{id}/alliances",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.CheckPartner(ActorOf(req), Id(req), true));
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  partner_repo::Alliance a;
                  a.name = f.String("name", 200);
                  a.since = f.Date("since");
                  a.until = f.Date("until", false);
                  return a;
                }));
                return Response::Json(
                    201, AllianceJson(TRY(campaigns.AddAlliance(ActorOf(req), Id(req), in))));
              },
              .summary = "Record an alliance membership",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "DELETE",
              .path_template = "/api/v1/partners/{id}/alliances/{aid}",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.RemoveAlliance(ActorOf(req), Id(req), Param(req, "aid")));
                return Response::NoContent();
              },
              .summary = "Remove an alliance membership",
              .tag = tag,
              .success_status = 204});
  router.Add({.method = "POST",
              .path_template = "/api/v1/partners/{id}/agreements",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.CheckPartner(ActorOf(req), Id(req), true));
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  partner_repo::Agreement a;
                  a.title = f.String("title", 300);
                  a.signed_on = f.Date("signed_on");
                  a.expires_on = f.Date("expires_on", false);
                  return a;
                }));
                return Response::Json(
                    201, AgreementJson(TRY(campaigns.AddAgreement(ActorOf(req), Id(req), in)),
                                       campaigns.Today()));
              },
              .summary = "Record an agreement",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/partners/{id}/agreements/{aid}/file",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                const auto actor = ActorOf(req);
                TRY(campaigns.CheckPartner(actor, Id(req), true));
                auto a = TRY(campaigns.SetAgreementFile(actor, Id(req), Param(req, "aid"),
                                                        req.Query("name"), http::MediaType(req),
                                                        std::move(req.body)));
                return Response::Json(200, AgreementJson(a, campaigns.Today()));
              },
              .summary = "Attach the signed agreement's file (raw body, ?name=, at most 10 MiB)",
              .tag = tag,
              .offload = true,
              .body_limit_bytes = kMaxFileBytes});
  router.Add({.method = "GET",
              .path_template = "/api/v1/partners/{id}/agreements/{aid}/file",
              .permission = read,
              .handler = [&campaigns](Request& req) -> http::Reply {
                auto f = TRY(campaigns.AgreementContent(ActorOf(req), Id(req), Param(req, "aid")));
                return http::Attachment(f.agreement.file_name, std::move(f.content));
              },
              .summary = "An agreement's file, as an attachment",
              .tag = tag,
              .offload = true});
  router.Add({.method = "DELETE",
              .path_template = "/api/v1/partners/{id}/agreements/{aid}",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.RemoveAgreement(ActorOf(req), Id(req), Param(req, "aid")));
                return Response::NoContent();
              },
              .summary = "Remove an agreement",
              .tag = tag,
              .success_status = 204});
  router.Add({.method = "POST",
              .path_template = "/api/v1/partners/{id}/interactions",
              .permission = write,
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.CheckPartner(ActorOf(req), Id(req), true));
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  partner_repo::Interaction i;
                  i.day = f.Date("date");
                  i.kind = f.Enum("kind", kInteractionKinds);
                  i.summary = f.String("summary", 2000);
                  return i;
                }));
                return Response::Json(
                    201, InteractionJson(TRY(campaigns.AddInteraction(ActorOf(req), Id(req), in))));
              },
              .summary = "Record an interaction (a history: never edited)",
              .tag = tag,
              .json_body = true,
              .success_status = 201});

  // ---- Co-organizers of an event: the event's own staff (api-events.md) ----
  const std::string event_tag = "events";
  router.Add({.method = "GET",
              .path_template = "/api/v1/events/{id}/co-organizers",
              .permission = std::string(perm::kEventRead),
              .handler = [&campaigns](Request& req) -> http::Reply {
                return Response::Json(
                    200, CoOrganizersJson(TRY(campaigns.CoOrganizers(ActorOf(req), Id(req)))));
              },
              .summary = "The partners co-organizing an event",
              .tag = event_tag});
  router.Add({.method = "POST",
              .path_template = "/api/v1/events/{id}/co-organizers",
              .permission = std::string(perm::kEventWrite),
              .handler = [&campaigns](Request& req) -> http::Reply {
                TRY(campaigns.CheckOwnEvent(ActorOf(req), Id(req), true));
                auto partner_id = TRY(
                    ReadBody(req, [](http::FieldReader& f) { return f.String("partner_id", 64); }));
                return Response::Json(201, CoOrganizersJson(TRY(campaigns.AddCoOrganizer(
                                               ActorOf(req), Id(req), partner_id))));
              },
              .summary = "Add a partner as co-organizer of an event",
              .tag = event_tag,
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "DELETE",
              .path_template = "/api/v1/events/{id}/co-organizers/{partner_id}",
              .permission = std::string(perm::kEventWrite),
              .handler = [&campaigns](Request& req) -> http::Reply {
                return Response::Json(200, CoOrganizersJson(TRY(campaigns.RemoveCoOrganizer(
                                               ActorOf(req), Id(req), Param(req, "partner_id")))));
              },
              .summary = "Remove a co-organizing partner from an event",
              .tag = event_tag});
}

}  // namespace dandelion::campaigns

// The public help form's routes (emergency.md, "The public help form").
#include "modules/emergency/routes_internal.h"
#include "modules/handler_support.h"
#include "modules/network/model.h"

namespace dandelion::emergency::detail {

using http::Request;
using http::Response;

// The numbers every page of the form shows: the police, and the national women's emergency
// line (여성긴급전화 1366, open day and night).
constexpr const char* kPoliceNumber = "112";
constexpr const char* kHotline = "1366";

void AddPublicRoutes(http::Router& router, EmergencyService& emergency) {
  // Nothing under the public prefix tells where a caller was, whatever she typed.
  router.HideCallerAddressUnder("/api/v1/public/");
  router.Add({.method = "GET",
              .path_template = "/api/v1/public/help-form",
              .permission = std::string(http::kPublic),
              .handler = [&emergency](Request&) -> http::Reply {
                boost::json::array regions;
                for (const auto& r : network::Regions()) {
                  regions.push_back({{"code", r.code}, {"name_ko", r.ko}, {"name_en", r.en}});
                }
                return Response::Json(200, {{"form_token", emergency.IssueFormToken()},
                                            {"regions", regions},
                                            {"police_number", kPoliceNumber},
                                            {"hotline", kHotline}});
              },
              .summary = "What the public help form needs: a time token, regions, numbers",
              .tag = "emergency",
              .hide_caller_address = true});
  router.Add(
      {.method = "POST",
       .path_template = "/api/v1/public/help-requests",
       .permission = std::string(http::kPublic),
       .handler = [&emergency](Request& req) -> http::Reply {
         // Flood control comes before the body is even read.
         int64_t retry_after = 0;
         if (auto ok = emergency.AdmitPublic(req.remote_address, &retry_after); !ok) {
           Response r = Refuse(req, ok.error());
           r.SetHeader("Retry-After", std::to_string(retry_after));
           return r;
         }
         auto form = TRY(ReadBody(req, [](http::FieldReader& f) {
           PublicSubmission form;
           form.region = f.String("region", 5);
           form.situation = f.String("situation", 2000);
           form.contact = f.OptString("contact", 300).value_or("");
           form.safe_contact = f.OptString("safe_contact", 1000).value_or("");
           form.language = f.OptString("language", 3).value_or("");
           form.form_token = f.String("form_token", 100);
           form.website = f.OptString("website", 200).value_or("");
           return form;
         }));
         auto reference = TRY(emergency.SubmitPublic(form, req.request_id));
         return Response::Json(202, {{"reference", reference}});
       },
       .summary = "A help request from the public form (no account; sealed for the receiver)",
       .tag = "emergency",
       .json_body = true,
       .success_status = 202,
       .hide_caller_address = true});
}

}  // namespace dandelion::emergency::detail

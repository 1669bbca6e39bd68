// Routes of an organization's emergency set-up: coverage, the on-call roster and the measures.
#include <set>

#include "modules/emergency/routes_internal.h"
#include "modules/handler_support.h"
#include "modules/network/model.h"
#include "security/policy.h"

namespace dandelion::emergency::detail {
namespace {

using http::Request;
using http::Response;

boost::json::object CoverageJson(const std::vector<request_repo::CoverageRow>& rows,
                                 int64_t ack_limit_seconds) {
  boost::json::array items;
  std::set<std::string> reachable_regions;
  for (const auto& c : rows) {
    items.push_back({{"org_id", c.org_id},
                     {"org_name", c.org_name},
                     {"region", c.region},
                     {"priority", c.priority},
                     {"on_call_now", c.on_call_now},
                     {"dispatchers", c.dispatchers},
                     {"reachable", c.reachable}});
    if (c.reachable) reachable_regions.insert(c.region);
  }
  // Regions where no covering organization can see a request now: their requests go straight
  // to the secretariat, which must know.
  boost::json::array gaps;
  for (const auto& r : network::Regions()) {
    if (!reachable_regions.contains(std::string(r.code))) gaps.emplace_back(r.code);
  }
  return {{"items", items}, {"gaps", gaps}, {"ack_limit_minutes", ack_limit_seconds / 60}};
}

http::Reply CoverageReply(Request& req, EmergencyService& emergency) {
  const auto actor = ActorOf(req);
  auto rows = TRY(emergency.Coverage(actor));
  auto limit = TRY(emergency.AckLimitSeconds(actor));
  return Response::Json(200, CoverageJson(rows, limit));
}

boost::json::object ShiftJson(const request_repo::OnCallShift& s) {
  return {{"id", s.id},
          {"user_id", s.user_id},
          {"display_name", s.display_name},
          {"starts_at", Iso(s.starts_at)},
          {"ends_at", Iso(s.ends_at)}};
}

boost::json::value OrNull(const std::optional<int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::array MeasureRows(const std::vector<MeasureRow>& rows, const char* key) {
  boost::json::array out;
  for (const auto& m : rows) {
    out.push_back(
        boost::json::object{{key, m.key},
                            {"count", m.count},
                            {"median_ack_seconds", OrNull(m.median_ack_seconds)},
                            {"median_resolve_seconds", OrNull(m.median_resolve_seconds)}});
  }
  return out;
}

// "from"/"to" query parameters: RFC 3339, defaulting to now and a week on.
bool QueryTime(const Request& req, const char* name, TimePoint fallback, TimePoint* out) {
  std::string text = req.Query(name);
  if (text.empty()) {
    *out = fallback;
    return true;
  }
  return ParseRfc3339(text, out);
}

}  // namespace

void AddOrganizationRoutes(http::Router& router, EmergencyService& emergency) {
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/coverage",
              .permission = std::string(http::kSignedIn),
              .handler = [&emergency](Request& req) { return CoverageReply(req, emergency); },
              .summary = "Which organizations cover which regions, and one's acknowledgement limit",
              .tag = "emergency"});
  router.Add(
      {.method = "PUT",
       .path_template = "/api/v1/emergency/coverage",
       .permission = std::string(security::perm::kEmergencyCoverage),
       .handler = [&emergency](Request& req) -> http::Reply {
         struct In {
           std::vector<std::string> regions;
           std::optional<int64_t> minutes;
         };
         auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
           return In{f.StringList("regions", 17, 5, true), f.OptInt("ack_limit_minutes", 1, 120)};
         }));
         TRY(emergency.SetCoverage(ActorOf(req), in.regions, in.minutes));
         return CoverageReply(req, emergency);
       },
       .summary = "Set the regions one's organization covers",
       .tag = "emergency",
       .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/on-call",
              .permission = std::string(security::perm::kEmergencyOnCall),
              .handler = [&emergency](Request& req) -> http::Reply {
                const TimePoint now = std::chrono::system_clock::now();
                TimePoint from{}, to{};
                Error bad{ErrorCode::kInvalid, "error.invalid"};
                if (!QueryTime(req, "from", now - std::chrono::hours(24), &from)) {
                  bad.Field("from", "field.wrong_type");
                }
                if (!QueryTime(req, "to", from + std::chrono::hours(24 * 7), &to)) {
                  bad.Field("to", "field.wrong_type");
                }
                if (!bad.fields.empty()) return Fail(bad);
                boost::json::array items;
                for (const auto& s : TRY(emergency.OnCall(ActorOf(req), from, to))) {
                  items.emplace_back(ShiftJson(s));
                }
                return Response::Json(200, {{"items", items}});
              },
              .summary = "The organization's on-call shifts between from and to",
              .tag = "emergency"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/emergency/on-call",
              .permission = std::string(security::perm::kEmergencyOnCall),
              .handler = [&emergency](Request& req) -> http::Reply {
                struct In {
                  std::string user_id;
                  std::optional<TimePoint> starts, ends;
                };
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  In in;
                  in.user_id = f.String("user_id", 26);
                  in.starts = f.Time("starts_at");
                  in.ends = f.Time("ends_at");
                  return in;
                }));
                auto shift =
                    TRY(emergency.AddOnCall(ActorOf(req), in.user_id, *in.starts, *in.ends));
                return Response::Json(201, ShiftJson(shift));
              },
              .summary = "Put a dispatcher of one's organization on call",
              .tag = "emergency",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/emergency/measures",
              .permission = std::string(security::perm::kEmergencyMeasures),
              .handler = [&emergency](Request& req) -> http::Reply {
                auto m = TRY(emergency.GetMeasures(ActorOf(req)));
                return Response::Json(200, {{"by_org", MeasureRows(m.by_org, "org_id")},
                                            {"by_region", MeasureRows(m.by_region, "region")}});
              },
              .summary = "Median times to acknowledge and resolve, by organization and region",
              .tag = "emergency"});
}

}  // namespace dandelion::emergency::detail

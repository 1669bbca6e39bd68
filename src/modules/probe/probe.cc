#include "modules/probe/probe.h"

#include <chrono>

#include "core/clock.h"
#include "core/ids.h"
#include "http/field_reader.h"
#include "http/json_body.h"

namespace dandelion::probe {

Result<ProbeWrite> ProbeService::Write(const std::string& payload) {
  ProbeWrite w{NewId(), payload, FormatRfc3339(std::chrono::system_clock::now())};
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto n = tx.Exec("INSERT INTO probe_writes (id, payload, created_at) VALUES (?, ?, ?)",
                     {w.id, w.payload, w.created_at});
    if (!n) return Fail(n.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  return w;
}

Result<ProbeWrite> ProbeService::Read(const std::string& id) {
  std::optional<ProbeWrite> found;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto row = tx.QueryOne("SELECT id, payload, created_at FROM probe_writes WHERE id = ?", {id});
    if (!row) return Fail(row.error());
    if (*row) found = ProbeWrite{(*row)->Text(0), (*row)->Text(1), (*row)->Text(2)};
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (!found) return Fail(ErrorCode::kNotFound, "error.not_found");
  return *found;
}

Result<int64_t> ProbeService::Count() {
  int64_t count = 0;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto row = tx.QueryOne("SELECT COUNT(*) FROM probe_writes");
    if (!row) return Fail(row.error());
    count = (*row)->Int(0);
    return Ok();
  });
  if (!r) return Fail(r.error());
  return count;
}

namespace {

boost::json::object ToJson(const ProbeWrite& w) {
  return {{"id", w.id}, {"payload", w.payload}, {"created_at", w.created_at}};
}

}  // namespace

void AddRoutes(http::Router& router, ProbeService& service) {
  router.Add({.method = "POST",
              .path_template = "/api/v1/test/probe-writes",
              .permission = std::string(http::kPublic),
              .handler =
                  [&service](http::Request& req) {
                    auto body = http::ParseJsonObject(req);
                    if (!body) return http::ErrorResponse(body.error(), req.lang, req.request_id);
                    http::FieldReader f(*body);
                    std::string payload = f.String("payload", 10000);
                    if (auto ok = f.Finish(); !ok) {
                      return http::ErrorResponse(ok.error(), req.lang, req.request_id);
                    }
                    auto w = service.Write(payload);
                    if (!w) return http::ErrorResponse(w.error(), req.lang, req.request_id);
                    return http::Response::Json(201, ToJson(*w));
                  },
              .summary = "Store a probe record (test mode only)",
              .tag = "test",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/test/probe-writes",
              .permission = std::string(http::kPublic),
              .handler =
                  [&service](http::Request& req) {
                    auto n = service.Count();
                    if (!n) return http::ErrorResponse(n.error(), req.lang, req.request_id);
                    return http::Response::Json(200, boost::json::object{{"count", *n}});
                  },
              .summary = "Count probe records (test mode only)",
              .tag = "test"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/test/probe-writes/{id}",
              .permission = std::string(http::kPublic),
              .handler =
                  [&service](http::Request& req) {
                    auto w = service.Read(req.path_params["id"]);
                    if (!w) return http::ErrorResponse(w.error(), req.lang, req.request_id);
                    return http::Response::Json(200, ToJson(*w));
                  },
              .summary = "Read a probe record (test mode only)",
              .tag = "test"});
}

void AddClockRoute(http::Router& router, OffsetClock& clock) {
  router.Add({.method = "POST",
              .path_template = "/api/v1/test/clock/advance",
              .permission = std::string(http::kPublic),
              .handler =
                  [&clock](http::Request& req) {
                    auto body = http::ParseJsonObject(req);
                    if (!body) return http::ErrorResponse(body.error(), req.lang, req.request_id);
                    http::FieldReader f(*body);
                    int64_t seconds = f.Int("seconds", 0, 400LL * 24 * 3600);
                    if (auto ok = f.Finish(); !ok) {
                      return http::ErrorResponse(ok.error(), req.lang, req.request_id);
                    }
                    clock.Advance(std::chrono::seconds(seconds));
                    return http::Response::Json(200, {{"now", FormatRfc3339(clock.Now())}});
                  },
              .summary = "Move the server's clock forward (test mode only)",
              .tag = "test",
              .json_body = true});
}

}  // namespace dandelion::probe

#include "modules/probe/probe.h"

#include <chrono>

#include "core/clock.h"
#include "core/ids.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "modules/service_support.h"

namespace dandelion::probe {

Result<ProbeWrite> ProbeService::Write(const std::string& payload) {
  ProbeWrite w{NewId(), payload, FormatRfc3339(std::chrono::system_clock::now())};
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    TRY(tx.Exec("INSERT INTO probe_writes (id, payload, created_at) VALUES (?, ?, ?)",
                {w.id, w.payload, w.created_at}));
    return Ok();
  }));
  return w;
}

Result<ProbeWrite> ProbeService::Read(const std::string& id) {
  std::optional<store::Row> row = TRY(db_.ReadValue([&](store::Tx& tx) {
    return tx.QueryOne("SELECT id, payload, created_at FROM probe_writes WHERE id = ?", {id});
  }));
  if (!row) return Fail(NotFound());
  return ProbeWrite{row->Text(0), row->Text(1), row->Text(2)};
}

Result<int64_t> ProbeService::Count() {
  std::optional<store::Row> row = TRY(db_.ReadValue(
      [](store::Tx& tx) { return tx.QueryOne("SELECT COUNT(*) FROM probe_writes"); }));
  return row->Int(0);
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
              .handler = [&service](http::Request& req) -> http::Reply {
                std::string payload = TRY(
                    ReadBody(req, [](http::FieldReader& f) { return f.String("payload", 10000); }));
                return http::Response::Json(201, ToJson(TRY(service.Write(payload))));
              },
              .summary = "Store a probe record (test mode only)",
              .tag = "test",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/test/probe-writes",
              .permission = std::string(http::kPublic),
              .handler = [&service](http::Request&) -> http::Reply {
                return http::Response::Json(200, {{"count", TRY(service.Count())}});
              },
              .summary = "Count probe records (test mode only)",
              .tag = "test"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/test/probe-writes/{id}",
              .permission = std::string(http::kPublic),
              .handler = [&service](http::Request& req) -> http::Reply {
                return http::Response::Json(200, ToJson(TRY(service.Read(req.path_params["id"]))));
              },
              .summary = "Read a probe record (test mode only)",
              .tag = "test"});
}

void AddClockRoute(http::Router& router, OffsetClock& clock) {
  router.Add({.method = "POST",
              .path_template = "/api/v1/test/clock/advance",
              .permission = std::string(http::kPublic),
              .handler = [&clock](http::Request& req) -> http::Reply {
                int64_t seconds = TRY(ReadBody(req, [](http::FieldReader& f) {
                  return f.Int("seconds", 0, 400LL * 24 * 3600);
                }));
                clock.Advance(std::chrono::seconds(seconds));
                return http::Response::Json(200, {{"now", FormatRfc3339(clock.Now())}});
              },
              .summary = "Move the server's clock forward (test mode only)",
              .tag = "test",
              .json_body = true});
}

}  // namespace dandelion::probe

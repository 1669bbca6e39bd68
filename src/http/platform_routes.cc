#include "http/platform_routes.h"

#include <sodium.h>

#include <boost/json/serialize.hpp>
#include <memory>
#include <mutex>

#include "http/openapi.h"
#include "http/static_files.h"

namespace dandelion::http {
namespace {

// True when the request carries "Authorization: Bearer <token>" (compared in constant time).
bool HasBearer(const Request& request, const std::string& token) {
  constexpr std::string_view kScheme = "Bearer ";
  std::string_view given = request.Header("authorization");
  if (!given.starts_with(kScheme)) return false;
  given.remove_prefix(kScheme.size());
  return given.size() == token.size() &&
         sodium_memcmp(given.data(), token.data(), token.size()) == 0;
}

}  // namespace

void AddPlatformRoutes(Router& router, const Metrics& metrics, const PlatformOptions& options) {
  router.Add({.method = "GET",
              .path_template = "/healthz",
              .permission = std::string(kPublic),
              .handler =
                  [](Request&) {
                    return Response::Json(200, boost::json::object{{"status", "ok"}});
                  },
              .summary = "Liveness check",
              .tag = "platform"});

  router.Add({.method = "GET",
              .path_template = "/metrics",
              .permission = std::string(kPublic),  // the token is its own credential
              .handler =
                  [&metrics, token = options.metrics_token](Request& req) {
                    if (token.empty()) {
                      return ErrorResponse({ErrorCode::kNotFound, "error.not_found"}, req.lang,
                                           req.request_id);
                    }
                    if (!HasBearer(req, token)) {
                      Response r =
                          ErrorResponse({ErrorCode::kUnauthenticated, "error.unauthenticated"},
                                        req.lang, req.request_id);
                      r.SetHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
                      return r;
                    }
                    return Response::Text(200, "text/plain; version=0.0.4; charset=utf-8",
                                          metrics.RenderText());
                  },
              .summary = "Prometheus metrics (Bearer metrics.token; 404 when none is set)",
              .tag = "platform"});

  // Built once, on first request, when every module has added its routes.
  struct OpenApiCache {
    std::once_flag once;
    std::string text;
  };
  auto cache = std::make_shared<OpenApiCache>();
  router.Add({.method = "GET",
              .path_template = "/api/v1/openapi.json",
              .permission = std::string(kPublic),
              .handler =
                  [&router, cache, version = options.version](Request&) {
                    std::call_once(cache->once, [&] {
                      cache->text = boost::json::serialize(BuildOpenApi(router, version));
                    });
                    return Response::Text(200, "application/json", cache->text);
                  },
              .summary = "This API's OpenAPI 3.1 document",
              .tag = "platform"});

  // `/` is the network's public site (modules/site), whether or not the web app is built.
  auto files = std::make_shared<StaticFiles>(options.web_root);
  // The web app under /app/, the help page at /help, 308 from the app's former paths.
  router.SetFallback({.method = "GET",
                      .path_template = "static",
                      .permission = std::string(kPublic),
                      .handler = [files](Request& request) { return files->Serve(request); },
                      .summary = "The web app's files (/app/) and the help page (/help)",
                      .tag = "platform"});
}

void AddPlatformRoutes(Router& router, const Server& server) {
  AddPlatformRoutes(router, server.metrics(),
                    PlatformOptions{.web_root = server.options().web_root});
}

}  // namespace dandelion::http

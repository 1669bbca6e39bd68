// The routes of the platform itself, as opposed to a capability module's: health, metrics,
// the API document, and the web app's static files.
#pragma once

#include <string>

#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"

namespace dandelion::http {

struct PlatformOptions {
  // The built web app (web/dist); empty or without index.html: "/" answers a short JSON note.
  std::string web_root;
  std::string version = "0.1.0";
  // The bearer token Prometheus must send for /metrics. Empty (the default): /metrics answers
  // 404 to everyone. The numbers are per route template, never per person, but their volume
  // (help requests an hour, sign-ins) is itself something an outsider should not read.
  std::string metrics_token;
};

// Adds GET /healthz, GET /metrics, GET /api/v1/openapi.json and the static-file fallback (see
// StaticFiles). The API document is built on first request from router's routes at that
// time, so add it at any point during start-up. router and metrics must outlive the server.
void AddPlatformRoutes(Router& router, const Metrics& metrics, const PlatformOptions& options);

// The same, with the server's metrics and its options' web_root.
void AddPlatformRoutes(Router& router, const Server& server);

}  // namespace dandelion::http

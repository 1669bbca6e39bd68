// Server: the HTTP/1.1 listener and connections (Boost.Beast, C++20 coroutines), in front of a
// Router.
//
// Shaped like Beast's advanced_server_flex_awaitable example: an accept loop, one coroutine per
// connection that enforces the limits and timeouts where bytes arrive, and a pure Dispatcher
// (dispatch.h) that turns a Request into a Response. Each IO thread runs an io_context of its
// own and keeps the connections it was given; quick handlers (an indexed read) run there, and
// routes marked offload (password hashing, lists, files) run on a pool of worker threads that
// the connection awaits.
//
//   http::Router router;
//   http::Server server(options, router);
//   http::AddPlatformRoutes(router, server);        // /healthz, /metrics, API document, files
//   network::AddRoutes(router, ...);                // modules add theirs
//   server.SetGate(security_gate);                  // sessions, CSRF, permissions
//   auto port = server.Start();                     // binds; the actual port (for port 0)
//   server.Run();                                   // until SIGTERM/SIGINT or Stop()
//
// Thread-safety: configure (SetGate, routes) before Start(); Start() and Run() from one thread;
// Stop() from any thread, any time.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/client_address.h"
#include "http/dispatch.h"
#include "http/metrics.h"
#include "http/router.h"

namespace dandelion::http {

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // "host:port", "[v6]:port"; port 0 picks a free one
  int io_threads = 4;                     // connection threads; ordinary handlers run on them
  int worker_threads = 4;  // threads for offloaded handlers (Route::offload); 0 = all inline
  size_t body_limit_bytes = 1024 * 1024;
  // A body larger than this is read only for a public route, or once the gate has accepted the
  // request from its headers (a valid session): an anonymous client cannot make the server
  // buffer a route's large body_limit_bytes. 0 = no such check.
  size_t anonymous_body_limit_bytes = 64 * 1024;
  // Open connections at once; past either cap a new connection is answered at once (503 for
  // the total, 429 for one address) and closed. A trusted proxy is exempt from the per-address
  // cap (it carries many visitors); the total still applies.
  size_t max_connections = 1024;
  size_t max_connections_per_address = 64;
  size_t header_limit_bytes = 16 * 1024;
  // A client must finish its headers this long after it starts a request (slowloris guard).
  double header_timeout_seconds = 10;
  double body_timeout_seconds = 30;
  double keepalive_timeout_seconds = 30;  // an idle connection is closed after this
  double write_timeout_seconds = 30;
  // On shutdown, how long requests already being handled may take to finish.
  double shutdown_grace_seconds = 10;
  bool handle_signals = true;      // Run() returns on SIGTERM/SIGINT
  std::string web_root;            // the built web app, for AddPlatformRoutes
  TrustedProxies trusted_proxies;  // whose X-Real-IP names the client (client_address.h)
};

class Server {
 public:
  // router must outlive the server and be complete before Start().
  Server(ServerOptions options, const Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Replaces the default gate (PublicOnlyGate). Call before Start().
  void SetGate(Gate gate);

  // Binds and listens. The port actually bound, or 503 "error.unavailable" with the reason in
  // detail (address in use, bad listen string).
  Result<int> Start();

  // Serves until SIGTERM/SIGINT (if handle_signals) or Stop(), then shuts down gracefully:
  // stops accepting, closes idle keep-alive connections, lets requests in progress finish for
  // up to shutdown_grace_seconds, answering them with Connection: close.
  void Run();

  // Asks Run() to shut down; returns at once. Thread-safe.
  void Stop();

  const ServerOptions& options() const { return options_; }
  Metrics& metrics() { return metrics_; }
  const Metrics& metrics() const { return metrics_; }

 private:
  struct Impl;  // Asio and Beast state, kept out of this header (docs/architecture.md, "Rules", 7)

  ServerOptions options_;
  const Router& router_;
  Gate gate_;
  Metrics metrics_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dandelion::http

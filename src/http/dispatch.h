// Dispatcher: the pure half of the server — a Request in, a Response out, no sockets.
//
// It matches the route, asks the Gate whether the caller may use it, runs the handler, and
// turns every failure (no route, wrong method, refused by the gate, an exception) into the
// contract's JSON error. The server runs Handle() on its worker pool. Thread-safe: it only
// reads the Router and calls the Gate, which must be thread-safe itself.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "http/request.h"
#include "http/router.h"

namespace dandelion::http {

// Called before every matched handler; an Error refuses the request with that error. The
// security layer's gate resolves the session into request.principal, checks CSRF and the
// route's permission.
using Gate = std::function<std::optional<Error>(Request&, const Route&)>;

// The gate used until the security layer installs its own: public routes only, 401 otherwise.
std::optional<Error> PublicOnlyGate(Request& request, const Route& route);

class Dispatcher {
 public:
  Dispatcher(const Router& router, Gate gate);

  // Never throws. Sets request.route (the template, or "unmatched"), request.path_params,
  // request.hide_caller_address and, if empty, request.request_id. A response naming a file_path
  // comes back with the file's contents as its body (read here, on the worker, so IO threads never
  // touch the disk).
  Response Handle(Request& request) const;

  // True when the request should run on the worker pool: its route asks to be offloaded, it
  // matches no route (static files are read from disk), or it may change something. A change
  // waits for the database's one writer and its fsync; on an IO thread that wait would hold
  // every other connection of the thread, reads that need no writer among them
  // (docs/performance.md, "Changes off the connection threads").
  bool ShouldOffload(const Request& request) const;

 private:
  const Router& router_;
  Gate gate_;
};

// The headers every response carries, errors from the transport included: X-Request-Id, the
// security headers of docs/security.md, and Cache-Control: no-store under /api/.
void ApplyStandardHeaders(Response& response, std::string_view path, std::string_view request_id);

// 16 hex characters, unique and unpredictable (a keyed hash of a per-thread counter).
std::string NewRequestId();

}  // namespace dandelion::http

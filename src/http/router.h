// Router: method + path template -> route, with the permission each route declares.
//
// Templates are literal segments and {name} parameters ("/api/v1/cases/{id}/notes").
// Literal segments win over parameters. Every route names the permission it needs; the
// middleware refuses a caller without it before the handler runs, and the handler's service
// re-checks against the loaded record. Routes also describe themselves for the OpenAPI document.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "http/request.h"

namespace dandelion::http {

// A handler answers with a Response or fails with an Error, which the dispatcher turns into the
// contract's error reply in the caller's language; so a handler can TRY its way through.
using Reply = Result<Response>;
using Handler = std::function<Reply(Request&)>;

// What a route requires of its caller. Role-based permissions are strings checked by the
// security layer's policy (e.g. "case.read"); these two are understood by the server itself.
inline constexpr std::string_view kPublic = "public";       // anyone, no session needed
inline constexpr std::string_view kSignedIn = "signed_in";  // any valid session

struct Route {
  std::string method;
  std::string path_template;
  std::string permission;  // kPublic, kSignedIn or a policy permission name
  Handler handler;
  // For the OpenAPI document.
  std::string summary;
  std::string tag;
  bool json_body = false;  // expects a JSON object body
  int success_status = 200;
  // The response is a stream (server-sent events) rather than a JSON document.
  bool streaming = false;
  // Runs on the worker pool instead of the connection's IO thread: for CPU-heavy handlers
  // (password hashing takes a tenth of a second) that would otherwise stall other connections.
  // Ordinary reads run inline, which saves two thread hand-offs per request; every other method
  // is offloaded whatever this says (Dispatcher::ShouldOffload).
  bool offload = false;
  // A larger request body than the server's limit (file uploads); 0 = the server's limit. The
  // server reads the target before the body, so only this route's callers may send this much.
  size_t body_limit_bytes = 0;
  // The caller's address is kept out of the access log: someone asking for help through the
  // public form may be in danger from whoever could read the server's logs later. (Flood
  // control may still use it in memory.)
  bool hide_caller_address = false;
  // A read whose own statement confirms the caller's session (security/session_confirmation.h):
  // the gate may take the session from memory, and runs the request again after a full check
  // when the read finds it changed.
  bool session_confirmed_by_read = false;
};

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool path_known = false;  // the path exists under another method (-> 405, not 404)
};

// Built once at start-up, then only read: Find() is safe from many threads once Add() and
// SetFallback() calls are over (they are not synchronized).
class Router {
 public:
  // Adds a route. Aborts on a duplicate method + template (also one differing only in parameter
  // names) or a malformed template: those are programming errors.
  void Add(Route route);

  // Matches the raw (still percent-encoded) path. Each segment is decoded before comparison, and
  // parameters come back decoded. A path with a "." or ".." segment, a NUL, or a malformed
  // escape matches nothing. HEAD falls back to the GET route of the same path.
  Match Find(std::string_view method, std::string_view path) const;

  // A route for GET/HEAD paths outside /api/ that match nothing else: the web app's static
  // files and its client-side routes. It is not part of routes(), so not of the API document.
  void SetFallback(Route route);
  const Route* fallback() const { return fallback_ ? &*fallback_ : nullptr; }

  // Paths under prefix that match no route (a mistyped address, a wrong method) are logged
  // without the caller's address, as the routes there are (Route::hide_caller_address): the
  // module that owns the prefix declares it.
  void HideCallerAddressUnder(std::string prefix) { hidden_prefixes_.push_back(std::move(prefix)); }
  bool HidesCallerAddress(std::string_view path) const {
    for (const auto& p : hidden_prefixes_) {
      if (path.starts_with(p)) return true;
    }
    return false;
  }

  // The methods that have a route for this path, for a 405's Allow header.
  std::vector<std::string> AllowedMethods(std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

  // The body limit for a request line: the matched route's body_limit_bytes when it sets one,
  // else default_limit. target may carry a query.
  size_t BodyLimit(std::string_view method, std::string_view target, size_t default_limit) const;
  // The largest limit any route sets, or default_limit.
  size_t MaxBodyLimit(size_t default_limit) const;

 private:
  // The routes a request of these segments may match: those of its length whose third segment
  // ("/api/v1/<resource>/...") is the request's own, then those with a parameter there.
  std::array<const std::vector<size_t>*, 2> Candidates(
      const std::vector<std::string>& segments) const;
  // Whether segment k of routes_[i]'s template is literal (not a {parameter}).
  bool Literal(size_t i, size_t k) const { return (literal_masks_[i] >> (63 - k)) & 1; }
  // Whether routes_[i]'s template fits these decoded segments (of its own length).
  bool Fits(size_t i, const std::vector<std::string>& segments) const;

  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // routes_[i]'s template, split on '/'
  // Which of routes_[i]'s segments are literal, as bits from the most significant down: two
  // masks compared as numbers compare at their first differing position, where a literal wins.
  std::vector<uint64_t> literal_masks_;
  // Routes by their length and literal third segment (ShapeKey in router.cc), and by length
  // alone for those with a parameter in third place: /api/v1/cases/{id} is compared with the
  // case routes only.
  std::unordered_map<std::string, std::vector<size_t>> by_shape_;
  std::unordered_map<size_t, std::vector<size_t>> by_length_with_param_third_;
  std::optional<Route> fallback_;
  std::vector<std::string> hidden_prefixes_;
};

}  // namespace dandelion::http

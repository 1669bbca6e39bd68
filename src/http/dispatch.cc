#include "http/dispatch.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cstring>
#include <exception>
#include <fstream>
#include <sstream>

#include "core/ids.h"

namespace dandelion::http {
namespace {

std::string JoinMethods(const std::vector<std::string>& methods) {
  std::string out;
  for (const auto& m : methods) {
    if (out.find(m) != std::string::npos) continue;
    if (!out.empty()) out += ", ";
    out += m;
  }
  return out;
}

// Replaces a file_path response by one carrying the file's bytes.
void LoadFile(Response& response, const Request& request) {
  std::ifstream in(response.file_path, std::ios::binary);
  std::ostringstream content;
  if (in) content << in.rdbuf();
  if (!in || in.bad()) {
    response = ErrorResponse(Error{ErrorCode::kNotFound, "error.not_found"}, request.lang,
                             request.request_id);
    return;
  }
  response.body = std::move(content).str();
  response.file_path.clear();
}

// A 500 or 503 tells the user to quote the request id: the log line with that id names the
// cause (the database's message, a full disk, an exception). Details are the storage layer's
// messages, which name tables and constraints, never field values (those are sealed or hashed
// before they reach the database).
void LogServerFailure(const Request& request, const Error& error) {
  const int status = HttpStatus(error.code);
  if (status < 500) return;
  boost::json::object line;
  line["event"] = "request_failed";
  line["request_id"] = request.request_id;
  line["route"] = request.route;
  line["status"] = status;
  line["cause"] = error.detail.empty() ? error.message_key : error.detail;
  const std::string text = boost::json::serialize(line);
  if (status == 500) {
    spdlog::error("{}", text);
  } else {
    spdlog::warn("{}", text);
  }
}

}  // namespace

std::optional<Error> PublicOnlyGate(Request&, const Route& route) {
  if (route.permission == kPublic) return std::nullopt;
  return Error{ErrorCode::kUnauthenticated, "error.unauthenticated", {}, "no security gate"};
}

Dispatcher::Dispatcher(const Router& router, Gate gate)
    : router_(router), gate_(gate ? std::move(gate) : Gate(PublicOnlyGate)) {
  // Request ids come from libsodium's generator; initialisation is idempotent.
  if (sodium_init() < 0) std::abort();
}

// Each thread keys SipHash once from the system's random source and hashes a counter: ids as
// unpredictable as random ones, without a getrandom() system call per request (1-2 % of a
// request's time in the profile, docs/performance.md).
std::string NewRequestId() {
  struct Generator {
    Generator() { crypto_shorthash_keygen(key); }
    ~Generator() { sodium_memzero(key, sizeof key); }
    unsigned char key[crypto_shorthash_KEYBYTES];
    uint64_t counter = 0;
  };
  thread_local Generator generator;
  const uint64_t n = ++generator.counter;
  unsigned char counter[sizeof n];
  std::memcpy(counter, &n, sizeof n);
  unsigned char id[crypto_shorthash_BYTES];
  crypto_shorthash(id, counter, sizeof counter, generator.key);
  return ToHex(std::string_view(reinterpret_cast<const char*>(id), sizeof id));
}

Response Dispatcher::Handle(Request& request) const {
  if (request.request_id.empty()) request.request_id = NewRequestId();
  Match match = router_.Find(request.method, request.raw_path);
  if (match.route == nullptr) {
    request.route = "unmatched";
    request.hide_caller_address = router_.HidesCallerAddress(request.raw_path);
    if (match.path_known) {
      Response r = ErrorResponse(Error{ErrorCode::kMethodNotAllowed, "error.method_not_allowed"},
                                 request.lang, request.request_id);
      r.SetHeader("Allow", JoinMethods(router_.AllowedMethods(request.raw_path)));
      return r;
    }
    return ErrorResponse(Error{ErrorCode::kNotFound, "error.route_not_found"}, request.lang,
                         request.request_id);
  }
  const Route& route = *match.route;
  request.route = route.path_template;
  request.hide_caller_address = route.hide_caller_address;
  request.path_params = std::move(match.params);
  try {
    if (std::optional<Error> refused = gate_(request, route)) {
      return ErrorResponse(*refused, request.lang, request.request_id);
    }
    Reply reply = route.handler(request);
    if (!reply && reply.error().code == ErrorCode::kUnauthenticated &&
        !request.principal.unconfirmed_session.empty()) {
      // The read found the session the gate remembered changed or gone
      // (security/session_confirmation.h): nothing of it was sent or audited. Check the session
      // in the database, and answer as if the gate had done so in the first place.
      request.principal = {};
      request.check_session_in_database = true;
      if (std::optional<Error> refused = gate_(request, route)) {
        return ErrorResponse(*refused, request.lang, request.request_id);
      }
      reply = route.handler(request);
    }
    if (!reply) {
      LogServerFailure(request, reply.error());
      return ErrorResponse(reply.error(), request.lang, request.request_id);
    }
    if (!reply->file_path.empty()) LoadFile(*reply, request);
    return std::move(*reply);
  } catch (const std::exception& e) {
    // The session boundary of docs/architecture.md: log with the request id, answer without
    // internals. what() goes to the log only.
    LogServerFailure(request, Error{ErrorCode::kInternal,
                                    "error.internal",
                                    {},
                                    std::string("handler exception: ") + e.what()});
  } catch (...) {
    LogServerFailure(
        request,
        Error{
            ErrorCode::kInternal, "error.internal", {}, "handler exception (not std::exception)"});
  }
  return ErrorResponse(Error{ErrorCode::kInternal, "error.internal"}, request.lang,
                       request.request_id);
}

void ApplyStandardHeaders(Response& response, std::string_view path, std::string_view request_id) {
  response.SetHeader("X-Request-Id", std::string(request_id));
  response.SetHeader("Content-Security-Policy",
                     "default-src 'self'; object-src 'none'; base-uri 'none'; "
                     "frame-ancestors 'none'");
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("Referrer-Policy", "no-referrer");
  response.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
  response.SetHeader("X-Frame-Options", "DENY");
  // API answers hold personal data: no browser or proxy may keep them. Elsewhere no-store is
  // the default too; only static files choose their own caching.
  bool api = path == "/api" || path.starts_with("/api/");
  if (api || response.Header("Cache-Control").empty()) {
    response.SetHeader("Cache-Control", "no-store");
  }
}

bool Dispatcher::ShouldOffload(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") return true;
  Match match = router_.Find(request.method, request.path);
  return match.route == nullptr || match.route->offload;
}

}  // namespace dandelion::http

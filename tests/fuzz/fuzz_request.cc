// libFuzzer target: untrusted bytes through the request path the server uses.
//
// The first byte picks what the rest is:
//   even: one raw HTTP/1.1 request -> Beast's parser -> BuildRequest() (ParseRequestBytes, as
//         the server reads it), then the router, and the JSON body checks if it has a body;
//   odd:  a JSON body -> ParseJsonObject() -> FieldReader with a typical handler's fields.
// Besides crashes and sanitizer reports it checks invariants the rest of the server relies on,
// aborting when one breaks.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/field_reader.h"
#include "http/json_body.h"
#include "http/request.h"
#include "http/router.h"
#include "http/text_util.h"
#include "http/wire.h"

namespace {

using namespace dandelion;        // NOLINT: fuzz target brevity
using namespace dandelion::http;  // NOLINT

void Check(bool ok) {
  if (!ok) std::abort();
}

const Router& TheRouter() {
  static const Router* router = [] {
    auto* r = new Router;
    auto h = [](Request&) { return Response::NoContent(); };
    for (const char* t : {"/healthz", "/api/v1/cases/{id}", "/api/v1/cases/mine",
                          "/api/v1/cases/{id}/notes", "/api/v1/people/{id}/consents"}) {
      r->Add({.method = "GET", .path_template = t, .permission = "x", .handler = h});
    }
    r->Add({.method = "POST", .path_template = "/api/v1/cases", .permission = "x", .handler = h});
    r->SetFallback({.method = "GET", .path_template = "static", .permission = "x", .handler = h});
    return r;
  }();
  return *router;
}

void ReadFields(const boost::json::object& body) {
  FieldReader f(body);
  f.String("legal_name", 100);
  f.OptString("alias", 50);
  f.Int("minutes", 0, 24 * 60);
  f.OptBool("urgent");
  f.Enum("risk_level", {"low", "medium", "high"});
  f.StringList("categories", 10, 40);
  f.Date("birth_date", false);
  f.Time("expires_at", false);
  if (const boost::json::object* scope = f.Object("scope", false)) {
    FieldReader s(*scope, "scope.");
    s.String("org", 30);
    f.Absorb(s);
  }
  auto done = f.Finish();
  if (!done) {
    Check(done.error().code == ErrorCode::kInvalid);
    Check(!done.error().fields.empty());
    // Every reported field name must be printable text (it goes back to the client).
    for (const auto& [name, reason] : done.error().fields) Check(IsValidUtf8(name));
  }
}

void FuzzJson(std::string_view bytes) {
  Request req;
  req.headers = {{"content-type", "application/json"}};
  req.body = std::string(bytes);
  auto body = ParseJsonObject(req, 16);
  if (!body) {
    Check(body.error().code == ErrorCode::kInvalid);
    return;
  }
  Check(IsValidUtf8(bytes));  // nothing that is not UTF-8 may be accepted
  ReadFields(*body);
}

void FuzzHttp(std::string_view bytes) {
  auto req = ParseRequestBytes(bytes, {.header_limit_bytes = 4096, .body_limit_bytes = 8192});
  if (!req) {
    Check(HttpStatus(req.error().code) == 400 || HttpStatus(req.error().code) == 413);
    return;
  }
  // What BuildRequest lets through must be safe for handlers and file paths.
  Check(req->path.find('\0') == std::string::npos);
  Check(IsValidUtf8(req->path));
  Check(req->path.find("/../") == std::string::npos && !req->path.ends_with("/.."));
  for (const auto& [name, value] : req->query) Check(IsValidUtf8(name) && IsValidUtf8(value));
  for (const auto& [name, value] : req->headers) Check(name == AsciiLower(name));
  (void)req->Cookie("__Host-dandelion_session");
  Match m = TheRouter().Find(req->method, req->raw_path);
  for (const auto& [name, value] : m.params) Check(!value.empty() && value != "..");
  if (!req->body.empty()) {
    auto body = ParseJsonObject(*req, 16);
    if (body) ReadFields(*body);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    FuzzHttp(rest);
  } else {
    FuzzJson(rest);
  }
  return 0;
}

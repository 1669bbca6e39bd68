// Request and Response: the project's own small HTTP types.
//
// Modules and services see only these, never Boost.Beast (which only http/*.cc includes), so
// they compile fast and can be tested without a socket.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/messages.h"

namespace dandelion::http {

class EventStream;  // event_stream.h

// Who is calling: filled by the authentication middleware (security layer) before a handler
// runs. Empty for anonymous callers. Modules interpret it through security/ only.
struct Principal {
  std::string user_id;
  std::string org_id;
  std::string session_id;
  std::vector<std::string> roles;
  bool mfa_complete = false;
  std::string csrf_token;  // the session's token, echoed by GET /api/v1/me
  int64_t reauth_at = 0;   // unix seconds of the session's last re-authentication, 0 = never
  // Set when the gate took the session from memory: the read must confirm it
  // (security/session_confirmation.h). Empty when the gate checked it in the database.
  std::string unconfirmed_session;
  std::string session_fingerprint;
  bool empty() const { return user_id.empty(); }
};

struct Request {
  std::string method;    // "GET", "POST", ...
  std::string target;    // as received, e.g. "/api/v1/people?name=x"
  std::string path;      // decoded path without the query
  std::string raw_path;  // the path as received, still percent-encoded; the router matches it
  std::map<std::string, std::string> query;        // decoded query parameters (last one wins)
  std::map<std::string, std::string> path_params;  // from the route template, e.g. {id}
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote_address;  // peer IP, no port
  std::string request_id;      // set by the server for logs and error replies
  std::string route;           // the matched route template, for metrics and logs
  Lang lang = Lang::kKo;       // from Accept-Language
  // The matched route's Route::hide_caller_address: the access log leaves the address out.
  bool hide_caller_address = false;
  Principal principal;
  // The gate must check the session in the database, not take it from memory: set when a read
  // found the remembered session changed (Route::session_confirmed_by_read).
  bool check_session_in_database = false;

  // The first header with this (lower-case) name, or "".
  std::string_view Header(std::string_view name) const;
  // A cookie's value from the Cookie header, or "".
  std::string Cookie(std::string_view name) const;
  // The query parameter or "", and whether it was present.
  std::string Query(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Serve this file's contents instead of body (static files); empty = use body.
  std::string file_path;
  // When set, the server calls it with a completion and holds the reply until the completion
  // runs (from any thread): with true the reply is sent, with false a 500 goes instead. Reads
  // of survivor data use it to wait for their audit entry (security/audit_batcher.h) without
  // blocking an IO thread.
  std::function<void(std::function<void(bool)>)> await_commit;
  // Instead of body: stream server-sent events from this until it closes (event_stream.h).
  // Only for a 200 answer to GET; the connection closes when the stream ends.
  std::shared_ptr<EventStream> stream;

  void SetHeader(std::string name, std::string value);

  // The first header with this name (case-insensitive), or "".
  std::string_view Header(std::string_view name) const;

  static Response Json(int status, const boost::json::value& body);
  // JSON text already written (http/json_writer.h).
  static Response JsonText(int status, std::string json);
  static Response Text(int status, std::string content_type, std::string body);
  static Response NoContent();
};

// A JSON error reply in the contract's shape, with message and field reasons in lang:
// {"error": {"code", "message", "fields"?, "request_id"?}}.
Response ErrorResponse(const Error& error, Lang lang, std::string_view request_id);

}  // namespace dandelion::http

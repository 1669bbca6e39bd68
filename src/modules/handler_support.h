// What every module's handlers share: the security layer's view of the caller, reading a JSON
// body, and the small JSON shapes every reply uses.
//
// A handler has one shape (see docs/architecture.md, "A route"):
//
//   router.Add({.method = "POST", .path_template = "/api/v1/cases", .permission = ...,
//               .handler = [&cases](Request& req) -> http::Reply {
//                 CaseFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
//                   return ReadFields(f, true);
//                 }));
//                 return Response::Json(201, CaseJson(TRY(cases.Open(ActorOf(req), in))));
//               },
//               ...});
//
// A failed TRY returns the service's Error, which the dispatcher turns into the contract's JSON
// error reply in the caller's language.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "http/field_reader.h"
#include "http/json_body.h"
#include "http/request.h"
#include "http/router.h"
#include "security/actor.h"
#include "security/audit_batcher.h"

namespace dandelion {

inline security::Actor ActorOf(const http::Request& request) {
  security::Actor a;
  a.user_id = request.principal.user_id;
  a.org_id = request.principal.org_id;
  a.session_id = request.principal.session_id;
  a.roles = request.principal.roles;
  a.mfa_complete = request.principal.mfa_complete;
  a.reauth_at = request.principal.reauth_at;
  a.request_id = request.request_id;
  a.remote = request.remote_address;
  a.unconfirmed_session = request.principal.unconfirmed_session;
  a.session_fingerprint = request.principal.session_fingerprint;
  return a;
}

// The reply's wait for the audit entry a read owes (http::Response::await_commit).
inline std::function<void(std::function<void(bool)>)> AwaitAudit(security::PendingAudit audit) {
  auto owed = std::make_shared<security::PendingAudit>(std::move(audit));
  return [owed](std::function<void(bool)> done) { owed->Submit(std::move(done)); };
}

// A 200 JSON answer to an audited read: it goes out once the read's audit entry is written.
// read is taken by reference, so a body built from read.value in the same call is safe.
template <class T>
http::Response AuditedJson(security::Audited<T>&& read, boost::json::object body) {
  http::Response res = http::Response::Json(200, std::move(body));
  res.await_commit = AwaitAudit(std::move(read.audit));
  return res;
}

// The {id} of the route's path.
inline const std::string& Id(http::Request& request) { return request.path_params["id"]; }

// Parses the request's JSON object body and lets read take its fields, then refuses a field it
// did not take (http::FieldReader::Finish). The value is what read returns (nothing if void).
template <class Read>
auto ReadBody(const http::Request& request, Read read)
    -> Result<std::invoke_result_t<Read, http::FieldReader&>> {
  boost::json::object body = TRY(http::ParseJsonObject(request));
  http::FieldReader fields(body);
  if constexpr (std::is_void_v<std::invoke_result_t<Read, http::FieldReader&>>) {
    read(fields);
    return fields.Finish();
  } else {
    auto value = read(fields);
    TRY(fields.Finish());
    return value;
  }
}

// For routes whose fields are all optional: an empty body reads as an empty object.
template <class Read>
auto ReadOptionalBody(const http::Request& req, Read read)
    -> Result<std::invoke_result_t<Read, http::FieldReader&>> {
  if (!req.body.empty()) return ReadBody(req, read);
  const boost::json::object empty;
  http::FieldReader f(empty);
  if constexpr (std::is_void_v<std::invoke_result_t<Read, http::FieldReader&>>) {
    read(f);
    return f.Finish();
  } else {
    auto value = read(f);
    TRY(f.Finish());
    return value;
  }
}

// An empty text is JSON null in replies: "not recorded", not "recorded as nothing".
inline boost::json::value OrNull(const std::string& s) {
  return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
}

inline boost::json::array ListJson(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

// A field given in the body with a value (JSON null counts as absent).
inline bool Present(const boost::json::object& body, std::string_view name) {
  auto it = body.find(name);
  return it != body.end() && !it->value().is_null();
}

inline http::Response Refuse(const http::Request& request, const Error& error) {
  return http::ErrorResponse(error, request.lang, request.request_id);
}

}  // namespace dandelion

#include "http/request.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "http/http_messages.h"
#include "http/text_util.h"

namespace dandelion::http {

std::string_view Request::Header(std::string_view name) const {
  // Names are stored lower-case; callers may still pass mixed case.
  for (const auto& [n, v] : headers) {
    if (AsciiIEquals(n, name)) return v;
  }
  return {};
}

std::string Request::Cookie(std::string_view name) const {
  // The first cookie of that name wins: with __Host- cookies a second one could only have been
  // planted by a sibling origin, so it must not override the real one.
  for (const auto& [n, v] : headers) {
    if (n != "cookie") continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      size_t semi = rest.find(';');
      std::string_view pair = TrimSpaces(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      size_t eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (TrimSpaces(pair.substr(0, eq)) != name) continue;
      std::string_view value = TrimSpaces(pair.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return std::string(value);
    }
  }
  return {};
}

std::string Request::Query(std::string_view name) const {
  auto it = query.find(std::string(name));
  return it == query.end() ? std::string() : it->second;
}

void Response::SetHeader(std::string name, std::string value) {
  for (auto& [n, v] : headers) {
    if (AsciiIEquals(n, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view Response::Header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (AsciiIEquals(n, name)) return v;
  }
  return {};
}

Response Response::Json(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = boost::json::serialize(body);
  return r;
}

Response Response::JsonText(int status, std::string json) {
  return Text(status, "application/json", std::move(json));
}

Response Response::Text(int status, std::string content_type, std::string body) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

Response Response::NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response ErrorResponse(const Error& error, Lang lang, std::string_view request_id) {
  RegisterHttpMessages();
  boost::json::object inner;
  inner["code"] = CodeName(error.code);
  // An error without a key still gets a readable message: the generic one for its code.
  std::string key =
      error.message_key.empty() ? "error." + std::string(CodeName(error.code)) : error.message_key;
  std::string message = Translate(key, lang);
  if (!error.limit.empty()) {
    // What remains under the limit, in the message too: "… 남은 금액: 3,000,000원".
    std::string digits = std::to_string(error.remaining < 0 ? 0 : error.remaining);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3) digits.insert(size_t(i), ",");
    std::string tail =
        Translate(error.limit == "months" ? "error.remaining_months" : "error.remaining_krw", lang);
    if (auto at = tail.find("{n}"); at != std::string::npos) tail.replace(at, 3, digits);
    message += " " + tail;
  }
  inner["message"] = message;
  if (!error.fields.empty()) {
    boost::json::object fields;
    for (const auto& [field, reason] : error.fields) fields[field] = Translate(reason, lang);
    inner["fields"] = std::move(fields);
  }
  if (!error.refs.empty()) {
    boost::json::object refs;
    for (const auto& [name, ids] : error.refs) {
      boost::json::array list;
      for (const auto& id : ids) list.emplace_back(id);
      refs[name] = std::move(list);
    }
    inner["refs"] = std::move(refs);
  }
  if (!error.limit.empty()) {
    inner["limit"] = {{"name", error.limit}, {"remaining", error.remaining}};
  }
  if (!request_id.empty()) inner["request_id"] = request_id;
  boost::json::object outer;
  outer["error"] = std::move(inner);
  return Response::Json(HttpStatus(error.code), outer);
}

}  // namespace dandelion::http

#include "http/wire.h"

#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/text_util.h"

namespace dandelion::http {
namespace {

namespace beast = boost::beast;

Failure BadTarget(std::string detail) {
  return Fail(ErrorCode::kInvalid, "error.bad_target", std::move(detail));
}

// Query strings are decoded with '+' as space, as browsers' forms encode them.
Result<void> ParseQuery(std::string_view query, std::map<std::string, std::string>* out) {
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    auto name = PercentDecode(pair.substr(0, eq), true);
    auto value = PercentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
    if (!name || !value) return BadTarget("malformed escape in query");
    if (name->find('\0') != std::string::npos || value->find('\0') != std::string::npos) {
      return BadTarget("NUL in query");
    }
    if (!IsValidUtf8(*name) || !IsValidUtf8(*value)) {
      return Fail(ErrorCode::kInvalid, "error.invalid_utf8", "query is not UTF-8");
    }
    (*out)[std::move(*name)] = std::move(*value);  // the last one wins
  }
  return Ok();
}

}  // namespace

Result<Request> BuildRequest(RawRequest raw) {
  Request req;
  req.method = std::move(raw.method);
  std::string_view target = raw.target;
  if (target.empty() || target.front() != '/') return BadTarget("target is not origin-form");
  if (target.find('#') != std::string_view::npos) return BadTarget("fragment in target");
  size_t q = target.find('?');
  req.raw_path = std::string(target.substr(0, q));
  auto path = PercentDecode(req.raw_path, false);
  if (!path) return BadTarget("malformed escape in path");
  if (path->find('\0') != std::string::npos) return BadTarget("NUL in path");
  if (!IsValidUtf8(*path)) return Fail(ErrorCode::kInvalid, "error.invalid_utf8", "path");
  // Checked on the decoded path, so "%2e%2e" and "..%2f" are caught too.
  for (std::string_view rest = *path; !rest.empty();) {
    size_t slash = rest.find('/', 1);
    std::string_view seg = rest.substr(1, slash == std::string_view::npos ? slash : slash - 1);
    if (seg == "." || seg == "..") return BadTarget("dot segment in path");
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  }
  req.path = std::move(*path);
  if (q != std::string_view::npos) {
    TRY(ParseQuery(target.substr(q + 1), &req.query));
  }
  req.target = std::move(raw.target);
  req.headers.reserve(raw.headers.size());
  for (auto& [name, value] : raw.headers) {
    req.headers.emplace_back(AsciiLower(name), std::move(value));
  }
  req.lang = LangFromAcceptLanguage(req.Header("accept-language"));
  req.body = std::move(raw.body);
  return req;
}

Result<Request> ParseRequestBytes(std::string_view bytes, const ParseLimits& limits) {
  beast::http::request_parser<beast::http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(limits.header_limit_bytes));
  parser.body_limit(limits.body_limit_bytes);
  parser.eager(true);
  beast::error_code ec;
  size_t used = 0;
  // put() consumes the header and then the body in pieces; need_more means the bytes ended
  // mid-message.
  while (!parser.is_done() && used < bytes.size()) {
    size_t n = parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    if (ec == beast::http::error::need_more) {
      return Fail(ErrorCode::kInvalid, "error.bad_request", "incomplete request");
    }
    if (ec) return Fail(ParseError(ec));
    if (n == 0) break;
    used += n;
  }
  if (!parser.is_done()) return Fail(ErrorCode::kInvalid, "error.bad_request", "incomplete");
  auto& msg = parser.get();
  RawRequest raw;
  raw.method = std::string(msg.method_string());
  raw.target = std::string(msg.target());
  for (const auto& field : msg) {
    raw.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  raw.body = std::move(msg.body());
  return BuildRequest(std::move(raw));
}

Error ParseError(const boost::system::error_code& ec) {
  if (ec == beast::http::error::header_limit) {
    return Error{ErrorCode::kInvalid, "error.headers_too_large", {}, ec.message()};
  }
  if (ec == beast::http::error::body_limit) {
    return Error{ErrorCode::kTooLarge, "error.too_large", {}, ec.message()};
  }
  return Error{ErrorCode::kInvalid, "error.bad_request", {}, ec.message()};
}

}  // namespace dandelion::http

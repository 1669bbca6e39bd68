#include "http/json_body.h"

#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/value.hpp>

#include "http/text_util.h"

namespace dandelion::http {

bool IsJsonContentType(std::string_view content_type) {
  size_t semi = content_type.find(';');
  if (!AsciiIEquals(TrimSpaces(content_type.substr(0, semi)), "application/json")) return false;
  // The only parameter JSON has is charset, and JSON is UTF-8 (RFC 8259); refuse any other
  // charset rather than misread the bytes.
  std::string_view params =
      semi == std::string_view::npos ? std::string_view{} : content_type.substr(semi + 1);
  while (!params.empty()) {
    size_t next = params.find(';');
    std::string_view param = TrimSpaces(params.substr(0, next));
    params = next == std::string_view::npos ? std::string_view{} : params.substr(next + 1);
    size_t eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    if (!AsciiIEquals(TrimSpaces(param.substr(0, eq)), "charset")) continue;
    std::string_view value = TrimSpaces(param.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (!AsciiIEquals(value, "utf-8")) return false;
  }
  return true;
}

Result<boost::json::object> ParseJsonObject(const Request& request, size_t max_depth) {
  if (!IsJsonContentType(request.Header("content-type"))) {
    return Fail(ErrorCode::kUnsupportedMedia, "error.unsupported_media",
                "content-type is not application/json");
  }
  // Checked before parsing so the caller learns the precise reason; Boost.JSON would refuse
  // the same bytes, but with a generic syntax error.
  if (!IsValidUtf8(request.body)) {
    return Fail(ErrorCode::kInvalid, "error.invalid_utf8", "body is not valid UTF-8");
  }
  boost::json::parse_options options;
  options.max_depth = max_depth;
  options.allow_comments = false;
  options.allow_trailing_commas = false;
  options.allow_invalid_utf8 = false;
  boost::json::error_code ec;
  boost::json::value value = boost::json::parse(request.body, ec, {}, options);
  if (ec) return Fail(ErrorCode::kInvalid, "error.invalid_json", ec.message());
  if (!value.is_object()) {
    return Fail(ErrorCode::kInvalid, "error.expected_object", "body is not a JSON object");
  }
  return std::move(value.as_object());
}

}  // namespace dandelion::http

// From bytes on the wire to a Request: the one conversion both the server and the fuzz target
// use, so what is fuzzed is what is served.
//
// The server reads with Boost.Beast, copies the parsed message into a RawRequest and calls
// BuildRequest(). ParseRequestBytes() does the same from a byte buffer. Pure; thread-safe.
#pragma once

#include <boost/system/error_code.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "http/request.h"

namespace dandelion::http {

// A parsed HTTP message before our checks: header names in any case, target undecoded.
struct RawRequest {
  std::string method;
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct ParseLimits {
  size_t header_limit_bytes = 16 * 1024;
  size_t body_limit_bytes = 1024 * 1024;
};

// Splits and decodes the target, lower-cases header names and picks the language. Fails with
// 400 "error.bad_target" for a target that is not an absolute path (origin-form), has a
// malformed escape, a NUL, a "." or ".." segment or a fragment, and 400 "error.invalid_utf8"
// when the decoded path or query is not UTF-8.
Result<Request> BuildRequest(RawRequest raw);

// One complete request in bytes -> Request. Fails as BuildRequest does, and with the errors
// of ParseError() when the bytes are not one whole, well-formed HTTP/1.x request.
Result<Request> ParseRequestBytes(std::string_view bytes, const ParseLimits& limits);

// The reply for a Beast parse error: 400 "error.headers_too_large" for header_limit,
// 413 "error.too_large" for body_limit, 400 "error.bad_request" for anything else.
Error ParseError(const boost::system::error_code& ec);

}  // namespace dandelion::http

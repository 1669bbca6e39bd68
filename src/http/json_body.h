// Reading a request's JSON body: media type, strict UTF-8, bounded nesting, object shape.
//
// Every handler that takes a body calls ParseJsonObject() and then reads fields with a
// FieldReader (field_reader.h), so malformed input is refused the same way everywhere.
// Pure functions; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/request.h"

namespace dandelion::http {

// The body as a JSON object. Fails with
//   415 "error.unsupported_media" unless Content-Type is application/json (charset utf-8 if any),
//   400 "error.invalid_utf8"      when the body is not strictly valid UTF-8,
//   400 "error.invalid_json"      when it is not JSON or nests deeper than max_depth,
//   400 "error.duplicate_key"     when an object, at any depth, repeats a key (the error's
//                                 fields name it, dotted from the top: "a.b");
//   400 "error.expected_object"   when it is JSON but not an object.
Result<boost::json::object> ParseJsonObject(const Request& request, size_t max_depth = 32);

// The dotted path of the first key an object in text repeats, if any (nullopt for no
// duplicate, and for text that is not JSON).
std::optional<std::string> FindDuplicateKey(std::string_view text, size_t max_depth = 32);

// True when a Content-Type header value names application/json (parameters allowed).
bool IsJsonContentType(std::string_view content_type);

}  // namespace dandelion::http

#include "http/json_body.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/value.hpp>
#include <set>
#include <vector>

#include "http/text_util.h"

namespace dandelion::http {
namespace {

// A basic_parser handler that only watches object keys: each open object keeps the set of keys
// seen so far, and the first key seen twice in one object is remembered with its path.
struct DuplicateKeyFinder {
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  struct Level {
    bool object = false;
    std::string name;  // this container's key in its parent ("" at the top or in an array)
    std::set<std::string> keys;
  };
  std::vector<Level> levels;
  std::string key;      // the key being read
  std::string pending;  // the last complete key: the name of a container that opens next
  std::optional<std::string> duplicate;

  std::string PathTo(const std::string& last) const {
    std::string path;
    for (const auto& level : levels) {
      if (level.name.empty()) continue;
      path += level.name + ".";
    }
    return path + last;
  }
  void Open(bool object) { levels.push_back({object, std::exchange(pending, {}), {}}); }
  bool on_document_begin(boost::json::error_code&) { return true; }
  bool on_document_end(boost::json::error_code&) { return true; }
  bool on_object_begin(boost::json::error_code&) {
    Open(true);
    return true;
  }
  bool on_object_end(std::size_t, boost::json::error_code&) {
    levels.pop_back();
    return true;
  }
  bool on_array_begin(boost::json::error_code&) {
    Open(false);
    return true;
  }
  bool on_array_end(std::size_t, boost::json::error_code&) {
    levels.pop_back();
    return true;
  }
  bool on_key_part(boost::json::string_view s, std::size_t, boost::json::error_code&) {
    key.append(s.data(), s.size());
    return true;
  }
  bool on_key(boost::json::string_view s, std::size_t, boost::json::error_code&) {
    key.append(s.data(), s.size());
    if (!levels.back().keys.insert(key).second && !duplicate) duplicate = PathTo(key);
    pending = std::exchange(key, {});
    return true;
  }
  bool Scalar() {
    pending.clear();
    return true;
  }
  bool on_string_part(boost::json::string_view, std::size_t, boost::json::error_code&) {
    return true;
  }
  bool on_string(boost::json::string_view, std::size_t, boost::json::error_code&) {
    return Scalar();
  }
  bool on_number_part(boost::json::string_view, boost::json::error_code&) { return true; }
  bool on_int64(std::int64_t, boost::json::string_view, boost::json::error_code&) {
    return Scalar();
  }
  bool on_uint64(std::uint64_t, boost::json::string_view, boost::json::error_code&) {
    return Scalar();
  }
  bool on_double(double, boost::json::string_view, boost::json::error_code&) { return Scalar(); }
  bool on_bool(bool, boost::json::error_code&) { return Scalar(); }
  bool on_null(boost::json::error_code&) { return Scalar(); }
  bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
  bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }
};

}  // namespace

std::optional<std::string> FindDuplicateKey(std::string_view text, size_t max_depth) {
  boost::json::parse_options options;
  options.max_depth = max_depth;
  boost::json::basic_parser<DuplicateKeyFinder> parser(options);
  boost::json::error_code ec;
  parser.write_some(false, text.data(), text.size(), ec);
  if (ec) return std::nullopt;  // not JSON: the caller's parse reports that
  return parser.handler().duplicate;
}

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
  // Boost.JSON keeps the last of repeated keys; a client and the server could then read the
  // same document differently (a proxy or validator sees the first), so refuse it outright.
  if (auto key = FindDuplicateKey(request.body, max_depth)) {
    return Fail(Error{ErrorCode::kInvalid, "error.duplicate_key", {}, "duplicate key"}.Field(
        *key, "field.duplicate_key"));
  }
  if (!value.is_object()) {
    return Fail(ErrorCode::kInvalid, "error.expected_object", "body is not a JSON object");
  }
  return std::move(value.as_object());
}

}  // namespace dandelion::http

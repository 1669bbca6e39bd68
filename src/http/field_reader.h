// FieldReader: typed, collecting reads of a JSON object's fields for request validation.
//
// A handler reads every field it accepts, then calls Finish(): the result is ok, or one
// 400 "invalid" error naming every bad field with a reason key ("field.required",
// "field.wrong_type", "field.too_long", "field.unknown_value", "field.unknown", ...), so the
// web app can mark all of them at once. Fields the handler never read are refused as unknown:
// a misspelt or unexpected field is an error, not silently dropped data.
//
//   FieldReader f(body);
//   std::string name = f.String("legal_name", 100);
//   auto alias = f.OptString("alias", 100);
//   std::string kind = f.Enum("kind", {"shelter", "counselling"});
//   if (auto ok = f.Finish(); !ok) return ErrorResponse(ok.error(), ...);
//
// Required readers return a default value when the field is bad; it is never used because
// Finish() then fails. JSON null counts as absent. String lengths are in code points.
// Not thread-safe; one per request.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace dandelion::http {

class FieldReader {
 public:
  // prefix names nested fields in errors, e.g. "scope." for an object under "scope".
  explicit FieldReader(const boost::json::object& object, std::string prefix = "");

  // A string of at most max_len code points; required ones must not be empty. Control
  // characters other than tab, CR and LF are refused ("field.invalid_chars").
  std::string String(std::string_view name, size_t max_len, bool required = true);
  std::optional<std::string> OptString(std::string_view name, size_t max_len);

  // An integer within [min, max]; fractions and numbers as strings are wrong_type.
  int64_t Int(std::string_view name, int64_t min, int64_t max);
  std::optional<int64_t> OptInt(std::string_view name, int64_t min, int64_t max);

  bool Bool(std::string_view name);
  std::optional<bool> OptBool(std::string_view name);

  // One of the allowed strings ("field.unknown_value" otherwise); "" when absent and optional.
  std::string Enum(std::string_view name, std::span<const std::string_view> allowed,
                   bool required = true);
  std::string Enum(std::string_view name, std::initializer_list<std::string_view> allowed,
                   bool required = true);

  // An array of strings, at most max_items of at most max_len code points each.
  std::vector<std::string> StringList(std::string_view name, size_t max_items, size_t max_len,
                                      bool required = false);

  // A calendar date "YYYY-MM-DD", returned as given; "" when absent and optional.
  std::string Date(std::string_view name, bool required = true);

  // An RFC 3339 time.
  std::optional<TimePoint> Time(std::string_view name, bool required = true);

  // A nested object (read it with a FieldReader whose prefix is "name.", then Absorb() it).
  const boost::json::object* Object(std::string_view name, bool required = true);

  // Marks a field as accepted without reading it (e.g. read by hand with raw()).
  void Accept(std::string_view name);
  // Records a reason for a field a custom rule refused.
  void Reject(std::string_view name, std::string reason_key);
  // Takes over a nested reader's errors, its unknown fields included.
  void Absorb(FieldReader& nested);

  bool has_errors() const { return !error_.fields.empty(); }
  const boost::json::object& raw() const { return object_; }

  // Ok, or 400 "error.invalid" with every bad and unknown field.
  Result<void> Finish();

 private:
  // The field's value after marking it seen; nullptr when absent or null (and, when required,
  // records "field.required").
  const boost::json::value* Get(std::string_view name, bool required);
  std::optional<std::string> CheckString(std::string_view name, const boost::json::value& v,
                                         size_t max_len);
  void CollectUnknown();

  const boost::json::object& object_;
  std::string prefix_;
  std::set<std::string, std::less<>> seen_;
  Error error_;
};

}  // namespace dandelion::http

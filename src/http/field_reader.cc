#include "http/field_reader.h"

#include <algorithm>
#include <limits>

#include "http/text_util.h"

namespace dandelion::http {
namespace {

bool HasForbiddenControl(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
  });
}

// The value as an int64 if it is an integer (Boost.JSON keeps big ones as uint64).
std::optional<int64_t> AsInteger(const boost::json::value& v) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() && v.get_uint64() <= uint64_t{std::numeric_limits<int64_t>::max()}) {
    return static_cast<int64_t>(v.get_uint64());
  }
  return std::nullopt;
}

}  // namespace

FieldReader::FieldReader(const boost::json::object& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {
  error_.code = ErrorCode::kInvalid;
  error_.message_key = "error.invalid";
}

const boost::json::value* FieldReader::Get(std::string_view name, bool required) {
  seen_.emplace(name);
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) {
    if (required) Reject(name, "field.required");
    return nullptr;
  }
  return &it->value();
}

std::optional<std::string> FieldReader::CheckString(std::string_view name,
                                                    const boost::json::value& v, size_t max_len) {
  if (!v.is_string()) {
    Reject(name, "field.wrong_type");
    return std::nullopt;
  }
  std::string_view s = v.get_string();
  // Boost.JSON accepts escaped lone surrogates ("\ud800") and turns them into bytes that are not
  // UTF-8; they must not reach storage.
  if (!IsValidUtf8(s) || HasForbiddenControl(s)) {
    Reject(name, "field.invalid_chars");
    return std::nullopt;
  }
  if (CodePointCount(s) > max_len) {
    Reject(name, "field.too_long");
    return std::nullopt;
  }
  return std::string(s);
}

std::string FieldReader::String(std::string_view name, size_t max_len, bool required) {
  const boost::json::value* v = Get(name, required);
  if (v == nullptr) return {};
  auto s = CheckString(name, *v, max_len);
  if (!s) return {};
  if (required && s->empty()) {
    Reject(name, "field.empty");
    return {};
  }
  return std::move(*s);
}

std::optional<std::string> FieldReader::OptString(std::string_view name, size_t max_len) {
  const boost::json::value* v = Get(name, false);
  if (v == nullptr) return std::nullopt;
  return CheckString(name, *v, max_len);
}

std::optional<int64_t> FieldReader::OptInt(std::string_view name, int64_t min, int64_t max) {
  const boost::json::value* v = Get(name, false);
  if (v == nullptr) return std::nullopt;
  auto n = AsInteger(*v);
  if (!n) {
    Reject(name, v->is_number() && !v->is_double() ? "field.out_of_range" : "field.wrong_type");
    return std::nullopt;
  }
  if (*n < min || *n > max) {
    Reject(name, "field.out_of_range");
    return std::nullopt;
  }
  return n;
}

int64_t FieldReader::Int(std::string_view name, int64_t min, int64_t max) {
  if (Get(name, true) == nullptr) return 0;
  return OptInt(name, min, max).value_or(0);
}

std::optional<bool> FieldReader::OptBool(std::string_view name) {
  const boost::json::value* v = Get(name, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_bool()) {
    Reject(name, "field.wrong_type");
    return std::nullopt;
  }
  return v->get_bool();
}

bool FieldReader::Bool(std::string_view name) {
  if (Get(name, true) == nullptr) return false;
  return OptBool(name).value_or(false);
}

std::string FieldReader::Enum(std::string_view name, std::span<const std::string_view> allowed,
                              bool required) {
  const boost::json::value* v = Get(name, required);
  if (v == nullptr) return {};
  if (!v->is_string()) {
    Reject(name, "field.wrong_type");
    return {};
  }
  std::string_view s = v->get_string();
  // Nothing chosen is a missing choice, not a wrong one: say so the same way everywhere.
  if (s.empty()) {
    Reject(name, required ? "field.required" : "field.unknown_value");
    return {};
  }
  if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
    Reject(name, "field.unknown_value");
    return {};
  }
  return std::string(s);
}

std::string FieldReader::Enum(std::string_view name,
                              std::initializer_list<std::string_view> allowed, bool required) {
  return Enum(name, std::span<const std::string_view>(allowed.begin(), allowed.size()), required);
}

std::vector<std::string> FieldReader::StringList(std::string_view name, size_t max_items,
                                                 size_t max_len, bool required) {
  std::vector<std::string> out;
  const boost::json::value* v = Get(name, required);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    Reject(name, "field.wrong_type");
    return out;
  }
  const boost::json::array& items = v->get_array();
  if (items.size() > max_items) {
    Reject(name, "field.too_many");
    return out;
  }
  for (const boost::json::value& item : items) {
    auto s = CheckString(name, item, max_len);
    if (!s) return {};
    out.push_back(std::move(*s));
  }
  if (required && out.empty()) Reject(name, "field.empty");
  return out;
}

std::string FieldReader::Date(std::string_view name, bool required) {
  const boost::json::value* v = Get(name, required);
  if (v == nullptr) return {};
  int y, m, d;
  if (!v->is_string() || !ParseDate(v->get_string(), &y, &m, &d)) {
    Reject(name, v->is_string() ? "field.invalid_date" : "field.wrong_type");
    return {};
  }
  return std::string(v->get_string());
}

std::optional<TimePoint> FieldReader::Time(std::string_view name, bool required) {
  const boost::json::value* v = Get(name, required);
  if (v == nullptr) return std::nullopt;
  TimePoint t;
  if (!v->is_string() || !ParseRfc3339(v->get_string(), &t)) {
    Reject(name, v->is_string() ? "field.invalid_time" : "field.wrong_type");
    return std::nullopt;
  }
  return t;
}

const boost::json::object* FieldReader::Object(std::string_view name, bool required) {
  const boost::json::value* v = Get(name, required);
  if (v == nullptr) return nullptr;
  if (!v->is_object()) {
    Reject(name, "field.wrong_type");
    return nullptr;
  }
  return &v->get_object();
}

void FieldReader::Accept(std::string_view name) { seen_.emplace(name); }

void FieldReader::Reject(std::string_view name, std::string reason_key) {
  // The first reason for a field is the one reported; later ones are consequences.
  error_.fields.emplace(prefix_ + std::string(name), std::move(reason_key));
}

void FieldReader::CollectUnknown() {
  // Unknown names are echoed back to the caller, so a hostile body with thousands of keys (or
  // keys that are not text) must not make the reply large or malformed.
  constexpr int kMaxReported = 20;
  int reported = 0;
  for (const auto& kv : object_) {
    if (seen_.contains(std::string_view(kv.key()))) continue;
    if (++reported > kMaxReported) break;
    std::string_view key = kv.key();
    bool printable = IsValidUtf8(key) && !HasForbiddenControl(key) && key.size() <= 100;
    Reject(printable ? key : std::string_view("(unprintable)"), "field.unknown");
  }
}

void FieldReader::Absorb(FieldReader& nested) {
  nested.CollectUnknown();
  for (auto& [field, reason] : nested.error_.fields) error_.fields.emplace(field, reason);
}

Result<void> FieldReader::Finish() {
  CollectUnknown();
  if (error_.fields.empty()) return Ok();
  Error e = error_;
  e.detail = "invalid fields";
  return Fail(std::move(e));
}

}  // namespace dandelion::http

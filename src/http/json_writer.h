// JSON text written straight into one string, for replies made of many records (a list of 200
// cases): boost::json's tree costs allocations per member, a walk to serialize it and another to
// free it, a sixth of a case list's CPU when it was measured (docs/performance.md, "Case lists:
// her key kept with her rows"). The text is what boost::json::serialize writes for the same
// values: UTF-8 passed through, '"', '\' and control characters escaped.
//
//   JsonWriter w;
//   w.Object().Key("id").String(id).Key("closed_at").StringOrNull(closed).End();
//   std::string body = std::move(w).Take();
//
// The writer trusts its caller for the shape (a key before each member's value, End for every
// Object and Array); a unit test per reply shape catches a slip.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

namespace dandelion::http {

// A member's name as the program spells it: checked when compiled to need no escaping, so the
// writer copies it as it is (quoting every key was a twentieth of a case list's CPU).
class JsonKey {
 public:
  consteval JsonKey(const char* name) : name_(name) {  // NOLINT: literals convert implicitly
    for (const char* c = name; *c != '\0'; ++c) {
      if (static_cast<unsigned char>(*c) < 0x20 || *c == '"' || *c == '\\') {
        throw "a JSON key that needs escaping";  // not a constant expression: a compile error
      }
    }
  }
  std::string_view name() const { return name_; }

 private:
  std::string_view name_;
};

class JsonWriter {
 public:
  JsonWriter& Object();
  JsonWriter& Array();
  JsonWriter& End();  // of the innermost Object or Array
  JsonWriter& Key(JsonKey key);
  JsonWriter& String(std::string_view text);
  JsonWriter& StringOrNull(std::string_view text);  // null for "", as the API shows unset text
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  JsonWriter& Value(const boost::json::value& value);  // a tree, for the odd member that has one

  std::string Take() && { return std::move(out_); }

 private:
  JsonWriter& Open(char opener, char closer);
  void Separate();  // the comma before a member or element that is not its container's first
  void Quoted(std::string_view text);

  std::string out_;
  std::string closers_;  // '}' or ']' per open container, innermost last
  bool comma_ = false;   // a value was just written: the next member or element needs a comma
};

}  // namespace dandelion::http

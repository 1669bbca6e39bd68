#include "http/json_writer.h"

#include <boost/json/serialize.hpp>
#include <cstdint>
#include <cstring>

namespace dandelion::http {
namespace {

// True when one of the eight bytes of word is below 0x20, '"' or '\\': the bytes JSON escapes.
// A list's reply is tens of kilobytes of text, nearly all plain, so the scan looks at eight bytes
// at a time (docs/performance.md, "Case lists: her key kept with her rows").
bool AnyToEscape(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  constexpr uint64_t kHigh = 0x8080808080808080;
  // Nonzero exactly when some byte of w is below n (for n up to 0x80; bytes of 0x80 and above,
  // as in UTF-8, never count). A byte equal to c is a zero byte of w ^ c: below 1.
  auto below = [](uint64_t w, uint64_t n) { return (w - kOnes * n) & ~w & kHigh; };
  return (below(word, 0x20) | below(word ^ (kOnes * '"'), 1) | below(word ^ (kOnes * '\\'), 1)) !=
         0;
}

}  // namespace

void JsonWriter::Separate() {
  if (comma_) out_ += ',';
  comma_ = true;
}

JsonWriter& JsonWriter::Object() { return Open('{', '}'); }

JsonWriter& JsonWriter::Array() { return Open('[', ']'); }

JsonWriter& JsonWriter::Open(char opener, char closer) {
  Separate();
  out_ += opener;
  closers_ += closer;
  comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::End() {
  out_ += closers_.back();
  closers_.pop_back();
  comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Key(JsonKey key) {
  Separate();
  out_ += '"';
  out_ += key.name();
  out_ += "\":";
  comma_ = false;  // the member's value follows without one
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view text) {
  Separate();
  Quoted(text);
  return *this;
}

JsonWriter& JsonWriter::StringOrNull(std::string_view text) {
  return text.empty() ? Null() : String(text);
}

JsonWriter& JsonWriter::Bool(bool value) {
  Separate();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separate();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Value(const boost::json::value& value) {
  Separate();
  out_ += boost::json::serialize(value);
  return *this;
}

void JsonWriter::Quoted(std::string_view text) {
  // The characters JSON escapes by a letter, and their letters; other controls go as \u00XX.
  static constexpr std::string_view kNamed = "\"\\\b\f\n\r\t";
  static constexpr std::string_view kLetters = "\"\\bfnrt";
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  size_t plain = 0;  // start of the run of bytes copied as they are
  for (size_t i = 0; i < text.size(); ++i) {
    if (uint64_t word = 0; i + 8 <= text.size()) {
      std::memcpy(&word, text.data() + i, 8);
      if (!AnyToEscape(word)) {
        i += 7;  // and the loop's one
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(text.data() + plain, i - plain);
    plain = i + 1;
    if (const size_t at = kNamed.find(static_cast<char>(c)); at != std::string_view::npos) {
      out_ += '\\';
      out_ += kLetters[at];
    } else {
      out_ += "\\u00";
      out_ += kHex[c >> 4];
      out_ += kHex[c & 0xf];
    }
  }
  out_.append(text.data() + plain, text.size() - plain);
  out_ += '"';
}

}  // namespace dandelion::http

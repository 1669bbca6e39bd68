#include "http/attachment.h"

#include <algorithm>
#include <cctype>

namespace dandelion::http {
namespace {

bool Alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

Response Attachment(std::string_view file_name, std::string bytes) {
  auto res = Response::Text(200, "application/octet-stream", std::move(bytes));
  res.SetHeader("Content-Disposition", "attachment; filename=\"" + AsciiFileName(file_name) +
                                           "\"; filename*=UTF-8''" +
                                           PercentEncodeFileName(file_name));
  return res;
}

std::string AsciiFileName(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool safe = Alnum(c) || c == '.' || c == '-' || c == '_' || c == ' ';
    out += safe ? c : '_';
  }
  if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
  return out;
}

std::string PercentEncodeFileName(std::string_view name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (Alnum(c) || c == '.' || c == '-' || c == '_') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    }
  }
  return out;
}

std::string MediaType(const Request& request) {
  std::string type(request.Header("content-type"));
  if (auto semi = type.find(';'); semi != std::string::npos) type.resize(semi);
  while (!type.empty() && type.back() == ' ') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

}  // namespace dandelion::http

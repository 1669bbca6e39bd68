// What the campaign and partner routes share: a file's answer, the request's content type.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>

#include "http/request.h"
#include "modules/case_records/model.h"

namespace dandelion::campaigns::route_parts {

// The media type of the body, lower case, without parameters.
inline std::string ContentType(const http::Request& req) {
  std::string type(req.Header("content-type"));
  if (auto semi = type.find(';'); semi != std::string::npos) type.resize(semi);
  while (!type.empty() && type.back() == ' ') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

// The bytes as an attachment under their file name.
inline http::Response FileResponse(const std::string& name, std::string content) {
  auto res = http::Response::Text(200, "application/octet-stream", std::move(content));
  res.SetHeader("Content-Disposition",
                "attachment; filename=\"" + case_records::AsciiFileName(name) +
                    "\"; filename*=UTF-8''" + case_records::PercentEncodeFileName(name));
  return res;
}

inline const std::string& Param(http::Request& req, const char* name) {
  return req.path_params[name];
}

}  // namespace dandelion::campaigns::route_parts

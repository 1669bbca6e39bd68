// What the campaign and partner routes share.
#pragma once

#include <string>

#include "http/request.h"

namespace dandelion::campaigns::route_parts {

inline const std::string& Param(http::Request& req, const char* name) {
  return req.path_params[name];
}

}  // namespace dandelion::campaigns::route_parts

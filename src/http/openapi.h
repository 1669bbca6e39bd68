// The OpenAPI 3.1 document of the API, generated from the Router's routes so it cannot drift
// from what is served. Pure; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

#include "http/router.h"

namespace dandelion::http {

// Every route becomes an operation: its {param} template and path parameters, summary, tag,
// request body (when json_body), success and error responses, the session (and, for state-
// changing calls, CSRF) security requirement unless public, and the permission as
// "x-permission".
boost::json::object BuildOpenApi(const Router& router, std::string_view version);

}  // namespace dandelion::http

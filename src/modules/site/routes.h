// The HTTP routes of the public site: `/` and `/en/` with their pages, the registration form's
// post, and the stylesheet. HTML for anyone: no session, no cookie, the caller's address kept
// out of the logs (someone reading about the network may not want it known). docs/site.md.
#pragma once

#include "http/router.h"
#include "modules/site/site_service.h"

namespace dandelion::site {

void AddRoutes(http::Router& router, PublicSite& site);

// Parses an application/x-www-form-urlencoded body into the registration form and its token:
// nullopt when the body is not well-formed (a bad escape, invalid UTF-8). Fields over their
// length are reported in form->errors. (Exposed for the unit tests.)
bool ParseRegistration(std::string_view body, RegistrationForm* form, std::string* token);

}  // namespace dandelion::site

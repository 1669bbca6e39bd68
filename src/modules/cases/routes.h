// The HTTP routes of cases: /api/v1/cases, break-glass, the timeline and notifications
// (docs/api-contract.md).
#pragma once

#include <boost/json/object.hpp>

#include "http/router.h"
#include "modules/cases/case_service.h"

namespace dandelion::cases {

void AddRoutes(http::Router& router, CaseService& cases);

// The Korean/English messages of this module.
void RegisterCaseMessages();

// A case as the API shows it; a restricted case the caller may not read has "person": null.
boost::json::object CaseJson(const Case& c);
// The shorter form of lists and the caseload.
boost::json::object CaseSummaryJson(const Case& c);

}  // namespace dandelion::cases

// The HTTP route of the caseload home: GET /api/v1/caseload.
#pragma once

#include "http/router.h"
#include "modules/caseload/caseload.h"

namespace dandelion::caseload {

void AddRoutes(http::Router& router, CaseloadService& caseload);

}  // namespace dandelion::caseload

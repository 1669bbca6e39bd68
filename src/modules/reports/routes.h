// HTTP routes of periodic reports (docs/api-reports.md).
#pragma once

#include "http/router.h"
#include "modules/reports/report_service.h"

namespace dandelion::reports {

void AddRoutes(http::Router& router, ReportService& reports);
void RegisterReportMessages();

}  // namespace dandelion::reports

// The demo's periodic reports: last year's annual report of every member that does case work,
// prepared from the demo caseload, annotated, reviewed by the supervisor and filed (signed) by
// the administrator — except one member whose report is still a draft awaiting review and one
// that has not started, so the secretariat's list of filings shows every state. One counseling
// center also has this quarter's draft open. Written through the report service as the members'
// own staff, so every figure, signature and audit entry is real.
//
// Not thread-safe: the demo runs alone on a new data dir.
#pragma once

#include <map>
#include <span>
#include <string>

#include "app/demo_caseload.h"
#include "app/services.h"

namespace dandelion::app {

struct DemoReportCounts {
  int filed = 0;
  int drafts = 0;
};

Result<DemoReportCounts> FillDemoReports(Services& services, const Clock& clock,
                                         std::span<const DemoTeam> teams,
                                         const std::map<std::string, security::Actor>& admins);

}  // namespace dandelion::app

// HTTP routes of the statistics (docs/api-stats.md).
#pragma once

#include "http/router.h"
#include "modules/stats/stats_service.h"

namespace dandelion::stats {

void AddRoutes(http::Router& router, StatsService& stats);
void RegisterStatsMessages();

}  // namespace dandelion::stats

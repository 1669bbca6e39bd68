// AddServiceMetrics: what the services show an operator on /metrics beside the HTTP figures
// (docs/operations.md, "Monitoring"): what the caches keep and answer, and what the reads' audit
// entries cost. Each figure is read from its service when /metrics is rendered.
#pragma once

#include "app/services.h"
#include "http/metrics.h"

namespace dandelion::app {

// s must outlive metrics' last rendering.
void AddServiceMetrics(http::Metrics& metrics, Services& s);

}  // namespace dandelion::app

// The HTTP routes of supervision: a supervisor's team (workload per worker, cases nobody works),
// the acts waiting for her review, and marking one reviewed.
#pragma once

#include "http/router.h"
#include "modules/supervision/supervision_service.h"

namespace dandelion::supervision {

void AddRoutes(http::Router& router, SupervisionService& supervision);
void RegisterSupervisionMessages();

}  // namespace dandelion::supervision

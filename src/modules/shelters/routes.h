// The HTTP routes of shelters: rooms and beds, the bed board and the staff's home, stays
// (admission, move, exit), outings, follow-ups, occupancy, the stay limits, and the network's
// free beds (counts only). Shapes in docs/api-shelters.md.
#pragma once

#include "core/clock.h"
#include "http/router.h"
#include "modules/shelters/shelter_service.h"
#include "store/database.h"

namespace dandelion::shelters {

void AddRoutes(http::Router& router, ShelterService& shelters);
void RegisterShelterMessages();

}  // namespace dandelion::shelters

// The demo's shelters: rooms and beds, residents admitted over the past year, outings (one
// resident out now), exits with their follow-ups, written through the shelter service as each
// facility's shelter staff, with the clock pinned to each act's day, so everything is sealed
// and audited exactly as real work.
//
// Not thread-safe: the demo runs alone on a new data dir.
#pragma once

#include <span>

#include "app/demo_caseload.h"
#include "app/services.h"
#include "security/actor.h"

namespace dandelion::app {

struct DemoShelterCounts {
  int beds = 0;
  int stays = 0;
};

// For each facility's shelter staff: two rooms of three beds, and stays of its own people
// (from the demo caseload). Leaves clock released.
Result<DemoShelterCounts> FillDemoShelters(Services& services, DemoClock& clock,
                                           std::span<const security::Actor> staff);

}  // namespace dandelion::app

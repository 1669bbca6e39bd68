// The demo's events: this year's Dandelion Pilgrimage as stops (past and upcoming) run by the
// secretariat, and one hosted by the Gunsan member at the fire sites; a policy forum and a
// press conference. A few registrations on each — one under an alias — and check-ins at the
// stops already held. Written through the event service as the organizers' own staff, so
// everything is checked, sealed and audited exactly as real work.
//
// Not thread-safe: the demo runs alone on a new data dir.
#pragma once

#include "app/services.h"

namespace dandelion::app {

struct DemoEventCounts {
  int events = 0;
  int registrations = 0;
  int check_ins = 0;
};

// secretariat: an advocate of the secretariat; member: the Gunsan member's administrator.
Result<DemoEventCounts> FillDemoEvents(Services& services, const security::Actor& secretariat,
                                       const security::Actor& member);

}  // namespace dandelion::app

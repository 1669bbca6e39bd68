// The demo's self-reliance programs: for each self-reliance center, three programs (a barista
// course with a partner, baking, and exam preparation for 검정고시), weekly sessions over the
// last weeks with the class's attendance taken, one woman who completed the barista course with
// her certificate (a case file of kind "certificate"), one who dropped out, and outcomes: an
// employment with its follow-ups (the first one due) and a school entered. Written through the
// program service as the center's own staff, so everything is checked, sealed and audited
// exactly as real work.
//
// Not thread-safe: the demo runs alone on a new data dir.
#pragma once

#include <span>

#include "app/demo_funds.h"
#include "app/services.h"

namespace dandelion::app {

struct DemoProgramCounts {
  int programs = 0;
  int marks = 0;
};

Result<DemoProgramCounts> FillDemoPrograms(Services& services, std::span<const DemoFundTeam> teams);

}  // namespace dandelion::app

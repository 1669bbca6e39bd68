// The demo's synthetic caseload: survivors, cases and their records, invented from a fixed seed
// and dated over the two years before now, written through the same services — as the case
// workers and supervisors of each organization — as real work is, so everything is sealed and
// audited exactly as real data.
//
// Not thread-safe: the demo runs alone on a new data dir.
#pragma once

#include <atomic>
#include <span>
#include <string>

#include "app/services.h"
#include "core/clock.h"
#include "security/actor.h"

namespace dandelion::app {

// Real time, unless pinned to a moment of the past while the demo writes what happened then.
// Thread-safe (the audit batcher's thread may read it).
class DemoClock final : public Clock {
 public:
  TimePoint Now() const override;
  void Pin(TimePoint at) { pinned_s_ = UnixSeconds(at); }
  void Release() { pinned_s_ = 0; }

 private:
  std::atomic<int64_t> pinned_s_{0};
};

// An organization that does case work, and the two people who do it there.
struct DemoTeam {
  std::string slug;
  std::string kind;  // counseling_center | support_facility | self_reliance_center
  std::string facility_type;
  security::Actor worker;
  security::Actor supervisor;
  bool restricted_case = false;  // one of her people's cases is restricted
};

struct DemoCaseloadCounts {
  int people = 0;
  int writes = 0;
};

// Invents people_per_team survivors per team with their cases and records. Prints a progress
// line per team. Leaves clock released.
Result<DemoCaseloadCounts> FillDemoCaseload(Services& services, DemoClock& clock,
                                            std::span<const DemoTeam> teams, int people_per_team);

}  // namespace dandelion::app

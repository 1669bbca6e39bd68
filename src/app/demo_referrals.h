// The demo's referrals: every member's directory entry, and referrals between members in every
// state (sent, overdue, accepted as a referral and as a transfer, declined, withdrawn,
// completed, one sent under a supervisor's life-danger override, one to the police), written
// through the referral service as each organization's own staff, under consents recorded
// first, so everything is sealed and audited exactly as real work.
//
// Not thread-safe: the demo runs alone on a new data dir.
#pragma once

#include <map>
#include <span>
#include <string>

#include "app/demo_caseload.h"
#include "app/services.h"
#include "security/actor.h"

namespace dandelion::app {

// admins: each organization's administrator by slug (for its directory entry). Returns how many
// referrals it made. Leaves clock released.
Result<int> FillDemoReferrals(Services& services, DemoClock& clock, std::span<const DemoTeam> teams,
                              const std::map<std::string, security::Actor>& admins);

}  // namespace dandelion::app

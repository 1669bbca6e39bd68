// The demo's survivors' network: two regional self-help groups, members by alias (a facilitator
// of each group, a peer supporter, a coordinator), four member accounts (survivors-member,
// survivors-facilitator, survivors-peer, survivors-coordinator; role survivor_member, the demo
// password) linked to members, upcoming meetings, peer-support contacts, the yearly gathering
// (a private event), one statement open for signing below the minimum and one published above
// it. Written through the survivors' and events' services, checked, sealed and audited.
//
// Not thread-safe: the demo runs alone on a new data dir.
#pragma once

#include "app/services.h"

namespace dandelion::app {

struct DemoSurvivorCounts {
  int groups = 0;
  int members = 0;
  int accounts = 0;
  int meetings = 0;
  int peer_contacts = 0;
  int statements = 0;
};

// admin: the survivors' organization's org_admin.
Result<DemoSurvivorCounts> FillDemoSurvivors(Services& services, const security::Actor& admin);

}  // namespace dandelion::app

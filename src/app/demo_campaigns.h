// The demo's campaigns and partners: this year's 22nd Dandelion Pilgrimage run by the
// secretariat, its route (stops past and upcoming, relative to Korea's today) linked to the
// secretariat's pilgrimage events of demo_events, the Gunsan member and a partner hosting stops,
// press coverage and materials; last year's pilgrimage, finished; partners of several kinds with
// sealed contacts, an alliance, agreements and interactions. Written through the campaign
// service as the secretariat's advocate, so everything is checked, sealed and audited.
//
// Not thread-safe: the demo runs alone on a new data dir. Run after FillDemoEvents.
#pragma once

#include "app/services.h"

namespace dandelion::app {

struct DemoCampaignCounts {
  int campaigns = 0;
  int stops = 0;
  int partners = 0;
};

// secretariat: an advocate of the secretariat; gunsan_org_id: the Gunsan member, host of the
// stop at the fire sites.
Result<DemoCampaignCounts> FillDemoCampaigns(Services& services, const security::Actor& secretariat,
                                             const std::string& gunsan_org_id);

}  // namespace dandelion::app

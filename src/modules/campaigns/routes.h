// HTTP routes of campaigns (routes.cc) and partners (partner_routes.cc) — docs/api-campaigns.md.
#pragma once

#include "http/router.h"
#include "modules/campaigns/campaign_service.h"

namespace dandelion::campaigns {

void AddRoutes(http::Router& router, CampaignService& campaigns);
void AddPartnerRoutes(http::Router& router, CampaignService& campaigns);
void RegisterCampaignMessages();

}  // namespace dandelion::campaigns

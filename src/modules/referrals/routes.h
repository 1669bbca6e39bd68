// The HTTP routes of referrals, the network directory and her exclusions
// (docs/api-referrals.md).
#pragma once

#include "http/router.h"
#include "modules/referrals/referral_service.h"

namespace dandelion::referrals {

void AddRoutes(http::Router& router, ReferralService& referrals);
void RegisterReferralMessages();

}  // namespace dandelion::referrals

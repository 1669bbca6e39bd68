// HTTP routes of the support funds (docs/api-funds.md).
#pragma once

#include "http/router.h"
#include "modules/funds/fund_service.h"

namespace dandelion::funds {

void AddRoutes(http::Router& router, FundService& funds);
void RegisterFundMessages();

}  // namespace dandelion::funds

// The demo's support funds: for each self-reliance center, two funding sources under two cities'
// ordinances (the first city's: living costs for 2 years with a per-child amount, housing, training
// and a grant decided by a committee; the second's: housing up to 7,000,000 KRW and living costs
// for 1 year only), and a ledger of its own people this year: monthly living costs, a committee's
// housing deposit, a corrected training payment and a large payment waiting for its second
// approval. Written through the fund service as the center's own staff, so everything is checked,
// sealed and audited exactly as real work.
//
// Not thread-safe: the demo runs alone on a new data dir.
#pragma once

#include <span>

#include "app/services.h"
#include "security/actor.h"

namespace dandelion::app {

struct DemoFundTeam {
  security::Actor admin;
  security::Actor finance;
  security::Actor worker;
  security::Actor supervisor;
};

// Returns the number of ledger entries written.
Result<int> FillDemoFunds(Services& services, std::span<const DemoFundTeam> teams);

}  // namespace dandelion::app

// The demo's policy monitor: the two national laws on prostitution with their histories, local
// support ordinances in force in six regions and in cities such as 전주, 여수, 수원, 창원 and
// 파주 with plausible scores, two regions considering one, two bills in progress, hearings and a
// published statement. Written through the policy service as the secretariat's advocate, so
// everything is checked and audited as real work. Synthetic: summaries say so.
#pragma once

#include "app/services.h"

namespace dandelion::app {

Result<int> FillDemoPolicy(Services& services, const security::Actor& advocate);

}  // namespace dandelion::app

// The HTTP routes of the survivors' network (docs/api-survivors.md): settings, groups, members,
// meetings, attendance, peer contacts, statements and a member's own page.
#pragma once

#include "http/router.h"
#include "modules/survivors/survivor_service.h"

namespace dandelion::survivors {

void AddRoutes(http::Router& router, SurvivorService& survivors);
void RegisterSurvivorMessages();

// In routes_network.cc: meetings, attendance, peer contacts, statements.
void AddNetworkRoutes(http::Router& router, SurvivorService& survivors);

}  // namespace dandelion::survivors

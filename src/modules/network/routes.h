// The network's HTTP routes: member organizations and their users.
#pragma once

#include <boost/json/object.hpp>

#include "http/router.h"
#include "modules/network/org_service.h"
#include "modules/network/user_service.h"

namespace dandelion::network {

void AddRoutes(http::Router& router, OrgService& orgs, UserService& users);

// The Korean/English messages of this module.
void RegisterNetworkMessages();

// JSON views shared with the session routes (GET /api/v1/me).
boost::json::object OrgJson(const Organization& org);
boost::json::object UserJson(const UserView& user);

}  // namespace dandelion::network

// The HTTP routes of emergency rescue: the public help form (/api/v1/public/*, no session, no
// cookie, no CSRF) and the dispatch board's /api/v1/emergency/* (docs/emergency.md).
#pragma once

#include <boost/json/object.hpp>

#include "http/router.h"
#include "modules/emergency/emergency_service.h"

namespace dandelion::emergency {

void AddRoutes(http::Router& router, EmergencyService& emergency);

// The Korean/English messages of this module.
void RegisterEmergencyMessages();

// A request as the board shows it.
boost::json::object RequestJson(const HelpRequest& request);

}  // namespace dandelion::emergency

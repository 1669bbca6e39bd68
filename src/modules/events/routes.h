// The HTTP routes of events: the organizing organization's events, registrations, attendance
// and check-in, and the public list and registration (no account, no cookie). Shapes in
// docs/api-events.md.
#pragma once

#include "http/router.h"
#include "modules/events/event_service.h"

namespace dandelion::events {

void AddRoutes(http::Router& router, EventService& events);
void RegisterEventMessages();

}  // namespace dandelion::events

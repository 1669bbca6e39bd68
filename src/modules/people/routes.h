// The HTTP routes of survivors' records: /api/v1/people (docs/api-contract.md).
#pragma once

#include <boost/json/object.hpp>

#include "http/router.h"
#include "modules/people/people_service.h"

namespace dandelion::people {

void AddRoutes(http::Router& router, PeopleService& people);

// The Korean/English messages of this module.
void RegisterPeopleMessages();

// A person as the API shows her, in full or as a search result.
boost::json::object PersonJson(const Person& person);
boost::json::object PersonSummaryJson(const Person& person);

}  // namespace dandelion::people

// HTTP routes of the policy monitor (docs/api-policy.md).
#pragma once

#include "http/router.h"
#include "modules/policy/policy_service.h"

namespace dandelion::policy {

void AddRoutes(http::Router& router, PolicyService& policy);
void RegisterPolicyMessages();

}  // namespace dandelion::policy

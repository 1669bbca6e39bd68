// The audit module's HTTP routes: the auditors' search of the audit log and its signed
// checkpoints.
#pragma once

#include "http/router.h"
#include "modules/audit/audit_service.h"

namespace dandelion::audit {

void AddRoutes(http::Router& router, AuditService& audit);

// The Korean/English messages of this module.
void RegisterAuditMessages();

}  // namespace dandelion::audit

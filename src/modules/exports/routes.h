// HTTP routes of export jobs (docs/api-exports.md).
#pragma once

#include "http/router.h"
#include "modules/exports/export_service.h"

namespace dandelion::exports {

void AddRoutes(http::Router& router, ExportService& exports);

}  // namespace dandelion::exports

// HTTP routes of self-reliance programs (docs/api-programs.md).
#pragma once

#include "http/router.h"
#include "modules/programs/program_service.h"

namespace dandelion::programs {

void AddRoutes(http::Router& router, ProgramService& programs);
void RegisterProgramMessages();

}  // namespace dandelion::programs

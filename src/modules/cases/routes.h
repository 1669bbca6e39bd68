// The HTTP routes of cases: /api/v1/cases, break-glass, the timeline and notifications
// (docs/api-contract.md).
#pragma once

#include "http/json_writer.h"
#include "http/router.h"
#include "modules/cases/case_service.h"

namespace dandelion::cases {

void AddRoutes(http::Router& router, CaseService& cases);

// The Korean/English messages of this module.
void RegisterCaseMessages();

// A case as the API shows it; a restricted case the caller may not read has "person": null.
void WriteCase(http::JsonWriter& w, const Case& c);
// The shorter form of lists and the caseload.
void WriteCaseSummary(http::JsonWriter& w, const Case& c);
// {"items": [summaries], "next_cursor": null}, as every list of the API.
void WriteCaseSummaries(http::JsonWriter& w, const std::vector<Case>& cases);

}  // namespace dandelion::cases

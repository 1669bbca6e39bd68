// The HTTP routes of a case's records (docs/api-cases.md, "Case records"): services, notes,
// appointments and the calendar, legal matters and hearings, her consents, assessments, plan
// goals and files. Handlers read the body's shape with http::FieldReader and call one service
// method; the service does the rest.
#pragma once

#include "http/router.h"
#include "modules/case_records/case_records.h"

namespace dandelion::case_records {

void AddRoutes(http::Router& router, CaseRecords& records);

// The routes of files (raw bodies up to kMaxFileBytes); part of AddRoutes.
void AddFileRoutes(http::Router& router, Attachments& files);

// The Korean/English messages of this module.
void RegisterCaseRecordsMessages();

}  // namespace dandelion::case_records

// The case-record services together, as the composition root builds them (app/services.cc).
#pragma once

#include "modules/case_records/appointments.h"
#include "modules/case_records/assessments.h"
#include "modules/case_records/attachments.h"
#include "modules/case_records/consents.h"
#include "modules/case_records/legal.h"
#include "modules/case_records/notes.h"
#include "modules/case_records/record_door.h"
#include "modules/case_records/service_log.h"

namespace dandelion::case_records {

struct CaseRecords {
  explicit CaseRecords(Deps deps)
      : services(deps),
        notes(deps),
        appointments(deps),
        legal(deps),
        consents(deps),
        assessments(deps),
        goals(deps),
        files(deps) {}

  ServiceLog services;
  CaseNotes notes;
  Appointments appointments;
  LegalMatters legal;
  Consents consents;
  Assessments assessments;
  PlanGoals goals;
  Attachments files;
};

}  // namespace dandelion::case_records

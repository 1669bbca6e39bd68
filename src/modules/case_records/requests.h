// What the routes of a case's records read from a request: the shape of each body (types,
// lengths; the model judges the values) and the calendar's query.
#pragma once

#include <optional>
#include <string>
#include <type_traits>

#include "http/field_reader.h"
#include "http/request.h"
#include "modules/case_records/appointments.h"
#include "modules/case_records/model.h"
#include "modules/handler_support.h"

namespace dandelion::case_records {

ServiceFields ReadService(http::FieldReader& f);

struct NoteIn {
  std::string text;
  std::optional<std::string> amends;
};
NoteIn ReadNote(http::FieldReader& f);

AppointmentFields ReadAppointment(http::FieldReader& f);
// creating: kind and status are required; otherwise kind is not read (it is fixed).
LegalFields ReadLegal(http::FieldReader& f, bool creating);
HearingFields ReadHearing(http::FieldReader& f);
ConsentFields ReadConsent(http::FieldReader& f);
AssessmentFields ReadAssessment(http::FieldReader& f);
// creating: title is required.
GoalFields ReadGoal(http::FieldReader& f, bool creating);

// The query of the calendar: from and to (RFC 3339), scope me (default) or organization.
Result<CalendarQuery> ReadCalendarQuery(const http::Request& req);

}  // namespace dandelion::case_records

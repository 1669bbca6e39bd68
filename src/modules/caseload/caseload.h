// Caseload: a case worker's home (issue "Caseload home"): her open cases, riskiest first; her
// appointments today and in the coming week; and her open cases with no contact for 30 days.
//
// It composes the doors of cases and appointments rather than reading their tables, so each
// part is checked and audited exactly as when it is asked for on its own. Days are Korean days
// (UTC+9, no daylight saving): "today" starts at midnight in Seoul.
//
// Thread-safe: state lives in the database.
#pragma once

#include <vector>

#include "core/clock.h"
#include "modules/case_records/appointments.h"
#include "modules/cases/case_service.h"

namespace dandelion::caseload {

struct Caseload {
  std::vector<cases::Case> open_cases;
  std::vector<case_records::Appointment> appointments_today;
  std::vector<case_records::Appointment> appointments_week;  // today and the six days after
  std::vector<cases::Case> no_contact_30_days;
};

// The start of the Korean day that contains t.
TimePoint StartOfSeoulDay(TimePoint t);

class CaseloadService {
 public:
  CaseloadService(cases::CaseService& cases, case_records::Appointments& appointments,
                  const Clock& clock)
      : cases_(cases), appointments_(appointments), clock_(clock) {}

  // The list's audit entry travels with the caseload (the reply waits for it); the calendar's is
  // written by Appointments itself.
  Result<security::Audited<Caseload>> Get(const security::Actor& actor);

  static constexpr std::chrono::hours kNoContactFor{24 * 30};

 private:
  cases::CaseService& cases_;
  case_records::Appointments& appointments_;
  const Clock& clock_;
};

}  // namespace dandelion::caseload

// Appointments: her therapy sessions, hearings, visits (docs/domain.md, "Appointment") and the
// organization's calendar of them. Time, kind, status and worker are clear (the caseload and
// the calendar sort and count by them); with whom, place, notes and a cancellation's reason are
// sealed under her key.
//
// The calendar lists the caller's organization only. An appointment of a case the caller may
// not read (cases::DecideAccess: a restricted case she is not assigned to, does not supervise and
// holds no break-glass on, or any case of a woman restricted for her) shows its time, kind,
// status and case number only: "person" is null, nothing is decrypted.
//
// Thread-safe: state lives in the database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/case_records/record_door.h"

namespace dandelion::case_records {

struct CalendarQuery {
  TimePoint from{};
  TimePoint to{};
  bool organization = false;  // false: the caller's own appointments only
};

class Appointments {
 public:
  explicit Appointments(Deps deps) : deps_(deps) {}

  // case.write; the caller is the appointment's worker.
  Result<Appointment> Create(const security::Actor& actor, const std::string& case_id,
                             const AppointmentFields& fields);
  // case.write; only a scheduled appointment (409 otherwise). Allowed on a closed case.
  Result<Appointment> Cancel(const security::Actor& actor, const std::string& id,
                             const std::string& reason);
  // case.write; marks it done and records contact with her.
  Result<Appointment> Done(const security::Actor& actor, const std::string& id);
  // case.read; every appointment of one case, earliest first, at most kMaxCalendarItems.
  Result<security::Audited<std::vector<Appointment>>> ForCase(const security::Actor& actor,
                                                              const std::string& case_id);
  // case.read; starts_at in [from, to), earliest first, at most kMaxCalendarItems.
  Result<security::Audited<std::vector<Appointment>>> Calendar(const security::Actor& actor,
                                                               const CalendarQuery& query);

  static constexpr int kMaxCalendarItems = 500;

 private:
  Result<Appointment> Finish(const security::Actor& actor, const std::string& id,
                             const std::string& status, const std::string& reason);

  Deps deps_;
};

}  // namespace dandelion::case_records

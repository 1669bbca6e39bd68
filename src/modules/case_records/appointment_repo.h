// AppointmentRepo: storage of appointments and the calendar's queries. SQL only; with whom,
// place, notes and a cancellation's reason come and go as ciphertext.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/people/person_repo.h"
#include "store/database.h"

namespace dandelion::case_records::appointment_repo {

// A row of appointments. Sealed members hold raw ciphertext bytes; "" is stored as NULL.
struct StoredAppointment {
  std::string id;
  std::string case_id;
  std::string org_id;
  std::string worker_id;
  std::string starts_at;
  std::string ends_at;
  std::string kind;
  std::string status;
  std::string with_whom;  // sealed
  std::string place;      // sealed
  std::string notes;      // sealed
  std::string created_by;
  std::string created_at;
  std::string updated_at;
};

// The woman an appointment is with, as the calendar reads her beside it: what deciding access to
// her, unwrapping her key and her brief need, so that a week of appointments is one statement
// however many women it names.
struct Her {
  std::string code;
  std::string alias;                                        // sealed
  std::string safe_contact;                                 // sealed
  std::optional<people::person_repo::StoredPersonKey> key;  // her newest; none once erased
  bool has_restricted_case = false;                         // in her organization, open or closed
};

// An appointment as lists read it, with what its case says about who may see it.
struct Listed {
  StoredAppointment appointment;
  std::string case_number;
  std::string person_id;
  bool restricted = false;  // its case is restricted
  std::optional<Her> her;   // read by Calendar only
};

Result<void> Insert(store::Tx& tx, const StoredAppointment& a);
Result<std::optional<Listed>> FindById(store::Tx& tx, const std::string& id);
// The case's appointments, earliest first, at most limit.
Result<std::vector<Listed>> ListByCase(store::Tx& tx, const std::string& case_id, int limit);

struct CalendarFilter {
  std::string org_id;
  std::string from;       // RFC 3339, inclusive
  std::string to;         // RFC 3339, exclusive
  std::string worker_id;  // "" = every worker's
  int limit = 500;
};
// Appointments of the organization in [from, to), earliest first, each with her; an erased
// person's are gone.
Result<std::vector<Listed>> Calendar(store::Tx& tx, const CalendarFilter& filter);

// Sets status, the sealed cancellation reason and updated_at.
Result<void> Finish(store::Tx& tx, const std::string& id, const std::string& status,
                    const std::string& cancel_reason, const std::string& updated_at);

// Whether user is assigned to case_id or holds a break-glass grant on it expiring after now.
Result<bool> AssignedOrGranted(store::Tx& tx, const std::string& case_id,
                               const std::string& user_id, const std::string& now);

}  // namespace dandelion::case_records::appointment_repo

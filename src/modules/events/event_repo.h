// EventRepo: storage of events and their registrations. SQL only; sealed columns come and go as
// ciphertext ("" is stored as NULL), the contact's index as raw bytes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::events::event_repo {

struct StoredEvent {
  std::string id, org_id, kind, title_ko, title_en, description_ko, description_en;
  std::string starts_at, ends_at, venue, region;
  std::optional<int> capacity;
  bool registration_open = false, published = false;
  std::string campaign_id, created_at, created_by, updated_at;
  std::string org_name;  // read only
};

Result<void> InsertEvent(store::Tx& tx, const StoredEvent& e);
// Writes every field an edit may change, and updated_at.
Result<void> UpdateEvent(store::Tx& tx, const StoredEvent& e);
// On PostgreSQL, locks the event's row until the transaction ends: registrations, cancellations,
// capacity changes and check-ins of one event are decided one at a time, so two last-place
// registrations cannot both get the place (SQLite has one writer anyway).
Result<void> LockEvent(store::Tx& tx, const std::string& id);
Result<std::optional<StoredEvent>> FindEvent(store::Tx& tx, const std::string& id);
// An organization's events, latest start first.
Result<std::vector<StoredEvent>> EventsOf(store::Tx& tx, const std::string& org_id);
// Published events that end after now (RFC 3339 UTC), soonest first.
Result<std::vector<StoredEvent>> PublicEvents(store::Tx& tx, const std::string& now);

struct StoredRegistration {
  std::string id, event_id, org_id, reference, role, status, source;
  std::string name, contact, alias, contact_index;  // sealed; index raw bytes
  bool photo_consent = false;
  std::string registered_at, registered_by, cancelled_at;
  std::string checked_in_at, checked_in_by, check_in_method, check_in_key;
};

Result<void> InsertRegistration(store::Tx& tx, const StoredRegistration& r);
Result<std::optional<StoredRegistration>> FindRegistration(store::Tx& tx, const std::string& id);
Result<std::optional<StoredRegistration>> FindByReference(store::Tx& tx,
                                                          const std::string& reference);
Result<std::optional<StoredRegistration>> FindByCheckInKey(store::Tx& tx,
                                                           const std::string& event_id,
                                                           const std::string& key);
// Whether a registration not cancelled holds this contact index for the event.
Result<bool> ContactTaken(store::Tx& tx, const std::string& event_id, const std::string& index);
// An event's registrations, oldest first.
Result<std::vector<StoredRegistration>> RegistrationsOf(store::Tx& tx, const std::string& event_id);
Result<void> SetStatus(store::Tx& tx, const std::string& id, const std::string& status,
                       const std::string& cancelled_at);
// Records the check-in unless one is recorded already (then kConflict).
Result<void> SetCheckIn(store::Tx& tx, const StoredRegistration& r);

struct Counts {
  int registered = 0, waitlisted = 0, cancelled = 0, checked_in = 0;
  int registered_attendees = 0;        // what the capacity holds
  std::map<std::string, int> by_role;  // registrations not cancelled
};
Result<Counts> CountsOf(store::Tx& tx, const std::string& event_id);

}  // namespace dandelion::events::event_repo

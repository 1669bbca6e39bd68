// ShelterRepo: the SQL of rooms, beds, stays, outings and follow-ups. Sealed values (an exit
// note, an outing's destination) come and go as ciphertext; the service seals and opens them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::shelters::shelter_repo {

struct Room {
  std::string id;
  std::string org_id;
  std::string name;
  std::string created_at;
  std::string created_by;
};

struct Bed {
  std::string id;
  std::string org_id;
  std::string room_id;
  std::string room_name;
  std::string label;
  std::string kind;
  std::string status;  // in_service | out_of_service | removed
  std::string created_at;
};

struct StoredStay {
  std::string id;
  std::string org_id;
  std::string person_id;
  std::string person_code;
  std::string bed_id;
  std::string source;
  std::string admitted_on;
  std::string planned_end_on;
  std::string max_end_on;
  std::string house_rules_agreed_on;
  std::string exited_on;  // "" while she stays
  std::string exit_reason;
  std::string exit_destination;
  std::optional<bool> destination_safe;
  std::string sealed_exit_note;
  std::string created_by;
  std::string created_at;
};

struct StoredOuting {
  std::string id;
  std::string org_id;
  std::string stay_id;
  std::string kind;
  std::string left_at;
  std::string planned_return_at;
  std::string returned_at;
  std::string sealed_destination;
  std::string alerted_at;
  std::string created_by;
};

struct FollowUp {
  std::string id;
  std::string org_id;
  std::string stay_id;
  int months = 0;
  std::string due_on;
  std::string done_on;
  std::string outcome;
  std::string sealed_note;
  std::string person_code;  // hers, read only
};

Result<void> InsertRoom(store::Tx& tx, const Room& room);
// A new bed and its "added" event.
Result<void> InsertBed(store::Tx& tx, const Bed& bed, const std::string& actor_id);
// The bed's new status and its event (kept: the history is every event).
Result<void> SetBedStatus(store::Tx& tx, const std::string& bed_id, const std::string& status,
                          const std::string& at, const std::string& actor_id);
// A bed of org_id (removed ones too); nullopt when none.
Result<std::optional<Bed>> FindBed(store::Tx& tx, const std::string& org_id,
                                   const std::string& bed_id);
// The facility's beds not removed, by room name and label.
Result<std::vector<Bed>> ListBeds(store::Tx& tx, const std::string& org_id);

struct BedEvent {
  std::string kind;
  std::string at;
  std::string actor_id;
};
Result<std::vector<BedEvent>> BedHistory(store::Tx& tx, const std::string& bed_id);

// Inserts her open stay and its first bed. kConflict from the database when the bed (or she)
// already has an open stay.
Result<void> InsertStay(store::Tx& tx, const StoredStay& stay);
// A stay of org_id; nullopt when none.
Result<std::optional<StoredStay>> FindStay(store::Tx& tx, const std::string& org_id,
                                           const std::string& stay_id);
// The open stays of org_id, by admission.
Result<std::vector<StoredStay>> OpenStays(store::Tx& tx, const std::string& org_id);
// Stays of org_id that touch [from, until): for occupancy.
Result<std::vector<StoredStay>> StaysBetween(store::Tx& tx, const std::string& org_id,
                                             const std::string& from, const std::string& until);
// Moves an open stay to bed_id on `on` (kConflict when that bed is taken).
Result<void> MoveStay(store::Tx& tx, const std::string& stay_id, const std::string& bed_id,
                      const std::string& on, const std::string& actor_id);
// Closes an open stay; false when it was no longer open.
Result<bool> ExitStay(store::Tx& tx, const StoredStay& exited);

Result<void> InsertOuting(store::Tx& tx, const StoredOuting& outing);
Result<std::optional<StoredOuting>> FindOuting(store::Tx& tx, const std::string& org_id,
                                               const std::string& outing_id);
// False when she was already back.
Result<bool> MarkReturned(store::Tx& tx, const std::string& outing_id,
                          const std::string& returned_at);
// The outings of org_id she has not come back from.
Result<std::vector<StoredOuting>> OpenOutings(store::Tx& tx, const std::string& org_id);
// Overnight leave of the given stays that touches [from, until).
Result<std::vector<StoredOuting>> OvernightLeave(store::Tx& tx, const std::string& org_id,
                                                 const std::string& from, const std::string& until);
// Marks an outing alerted; false when another request already did.
Result<bool> MarkAlerted(store::Tx& tx, const std::string& outing_id, const std::string& at);

Result<void> InsertFollowUp(store::Tx& tx, const FollowUp& f);
Result<std::optional<FollowUp>> FindFollowUp(store::Tx& tx, const std::string& org_id,
                                             const std::string& id);
Result<std::vector<FollowUp>> FollowUpsOfStay(store::Tx& tx, const std::string& stay_id);
// Follow-ups of org_id not done and due on or before `through`, oldest first.
Result<std::vector<FollowUp>> FollowUpsDue(store::Tx& tx, const std::string& org_id,
                                           const std::string& through);
// False when it was already recorded.
Result<bool> RecordFollowUp(store::Tx& tx, const FollowUp& f);

// The active users of org_id holding role (for alerts).
Result<std::vector<std::string>> UsersWithRole(store::Tx& tx, const std::string& org_id,
                                               const std::string& role);
Result<void> Notify(store::Tx& tx, const std::string& org_id, const std::string& user_id,
                    const std::string& kind, const std::string& at);

}  // namespace dandelion::shelters::shelter_repo

// ShelterService: the one door to a facility's rooms and beds, its residents' stays, outings,
// exits and follow-ups (docs/domain.md, "Shelters"; docs/api-shelters.md).
//
// Everything here is the caller's own organization: a facility's staff see their beds and their
// residents, and another organization's stay, bed or outing answers NotFound() like an unknown
// id. Residents appear by alias and code. Whatever could identify or endanger her beyond that
// (an outing's destination, an exit or follow-up note) is sealed under her own key, so erasing
// her shreds it too. Every read of residents (the board, the home, a stay) is audited; every
// write is audited in its own transaction.
//
// Two admissions to one bed are impossible whatever the timing: the stay's open_bed column is
// unique, so the second insert fails inside the database and answers 409 bed_taken.
//
// Thread-safe: state lives in the database.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "modules/shelters/bed_counts.h"
#include "modules/shelters/model.h"
#include "modules/shelters/shelter_repo.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::shelters {

struct RoomFields {
  std::string name;
  int beds = 0;  // 1..20
  std::string kind = "standard";
};

struct Room {
  shelter_repo::Room room;
  std::vector<shelter_repo::Bed> beds;
};

struct Outing {
  shelter_repo::StoredOuting stored;  // sealed_destination cleared
  std::string destination;
  bool overdue = false;  // past the planned return by more than the facility's grace time
};

// One item of her exit-readiness checklist and where it stands.
struct ReadinessAnswer {
  std::string item;
  std::string status = "not_started";  // not_started | in_progress | done | not_needed
  std::string note;                    // opened; only on her stay's own page
  std::string recorded_at;             // "" for an item never answered
};

struct ReadinessFields {
  std::string status;
  std::string note;
};

// A stay as the facility's staff see it.
struct Stay {
  shelter_repo::StoredStay stored;  // sealed_exit_note cleared
  std::string alias;
  std::string exit_note;
  std::string bed_label;
  std::string room_name;
  int days_in_stay = 0;   // nights so far (admission day 0)
  int days_to_limit = 0;  // to planned_end_on; negative past it
  // 90, 30 or 7 when the planned end is that near (the smallest that applies), else 0.
  int countdown = 0;
  // From 90 days before the planned end: the exit-readiness checklist is due.
  bool readiness_due = false;
  // Every checklist item on her stay's own page; on lists, only while readiness_due, without
  // notes (enough to count how many are settled).
  std::vector<ReadinessAnswer> readiness;
  std::optional<Outing> out;                       // the outing or leave she is on now
  std::vector<shelter_repo::FollowUp> follow_ups;  // sealed_note cleared
};

struct BoardBed {
  shelter_repo::Bed bed;
  std::string state;  // free | occupied | held | out_of_service
  std::string held_until;
  std::string hold_id;  // the running hold, for the admission that uses it
  std::optional<Stay> stay;
};

struct Board {
  std::vector<BoardBed> beds;
  std::string today;
};

// The shelter staff's home: today's residents, who is out, stays near their limit, follow-ups
// due. overdue outings raise their alert the first time any read sees them.
struct Home {
  std::string today;
  std::vector<Stay> residents;
  std::vector<Outing> out;
  std::vector<shelter_repo::FollowUp> follow_ups_due;
  int grace_minutes = 0;
};

struct AdmitFields {
  std::string person_id;  // or, instead, her code (staff get it with the referral)
  std::string person_code;
  std::string bed_id;
  std::string admitted_on;
  std::string source = "direct";
  std::string house_rules_agreed_on;
  std::string hold_id;  // a dispatcher's hold on this bed, which the admission uses up
};

struct ExitFields {
  std::string exited_on;
  std::string reason;
  std::string destination;
  std::optional<bool> destination_safe;
  std::string note;
};

struct OutingFields {
  std::string kind = "outing";
  std::string left_at;
  std::string planned_return_at;
  std::string destination;
};

struct FollowUpFields {
  std::string done_on;
  std::string outcome;
  std::string note;
};

// A request to extend her stay, as staff and supervisors see it.
struct Extension {
  std::string id;
  std::string stay_id;
  std::string person_code;
  std::string until_on;
  std::string reason;  // opened
  std::string status;  // pending | approved | refused
  std::string requested_at;
  std::string max_end_on;  // the latest end the law allows for her stay
};

// A woman waiting for a bed.
struct WaitlistEntry {
  std::string id;
  std::string person_id;
  std::string person_code;
  std::string alias;    // opened
  std::string urgency;  // low | medium | high | critical
  std::string source;   // referral | rescue | direct
  std::string note;     // opened
  std::string added_at;
};

// A dispatcher's hold on a free bed, for an emergency admission.
struct BedHold {
  std::string id;
  std::string org_id;
  std::string bed_id;
  std::string kind;
  std::string expires_at;
};

class ShelterService {
 public:
  ShelterService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
                 security::AuditBatcher& reads, const Clock& clock)
      : db_(db), keyring_(keyring), audit_(audit), reads_(reads), clock_(clock) {}

  // Rooms and beds (shelter.rooms).
  Result<Room> AddRoom(const security::Actor& actor, const RoomFields& in);
  // status: in_service | out_of_service | removed; 409 bed_occupied while someone sleeps there.
  Result<shelter_repo::Bed> SetBedStatus(const security::Actor& actor, const std::string& bed_id,
                                         const std::string& status);
  Result<std::vector<shelter_repo::BedEvent>> BedHistory(const security::Actor& actor,
                                                         const std::string& bed_id);

  // Reads of residents (shelter.read), audited.
  Result<security::Audited<Board>> BoardOf(const security::Actor& actor);
  Result<security::Audited<Home>> HomeOf(const security::Actor& actor);
  Result<security::Audited<Stay>> GetStay(const security::Actor& actor, const std::string& id);

  // Stays (shelter.write).
  Result<Stay> Admit(const security::Actor& actor, const AdmitFields& in);
  Result<Stay> Move(const security::Actor& actor, const std::string& stay_id,
                    const std::string& bed_id, const std::string& on);
  // Ends her stay and schedules the follow-ups 1, 3 and 6 months after.
  Result<Stay> Exit(const security::Actor& actor, const std::string& stay_id, const ExitFields& in);
  Result<Outing> StartOuting(const security::Actor& actor, const std::string& stay_id,
                             const OutingFields& in);
  Result<Outing> EndOuting(const security::Actor& actor, const std::string& outing_id,
                           const std::string& returned_at);
  Result<shelter_repo::FollowUp> RecordFollowUp(const security::Actor& actor, const std::string& id,
                                                const FollowUpFields& in);
  // Answers one item of her exit-readiness checklist (any time during her stay: staff may start
  // before the 90 days). The earlier answer is kept as superseded; 409 shelter.stay_ended after
  // her exit.
  Result<ReadinessAnswer> RecordReadiness(const security::Actor& actor, const std::string& stay_id,
                                          const std::string& item, const ReadinessFields& in);

  // Extensions: staff ask (shelter.write) with a reason, up to the stay's legal maximum
  // (400 shelter.past_legal_max beyond it); a supervisor (case.supervise: supervisors) lists the
  // pending ones and decides; an approval moves the stay's planned end.
  Result<Extension> RequestExtension(const security::Actor& actor, const std::string& stay_id,
                                     const std::string& until_on, const std::string& reason);
  Result<security::Audited<std::vector<Extension>>> PendingExtensions(const security::Actor& actor);
  Result<Extension> DecideExtension(const security::Actor& actor, const std::string& id,
                                    bool approve);

  // The waitlist (shelter.read to see, shelter.write to change): most urgent first, then the
  // longest waiting. Admitting her takes her off it ("admitted").
  Result<WaitlistEntry> AddToWaitlist(const security::Actor& actor, const std::string& person_id,
                                      const std::string& person_code, const std::string& urgency,
                                      const std::string& source, const std::string& note);
  Result<security::Audited<std::vector<WaitlistEntry>>> Waitlist(const security::Actor& actor);
  // reason: withdrawn | placed_elsewhere; 409 shelter.not_waiting when she is no longer on it.
  Result<void> RemoveFromWaitlist(const security::Actor& actor, const std::string& id,
                                  const std::string& reason);

  // The nights the facility housed residents in a month ("YYYY-MM"), as funders count them.
  Result<int> OccupancyOf(const security::Actor& actor, const std::string& month);

  // Stay limits per facility type: anyone signed in reads them; network_admin changes them
  // (shelter.limits), audited with the old and new values' names.
  Result<StayLimits> Limits(const security::Actor& actor);
  Result<StayLimits> SetLimits(const security::Actor& actor, const StayLimits& limits);
  // The facility's grace time before a late return raises an alert (shelter.rooms): 15..720.
  Result<int> SetGraceMinutes(const security::Actor& actor, int minutes);

  // Free beds of every facility by kind (anyone signed in: counts only).
  Result<std::vector<FacilityBeds>> NetworkBedsNow(const security::Actor& actor);
  // Dispatchers (emergency.act): hold a free bed of kind at org_id for kHoldMinutes. Only an
  // admission naming the hold may use the bed until it expires; 409 no_free_bed when none is.
  Result<BedHold> Hold(const security::Actor& actor, const std::string& org_id,
                       const std::string& kind);

  static constexpr int kDefaultGraceMinutes = 60;
  static constexpr int kHoldMinutes = 90;

 private:
  // Her stay with her alias opened and its countdown; outs: the outings going on now (hers is
  // shown); with_history: her follow-ups and exit note too.
  Result<Stay> ViewStay(store::Tx& tx, const security::Actor& actor,
                        shelter_repo::StoredStay stored, const std::vector<Outing>& outs,
                        bool with_history);
  // Whether a read may raise an overdue alert itself (it runs in a write transaction) or only
  // notes that one is owed.
  struct OverdueAlerts {
    bool may_raise = false;
    bool owed = false;
  };
  // Runs read in a read transaction, so that the board and the home, open all day on the staff's
  // screens, never wait for the database's one writer; only when it finds an alert owed (the
  // first read to see a woman overdue) runs it again in a write transaction that raises it.
  // read may run twice: it sets its outputs afresh each time.
  Result<void> ReadRaisingAlerts(
      const std::function<Result<void>(store::Tx&, OverdueAlerts&)>& read);
  // The outings going on now, opened; any past its grace time raises its alert once (or, when
  // alerts may not be raised here, marks one owed).
  Result<std::vector<Outing>> OutingsNow(store::Tx& tx, const security::Actor& actor,
                                         OverdueAlerts& alerts);
  Result<int> GraceMinutes(store::Tx& tx, const std::string& org_id);
  // Her checklist, every item in order with its current answer; notes opened when with_notes.
  Result<std::vector<ReadinessAnswer>> ReadinessOf(store::Tx& tx, const security::Actor& actor,
                                                   const shelter_repo::StoredStay& stay,
                                                   bool with_notes);
  std::string Today() const;

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const Clock& clock_;
};

}  // namespace dandelion::shelters

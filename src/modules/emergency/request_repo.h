// Storage of help requests, their routes, coverage, settings and on-call shifts. SQL only: it
// sees sealed fields as ciphertexts (StoredHelpRequest) and decides nothing — routing and
// escalation rules belong to EmergencyService.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/emergency/model.h"
#include "store/database.h"

namespace dandelion::emergency::request_repo {

// A row of help_requests: the clear state, and what she wrote and the notes as ciphertexts
// (request_cipher.h seals and opens them). "" is stored as NULL.
struct StoredHelpRequest : RequestState {
  std::string situation;
  std::string location;
  std::string contact;
  std::string safe_contact;
  std::string dispatch_note;
  std::string resolve_note;
  std::string police_station;
  std::string police_notified_at;  // clear, RFC 3339
  std::string police_officer;
  std::string police_report_number;
  std::string police_outcome;
};

Result<void> Insert(store::Tx& tx, const StoredHelpRequest& row);
// Rewrites every changeable column when the stored row_version is still row.row_version and
// bumps it. False when someone changed the row meanwhile (nothing written).
Result<bool> Update(store::Tx& tx, const StoredHelpRequest& row);
Result<std::optional<StoredHelpRequest>> FindById(store::Tx& tx, const std::string& id);
// org_id's requests in any of statuses (all when empty), newest first.
Result<std::vector<StoredHelpRequest>> ListByOrg(store::Tx& tx, const std::string& org_id,
                                                 const std::vector<std::string>& statuses,
                                                 int limit);
// Ids of requests still new whose ack_due_at is at or before now.
Result<std::vector<std::string>> Overdue(store::Tx& tx, int64_t now, int limit);

Result<void> AddRoute(store::Tx& tx, const std::string& request_id, int64_t level,
                      const std::string& org_id, const std::string& reason, const std::string& at);
// Organizations the request was routed to so far.
Result<std::vector<std::string>> RoutedOrgs(store::Tx& tx, const std::string& request_id);

// An organization that could receive a request for a region, with what ranks it.
struct Candidate {
  std::string org_id;
  int64_t priority = 1;
  bool on_call = false;       // a shift covers now
  bool dispatchers = false;   // has an active dispatcher account
  bool keeps_roster = false;  // has shifts from the last week on, so its roster is in use
  std::string created_at;

  // Someone can see a request now: a shift covers now, or, for an organization that keeps no
  // roster, it has a dispatcher (who watches the board in working hours). An organization that
  // keeps a roster with nobody on it now, or has no dispatcher at all, cannot.
  bool Reachable() const { return on_call || (dispatchers && !keeps_roster); }
};

// How reachable each organization is now (Candidate without coverage), by organization id.
Result<std::vector<Candidate>> Reachability(store::Tx& tx, int64_t now);
// Organizations covering region (explicitly, or by default as their own region), not the
// secretariat, unordered.
Result<std::vector<Candidate>> Candidates(store::Tx& tx, const std::string& region, int64_t now);
// The network's secretariat (the oldest, should there be several); nullopt when none.
Result<std::optional<std::string>> Secretariat(store::Tx& tx);
Result<int64_t> AckLimitSeconds(store::Tx& tx, const std::string& org_id);

struct CoverageRow {
  std::string org_id;
  std::string org_name;
  std::string region;
  int64_t priority = 1;
  // Filled by the service from Reachability: can someone there see a request now, and why.
  bool on_call_now = false;
  bool dispatchers = false;
  bool reachable = false;
};
// Every organization's coverage, explicit or by default, by region then priority.
Result<std::vector<CoverageRow>> AllCoverage(store::Tx& tx);
// Replaces org_id's coverage by regions (its own region at priority 1, others 2) and records
// the choice as explicit; ack_limit_seconds when given.
Result<void> SetCoverage(store::Tx& tx, const std::string& org_id, const std::string& own_region,
                         const std::vector<std::string>& regions,
                         std::optional<int64_t> ack_limit_seconds);

struct OnCallShift {
  std::string id;
  std::string org_id;
  std::string user_id;
  std::string display_name;
  int64_t starts_at = 0;
  int64_t ends_at = 0;
};
// org_id's shifts overlapping [from, to).
Result<std::vector<OnCallShift>> OnCall(store::Tx& tx, const std::string& org_id, int64_t from,
                                        int64_t to);
Result<void> InsertOnCall(store::Tx& tx, const OnCallShift& shift, const std::string& created_by,
                          const std::string& created_at);

// True when person_id is a person of org_id still on record (for linking a request to her).
Result<bool> PersonOf(store::Tx& tx, const std::string& person_id, const std::string& org_id);
// True when case_id is a case of person_id at org_id.
Result<bool> CaseOf(store::Tx& tx, const std::string& case_id, const std::string& person_id,
                    const std::string& org_id);

// A case as a dispatcher may name it: id and number.
struct CaseStub {
  std::string id;
  std::string number;
};
// person_id's open cases at org_id, newest first.
Result<std::vector<CaseStub>> OpenCasesOf(store::Tx& tx, const std::string& person_id,
                                          const std::string& org_id);

// The timing of every request, for the measures.
struct Timing {
  std::string org_id;
  std::string region;
  std::string received_at;
  std::string acknowledged_at;
  std::string resolved_at;
};
Result<std::vector<Timing>> Timings(store::Tx& tx);

}  // namespace dandelion::emergency::request_repo

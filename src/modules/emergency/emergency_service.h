// EmergencyService: the one door to emergency rescue (domain.md, "Emergency rescue").
//
// A help request, from the public form or logged by staff, is routed at once to one
// organization: the best-ranked organization covering its region (priority, then someone on
// call now, then having dispatchers at all), else the secretariat. What she wrote is sealed
// under that organization's key (request_cipher.h) in the transaction that stores it. Only the
// dispatchers and supervisors of the assigned organization see it; anyone else gets 404 exactly
// as for an unknown id. A request not acknowledged by ack_due_at (the organization's limit,
// default 10 minutes) escalates to the next covering organization not yet tried, then to the
// secretariat, re-sealed for each; the deadline lives in the database, so escalation survives
// restarts (app/ticker.h runs EscalateOverdue() every second). Every write is audited in its
// transaction, every read before its reply leaves, with field names, never values; the public
// form's audit entries carry no address. Each committed change is announced on the organization's
// event streams (event_hub.h).
//
// Thread-safe: state lives in the database; the form guard and hub lock their own.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "http/event_stream.h"
#include "modules/emergency/event_hub.h"
#include "modules/emergency/help_form.h"
#include "modules/emergency/model.h"
#include "modules/emergency/request_repo.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::emergency {

// What the public form posts.
struct PublicSubmission {
  std::string region;
  std::string situation;
  std::string contact;
  std::string safe_contact;
  std::string language;
  std::string form_token;
  std::string website;  // the honeypot: hidden from people, filled by scripts
};

// The list filter: one status, or "open" (new, acknowledged, dispatched), or "" for all.
inline constexpr int kMaxListed = 200;

struct MeasureRow {
  std::string key;  // org id or region
  int64_t count = 0;
  std::optional<int64_t> median_ack_seconds;
  std::optional<int64_t> median_resolve_seconds;
};
struct Measures {
  std::vector<MeasureRow> by_org;
  std::vector<MeasureRow> by_region;
};

// A woman of the organization matching a request's lookup, as a dispatcher may see her: a stub.
struct PersonMatch {
  std::string id;
  std::string code;
  bool restricted = false;
  // She has a restricted case and the caller may not reach her: only id, code and restricted.
  bool hidden = false;
  std::string alias;
  std::string age_band;
  std::vector<request_repo::CaseStub> open_cases;
};
// Exactly one of the two (exact match, as people search).
struct PersonLookup {
  std::string name;
  std::string phone;
};

class EmergencyService {
 public:
  // public_per_minute: the network-wide ceiling of public posts (help_form.h, FloodState).
  EmergencyService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
                   security::AuditBatcher& reads, const Clock& clock,
                   int public_per_minute = kDefaultPublicPerMinute);

  // Flood control, first thing for every post of the public form (well-formed or not): 429
  // with *retry_after set when address has sent too many.
  Result<void> AdmitPublic(const std::string& address, int64_t* retry_after);
  // The public form, once admitted. 400 naming bad fields (nothing stored, the token still
  // usable); 503 when the network has nobody to receive it. Her reference. Consumes the form
  // token. Past the network-wide ceiling the request is stored at the secretariat, held with
  // the flood: no deadline, no alarm of its own; the first such request raises one audited
  // "help_request.flood" alert on the secretariat's board (emergency.md, "Floods").
  Result<std::string> SubmitPublic(const PublicSubmission& form, const std::string& request_id);
  std::string IssueFormToken() const { return guard_.IssueToken(); }
  // How many client addresses flood control remembers (bounded: help_form.h), for metrics.
  size_t RememberedAddresses() { return guard_.RememberedAddresses(); }

  // Staff log a request that came by phone, SMS, police, a partner or in person; it is assigned
  // to their own organization (they are the ones talking to her).
  Result<HelpRequest> Log(const security::Actor& actor, const NewHelpRequest& input);
  // Read without the database's writer (the boards read them all day); each owes its audit entry
  // before the reply leaves.
  Result<security::Audited<std::vector<HelpRequest>>> List(const security::Actor& actor,
                                                           const std::string& status);
  Result<security::Audited<HelpRequest>> Get(const security::Actor& actor, const std::string& id);
  Result<HelpRequest> Acknowledge(const security::Actor& actor, const std::string& id);
  Result<HelpRequest> Dispatch(const security::Actor& actor, const std::string& id,
                               const std::string& note);
  Result<HelpRequest> RecordPolice(const security::Actor& actor, const std::string& id,
                                   const PoliceCoordination& police);
  Result<HelpRequest> Resolve(const security::Actor& actor, const std::string& id,
                              const std::string& outcome, const std::string& note);
  // A resolved request whose follow-up is done: it changes no more (409 emergency.wrong_status
  // for any later change).
  Result<HelpRequest> Close(const security::Actor& actor, const std::string& id);
  // Links the request to her person record (and one of her cases). She must be of the request's
  // organization, and reachable by the actor (access::DecidePersonAccess): a restricted woman
  // needs a supervisor, her assigned worker or a break-glass grant (403 break_glass_required).
  Result<HelpRequest> Link(const security::Actor& actor, const std::string& id,
                           const std::string& person_id, const std::string& case_id);

  // Her organization's people matching lookup exactly, as stubs, for linking request id to one
  // of them (emergency.act, not person.read; every match audited). 400 unless exactly one of
  // name and phone is given.
  Result<security::Audited<std::vector<PersonMatch>>> PersonCandidates(const security::Actor& actor,
                                                                       const std::string& id,
                                                                       const PersonLookup& lookup);

  // A live stream of the actor's organization's request events.
  Result<std::shared_ptr<http::EventStream>> Subscribe(const security::Actor& actor);

  Result<std::vector<request_repo::CoverageRow>> Coverage(const security::Actor& actor);
  // The regions the actor's organization covers (replacing its default); ack_limit_minutes
  // when given. Returns its limit in seconds.
  Result<int64_t> SetCoverage(const security::Actor& actor, const std::vector<std::string>& regions,
                              std::optional<int64_t> ack_limit_minutes);
  Result<int64_t> AckLimitSeconds(const security::Actor& actor);
  Result<std::vector<request_repo::OnCallShift>> OnCall(const security::Actor& actor,
                                                        TimePoint from, TimePoint to);
  Result<request_repo::OnCallShift> AddOnCall(const security::Actor& actor,
                                              const std::string& user_id, TimePoint starts,
                                              TimePoint ends);
  Result<Measures> GetMeasures(const security::Actor& actor);

  // Escalates every request whose deadline has passed; how many moved. For the escalator.
  Result<int> EscalateOverdue();

  EventHub& hub() { return hub_; }

 private:
  struct Routed {
    std::string org_id;
    std::string reason;
  };
  Result<std::optional<Routed>> Route(store::Tx& tx, const std::string& region,
                                      const std::vector<std::string>& exclude, int64_t now);
  Result<HelpRequest> Store(const security::Actor& actor, const NewHelpRequest& input,
                            bool public_form, FloodState flood = {});
  // Loads, checks, changes (change may refuse with its own error), seals, stores, audits.
  Result<HelpRequest> Change(const security::Actor& actor, const std::string& id,
                             const std::string& action, std::vector<std::string> fields,
                             const std::function<Result<void>(store::Tx&, HelpRequest&, TimePoint,
                                                              security::AuditEvent&)>& change);
  // The checks of linking h to person_id (and case_id); a refusal of her record is audited on e.
  Result<void> CheckLink(store::Tx& tx, const security::Actor& actor, const HelpRequest& h,
                         const std::string& person_id, const std::string& case_id, TimePoint now,
                         security::AuditEvent& e);
  // The request id if it is the actor's organization's; nothing for another organization's or
  // an unknown one. Records nothing.
  Result<std::optional<request_repo::StoredHelpRequest>> FindOwn(store::Tx& tx,
                                                                 const security::Actor& actor,
                                                                 const std::string& id);
  // FindOwn for a change: another organization's or an unknown request is 404, its attempt
  // audited in tx as not_found (a refusal that commits).
  Result<request_repo::StoredHelpRequest> LoadOwn(store::Tx& tx, const security::Actor& actor,
                                                  const security::AuditEvent& attempt);
  Result<bool> EscalateOne(const std::string& id, int64_t now);
  void Announce(const std::string& org_id, const HelpRequest& request);

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const Clock& clock_;
  HelpFormGuard guard_;
  EventHub hub_;
};

// 400 naming every bad field of a new request (values; the handler checked shapes and lengths).
Result<void> ValidateNewRequest(const NewHelpRequest& input, bool public_form);

}  // namespace dandelion::emergency

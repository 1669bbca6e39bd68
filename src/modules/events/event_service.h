// EventService: the one door to events, their registrations and check-in
// (docs/api-events.md).
//
// What holds, whoever calls:
// - An event belongs to its organizing organization; only its advocate, org_admin or
//   network_admin see or change it, and another organization's event answers 404 like an
//   unknown id.
// - A registrant's name, contact and alias are sealed under the organizing organization's key;
//   lists show her alias when she gave one, never her legal name, and never a contact.
// - Duplicates are found by a keyed index of the contact bound to the event, never plaintext.
// - Attendees beyond the capacity wait; a cancellation (or a larger capacity) promotes the
//   oldest waiting, in the same transaction.
// - Public registration is guarded like the help form (time token, per-address flood control)
//   with its own key; the public list shows no attendee and no count of who came.
// - A check-in is recorded once; a replay of the same idempotency key answers the same result.
// - Every write is audited in its transaction, and so is every read of an attendee list.
//
// Thread-safe: state lives in the database (the form guard locks its own).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "modules/emergency/help_form.h"
#include "modules/events/event_repo.h"
#include "modules/events/model.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::events {

struct Event {
  event_repo::StoredEvent stored;
  event_repo::Counts counts;
};

// A change: only what is given.
struct EventPatch {
  std::optional<std::string> kind, title_ko, title_en, description_ko, description_en;
  std::optional<TimePoint> starts_at, ends_at;
  std::optional<std::string> venue, region;
  bool capacity_given = false;
  std::optional<int> capacity;
  std::optional<bool> registration_open, published;
  std::optional<std::string> campaign_id;
};

// A registration as staff see it: name is her alias when she gave one.
struct Registration {
  event_repo::StoredRegistration stored;
  std::string name;
  bool alias = false;
};

struct NewRegistration {
  std::string name, contact, alias;
  std::string role = "attendee";
  bool photo_consent = false;
};

struct PublicRegistration {
  std::string name, contact, alias;
  bool photo_consent = false;
  std::string form_token;
};

struct Registered {
  Registration registration;
  std::string ticket_qr_svg;
};

struct AttendeeList {
  std::vector<Registration> items;
  event_repo::Counts counts;
};

struct Cancelled {
  Registration registration;
  std::optional<Registration> promoted;
};

struct CheckInInput {
  std::string token, reference, registration_id;  // exactly one
  std::string idempotency_key;
  std::optional<TimePoint> checked_in_at;
};

struct CheckedIn {
  Registration registration;
  bool replayed = false;
};

struct PublicEvent {
  event_repo::StoredEvent stored;
  std::optional<int> places_left;
  std::string availability;  // open | waitlist | closed
};

class EventService {
 public:
  EventService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
               security::AuditBatcher& reads, const Clock& clock);

  // ---- Events ----
  Result<std::vector<Event>> List(const security::Actor& actor);
  Result<Event> Create(const security::Actor& actor, const EventFields& fields);
  Result<Event> Get(const security::Actor& actor, const std::string& id);
  Result<Event> Update(const security::Actor& actor, const std::string& id,
                       const EventPatch& patch);
  // 404 unless the event is the caller's organization's (before a body is read).
  Result<void> CheckOwn(const security::Actor& actor, const std::string& id);

  // ---- Registrations ----
  // Read without the database's writer; its audit entry is owed before the reply leaves.
  Result<security::Audited<AttendeeList>> Attendees(const security::Actor& actor,
                                                    const std::string& id);
  Result<event_repo::Counts> Attendance(const security::Actor& actor, const std::string& id);
  Result<Registered> AddRegistration(const security::Actor& actor, const std::string& id,
                                     const NewRegistration& input);
  Result<Cancelled> Cancel(const security::Actor& actor, const std::string& id,
                           const std::string& registration_id);
  Result<CheckedIn> CheckIn(const security::Actor& actor, const std::string& id,
                            const CheckInInput& input);

  // ---- The public ----
  Result<std::vector<PublicEvent>> PublicEvents();
  std::string IssueFormToken() const { return guard_.IssueToken(); }
  // Flood control per address: 429 "events.too_many" with the seconds to wait.
  Result<void> AdmitPublic(const std::string& address, int64_t* retry_after);
  Result<Registered> RegisterPublic(const std::string& event_id, const PublicRegistration& form,
                                    const std::string& request_id);

  // Who may link an event to a campaign (campaigns::CampaignService::CheckEventLink, wired by
  // app/services.cc): checked whenever an event's campaign_id is set to a campaign.
  using CampaignLinkCheck =
      std::function<Result<void>(store::Tx&, const security::Actor&,
                                 const std::string& event_org_id, const std::string& campaign_id)>;
  void SetCampaignLinkCheck(CampaignLinkCheck check) { campaign_link_ = std::move(check); }

  // The check-in token of a registration (for the demo and tests).
  std::string TicketTokenOf(const std::string& event_id, const std::string& reference) const {
    return TicketToken(ticket_key_, event_id, reference);
  }

 private:
  Result<event_repo::StoredEvent> LoadOwn(store::Tx& tx, const security::Actor& actor,
                                          const std::string& id);
  Result<Registered> Store(store::Tx& tx, const security::Actor& actor,
                           const event_repo::StoredEvent& event, const NewRegistration& input,
                           const std::string& source);
  Result<Registration> View(store::Tx& tx, const event_repo::StoredRegistration& r);
  // Promotes as many waiting attendees as fit, oldest first, audited; returns them.
  Result<std::vector<std::string>> Promote(store::Tx& tx, const security::Actor& actor,
                                           const event_repo::StoredEvent& event);

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const Clock& clock_;
  security::SecretKey ticket_key_;
  security::SecretKey contact_key_;
  emergency::HelpFormGuard guard_;
  CampaignLinkCheck campaign_link_;
};

}  // namespace dandelion::events

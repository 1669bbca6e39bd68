#include "modules/events/event_service.h"

#include <algorithm>

#include "core/ids.h"
#include "modules/service_support.h"
#include "security/field_cipher.h"
#include "security/kdf.h"
#include "security/policy.h"
#include "security/qr_svg.h"

namespace dandelion::events {

using event_repo::StoredEvent;
using event_repo::StoredRegistration;

namespace {

constexpr std::string_view kRegistrations = "event_registrations";
namespace perm = security::perm;

Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }

Result<std::string> Seal(store::Tx& tx, security::Keyring& keyring, const StoredRegistration& r,
                         std::string_view column, const std::string& plain) {
  if (plain.empty()) return std::string();
  auto key = TRY(keyring.CurrentOrgKey(tx, r.org_id));
  return security::EncryptField(*key.key, key.version, {r.org_id, kRegistrations, column, r.id},
                                plain);
}

Result<std::string> Open(store::Tx& tx, security::Keyring& keyring, const StoredRegistration& r,
                         std::string_view column, const std::string& blob) {
  if (blob.empty()) return std::string();
  auto version = TRY(security::FieldKeyVersion(blob));
  auto key = TRY(keyring.OrgKeyVersion(tx, r.org_id, version));
  auto plain = security::DecryptField(*key.key, {r.org_id, kRegistrations, column, r.id}, blob);
  if (!plain) {
    return Fail(ErrorCode::kInternal, "error.internal", "registration field does not decrypt");
  }
  return std::move(*plain);
}

std::string Fmt(TimePoint t) { return FormatRfc3339(t); }

TimePoint Parse(const std::string& text) {
  TimePoint t{};
  ParseRfc3339(text, &t);
  return t;
}

EventFields FieldsOf(const StoredEvent& e) {
  return {.kind = e.kind,
          .title_ko = e.title_ko,
          .title_en = e.title_en,
          .description_ko = e.description_ko,
          .description_en = e.description_en,
          .starts_at = Parse(e.starts_at),
          .ends_at = Parse(e.ends_at),
          .venue = e.venue,
          .region = e.region,
          .capacity = e.capacity,
          .registration_open = e.registration_open,
          .published = e.published,
          .campaign_id = e.campaign_id};
}

void Apply(const EventFields& f, StoredEvent& e) {
  e.kind = f.kind;
  e.title_ko = f.title_ko;
  e.title_en = f.title_en;
  e.description_ko = f.description_ko;
  e.description_en = f.description_en;
  e.starts_at = Fmt(f.starts_at);
  e.ends_at = Fmt(f.ends_at);
  e.venue = f.venue;
  e.region = f.region;
  e.capacity = f.capacity;
  e.registration_open = f.registration_open;
  e.published = f.published;
  e.campaign_id = f.campaign_id;
}

Error CheckEvent(const EventFields& f) {
  Error e = ValidateEvent(f);
  if (!f.campaign_id.empty() && !LooksLikeId(f.campaign_id)) {
    e.Field("campaign_id", "field.unknown_value");
  }
  return e;
}

// Field reasons for a registration's own fields (and the contact's index, computed here so a
// contact with nothing to index is refused before anything is written).
Error CheckRegistration(const NewRegistration& in, bool contact_required,
                        const security::SecretKey& contact_key, const std::string& event_id,
                        std::string* index) {
  Error e = Invalid();
  if (Blank(in.name)) e.Field("name", "field.required");
  if (std::find(std::begin(kRoles), std::end(kRoles), in.role) == std::end(kRoles)) {
    e.Field("role", "field.unknown_value");
  }
  if (Blank(in.contact)) {
    if (contact_required) e.Field("contact", "field.required");
  } else if (auto i = ContactIndex(contact_key, event_id, in.contact); !i) {
    e.Field("contact", "events.bad_contact");
  } else {
    *index = *i;
  }
  return e;
}

}  // namespace

EventService::EventService(store::Database& db, security::Keyring& keyring,
                           const security::AuditLog& audit, security::AuditBatcher& reads,
                           const Clock& clock)
    : db_(db),
      keyring_(keyring),
      audit_(audit),
      reads_(reads),
      clock_(clock),
      ticket_key_(security::DeriveSubkey(keyring.master_key(), security::kEventTicketContext,
                                         security::kEventTicketSubkeyId)),
      contact_key_(security::DeriveSubkey(keyring.master_key(), security::kEventContactContext,
                                          security::kEventContactSubkeyId)),
      guard_(keyring.master_key(), clock, emergency::kDefaultPublicPerMinute,
             emergency::FormPurpose{.context = &security::kEventFormContext,
                                    .subkey_id = security::kEventFormSubkeyId,
                                    .tag = "event-form"}) {}

Result<StoredEvent> EventService::LoadOwn(store::Tx& tx, const security::Actor& actor,
                                          const std::string& id) {
  if (!LooksLikeId(id)) return Fail(NotFound());
  auto e = TRY(event_repo::FindEvent(tx, id));
  if (!e || e->org_id != actor.org_id) return Fail(NotFound());
  return std::move(*e);
}

Result<void> EventService::CheckOwn(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kEventRead));
  return db_.Read([&](store::Tx& tx) -> Result<void> {
    TRY(LoadOwn(tx, actor, id));
    return Ok();
  });
}

// ---- Events ---------------------------------------------------------------------------------

Result<std::vector<Event>> EventService::List(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kEventRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Event>> {
    std::vector<Event> out;
    for (auto& e : TRY(event_repo::EventsOf(tx, actor.org_id))) {
      auto counts = TRY(event_repo::CountsOf(tx, e.id));
      out.push_back({std::move(e), counts});
    }
    return out;
  });
}

Result<Event> EventService::Get(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kEventRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<Event> {
    auto e = TRY(LoadOwn(tx, actor, id));
    auto counts = TRY(event_repo::CountsOf(tx, e.id));
    return Event{std::move(e), counts};
  });
}

Result<Event> EventService::Create(const security::Actor& actor, const EventFields& fields) {
  TRY(RequirePermission(actor, perm::kEventWrite));
  if (Error e = CheckEvent(fields); !e.fields.empty()) return Fail(e);
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Event> {
    StoredEvent e{.id = NewId(),
                  .org_id = actor.org_id,
                  .created_at = now,
                  .created_by = actor.user_id,
                  .updated_at = now};
    Apply(fields, e);
    if (!e.campaign_id.empty() && campaign_link_) {
      TRY(campaign_link_(tx, actor, e.org_id, e.campaign_id));
    }
    TRY(event_repo::InsertEvent(tx, e));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "event.create", "event", e.id,
                                               {"kind", "title", "time", "venue", "capacity"})));
    auto stored = TRY(event_repo::FindEvent(tx, e.id));
    return Event{std::move(*stored), {}};
  });
}

Result<Event> EventService::Update(const security::Actor& actor, const std::string& id,
                                   const EventPatch& p) {
  TRY(RequirePermission(actor, perm::kEventWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Event> {
    // Locked before it is read: two edits at once apply one after the other.
    if (LooksLikeId(id)) TRY(event_repo::LockEvent(tx, id));
    StoredEvent e = TRY(LoadOwn(tx, actor, id));
    EventFields f = FieldsOf(e);
    std::vector<std::string> changed;
    auto set = [&](auto& field, const auto& given, const char* name) {
      if (given && !(field == *given)) {
        field = *given;
        changed.emplace_back(name);
      }
    };
    set(f.kind, p.kind, "kind");
    set(f.title_ko, p.title_ko, "title_ko");
    set(f.title_en, p.title_en, "title_en");
    set(f.description_ko, p.description_ko, "description_ko");
    set(f.description_en, p.description_en, "description_en");
    set(f.starts_at, p.starts_at, "starts_at");
    set(f.ends_at, p.ends_at, "ends_at");
    set(f.venue, p.venue, "venue");
    set(f.region, p.region, "region");
    set(f.registration_open, p.registration_open, "registration_open");
    set(f.published, p.published, "published");
    set(f.campaign_id, p.campaign_id, "campaign_id");
    const bool capacity_changed = p.capacity_given && p.capacity != f.capacity;
    if (capacity_changed) {
      f.capacity = p.capacity;
      changed.emplace_back("capacity");
    }
    if (Error err = CheckEvent(f); !err.fields.empty()) return Fail(err);
    if (!changed.empty()) {
      if (p.campaign_id && !p.campaign_id->empty() && *p.campaign_id != e.campaign_id &&
          campaign_link_) {
        TRY(campaign_link_(tx, actor, e.org_id, *p.campaign_id));
      }
      Apply(f, e);
      e.updated_at = Fmt(clock_.Now());
      TRY(event_repo::UpdateEvent(tx, e));
      TRY(audit_.Append(tx, security::ActorEvent(actor, "event.update", "event", e.id, changed)));
      if (capacity_changed) TRY(Promote(tx, actor, e));
    }
    auto counts = TRY(event_repo::CountsOf(tx, e.id));
    auto stored = TRY(event_repo::FindEvent(tx, e.id));
    return Event{std::move(*stored), counts};
  });
}

// ---- Registrations --------------------------------------------------------------------------

Result<Registration> EventService::View(store::Tx& tx, const StoredRegistration& r) {
  Registration out{.stored = r};
  out.name = TRY(Open(tx, keyring_, r, "alias", r.alias));
  out.alias = !out.name.empty();
  // Under an alias, her legal name is not even opened.
  if (!out.alias) out.name = TRY(Open(tx, keyring_, r, "name", r.name));
  return out;
}

Result<security::Audited<AttendeeList>> EventService::Attendees(const security::Actor& actor,
                                                                const std::string& id) {
  TRY(RequirePermission(actor, perm::kEventAttendees));
  std::string event_id;
  auto list = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<AttendeeList> {
    auto e = TRY(LoadOwn(tx, actor, id));
    event_id = e.id;
    AttendeeList out;
    for (const auto& r : TRY(event_repo::RegistrationsOf(tx, e.id))) {
      out.items.push_back(TRY(View(tx, r)));
    }
    out.counts = TRY(event_repo::CountsOf(tx, e.id));
    return out;
  }));
  auto e =
      security::ActorEvent(actor, "event.attendees.read", "event", event_id, {"name", "alias"});
  return security::Audited<AttendeeList>{std::move(list),
                                         security::PendingAudit(reads_, std::move(e))};
}

Result<event_repo::Counts> EventService::Attendance(const security::Actor& actor,
                                                    const std::string& id) {
  TRY(RequirePermission(actor, perm::kEventRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<event_repo::Counts> {
    auto e = TRY(LoadOwn(tx, actor, id));
    return event_repo::CountsOf(tx, e.id);
  });
}

Result<Registered> EventService::Store(store::Tx& tx, const security::Actor& actor,
                                       const StoredEvent& event, const NewRegistration& input,
                                       const std::string& source) {
  TRY(event_repo::LockEvent(tx, event.id));
  std::string index;
  if (!Blank(input.contact)) {
    index = TRY(ContactIndex(contact_key_, event.id, input.contact));
    if (TRY(event_repo::ContactTaken(tx, event.id, index))) {
      return Fail(ErrorCode::kConflict, "events.duplicate");
    }
  }
  const auto counts = TRY(event_repo::CountsOf(tx, event.id));
  StoredRegistration r{
      .id = NewId(),
      .event_id = event.id,
      .org_id = event.org_id,
      .role = input.role,
      .status = StatusForNew(input.role, event.capacity, counts.registered_attendees),
      .source = source,
      .contact_index = index,
      .photo_consent = input.photo_consent,
      .registered_at = Fmt(clock_.Now()),
      .registered_by = actor.user_id};
  for (int attempt = 0;; ++attempt) {
    r.reference = NewReference();
    if (!TRY(event_repo::FindByReference(tx, r.reference))) break;
    if (attempt > 5) return Fail(ErrorCode::kInternal, "error.internal", "no free reference");
  }
  r.name = TRY(Seal(tx, keyring_, r, "name", input.name));
  r.contact = TRY(Seal(tx, keyring_, r, "contact", input.contact));
  r.alias = TRY(Seal(tx, keyring_, r, "alias", input.alias));
  TRY(event_repo::InsertRegistration(tx, r));
  std::vector<std::string> fields = {"name", "role", "photo_consent"};
  if (!input.contact.empty()) fields.emplace_back("contact");
  if (!input.alias.empty()) fields.emplace_back("alias");
  auto audit = security::ActorEvent(actor, "event.registration.create", "event_registration", r.id,
                                    fields, event.org_id);
  audit.outcome = r.status == "waitlisted" ? "waitlisted" : "ok";
  TRY(audit_.Append(tx, audit));
  Registered out;
  out.registration = TRY(View(tx, r));
  out.ticket_qr_svg = TRY(security::QrSvg(TicketToken(ticket_key_, event.id, r.reference)));
  return out;
}

Result<Registered> EventService::AddRegistration(const security::Actor& actor,
                                                 const std::string& id,
                                                 const NewRegistration& input) {
  TRY(RequirePermission(actor, perm::kEventAttendees));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Registered> {
    auto e = TRY(LoadOwn(tx, actor, id));
    std::string index;
    if (Error err = CheckRegistration(input, false, contact_key_, e.id, &index);
        !err.fields.empty()) {
      return Fail(err);
    }
    return Store(tx, actor, e, input, "staff");
  });
}

Result<std::vector<std::string>> EventService::Promote(store::Tx& tx, const security::Actor& actor,
                                                       const StoredEvent& event) {
  const auto counts = TRY(event_repo::CountsOf(tx, event.id));
  std::vector<Waiting> waiting;
  for (const auto& r : TRY(event_repo::RegistrationsOf(tx, event.id))) {
    if (r.status == "waitlisted" && r.role == "attendee") {
      waiting.push_back({r.id, r.registered_at});
    }
  }
  auto ids = PickPromotions(event.capacity, counts.registered_attendees, std::move(waiting));
  for (const auto& rid : ids) {
    TRY(event_repo::SetStatus(tx, rid, "registered", ""));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "event.registration.promote", "event_registration", rid,
                                 {"status"}, event.org_id)));
  }
  return ids;
}

Result<Cancelled> EventService::Cancel(const security::Actor& actor, const std::string& id,
                                       const std::string& registration_id) {
  TRY(RequirePermission(actor, perm::kEventAttendees));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Cancelled> {
    auto e = TRY(LoadOwn(tx, actor, id));
    TRY(event_repo::LockEvent(tx, e.id));
    std::optional<StoredRegistration> r;
    if (LooksLikeId(registration_id)) r = TRY(event_repo::FindRegistration(tx, registration_id));
    if (!r || r->event_id != e.id) return Fail(NotFound());
    if (r->status == "cancelled") return Fail(ErrorCode::kConflict, "events.already_cancelled");
    if (!r->checked_in_at.empty()) {
      return Fail(ErrorCode::kConflict, "events.already_checked_in");
    }
    r->status = "cancelled";
    r->cancelled_at = Fmt(clock_.Now());
    TRY(event_repo::SetStatus(tx, r->id, r->status, r->cancelled_at));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "event.registration.cancel",
                                               "event_registration", r->id, {"status"}, e.org_id)));
    Cancelled out;
    out.registration = TRY(View(tx, *r));
    auto promoted = TRY(Promote(tx, actor, e));
    if (!promoted.empty()) {
      auto p = TRY(event_repo::FindRegistration(tx, promoted.front()));
      out.promoted = TRY(View(tx, *p));
    }
    return out;
  });
}

Result<CheckedIn> EventService::CheckIn(const security::Actor& actor, const std::string& id,
                                        const CheckInInput& in) {
  TRY(RequirePermission(actor, perm::kEventAttendees));
  Error bad = Invalid();
  const int given = !in.token.empty() + !in.reference.empty() + !in.registration_id.empty();
  if (given != 1) bad.Field("token", "events.one_way");
  if (!ValidIdempotencyKey(in.idempotency_key)) {
    bad.Field("idempotency_key", "events.bad_idempotency_key");
  }
  std::string reference, method = "list";
  if (!in.token.empty()) {
    method = "qr";
    auto ticket = VerifyTicketToken(ticket_key_, in.token);
    if (!ticket) {
      bad.Field("token", "events.bad_token");
    } else if (ticket->event_id != id) {
      if (bad.fields.empty()) return Fail(NotFound());  // another event's ticket
    } else {
      reference = ticket->reference;
    }
  } else if (!in.reference.empty()) {
    method = "reference";
    auto parsed = ParseReference(in.reference);
    if (!parsed) {
      bad.Field("reference", "events.bad_reference");
    } else {
      reference = *parsed;
    }
  }
  if (!bad.fields.empty()) return Fail(bad);
  const TimePoint now = clock_.Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<CheckedIn> {
    auto e = TRY(LoadOwn(tx, actor, id));
    TRY(event_repo::LockEvent(tx, e.id));
    // A replay of a queued check-in answers what the first answered.
    if (auto done = TRY(event_repo::FindByCheckInKey(tx, e.id, in.idempotency_key))) {
      return CheckedIn{TRY(View(tx, *done)), true};
    }
    std::optional<StoredRegistration> r;
    if (!reference.empty()) {
      r = TRY(event_repo::FindByReference(tx, reference));
    } else if (LooksLikeId(in.registration_id)) {
      r = TRY(event_repo::FindRegistration(tx, in.registration_id));
    }
    if (!r || r->event_id != e.id) return Fail(NotFound());
    if (r->status == "cancelled") return Fail(ErrorCode::kConflict, "events.cancelled");
    if (!r->checked_in_at.empty()) {
      Error twice{ErrorCode::kConflict, "events.already_checked_in"};
      twice.refs["registration"] = {r->id};
      twice.refs["checked_in_at"] = {r->checked_in_at};
      return Fail(twice);
    }
    const TimePoint at = TRY(CheckInTime(in.checked_in_at, now, Parse(e.starts_at)));
    const bool was_waiting = r->status == "waitlisted";
    r->status = "registered";  // she came, and there was room at the door
    r->checked_in_at = Fmt(at);
    r->checked_in_by = actor.user_id;
    r->check_in_method = method;
    r->check_in_key = in.idempotency_key;
    TRY(event_repo::SetCheckIn(tx, *r));
    std::vector<std::string> fields = {"checked_in_at", method};
    if (was_waiting) fields.emplace_back("status");
    TRY(audit_.Append(tx, security::ActorEvent(actor, "event.checkin", "event_registration", r->id,
                                               fields, e.org_id)));
    return CheckedIn{TRY(View(tx, *r)), false};
  });
}

// ---- The public -----------------------------------------------------------------------------

Result<std::vector<PublicEvent>> EventService::PublicEvents() {
  const std::string now = Fmt(clock_.Now());
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<PublicEvent>> {
    std::vector<PublicEvent> out;
    for (auto& e : TRY(event_repo::PublicEvents(tx, now))) {
      const auto counts = TRY(event_repo::CountsOf(tx, e.id));
      PublicEvent p{.stored = std::move(e)};
      p.places_left = PlacesLeft(p.stored.capacity, counts.registered_attendees);
      p.availability = !p.stored.registration_open              ? "closed"
                       : (p.places_left && *p.places_left == 0) ? "waitlist"
                                                                : "open";
      out.push_back(std::move(p));
    }
    return out;
  });
}

Result<void> EventService::AdmitPublic(const std::string& address, int64_t* retry_after) {
  if (auto wait = guard_.Admit(address)) {
    if (retry_after) *retry_after = *wait;
    return Fail(ErrorCode::kRateLimited, "events.too_many");
  }
  return Ok();
}

Result<Registered> EventService::RegisterPublic(const std::string& event_id,
                                                const PublicRegistration& form,
                                                const std::string& request_id) {
  NewRegistration input{.name = form.name,
                        .contact = form.contact,
                        .alias = form.alias,
                        .role = "attendee",
                        .photo_consent = form.photo_consent};
  std::string index;
  Error e = CheckRegistration(input, true, contact_key_, event_id, &index);
  if (auto ok = guard_.CheckToken(form.form_token); !ok) {
    for (const auto& [name, reason] : ok.error().fields) e.Field(name, reason);
  }
  if (!e.fields.empty()) return Fail(e);  // the token stays unused: she corrects and resends
  TRY(guard_.ConsumeToken(form.form_token));
  security::Actor anonymous;
  anonymous.request_id = request_id;
  const std::string now = Fmt(clock_.Now());
  auto stored = db_.WriteValue([&](store::Tx& tx) -> Result<Registered> {
    std::optional<StoredEvent> ev;
    if (LooksLikeId(event_id)) ev = TRY(event_repo::FindEvent(tx, event_id));
    if (!ev || !ev->published || ev->ends_at <= now) return Fail(NotFound());
    if (!ev->registration_open) return Fail(ErrorCode::kConflict, "events.registration_closed");
    return Store(tx, anonymous, *ev, input, "public");
  });
  if (!stored) guard_.ReleaseToken(form.form_token);
  return stored;
}

}  // namespace dandelion::events

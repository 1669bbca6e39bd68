// Events: the pure rules (docs/api-events.md) — kinds and roles, an event's fields, capacity and
// the waitlist, confirmation references, check-in tokens, the keyed index of a contact, and the
// time a phone says a check-in happened. No storage, no clock of its own; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "security/keys.h"

namespace dandelion::events {

inline constexpr std::string_view kKinds[] = {"forum",
                                              "policy_workshop",
                                              "panel",
                                              "rally",
                                              "memorial",
                                              "pilgrimage_stop",
                                              "press_conference",
                                              "training_session",
                                              "gathering"};
// A survivors' network's yearly gathering (docs/api-survivors.md): private, never published.
inline constexpr std::string_view kGatheringKind = "gathering";
inline constexpr std::string_view kRoles[] = {"attendee", "speaker", "host", "volunteer", "press"};
inline constexpr int kMaxCapacity = 100000;
inline constexpr int64_t kMaxEventSeconds = 14 * 24 * 3600;

// An event's own fields, as created or after a change.
struct EventFields {
  std::string kind;
  std::string title_ko, title_en, description_ko, description_en;
  TimePoint starts_at{}, ends_at{};
  std::string venue, region;
  std::optional<int> capacity;  // nullopt: no limit
  bool registration_open = false;
  bool published = false;
  std::string campaign_id;
};

// Field reasons for what is wrong with f (empty when nothing is); titles and venue must not be
// blank, the end after the start and at most kMaxEventSeconds later, region a known code.
Error ValidateEvent(const EventFields& f);

// ---- Capacity and the waitlist ------------------------------------------------------------------

// The status of a new registration: attendees beyond the capacity wait; speakers, hosts,
// volunteers and press are always registered.
std::string StatusForNew(std::string_view role, std::optional<int> capacity,
                         int registered_attendees);
// Places left for attendees (nullopt: no limit); never negative.
std::optional<int> PlacesLeft(std::optional<int> capacity, int registered_attendees);

struct Waiting {
  std::string id;
  std::string registered_at;
};
// The waitlisted attendees to promote now that registered_attendees hold places: as many as
// fit, oldest first (ties by id).
std::vector<std::string> PickPromotions(std::optional<int> capacity, int registered_attendees,
                                        std::vector<Waiting> waiting);

// ---- References ---------------------------------------------------------------------------------

// No 0/O, 1/I/L: read aloud or typed from a phone without doubt.
inline constexpr std::string_view kReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr size_t kReferenceLength = 8;
// 8 random characters of the alphabet (uniform, from libsodium's generator).
std::string NewReference();
// "XXXX-XXXX" for showing.
std::string FormatReference(std::string_view reference);
// The stored form of what was typed (dash and spaces dropped, case folded), or nullopt.
std::optional<std::string> ParseReference(std::string_view typed);

// ---- Check-in tokens ----------------------------------------------------------------------------

// "DDEV1.<event id>.<reference>.<mac>": mac = first 16 bytes (hex) of keyed BLAKE2b over
// "event-ticket:<event id>:<reference>". Names no person.
std::string TicketToken(const security::SecretKey& key, std::string_view event_id,
                        std::string_view reference);
struct Ticket {
  std::string event_id;
  std::string reference;
};
// The ticket a token names, or 400 "events.bad_token" (malformed, forged or altered).
Result<Ticket> VerifyTicketToken(const security::SecretKey& key, std::string_view token);

// ---- The contact's keyed index ------------------------------------------------------------------

// 16 raw bytes: keyed BLAKE2b over "<event id> NUL <normalized contact>" — digits only for a
// phone number, NFKC case-folded and trimmed for an e-mail address (anything with an '@').
// Fails like security::NormalizeForIndex (ill-formed UTF-8, nothing to index).
Result<std::string> ContactIndex(const security::SecretKey& key, std::string_view event_id,
                                 std::string_view contact);

// ---- Check-in -----------------------------------------------------------------------------------

inline constexpr int64_t kCheckInSkewSeconds = 5 * 60;
// When a check-in happened: given (the phone's clock) or now. Refused (400 on checked_in_at,
// "events.checkin_time") when later than now plus the skew, or before 00:00 Korea time of the
// event's first day.
Result<TimePoint> CheckInTime(std::optional<TimePoint> given, TimePoint now, TimePoint starts_at);
// 8-100 characters of [A-Za-z0-9_-].
bool ValidIdempotencyKey(std::string_view key);

}  // namespace dandelion::events

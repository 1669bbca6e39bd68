// The vocabulary of emergency rescue (domain.md, "Emergency rescue"): a help request as staff
// see it (decrypted), its channels, statuses, urgencies and outcomes, and the police
// coordination recorded with it.
//
// Pure values and functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace dandelion::emergency {

std::span<const std::string_view> Channels();       // public_web_form, hotline, sms, police, ...
std::span<const std::string_view> StaffChannels();  // every channel but the public form
std::span<const std::string_view> Statuses();   // new, acknowledged, dispatched, resolved, closed
std::span<const std::string_view> Urgencies();  // immediate, high, normal
std::span<const std::string_view> Outcomes();   // rescued, referred, no_contact, ...

bool IsOneOf(std::span<const std::string_view> list, std::string_view value);
// Statuses a request is still being worked on in ("open" in the list filter).
bool IsOpenStatus(std::string_view status);

// The default time an organization has to acknowledge a request before it escalates.
inline constexpr int64_t kDefaultAckLimitSeconds = 10 * 60;

struct PoliceCoordination {
  std::string station;        // sealed
  std::string notified_at;    // RFC 3339, clear
  std::string officer;        // sealed
  std::string report_number;  // sealed
  std::string outcome;        // sealed (free text: the joint outcome)
  bool present() const { return !notified_at.empty(); }
};

// What a request's row says in clear: its routing, status and timestamps. Optional values are "".
struct RequestState {
  std::string id;
  std::string reference;
  std::string channel;
  std::string region;
  std::string urgency;
  std::string language;
  std::string status;
  std::string assigned_org_id;
  int64_t escalation_level = 0;
  std::optional<int64_t> ack_due_at;  // unix seconds
  std::string outcome;
  std::string person_id;
  std::string case_id;
  std::string received_at;
  std::string acknowledged_at;
  std::string dispatched_at;
  std::string resolved_at;
  std::string closed_at;
  std::string created_by;
  std::string updated_at;
  int64_t row_version = 1;
};

// A help request as staff see it: its state and what she wrote, decrypted (the row as stored,
// with those fields sealed, is request_repo::StoredHelpRequest). Optional values are "".
struct HelpRequest : RequestState {
  std::string situation;
  std::string location;
  std::string contact;
  std::string safe_contact;
  std::string dispatch_note;
  std::string resolve_note;
  PoliceCoordination police;
};

// What a new request carries, from the public form or logged by staff.
struct NewHelpRequest {
  std::string channel;
  std::string region;
  std::string situation;
  std::string location;
  std::string contact;
  std::string safe_contact;
  std::string language;
  std::string urgency;  // "" = the channel's default
};

// A reference she can quote on the phone: "H-" and eight characters of an alphabet without
// look-alikes (no 0/O, 1/I/L), e.g. "H-7K3M9QX2". Random; not derived from the id.
std::string NewReference();

}  // namespace dandelion::emergency

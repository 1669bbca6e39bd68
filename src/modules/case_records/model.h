// The vocabulary of a case's records (docs/domain.md, "Case"; docs/api-cases.md, "Case records"):
// the clear enumerations, the records as services return them (decrypted), what a caller sets, and
// the rules for each value. Shapes (types, lengths) are the routes' FieldReader's; values (known
// words, real dates, no negative minutes or amounts, times in order) are judged here, so a
// service called from anywhere refuses the same things.
//
// Pure values and functions; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace dandelion::case_records {

std::span<const std::string_view> ServiceTypes();
std::span<const std::string_view> AppointmentKinds();
std::span<const std::string_view> LegalKinds();
std::span<const std::string_view> LegalStatuses();
std::span<const std::string_view> HearingKinds();
std::span<const std::string_view> ConsentKinds();
std::span<const std::string_view> ConsentMethods();
std::span<const std::string_view> AssessmentDomains();
std::span<const std::string_view> GoalStatuses();
std::span<const std::string_view> FileKinds();
bool IsOneOf(std::span<const std::string_view> words, std::string_view word);

// Services that are contact with her, so the caseload's "no contact for 30 days" moves: all but
// money paid out for her.
bool IsContactService(std::string_view type);

// Text limits, in code points (the routes read with them).
inline constexpr size_t kShortText = 200;  // provider, with_whom, place, authority, court, title
inline constexpr size_t kLongText = 4000;  // notes of a service, an appointment, a hearing
inline constexpr size_t kNoteText = 20000;
inline constexpr size_t kFileNameLength = 200;
inline constexpr int64_t kMaxMinutes = 24 * 60;
inline constexpr int64_t kMaxAmount = 1'000'000'000'000;  // KRW
inline constexpr size_t kMaxFileBytes = 10 * 1024 * 1024;

// ---- Services -------------------------------------------------------------------------------
struct ServiceFields {
  std::string type;
  std::string date;  // YYYY-MM-DD, not after today
  int64_t minutes = 0;
  std::string provider;
  std::string outcome;
  std::string notes;
  std::optional<int64_t> amount;  // KRW
};
struct Service {
  std::string id, case_id;
  ServiceFields fields;
  std::string recorded_by, created_at;
};
Result<void> ValidateService(const ServiceFields& in, TimePoint now);

// ---- Notes ----------------------------------------------------------------------------------
struct Note {
  std::string id, case_id, text, amends, author_id, author_name, created_at;
};
Result<void> ValidateNote(std::string_view text);

// ---- Appointments ---------------------------------------------------------------------------
struct AppointmentFields {
  TimePoint starts_at{};
  std::optional<TimePoint> ends_at;
  std::string kind;
  std::string with_whom;
  std::string place;
  std::string notes;
};
// Who she is, as a calendar shows her; empty when the caller may not read her case.
struct PersonBrief {
  std::string id, code, alias, safe_contact;
};
struct Appointment {
  std::string id, case_id, case_number;
  std::optional<PersonBrief> person;  // nullopt: a restricted case the caller may not read
  std::string starts_at, ends_at, kind, with_whom, place, notes, status, worker_id;
};
Result<void> ValidateAppointment(const AppointmentFields& in);
// A calendar window: from before to, at most kMaxCalendarDays long.
inline constexpr int kMaxCalendarDays = 62;
Result<void> ValidateWindow(TimePoint from, TimePoint to);

// ---- Legal matters --------------------------------------------------------------------------
struct LegalFields {
  std::optional<std::string> kind;  // required at creation, fixed after
  std::optional<std::string> authority;
  std::optional<std::string> case_number;
  std::optional<std::string> status;  // required at creation
  std::optional<std::string> outcome;
  std::vector<std::string> Names() const;
};
struct Hearing {
  std::string id, at, court, kind, notes;
};
struct LegalMatter {
  std::string id, case_id, kind, authority, case_number, status, outcome;
  std::vector<Hearing> hearings;
  std::string created_at, updated_at;
};
struct HearingFields {
  TimePoint at{};
  std::string court, kind, notes;
};
Result<void> ValidateLegal(const LegalFields& in, bool creating);
Result<void> ValidateHearing(const HearingFields& in);

// ---- Consents -------------------------------------------------------------------------------
struct ConsentFields {
  std::string kind;
  std::vector<std::string> scope_fields;
  std::string scope_org_id;
  // A referral outside the network: the outside party she agreed to, by name ("부산 ○○경찰서").
  std::string scope_external;
  std::string method;
  std::optional<TimePoint> expires_at;
};
struct Consent {
  std::string id, person_id, kind;
  std::vector<std::string> scope_fields;
  std::string scope_org_id, scope_external, method, given_at, expires_at, revoked_at, recorded_by;
  std::string state;  // active | expired | revoked, at the time of reading
};
Result<void> ValidateConsent(const ConsentFields& in, TimePoint now);
// "revoked" once revoked, "expired" from expires_at on, "active" otherwise.
std::string ConsentState(std::string_view expires_at, std::string_view revoked_at, TimePoint now);

// ---- Assessments and plan goals -------------------------------------------------------------
struct AssessmentFields {
  std::map<std::string, int64_t> ratings;    // domain -> 0..4
  std::map<std::string, std::string> notes;  // domain -> text
};
struct Assessment {
  std::string id, case_id;
  AssessmentFields fields;
  std::string assessed_by, created_at;
};
Result<void> ValidateAssessment(const AssessmentFields& in);

struct GoalFields {
  std::optional<std::string> title;  // required at creation
  std::optional<std::string> target_date;
  std::optional<std::string> status;  // "planned" when absent at creation
  std::vector<std::string> Names() const;
};
struct Goal {
  std::string id, case_id, title, target_date, status, created_at, updated_at;
};
Result<void> ValidateGoal(const GoalFields& in, bool creating);

// ---- Files ----------------------------------------------------------------------------------
struct FileInfo {
  std::string id, case_id, kind, name;
  int64_t size = 0;
  std::string created_at;
};
// A file name as given: no path, no control characters, not "." or "..".
Result<void> ValidateFile(std::string_view kind, std::string_view name, size_t size);

}  // namespace dandelion::case_records

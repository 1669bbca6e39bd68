// The vocabulary of survivor records (docs/domain.md, "Survivor records"): a person as services and
// handlers see her (decrypted), what a caller may set, and the rules for each field's value.
//
// Pure values and functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace dandelion::people {

// The clear category tags of docs/domain.md.
std::span<const std::string_view> Categories();
bool IsCategory(std::string_view tag);
// ISO 3166-1 alpha-2, upper case ("KR").
bool IsCountryCode(std::string_view code);
// An ISO 639 language code: two or three lower-case letters ("ko", "vi", "fil").
bool IsLanguageCode(std::string_view code);

// The age band at intake kept in clear for statistics: "under_19" (a youth under the Youth
// Protection Act), "19_24", "25_29", "30_39", "40_49", "50_plus". birth_date is a valid date.
std::string AgeBand(std::string_view birth_date, TimePoint at);

// The organization's prefix of person codes: the first four letters and digits of its slug, in
// upper case ("seoul1-center" -> "SEOU", "org-a" -> "ORGA"). Codes are unique per organization
// only, so two organizations sharing a prefix is harmless.
std::string CodePrefix(std::string_view org_slug);
// "<PREFIX>-<YEAR>-<NNNN>" (at least four digits).
std::string FormatCode(std::string_view prefix, int year, int64_t seq);

// A survivor, decrypted. Optional fields are "" (or empty lists) when unknown.
struct Person {
  std::string id;
  std::string org_id;
  std::string code;
  std::string legal_name;
  std::string alias;
  std::string birth_date;  // YYYY-MM-DD
  std::string age_band;
  std::string phone;
  std::string safe_contact;
  std::string nationality;
  std::vector<std::string> languages;
  std::vector<std::string> categories;
  std::string created_at;
  std::string updated_at;
  // How the caller reaches her (access/person_access.h): whether she has a restricted case, and
  // why the caller may see her ("organization", "assigned", "supervisor", "break_glass").
  bool restricted = false;
  std::string access;
  // A search match the caller may not see: only id, code and restricted are set.
  bool hidden = false;
};

// The fields a caller sets, at registration (legal_name required) or in a change (every field
// optional: absent = unchanged; "" clears an optional field).
struct PersonFields {
  std::optional<std::string> legal_name;
  std::optional<std::string> alias;
  std::optional<std::string> birth_date;
  std::optional<std::string> phone;
  std::optional<std::string> safe_contact;
  std::optional<std::string> nationality;
  std::optional<std::vector<std::string>> languages;
  std::optional<std::vector<std::string>> categories;

  // The names of the fields present, in a fixed order (for the audit log).
  std::vector<std::string> Names() const;
};

// Checks the values present; 400 naming every bad field. today bounds birth dates.
Result<void> ValidatePersonFields(const PersonFields& fields, bool creating, TimePoint today);

// Copies the present fields onto person (the age band is the service's: it is at intake).
void ApplyPersonFields(const PersonFields& fields, Person& person);

}  // namespace dandelion::people

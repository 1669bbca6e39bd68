// The vocabulary of cases (docs/domain.md, "Case"): a case as services and handlers see it
// (decrypted), what a caller sets when opening or changing one, and the closed lists of values.
//
// Pure values and functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dandelion::cases {

std::span<const std::string_view> IntakeChannels();
std::span<const std::string_view> SituationTags();
std::span<const std::string_view> RiskLevels();  // low → critical, in rising order
std::span<const std::string_view> ClosureReasons();

// 0 for "low" … 3 for "critical"; -1 for an unknown level.
int RiskRank(std::string_view level);

// "<PREFIX>-C-<YEAR>-<NNNN>": the organization's person-code prefix with a C for case.
std::string FormatCaseNumber(std::string_view prefix, int year, int64_t seq);

struct Worker {
  std::string user_id;
  std::string display_name;
};

// The person as a case shows her: enough to recognise her and to contact her safely.
struct CasePerson {
  std::string id;
  std::string code;
  std::string legal_name;
  std::string alias;
  std::string safe_contact;
};

struct Case {
  std::string id;
  std::string org_id;
  std::string number;
  CasePerson person;
  std::string status;  // "open" | "closed"
  std::string intake_channel;
  std::vector<std::string> situation;
  std::string risk_level;
  std::string summary;
  std::string safety_plan;
  bool restricted = false;
  std::vector<Worker> assigned;
  std::string opened_at;
  std::string closed_at;
  std::string closure_reason;
  std::string closure_note;
  std::string reopen_reason;
  std::string last_contact_at;
  std::string updated_at;
  std::string access;  // why the caller may see it: assigned, supervisor, organization, break_glass
};

// What a caller sets when opening a case (every field but safety_plan and restricted required)
// or changing one (every field optional; absent = unchanged, "" clears the safety plan).
struct CaseFields {
  std::optional<std::string> person_id;
  std::optional<std::string> intake_channel;
  std::optional<std::vector<std::string>> situation;
  std::optional<std::string> risk_level;
  std::optional<std::string> summary;
  std::optional<std::string> safety_plan;
  std::optional<bool> restricted;

  // The names of the fields present, in a fixed order (for the audit log).
  std::vector<std::string> Names() const;
};

// Checks the values present; 400 naming every bad field.
Result<void> ValidateCaseFields(const CaseFields& fields, bool opening);

// Splits and joins the comma-separated clear list columns.
std::vector<std::string> SplitTags(std::string_view text);
std::string JoinTags(const std::vector<std::string>& tags);

}  // namespace dandelion::cases

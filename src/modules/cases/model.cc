#include "modules/cases/model.h"

#include <algorithm>
#include <cstdio>

#include "core/ids.h"
#include "modules/service_support.h"

namespace dandelion::cases {
namespace {

constexpr std::string_view kIntakeChannels[] = {
    "hotline",     "walk_in",         "police_referral", "outreach",
    "web_request", "member_referral", "court_order",     "self",
};
constexpr std::string_view kSituationTags[] = {
    "red_light_district",        "entertainment_establishment", "online", "massage_parlour",
    "international_trafficking", "military_camptown",           "street", "other",
};
constexpr std::string_view kRiskLevels[] = {"low", "medium", "high", "critical"};
constexpr std::string_view kClosureReasons[] = {
    "goals_met", "referred", "moved_away", "lost_contact", "declined_services", "deceased", "other",
};

bool In(std::span<const std::string_view> allowed, std::string_view v) {
  return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

}  // namespace

std::span<const std::string_view> IntakeChannels() { return kIntakeChannels; }
std::span<const std::string_view> SituationTags() { return kSituationTags; }
std::span<const std::string_view> RiskLevels() { return kRiskLevels; }
std::span<const std::string_view> ClosureReasons() { return kClosureReasons; }

int RiskRank(std::string_view level) {
  for (size_t i = 0; i < std::size(kRiskLevels); ++i) {
    if (kRiskLevels[i] == level) return static_cast<int>(i);
  }
  return -1;
}

std::string FormatCaseNumber(std::string_view prefix, int year, int64_t seq) {
  char tail[32];
  std::snprintf(tail, sizeof tail, "-C-%04d-%04lld", year, static_cast<long long>(seq));
  return std::string(prefix) + tail;
}

std::vector<std::string> CaseFields::Names() const {
  std::vector<std::string> out;
  if (person_id) out.emplace_back("person_id");
  if (intake_channel) out.emplace_back("intake_channel");
  if (situation) out.emplace_back("situation");
  if (risk_level) out.emplace_back("risk_level");
  if (summary) out.emplace_back("summary");
  if (safety_plan) out.emplace_back("safety_plan");
  if (restricted) out.emplace_back("restricted");
  return out;
}

Error Invalid(std::string field, std::string key) {
  return Error{ErrorCode::kInvalid, "error.invalid"}.Field(std::move(field), std::move(key));
}

Result<void> ValidateCaseFields(const CaseFields& f, bool opening) {
  Error e{ErrorCode::kInvalid, "error.invalid"};
  if (opening) {
    if (!f.person_id || f.person_id->empty()) e.Field("person_id", "field.required");
    if (!f.intake_channel) e.Field("intake_channel", "field.required");
    if (!f.risk_level) e.Field("risk_level", "field.required");
    if (!f.summary) e.Field("summary", "field.required");
  }
  if (f.person_id && !f.person_id->empty() && !LooksLikeId(*f.person_id)) {
    e.Field("person_id", "cases.unknown_person");
  }
  if (f.intake_channel && !In(kIntakeChannels, *f.intake_channel)) {
    e.Field("intake_channel", "field.unknown_value");
  }
  if (f.risk_level && !In(kRiskLevels, *f.risk_level)) {
    e.Field("risk_level", "field.unknown_value");
  }
  if (f.situation) {
    std::vector<std::string> seen;
    for (const auto& tag : *f.situation) {
      if (!In(kSituationTags, tag) || std::find(seen.begin(), seen.end(), tag) != seen.end()) {
        e.Field("situation", "field.unknown_value");
        break;
      }
      seen.push_back(tag);
    }
  }
  if (f.summary && Blank(*f.summary)) e.Field("summary", "field.required");
  if (!e.fields.empty()) return Fail(std::move(e));
  return Ok();
}

std::vector<std::string> SplitTags(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    auto comma = text.find(',');
    if (comma != 0) out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) {
    if (!out.empty()) out += ',';
    out += t;
  }
  return out;
}

}  // namespace dandelion::cases

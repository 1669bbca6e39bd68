#include "modules/referrals/model.h"

#include <algorithm>
#include <chrono>

#include "modules/case_records/model.h"
#include "modules/network/model.h"
#include "modules/people/model.h"
#include "modules/service_support.h"

namespace dandelion::referrals {
namespace {

constexpr std::string_view kKinds[] = {"referral", "transfer"};
constexpr std::string_view kUrgencies[] = {"routine", "urgent"};
constexpr std::string_view kStatuses[] = {"sent", "accepted", "declined", "withdrawn", "completed"};
constexpr std::string_view kDeclineReasons[] = {"no_capacity", "not_our_service", "not_our_region",
                                                "safety", "other"};
constexpr std::string_view kOutcomes[] = {"successful", "unsuccessful"};
constexpr std::string_view kOutcomeReasons[] = {"she_declined", "no_capacity", "no_longer_needed",
                                                "unreachable", "other"};
constexpr std::string_view kExternalKinds[] = {"police", "hospital", "legal_aid", "public_office",
                                               "other"};
constexpr std::string_view kShareFields[] = {"legal_name", "alias",        "birth_date",
                                             "phone",      "safe_contact", "nationality",
                                             "languages",  "categories"};

constexpr int kMaxResponseDays = 10;
constexpr auto kUrgentAnswer = std::chrono::hours(4);
constexpr auto kKoreaOffset = std::chrono::hours(9);

Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }

Result<void> Done(Error e) {
  if (!e.fields.empty()) return Fail(std::move(e));
  return Ok();
}

template <class Check>
void CheckEach(Error& e, const std::string& field, const std::vector<std::string>& items,
               Check ok) {
  for (const auto& item : items) {
    if (!ok(item)) {
      e.Field(field, "field.unknown_value");
      return;
    }
  }
}

bool Contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

std::span<const std::string_view> Kinds() { return kKinds; }
std::span<const std::string_view> Urgencies() { return kUrgencies; }
std::span<const std::string_view> Statuses() { return kStatuses; }
std::span<const std::string_view> DeclineReasons() { return kDeclineReasons; }
std::span<const std::string_view> Outcomes() { return kOutcomes; }
std::span<const std::string_view> OutcomeReasons() { return kOutcomeReasons; }
std::span<const std::string_view> ExternalKinds() { return kExternalKinds; }
std::span<const std::string_view> ShareFields() { return kShareFields; }

bool IsOneOf(std::span<const std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

Result<void> ValidateProfile(const ProfileFields& in) {
  Error e = Invalid();
  if (in.regions.empty()) e.Field("regions", "field.empty");
  CheckEach(e, "regions", in.regions, [](const std::string& r) { return network::IsRegion(r); });
  CheckEach(e, "services", in.services, [](const std::string& s) {
    return case_records::IsOneOf(case_records::ServiceTypes(), s);
  });
  CheckEach(e, "languages", in.languages,
            [](const std::string& l) { return people::IsLanguageCode(l); });
  if (in.response_days < 1 || in.response_days > kMaxResponseDays) {
    e.Field("response_days", "field.out_of_range");
  }
  return Done(std::move(e));
}

bool Matches(const DirectoryEntry& entry, const DirectoryFilter& filter) {
  const ProfileFields& p = entry.profile;
  if (!filter.service.empty() && !Contains(p.services, filter.service)) return false;
  if (!filter.region.empty() && !Contains(p.regions, filter.region)) return false;
  if (!filter.language.empty() && !Contains(p.languages, filter.language)) return false;
  return !filter.accepting_only || p.accepting;
}

std::string ExclusionTarget(const Exclusion& x) {
  return x.org_id.empty() ? "region:" + x.region : "org:" + x.org_id;
}

bool ReadExclusionTarget(std::string_view target, Exclusion& x) {
  if (target.starts_with("org:")) {
    x.org_id = std::string(target.substr(4));
    return !x.org_id.empty();
  }
  if (target.starts_with("region:")) {
    x.region = std::string(target.substr(7));
    return !x.region.empty();
  }
  return false;
}

bool Excludes(const std::vector<Exclusion>& exclusions, std::string_view org_id,
              const std::vector<std::string>& regions) {
  return std::any_of(exclusions.begin(), exclusions.end(), [&](const Exclusion& x) {
    return x.org_id.empty() ? Contains(regions, x.region) : x.org_id == org_id;
  });
}

Result<void> ValidateSend(const SendFields& in) {
  Error e = Invalid();
  if (in.external) {
    if (!in.to_org_id.empty()) e.Field("to_org_id", "referrals.one_receiver");
    if (Blank(in.external->name)) e.Field("external.name", "field.required");
    if (!IsOneOf(kExternalKinds, in.external->kind)) {
      e.Field("external.kind", "field.unknown_value");
    }
    if (in.override_reason) e.Field("life_danger_override", "referrals.override_external");
  } else {
    if (in.to_org_id.empty()) e.Field("to_org_id", "field.required");
    if (!IsOneOf(kKinds, in.kind)) e.Field("kind", "field.unknown_value");
  }
  if (in.case_id.empty()) e.Field("case_id", "field.required");
  if (in.services.empty()) e.Field("services", "field.empty");
  CheckEach(e, "services", in.services, [](const std::string& s) {
    return case_records::IsOneOf(case_records::ServiceTypes(), s);
  });
  if (!IsOneOf(kUrgencies, in.urgency)) e.Field("urgency", "field.unknown_value");
  CheckEach(e, "share", in.share, [](const std::string& f) { return IsOneOf(kShareFields, f); });
  if (in.override_reason && Blank(*in.override_reason)) {
    e.Field("life_danger_override.reason", "field.required");
  }
  return Done(std::move(e));
}

Result<void> ValidateDecline(const Answer& in) {
  Error e = Invalid();
  if (!IsOneOf(kDeclineReasons, in.reason)) {
    e.Field("reason", in.reason.empty() ? "field.required" : "field.unknown_value");
  }
  return Done(std::move(e));
}

Result<void> ValidateComplete(const Answer& in) {
  Error e = Invalid();
  if (!IsOneOf(kOutcomes, in.outcome)) {
    e.Field("outcome", in.outcome.empty() ? "field.required" : "field.unknown_value");
  }
  if (!in.reason.empty() && !IsOneOf(kOutcomeReasons, in.reason)) {
    e.Field("reason", "field.unknown_value");
  } else if (in.reason.empty() && in.outcome == "unsuccessful") {
    e.Field("reason", "referrals.reason_needed");
  }
  return Done(std::move(e));
}

std::string CoveringConsent(const std::vector<ConsentScope>& consents, std::string_view to_org_id,
                            std::string_view external_name, const std::vector<std::string>& share) {
  for (const auto& c : consents) {
    if (!c.active || c.kind != "referral_sharing") continue;
    const bool names_receiver = to_org_id.empty()
                                    ? (!c.external.empty() && c.external == external_name)
                                    : c.org_id == to_org_id;
    if (!names_receiver) continue;
    const bool covers = std::all_of(share.begin(), share.end(),
                                    [&](const std::string& f) { return Contains(c.fields, f); });
    if (covers) return c.id;
  }
  return "";
}

TimePoint AnswerDue(TimePoint sent, bool urgent, int working_days) {
  if (urgent) return sent + kUrgentAnswer;
  using std::chrono::days;
  // Count in Korea's calendar: a referral sent on Friday evening in Seoul is due the next
  // Wednesday evening after three working days, whatever UTC says.
  const auto local = sent + kKoreaOffset;
  auto day = std::chrono::floor<days>(local);
  const auto time_of_day = local - day;
  int left = working_days;
  while (left > 0) {
    day += days(1);
    const std::chrono::weekday wd{std::chrono::sys_days(day)};
    if (wd != std::chrono::Saturday && wd != std::chrono::Sunday) --left;
  }
  return std::chrono::time_point_cast<TimePoint::duration>(day + time_of_day - kKoreaOffset);
}

}  // namespace dandelion::referrals

#include "modules/shelters/model.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/clock.h"

namespace dandelion::shelters {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;

constexpr std::string_view kBedKinds[] = {"standard", "accessible", "with_child", "emergency"};
constexpr std::string_view kSources[] = {"referral", "rescue", "direct"};
constexpr std::string_view kExitReasons[] = {"completed", "own_choice", "rule_breach", "transfer",
                                             "other"};
constexpr std::string_view kDestinations[] = {"own_housing",      "public_rental", "family",
                                              "another_facility", "group_home",    "unknown",
                                              "returned_to_trade"};
constexpr std::string_view kOutingKinds[] = {"outing", "overnight"};

}  // namespace

std::span<const std::string_view> BedKinds() { return kBedKinds; }
std::span<const std::string_view> StaySources() { return kSources; }
std::span<const std::string_view> ExitReasons() { return kExitReasons; }
std::span<const std::string_view> ExitDestinations() { return kDestinations; }
std::span<const std::string_view> OutingKinds() { return kOutingKinds; }

bool IsOneOf(std::span<const std::string_view> list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::optional<Day> ParseDay(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (!ParseDate(text, &y, &m, &d)) return std::nullopt;
  year_month_day ymd{year(y), month(unsigned(m)), day(unsigned(d))};
  if (!ymd.ok()) return std::nullopt;
  return Day(ymd);
}

std::string FormatDay(Day d) {
  year_month_day ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

Day AddMonths(Day d, int months) {
  year_month_day ymd(d);
  auto shifted = ymd.year() / ymd.month() + std::chrono::months(months);
  year_month_day out{shifted.year(), shifted.month(), ymd.day()};
  if (!out.ok())
    out = year_month_day(year_month_day_last(shifted.year(), shifted.month() / std::chrono::last));
  return Day(out);
}

int DaysBetween(Day from, Day to) { return int((to - from).count()); }

Day SeoulDay(TimePoint t) {
  return std::chrono::floor<std::chrono::days>(t + std::chrono::hours(9));
}

int Countdown(int days_left) {
  for (int mark : {7, 30, 90}) {
    if (days_left <= mark) return mark;
  }
  return 0;
}

std::span<const std::string_view> ReadinessItems() {
  static constexpr std::string_view kItems[] = {
      "housing_application",    "income",       "savings", "id_documents",
      "self_reliance_referral", "legal_matters"};
  return kItems;
}

std::span<const std::string_view> ReadinessStatuses() {
  static constexpr std::string_view kStatuses[] = {"not_started", "in_progress", "done",
                                                   "not_needed"};
  return kStatuses;
}

std::string FormatLimits(const StayLimits& limits) {
  std::string out;
  for (const auto& [type, l] : limits) {
    if (!out.empty()) out += ',';
    out += type + ':' + std::to_string(l.months) + ':' + std::to_string(l.until_age) + ':' +
           std::to_string(l.extension_months);
  }
  return out;
}

std::optional<StayLimits> ParseLimits(std::string_view text) {
  StayLimits out;
  while (!text.empty()) {
    auto comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    int parts[3] = {0, 0, 0};
    auto colon = item.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    std::string type(item.substr(0, colon));
    item.remove_prefix(colon + 1);
    for (int& part : parts) {
      auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), part);
      if (ec != std::errc()) return std::nullopt;
      item.remove_prefix(size_t(end - item.data()));
      if (!item.empty() && item.front() == ':') item.remove_prefix(1);
    }
    if (!item.empty()) return std::nullopt;
    out[type] = {.months = parts[0], .until_age = parts[1], .extension_months = parts[2]};
  }
  return out;
}

std::string CheckLimit(const StayLimit& l) {
  if ((l.months > 0) == (l.until_age > 0)) return "shelter.limit_one_rule";
  if (l.months < 0 || l.months > 120) return "shelter.limit_months_range";
  if (l.until_age != 0 && (l.until_age < 14 || l.until_age > 30)) return "shelter.limit_age_range";
  if (l.extension_months < 0 || l.extension_months > 120) return "shelter.limit_months_range";
  return "";
}

StayLimits DefaultStayLimits() {
  return {{"general", {.months = 12, .extension_months = 18}},
          {"youth", {.until_age = 19, .extension_months = 24}},
          {"foreigner", {.months = 3, .extension_months = 3}},
          {"group_home", {.months = 24, .extension_months = 24}}};
}

StayLimit LimitFor(const StayLimits& limits, std::string_view facility_type) {
  auto it = limits.find(facility_type);
  if (it == limits.end()) it = limits.find("general");
  return it == limits.end() ? DefaultStayLimits().at("general") : it->second;
}

Result<PlannedEnd> PlanStay(const StayLimit& limit, Day admitted, std::optional<Day> birth_date) {
  Day planned = admitted;
  if (limit.until_age > 0) {
    if (!birth_date) {
      return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("person_id",
                                                                    "shelter.needs_birth_date"));
    }
    planned = AddMonths(*birth_date, 12 * limit.until_age);
    if (planned <= admitted) {
      return Fail(
          Error{ErrorCode::kInvalid, "error.invalid"}.Field("person_id", "shelter.over_age"));
    }
  } else {
    planned = AddMonths(admitted, limit.months);
  }
  return PlannedEnd{.planned_end = planned, .max_end = AddMonths(planned, limit.extension_months)};
}

int OccupancyNights(std::span<const StayNights> stays, int y, unsigned m, Day until) {
  const Day first = Day(year(y) / month(m) / day(1));
  const Day after =
      std::min(Day(year(y) / month(m) / std::chrono::last) + std::chrono::days(1), until);
  int nights = 0;
  for (const auto& stay : stays) {
    // The nights [admitted, end): up to the night before her exit, or the day itself when she
    // left on the day she came.
    Day end = after;
    if (stay.exited) end = std::max(*stay.exited, stay.admitted + std::chrono::days(1));
    for (Day night = std::max(stay.admitted, first); night < std::min(end, after);
         night += std::chrono::days(1)) {
      bool away = std::any_of(stay.leaves.begin(), stay.leaves.end(), [&](const auto& leave) {
        return leave.from <= night && (!leave.back || night < *leave.back);
      });
      if (!away) ++nights;
    }
  }
  return nights;
}

}  // namespace dandelion::shelters

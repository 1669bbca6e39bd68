// The vocabulary of shelters (docs/domain.md, "Shelters"): beds and their kinds, how a stay
// begins and ends, the legal limits of a stay per facility type (settings, not code), and the
// nights a facility housed its residents as funders count them.
//
// Pure values and functions; thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace dandelion::shelters {

std::span<const std::string_view> BedKinds();          // standard, accessible, with_child, …
std::span<const std::string_view> StaySources();       // referral, rescue, direct
std::span<const std::string_view> ExitReasons();       // completed, own_choice, …
std::span<const std::string_view> ExitDestinations();  // own_housing, …, returned_to_trade
std::span<const std::string_view> OutingKinds();       // outing, overnight
bool IsOneOf(std::span<const std::string_view> list, std::string_view value);

// A calendar day (YYYY-MM-DD) and back; nullopt for anything else.
using Day = std::chrono::sys_days;
std::optional<Day> ParseDay(std::string_view text);
std::string FormatDay(Day day);
// The same day of the month `months` later (the month's last day when it has no such day).
Day AddMonths(Day day, int months);

// The longest stay a facility type allows: a number of months from admission, or (youth) until
// she turns until_age; and the most every extension together may add on top.
struct StayLimit {
  int months = 0;     // 0 when until_age rules
  int until_age = 0;  // 0 when months rules
  int extension_months = 0;
  bool operator==(const StayLimit&) const = default;
};
// Facility type ("general", "youth", "foreigner", "group_home") → its limit.
using StayLimits = std::map<std::string, StayLimit, std::less<>>;

// The law as of this writing (docs/domain.md): general 1 year + up to 1 year 6 months; youth
// until 19 + up to 2 years; group home 2 years + up to 2 years; foreigner 3 months + up to 3.
StayLimits DefaultStayLimits();
// The limit that governs an organization of facility_type: a type without its own limit (an
// organization that is not a support facility but keeps emergency beds) follows "general".
StayLimit LimitFor(const StayLimits& limits, std::string_view facility_type);

struct PlannedEnd {
  Day planned_end;  // the limit without extensions
  Day max_end;      // with every extension the law allows
};
// The ends of a stay begun on admitted. An until_age limit needs her birth date: without one,
// or when she is already that age, the error names the field ("shelter.needs_birth_date",
// "shelter.over_age").
Result<PlannedEnd> PlanStay(const StayLimit& limit, Day admitted, std::optional<Day> birth_date);

// Whole days from `from` to `to` (negative when to is earlier).
int DaysBetween(Day from, Day to);
// The calendar day in Korea (UTC+9) at t: the day a facility lives by.
Day SeoulDay(TimePoint t);

// The board's countdown for a stay `days_left` days from its planned end: 7, 30 or 90 (the
// smallest that applies; 7 also once the end has passed), else 0.
int Countdown(int days_left);
// The exit-readiness checklist starts itself 90 days before the planned end.
inline constexpr int kReadinessDays = 90;
// What the checklist asks about (docs/domain.md, "Shelters").
std::span<const std::string_view> ReadinessItems();
// How far each item is: not_started, in_progress, done, not_needed.
std::span<const std::string_view> ReadinessStatuses();

// Limits as stored in settings ("general:12:0:18,youth:0:19:24,…": type, months, until_age,
// extension months) and back; nullopt for a text that is not that.
std::string FormatLimits(const StayLimits& limits);
std::optional<StayLimits> ParseLimits(std::string_view text);
// "" when the limit is sound, else the message key of what is wrong with it.
std::string CheckLimit(const StayLimit& limit);

// One stay as occupancy sees it. exited: the day she left (nullopt while she stays). leaves:
// overnight leave as [first night away, day back) (day back nullopt while she is away).
struct StayNights {
  Day admitted;
  std::optional<Day> exited;
  struct Leave {
    Day from;
    std::optional<Day> back;
  };
  std::vector<Leave> leaves;
};

// The nights residents spent in the facility during the month of year/month, counting only
// nights before `until` (today: tonight has not happened yet). A night belongs to the day it
// begins on. A stay covers the nights from admission up to the night before her exit; a stay
// that begins and ends on the same day counts one night. Nights on overnight leave are not
// counted.
int OccupancyNights(std::span<const StayNights> stays, int year, unsigned month, Day until);

}  // namespace dandelion::shelters

#include "modules/programs/model.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/clock.h"

namespace dandelion::programs {
namespace {

constexpr std::string_view kProgramKinds[] = {"vocational_course", "certificate_course",
                                              "schooling", "workplace_placement",
                                              "social_enterprise"};
constexpr std::string_view kProviders[] = {"own", "partner"};
constexpr std::string_view kProgramStatuses[] = {"planned", "running", "ended"};
constexpr std::string_view kAttendanceStatuses[] = {"present", "late", "absent", "excused"};
constexpr std::string_view kEndStatuses[] = {"completed", "dropped"};
constexpr std::string_view kOutcomeKinds[] = {"employment", "business_started", "school_entered"};
constexpr std::string_view kEmployerKinds[] = {"company", "social_enterprise", "public_sector",
                                               "self_employed", "other"};
constexpr std::string_view kFollowUpResults[] = {"employed", "not_employed", "unreachable"};

}  // namespace

std::span<const std::string_view> ProgramKinds() { return kProgramKinds; }
std::span<const std::string_view> Providers() { return kProviders; }
std::span<const std::string_view> ProgramStatuses() { return kProgramStatuses; }
std::span<const std::string_view> AttendanceStatuses() { return kAttendanceStatuses; }
std::span<const std::string_view> EndStatuses() { return kEndStatuses; }
std::span<const std::string_view> OutcomeKinds() { return kOutcomeKinds; }
std::span<const std::string_view> EmployerKinds() { return kEmployerKinds; }
std::span<const std::string_view> FollowUpResults() { return kFollowUpResults; }

bool IsOneOf(std::span<const std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsDay(std::string_view text) {
  int y, m, d;
  return text.size() == 10 && ParseDate(text, &y, &m, &d);
}

std::string ProgramStatus(std::string_view starts_on, std::string_view ends_on,
                          std::string_view today) {
  if (today < starts_on) return "planned";
  if (!ends_on.empty() && today > ends_on) return "ended";
  return "running";
}

std::optional<int64_t> Attendance::Rate() const {
  if (sessions <= 0) return std::nullopt;
  return present * 100 / sessions;
}

void Count(Attendance& a, std::string_view mark) {
  if (mark == "excused") return;
  a.sessions += 1;
  if (mark == "present" || mark == "late") a.present += 1;
}

std::optional<bool> Passed(std::string_view enrollment_status, const Attendance& a,
                           int64_t pass_rate) {
  if (enrollment_status == "dropped") return false;
  if (enrollment_status != "completed") return std::nullopt;
  auto rate = a.Rate();
  return rate.has_value() && *rate >= pass_rate;
}

bool HasRoom(int64_t active, int64_t capacity) { return active < capacity; }

std::string AddMonths(std::string_view day, int months) {
  int y = 0, m = 0, d = 0;
  ParseDate(day, &y, &m, &d);
  const int total = y * 12 + (m - 1) + months;
  const std::chrono::year year{total / 12};
  const std::chrono::month month{static_cast<unsigned>(total % 12 + 1)};
  const unsigned last = static_cast<unsigned>(
      std::chrono::year_month_day_last(year, std::chrono::month_day_last(month)).day());
  const unsigned kept = std::min(static_cast<unsigned>(d), last);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(year), unsigned(month), kept);
  return buf;
}

std::vector<FollowUpPlan> FollowUps(std::string_view outcome_kind, std::string_view started_on) {
  std::vector<FollowUpPlan> out;
  if (outcome_kind != "employment") return out;
  for (int months : kFollowUpMonths) {
    out.push_back({.months = months, .due_on = AddMonths(started_on, months)});
  }
  return out;
}

}  // namespace dandelion::programs

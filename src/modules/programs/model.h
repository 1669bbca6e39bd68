// Self-reliance programs' pure rules (docs/api-programs.md): the vocabularies, a program's status
// on a day, the attendance rate and the pass rule, capacity, and the dates of an employment's
// follow-ups. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dandelion::programs {

// vocational_course | certificate_course | schooling | workplace_placement | social_enterprise
std::span<const std::string_view> ProgramKinds();
// own | partner
std::span<const std::string_view> Providers();
// planned | running | ended
std::span<const std::string_view> ProgramStatuses();
// present | late | absent | excused
std::span<const std::string_view> AttendanceStatuses();
// completed | dropped (how an enrollment ends)
std::span<const std::string_view> EndStatuses();
// employment | business_started | school_entered
std::span<const std::string_view> OutcomeKinds();
// company | social_enterprise | public_sector | self_employed | other
std::span<const std::string_view> EmployerKinds();
// employed | not_employed | unreachable (what a follow-up found)
std::span<const std::string_view> FollowUpResults();

bool IsOneOf(std::span<const std::string_view> words, std::string_view word);

// "YYYY-MM-DD" of a real calendar day.
bool IsDay(std::string_view text);

// A program's status on today (all "YYYY-MM-DD"): planned before it starts, ended after its last
// day (none: it runs on), else running.
std::string ProgramStatus(std::string_view starts_on, std::string_view ends_on,
                          std::string_view today);

// Her attendance over the sessions taken: present and late count as attending; an excused
// absence counts neither way (it leaves the sessions counted).
struct Attendance {
  int64_t sessions = 0;  // taken sessions with a mark of hers, excused ones left out
  int64_t present = 0;   // present or late
  // 0..100, rounded down; none before any session counts.
  std::optional<int64_t> Rate() const;
};
// Adds one mark (present | late | absent | excused).
void Count(Attendance& a, std::string_view mark);

// The pass rule: none while she is active (nothing decided yet); a dropped enrollment did not
// pass; a completed one passed when her rate is at least pass_rate (no counted session: not
// passed).
std::optional<bool> Passed(std::string_view enrollment_status, const Attendance& a,
                           int64_t pass_rate);

// Whether one more woman fits: active enrollments below capacity.
bool HasRoom(int64_t active, int64_t capacity);

// day + months, the day of month kept, or the month's last day when it has none (01-31 + 3
// months = 04-30; 2024-11-30 + 3 months = 2025-02-28). day must be IsDay.
std::string AddMonths(std::string_view day, int months);

// The months after an employment's start at which she is followed up.
inline constexpr int kFollowUpMonths[] = {3, 6, 12};
struct FollowUpPlan {
  int months = 0;
  std::string due_on;
};
std::vector<FollowUpPlan> FollowUps(std::string_view outcome_kind, std::string_view started_on);

}  // namespace dandelion::programs

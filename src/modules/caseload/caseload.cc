#include "modules/caseload/caseload.h"

namespace dandelion::caseload {
namespace {

constexpr std::chrono::hours kSeoulOffset{9};
constexpr std::chrono::hours kDay{24};

}  // namespace

TimePoint StartOfSeoulDay(TimePoint t) {
  const auto local = std::chrono::floor<std::chrono::days>(t + kSeoulOffset);
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(local.time_since_epoch())) -
         kSeoulOffset;
}

Result<security::Audited<Caseload>> CaseloadService::Get(const security::Actor& actor) {
  const TimePoint now = clock_.Now();
  auto open = TRY(cases_.List(actor, {.status = "open", .assigned_to_me = true}));
  const TimePoint today = StartOfSeoulDay(now);
  auto week = TRY(appointments_.Calendar(actor, {.from = today, .to = today + 7 * kDay}));

  Caseload out;
  const std::string stale_before = FormatRfc3339(now - kNoContactFor);
  for (const auto& c : open.value) {
    const std::string& last = c.last_contact_at.empty() ? c.opened_at : c.last_contact_at;
    if (last < stale_before) out.no_contact_30_days.push_back(c);
  }
  out.open_cases = std::move(open.value);
  const std::string tomorrow = FormatRfc3339(today + kDay);
  for (auto& a : week.value) {
    if (a.status == "cancelled") continue;
    if (a.starts_at < tomorrow) out.appointments_today.push_back(a);
    out.appointments_week.push_back(std::move(a));
  }
  // The reply owes both reads' entries.
  open.audit.Join(std::move(week.audit));
  return security::Audited<Caseload>{std::move(out), std::move(open.audit)};
}

}  // namespace dandelion::caseload

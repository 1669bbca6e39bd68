// Follow-through: reminders for referrals nobody answered, and the counts each organization
// keeps of its referrals (referral_service.h).
#include <algorithm>
#include <chrono>

#include "modules/referrals/referral_service.h"
#include "modules/referrals/referrals_internal.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::referrals {

namespace {

// How long after the receiver was reminded the sender's supervisors hear of it too.
constexpr auto kSenderAfterRoutine = std::chrono::hours(24);
constexpr auto kSenderAfterUrgent = std::chrono::hours(4);

DirectionFigures Count(const std::vector<referral_repo::Counted>& rows) {
  DirectionFigures f;
  std::vector<double> hours;
  for (const auto& r : rows) {
    ++f.total;
    ++f.by_status[r.status];
    if (!r.outcome.empty()) ++f.by_outcome[r.outcome];
    TimePoint sent, answered;
    if (!r.answered_at.empty() && ParseRfc3339(r.sent_at, &sent) &&
        ParseRfc3339(r.answered_at, &answered)) {
      hours.push_back(std::chrono::duration<double, std::ratio<3600>>(answered - sent).count());
    }
  }
  if (!hours.empty()) {
    std::sort(hours.begin(), hours.end());
    const size_t mid = hours.size() / 2;
    f.median_hours_to_answer =
        hours.size() % 2 == 1 ? hours[mid] : (hours[mid - 1] + hours[mid]) / 2.0;
  }
  return f;
}

}  // namespace

Result<int> ReferralService::RemindOverdue() {
  const TimePoint now = clock_.Now();
  const std::string at = FormatRfc3339(now);
  return db_.WriteValue([&](store::Tx& tx) -> Result<int> {
    int sent = 0;
    // First the receiver's supervisors, once the answer time has passed.
    for (auto& r : TRY(referral_repo::DueForReminder(tx, at, false))) {
      TRY(NotifySupervisors(tx, r.to_org_id, "referral_overdue", r.id, "", at));
      r.reminded_receiver_at = at;
      TRY(referral_repo::Update(tx, r));
      ++sent;
    }
    // Then the sender's, when the receiver's reminder has not helped either.
    const std::string earliest = FormatRfc3339(now - kSenderAfterUrgent);
    for (auto& r : TRY(referral_repo::DueForReminder(tx, earliest, true))) {
      TimePoint reminded;
      if (r.reminded_receiver_at.empty() || !ParseRfc3339(r.reminded_receiver_at, &reminded)) {
        continue;
      }
      const auto wait = r.urgency == "urgent" ? kSenderAfterUrgent : kSenderAfterRoutine;
      if (reminded + wait > now) continue;
      TRY(NotifySupervisors(tx, r.from_org_id, "referral_overdue", r.id, "", at));
      r.reminded_sender_at = at;
      TRY(referral_repo::Update(tx, r));
      ++sent;
    }
    return sent;
  });
}

Result<security::Audited<ReferralFigures>> ReferralService::Figures(const security::Actor& actor,
                                                                    const std::string& from,
                                                                    const std::string& to) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  int y = 0, m = 0, d = 0;
  Error bad{ErrorCode::kInvalid, "error.invalid"};
  if (!ParseDate(from, &y, &m, &d)) bad.Field("from", "field.invalid_date");
  if (!ParseDate(to, &y, &m, &d)) bad.Field("to", "field.invalid_date");
  if (bad.fields.empty() && to <= from) bad.Field("to", "referrals.period_order");
  if (!bad.fields.empty()) return Fail(std::move(bad));
  // Dates are Korean days: a referral sent at 08:00 in Seoul on the 1st is the 1st's.
  const std::string from_at = from + "T00:00:00+09:00";
  const std::string to_at = to + "T00:00:00+09:00";
  TimePoint from_t, to_t;
  ParseRfc3339(from_at, &from_t);
  ParseRfc3339(to_at, &to_t);
  auto figures = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<ReferralFigures> {
    ReferralFigures out;
    out.outgoing = Count(TRY(referral_repo::ForStatistics(
        tx, actor.org_id, false, FormatRfc3339(from_t), FormatRfc3339(to_t))));
    out.incoming = Count(TRY(referral_repo::ForStatistics(
        tx, actor.org_id, true, FormatRfc3339(from_t), FormatRfc3339(to_t))));
    return out;
  }));
  auto e = security::ActorEvent(actor, "referral.statistics", "organization", actor.org_id, {},
                                actor.org_id);
  return security::Audited<ReferralFigures>{std::move(figures),
                                            security::PendingAudit(reads_, std::move(e))};
}

}  // namespace dandelion::referrals

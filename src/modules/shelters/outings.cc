// ShelterService: outings and overnight leave, the overdue alert, follow-ups after exit, and
// the month's occupancy nights.
#include "core/ids.h"
#include "modules/people/person_cipher.h"
#include "modules/service_support.h"
#include "modules/shelters/shelter_internal.h"
#include "modules/shelters/shelter_service.h"
#include "security/policy.h"

namespace dandelion::shelters {
namespace {

using namespace internal;
namespace perm = security::perm;

constexpr std::string_view kOutings = "shelter_outings";
constexpr std::string_view kFollowUps = "shelter_follow_ups";
constexpr std::string_view kOutcomes[] = {"stable", "struggling", "returned_to_trade",
                                          "unreachable"};

std::optional<TimePoint> TimeField(Error& bad, std::string_view field, const std::string& text) {
  TimePoint t;
  if (ParseRfc3339(text, &t)) return t;
  bad.Field(std::string(field), text.empty() ? "field.required" : "field.invalid_time");
  return std::nullopt;
}

}  // namespace

Result<void> ShelterService::ReadRaisingAlerts(
    const std::function<Result<void>(store::Tx&, OverdueAlerts&)>& read) {
  OverdueAlerts seen;
  TRY(db_.Read([&](store::Tx& tx) { return read(tx, seen); }));
  if (!seen.owed) return Ok();
  OverdueAlerts raising{.may_raise = true};
  return db_.Write([&](store::Tx& tx) { return read(tx, raising); });
}

Result<std::vector<Outing>> ShelterService::OutingsNow(store::Tx& tx, const security::Actor& actor,
                                                       OverdueAlerts& alerts) {
  const TimePoint now = clock_.Now();
  const auto grace = std::chrono::minutes(TRY(GraceMinutes(tx, actor.org_id)));
  std::vector<Outing> out;
  std::vector<std::string> staff;
  for (auto& stored : TRY(shelter_repo::OpenOutings(tx, actor.org_id))) {
    Outing o;
    auto stay = TRY(shelter_repo::FindStay(tx, actor.org_id, stored.stay_id));
    if (stay && !stored.sealed_destination.empty()) {
      auto cipher = people::PersonCipher::Load(tx, keyring_, actor.org_id, stay->person_id);
      if (cipher) {
        o.destination =
            TRY(cipher->OpenRecord(kOutings, "destination", stored.id, stored.sealed_destination));
      }
    }
    TimePoint planned;
    o.overdue = ParseRfc3339(stored.planned_return_at, &planned) && planned + grace < now;
    // A woman who does not come back may be in danger: the staff are told once, by the first
    // read that sees her overdue.
    if (o.overdue && stored.alerted_at.empty() && !alerts.may_raise) {
      alerts.owed = true;
    } else if (o.overdue && stored.alerted_at.empty() &&
               TRY(shelter_repo::MarkAlerted(tx, stored.id, FormatRfc3339(now)))) {
      if (staff.empty())
        staff = TRY(shelter_repo::UsersWithRole(tx, actor.org_id, "shelter_staff"));
      for (const auto& user : staff) {
        TRY(shelter_repo::Notify(tx, actor.org_id, user, "shelter_overdue", FormatRfc3339(now)));
      }
      stored.alerted_at = FormatRfc3339(now);
    }
    stored.sealed_destination.clear();
    o.stored = std::move(stored);
    out.push_back(std::move(o));
  }
  return out;
}

Result<Outing> ShelterService::StartOuting(const security::Actor& actor, const std::string& stay_id,
                                           const OutingFields& in) {
  TRY(RequirePermission(actor, perm::kShelterWrite));
  Error bad = Invalid();
  if (!IsOneOf(OutingKinds(), in.kind)) bad.Field("kind", "field.unknown_value");
  auto left = TimeField(bad, "left_at", in.left_at);
  auto back = TimeField(bad, "planned_return_at", in.planned_return_at);
  if (left && back && *back <= *left)
    bad.Field("planned_return_at", "shelter.return_before_leaving");
  if (left && back && in.kind == "outing" && *back - *left > std::chrono::hours(24)) {
    bad.Field("planned_return_at", "shelter.outing_too_long");
  }
  if (!bad.fields.empty()) return Fail(bad);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Outing> {
    auto stay = TRY(shelter_repo::FindStay(tx, actor.org_id, stay_id));
    if (!stay) return Fail(NotFound());
    if (!stay->exited_on.empty()) return Fail(Conflict("shelter.stay_ended"));
    auto away = TRY(tx.QueryOne(
        "SELECT 1 FROM shelter_outings WHERE stay_id = ? AND returned_at IS NULL", {stay_id}));
    if (away) return Fail(Conflict("shelter.already_out"));
    shelter_repo::StoredOuting o{.id = NewId(),
                                 .org_id = actor.org_id,
                                 .stay_id = stay_id,
                                 .kind = in.kind,
                                 .left_at = FormatRfc3339(*left),
                                 .planned_return_at = FormatRfc3339(*back),
                                 .created_by = actor.user_id};
    if (!Blank(in.destination)) {
      auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, stay->person_id));
      o.sealed_destination = cipher.SealRecord(kOutings, "destination", o.id, in.destination);
    }
    TRY(shelter_repo::InsertOuting(tx, o));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "shelter.outing.start", "shelter_outing", o.id,
                                 {"kind", "left_at", "planned_return_at", "destination"})));
    o.sealed_destination.clear();
    return Outing{.stored = std::move(o), .destination = in.destination};
  });
}

Result<Outing> ShelterService::EndOuting(const security::Actor& actor, const std::string& outing_id,
                                         const std::string& returned_at) {
  TRY(RequirePermission(actor, perm::kShelterWrite));
  Error bad = Invalid();
  auto back = returned_at.empty() ? std::optional<TimePoint>(clock_.Now())
                                  : TimeField(bad, "returned_at", returned_at);
  if (!bad.fields.empty()) return Fail(bad);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Outing> {
    auto o = TRY(shelter_repo::FindOuting(tx, actor.org_id, outing_id));
    if (!o) return Fail(NotFound());
    TimePoint left;
    if (ParseRfc3339(o->left_at, &left) && *back < left) {
      return Fail(Invalid().Field("returned_at", "shelter.return_before_leaving"));
    }
    if (!TRY(shelter_repo::MarkReturned(tx, o->id, FormatRfc3339(*back)))) {
      return Fail(Conflict("shelter.already_back"));
    }
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.outing.return", "shelter_outing",
                                               o->id, {"returned_at"})));
    o->returned_at = FormatRfc3339(*back);
    o->sealed_destination.clear();
    return Outing{.stored = std::move(*o)};
  });
}

Result<shelter_repo::FollowUp> ShelterService::RecordFollowUp(const security::Actor& actor,
                                                              const std::string& id,
                                                              const FollowUpFields& in) {
  TRY(RequirePermission(actor, perm::kShelterWrite));
  Error bad = Invalid();
  auto done = ParseDay(in.done_on);
  if (!done) bad.Field("done_on", in.done_on.empty() ? "field.required" : "field.invalid_date");
  if (!IsOneOf(kOutcomes, in.outcome)) {
    bad.Field("outcome", in.outcome.empty() ? "field.required" : "field.unknown_value");
  }
  if (done && *done > SeoulDay(clock_.Now())) bad.Field("done_on", "shelter.future_date");
  if (!bad.fields.empty()) return Fail(bad);
  return db_.WriteValue([&](store::Tx& tx) -> Result<shelter_repo::FollowUp> {
    auto f = TRY(shelter_repo::FindFollowUp(tx, actor.org_id, id));
    if (!f) return Fail(NotFound());
    auto stay = TRY(shelter_repo::FindStay(tx, actor.org_id, f->stay_id));
    if (!stay) return Fail(NotFound());
    if (*done < *ParseDay(stay->exited_on)) {
      return Fail(Invalid().Field("done_on", "shelter.before_exit"));
    }
    f->done_on = FormatDay(*done);
    f->outcome = in.outcome;
    if (!Blank(in.note)) {
      auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, stay->person_id));
      f->sealed_note = cipher.SealRecord(kFollowUps, "note", f->id, in.note);
    }
    if (!TRY(shelter_repo::RecordFollowUp(tx, *f))) return Fail(Conflict("shelter.follow_up_done"));
    std::vector<std::string> fields = {"done_on", "outcome"};
    if (!Blank(in.note)) fields.push_back("note");
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.follow_up.record",
                                               "shelter_follow_up", f->id, std::move(fields))));
    f->sealed_note.clear();
    return *f;
  });
}

Result<int> ShelterService::OccupancyOf(const security::Actor& actor, const std::string& month) {
  TRY(RequirePermission(actor, perm::kShelterRead));
  auto first = ParseDay(month + "-01");
  if (month.size() != 7 || !first) return Fail(Invalid().Field("month", "shelter.bad_month"));
  const Day next = AddMonths(*first, 1);
  const Day until = SeoulDay(clock_.Now());
  return db_.ReadValue([&](store::Tx& tx) -> Result<int> {
    std::map<std::string, StayNights> by_stay;
    for (const auto& s :
         TRY(shelter_repo::StaysBetween(tx, actor.org_id, FormatDay(*first), FormatDay(next)))) {
      StayNights n{.admitted = *ParseDay(s.admitted_on)};
      if (!s.exited_on.empty()) n.exited = ParseDay(s.exited_on);
      by_stay[s.id] = std::move(n);
    }
    // Leave times are instants; a night belongs to the Korean day it begins on.
    for (const auto& o : TRY(shelter_repo::OvernightLeave(
             tx, actor.org_id,
             FormatRfc3339(std::chrono::sys_seconds(*first) - std::chrono::hours(9)),
             FormatRfc3339(std::chrono::sys_seconds(next) - std::chrono::hours(9))))) {
      auto it = by_stay.find(o.stay_id);
      if (it == by_stay.end()) continue;
      TimePoint left, back;
      if (!ParseRfc3339(o.left_at, &left)) continue;
      StayNights::Leave leave{.from = SeoulDay(left)};
      if (ParseRfc3339(o.returned_at, &back)) leave.back = SeoulDay(back);
      it->second.leaves.push_back(leave);
    }
    std::vector<StayNights> stays;
    for (auto& [id, n] : by_stay) stays.push_back(std::move(n));
    const std::chrono::year_month_day ymd(*first);
    return OccupancyNights(stays, int(ymd.year()), unsigned(ymd.month()), until);
  });
}

}  // namespace dandelion::shelters

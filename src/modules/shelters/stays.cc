// ShelterService: admission, moves between beds, exit, and a stay as the staff see it.
#include "core/ids.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/service_support.h"
#include "modules/shelters/bed_counts.h"
#include "modules/shelters/shelter_internal.h"
#include "modules/shelters/shelter_service.h"
#include "security/policy.h"

namespace dandelion::shelters {
namespace internal {

Result<people::person_repo::StoredPerson> ResidentPerson(store::Tx& tx, const std::string& org_id,
                                                         const std::string& id,
                                                         const std::string& code) {
  const std::string field = id.empty() ? "person_code" : "person_id";
  std::string person_id = id;
  if (person_id.empty()) {
    auto found = TRY(people::person_repo::FindByCode(tx, org_id, code));
    if (found.empty()) return Fail(Invalid().Field(field, "shelter.unknown_person"));
    person_id = found.front().id;
  }
  auto row = TRY(people::person_repo::FindById(tx, person_id));
  if (!row || row->org_id != org_id || !row->erased_at.empty()) {
    return Fail(Invalid().Field(field, "shelter.unknown_person"));
  }
  return std::move(*row);
}

}  // namespace internal
namespace {

using namespace internal;
namespace perm = security::perm;

constexpr std::string_view kStays = "shelter_stays";
constexpr int kFollowUpMonths[] = {1, 3, 6};

// A date field: "" when it is valid, else records the reason on bad.
std::optional<Day> DayField(Error& bad, std::string_view field, const std::string& text) {
  auto day = ParseDay(text);
  if (!day) bad.Field(std::string(field), text.empty() ? "field.required" : "field.invalid_date");
  return day;
}

}  // namespace

Result<Stay> ShelterService::ViewStay(store::Tx& tx, const security::Actor& actor,
                                      shelter_repo::StoredStay stored,
                                      const std::vector<Outing>& outs, bool with_history) {
  Stay s;
  // An erased woman's key is gone: her stay is still counted, her alias no longer shown.
  auto cipher = people::PersonCipher::Load(tx, keyring_, actor.org_id, stored.person_id);
  if (cipher) {
    auto person = TRY(people::person_repo::FindById(tx, stored.person_id));
    if (person) s.alias = TRY(cipher->Open("alias", person->alias));
    if (with_history && !stored.sealed_exit_note.empty()) {
      s.exit_note =
          TRY(cipher->OpenRecord(kStays, "exit_note", stored.id, stored.sealed_exit_note));
    }
  }
  stored.sealed_exit_note.clear();
  auto bed = TRY(shelter_repo::FindBed(tx, actor.org_id, stored.bed_id));
  if (bed) {
    s.bed_label = bed->label;
    s.room_name = bed->room_name;
  }
  const Day today = SeoulDay(clock_.Now());
  const Day admitted = *ParseDay(stored.admitted_on);
  const Day last = stored.exited_on.empty() ? today : *ParseDay(stored.exited_on);
  s.days_in_stay = DaysBetween(admitted, last);
  s.days_to_limit =
      DaysBetween(stored.exited_on.empty() ? today : last, *ParseDay(stored.planned_end_on));
  if (stored.exited_on.empty()) {
    s.countdown = Countdown(s.days_to_limit);
    s.readiness_due = s.days_to_limit <= kReadinessDays;
  }
  for (const auto& o : outs) {
    if (o.stored.stay_id == stored.id) s.out = o;
  }
  if (with_history) {
    s.follow_ups = TRY(shelter_repo::FollowUpsOfStay(tx, stored.id));
    for (auto& f : s.follow_ups) f.sealed_note.clear();
  }
  if (with_history || s.readiness_due) {
    s.readiness = TRY(ReadinessOf(tx, actor, stored, with_history));
  }
  s.stored = std::move(stored);
  return s;
}

Result<security::Audited<Stay>> ShelterService::GetStay(const security::Actor& actor,
                                                        const std::string& id) {
  TRY(RequirePermission(actor, perm::kShelterRead));
  std::optional<Stay> stay;
  TRY(ReadRaisingAlerts([&](store::Tx& tx, OverdueAlerts& alerts) -> Result<void> {
    stay.reset();
    auto stored = TRY(shelter_repo::FindStay(tx, actor.org_id, id));
    if (!stored) return Ok();
    auto outs = TRY(OutingsNow(tx, actor, alerts));
    stay = TRY(ViewStay(tx, actor, std::move(*stored), outs, true));
    return Ok();
  }));
  if (!stay) {
    auto e = security::ActorEvent(actor, "shelter.stay.read", "shelter_stay", id);
    e.outcome = "not_found";
    return Fail(reads_.Refuse(std::move(e), NotFound()));
  }
  auto e = security::ActorEvent(actor, "shelter.stay.read", "shelter_stay", id,
                                {"alias", "exit_note", "readiness_note"});
  return security::Audited<Stay>{std::move(*stay), security::PendingAudit(reads_, std::move(e))};
}

Result<Stay> ShelterService::Admit(const security::Actor& actor, const AdmitFields& in) {
  TRY(RequirePermission(actor, perm::kShelterWrite));
  Error bad = Invalid();
  if (in.person_id.empty() == in.person_code.empty()) {
    bad.Field("person_id", "shelter.person_id_or_code");
  } else if (!in.person_id.empty() && !LooksLikeId(in.person_id)) {
    bad.Field("person_id", "shelter.unknown_person");
  }
  if (!LooksLikeId(in.bed_id)) bad.Field("bed_id", "shelter.unknown_bed");
  auto admitted = DayField(bad, "admitted_on", in.admitted_on);
  const std::string agreed_text =
      in.house_rules_agreed_on.empty() ? in.admitted_on : in.house_rules_agreed_on;
  auto agreed = DayField(bad, "house_rules_agreed_on", agreed_text);
  if (!IsOneOf(StaySources(), in.source)) bad.Field("source", "field.unknown_value");
  const Day today = SeoulDay(clock_.Now());
  if (admitted && *admitted > today) bad.Field("admitted_on", "shelter.future_date");
  if (admitted && agreed && *agreed > *admitted + std::chrono::days(7)) {
    bad.Field("house_rules_agreed_on", "shelter.rules_after_admission");
  }
  if (!bad.fields.empty()) return Fail(bad);
  const TimePoint now = clock_.Now();
  auto made = db_.WriteValue([&](store::Tx& tx) -> Result<Stay> {
    auto person = TRY(ResidentPerson(tx, actor.org_id, in.person_id, in.person_code));
    const std::string person_id = person.id;
    auto bed = TRY(shelter_repo::FindBed(tx, actor.org_id, in.bed_id));
    if (!bed) return Fail(Invalid().Field("bed_id", "shelter.unknown_bed"));
    if (bed->status != "in_service") return Fail(Conflict("shelter.bed_unavailable"));
    auto holds = TRY(ActiveHolds(tx, actor.org_id, now));
    if (holds.contains(bed->id)) {
      // Only the admission the hold was made for may use the bed until the hold ends.
      auto hold = TRY(tx.QueryOne(
          "SELECT 1 FROM shelter_bed_holds WHERE id = ? AND bed_id = ? AND released_at IS NULL",
          {in.hold_id, bed->id}));
      if (!hold) return Fail(Conflict("shelter.bed_held"));
      TRY(tx.Exec("UPDATE shelter_bed_holds SET released_at = ? WHERE id = ?",
                  {FormatRfc3339(now), in.hold_id}));
    }
    auto staying =
        TRY(tx.QueryOne("SELECT 1 FROM shelter_stays WHERE open_person = ?", {person_id}));
    if (staying) return Fail(Conflict("shelter.already_staying"));
    // Her limit: the facility type's setting in force today. A youth limit needs her birth date.
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, person_id));
    std::optional<Day> birth;
    if (!person.birth_date.empty()) {
      birth = ParseDay(TRY(cipher.Open("birth_date", person.birth_date)));
    }
    const StayLimits limits = TRY(LoadLimits(tx));
    const std::string type = TRY(FacilityType(tx, actor.org_id));
    PlannedEnd ends = TRY(PlanStay(LimitFor(limits, type), *admitted, birth));
    shelter_repo::StoredStay stay{.id = NewId(),
                                  .org_id = actor.org_id,
                                  .person_id = person_id,
                                  .person_code = person.code,
                                  .bed_id = bed->id,
                                  .source = in.source,
                                  .admitted_on = FormatDay(*admitted),
                                  .planned_end_on = FormatDay(ends.planned_end),
                                  .max_end_on = FormatDay(ends.max_end),
                                  .house_rules_agreed_on = FormatDay(*agreed),
                                  .created_by = actor.user_id,
                                  .created_at = FormatRfc3339(now)};
    TRY(shelter_repo::InsertStay(tx, stay));
    TRY(
        tx.Exec("UPDATE shelter_waitlist SET removed_at = ?, removed_reason = 'admitted' "
                "WHERE org_id = ? AND person_id = ? AND removed_at IS NULL",
                {stay.created_at, actor.org_id, person_id}));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.stay.admit", "shelter_stay", stay.id,
                                               {"person_id", "bed_id", "admitted_on", "source",
                                                "house_rules_agreed_on", "planned_end_on"})));
    return ViewStay(tx, actor, std::move(stay), {}, false);
  });
  // The unique open bed refused a second admission that raced this one past the checks above.
  if (!made && made.error().code == ErrorCode::kConflict &&
      made.error().message_key == "error.conflict") {
    return Fail(Conflict("shelter.bed_taken"));
  }
  return made;
}

Result<Stay> ShelterService::Move(const security::Actor& actor, const std::string& stay_id,
                                  const std::string& bed_id, const std::string& on) {
  TRY(RequirePermission(actor, perm::kShelterWrite));
  Error bad = Invalid();
  if (!LooksLikeId(bed_id)) bad.Field("bed_id", "shelter.unknown_bed");
  auto day = DayField(bad, "on", on);
  if (!bad.fields.empty()) return Fail(bad);
  const TimePoint now = clock_.Now();
  auto moved = db_.WriteValue([&](store::Tx& tx) -> Result<Stay> {
    auto stay = TRY(shelter_repo::FindStay(tx, actor.org_id, stay_id));
    if (!stay) return Fail(NotFound());
    if (!stay->exited_on.empty()) return Fail(Conflict("shelter.stay_ended"));
    if (*day < *ParseDay(stay->admitted_on)) {
      return Fail(Invalid().Field("on", "shelter.before_admission"));
    }
    auto bed = TRY(shelter_repo::FindBed(tx, actor.org_id, bed_id));
    if (!bed) return Fail(Invalid().Field("bed_id", "shelter.unknown_bed"));
    if (bed->id == stay->bed_id) return Fail(Invalid().Field("bed_id", "shelter.same_bed"));
    if (bed->status != "in_service") return Fail(Conflict("shelter.bed_unavailable"));
    if (TRY(ActiveHolds(tx, actor.org_id, now)).contains(bed->id)) {
      return Fail(Conflict("shelter.bed_held"));
    }
    TRY(shelter_repo::MoveStay(tx, stay->id, bed->id, FormatDay(*day), actor.user_id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.stay.move", "shelter_stay", stay->id,
                                               {"bed_id"})));
    stay->bed_id = bed->id;
    return ViewStay(tx, actor, std::move(*stay), {}, false);
  });
  if (!moved && moved.error().code == ErrorCode::kConflict &&
      moved.error().message_key == "error.conflict") {
    return Fail(Conflict("shelter.bed_taken"));
  }
  return moved;
}

Result<Stay> ShelterService::Exit(const security::Actor& actor, const std::string& stay_id,
                                  const ExitFields& in) {
  TRY(RequirePermission(actor, perm::kShelterWrite));
  Error bad = Invalid();
  auto exited = DayField(bad, "exited_on", in.exited_on);
  if (!IsOneOf(ExitReasons(), in.reason)) {
    bad.Field("reason", in.reason.empty() ? "field.required" : "field.unknown_value");
  }
  if (!IsOneOf(ExitDestinations(), in.destination)) {
    bad.Field("destination", in.destination.empty() ? "field.required" : "field.unknown_value");
  }
  if (exited && *exited > SeoulDay(clock_.Now())) bad.Field("exited_on", "shelter.future_date");
  if (!bad.fields.empty()) return Fail(bad);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Stay> {
    auto stay = TRY(shelter_repo::FindStay(tx, actor.org_id, stay_id));
    if (!stay) return Fail(NotFound());
    if (!stay->exited_on.empty()) return Fail(Conflict("shelter.stay_ended"));
    if (*exited < *ParseDay(stay->admitted_on)) {
      return Fail(Invalid().Field("exited_on", "shelter.before_admission"));
    }
    stay->exited_on = FormatDay(*exited);
    stay->exit_reason = in.reason;
    stay->exit_destination = in.destination;
    // Returning to the trade is never a safe destination, whatever the form said.
    stay->destination_safe =
        in.destination == "returned_to_trade" ? std::optional<bool>(false) : in.destination_safe;
    if (!Blank(in.note)) {
      auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, stay->person_id));
      stay->sealed_exit_note = cipher.SealRecord(kStays, "exit_note", stay->id, in.note);
    }
    if (!TRY(shelter_repo::ExitStay(tx, *stay))) return Fail(Conflict("shelter.stay_ended"));
    TRY(tx.Exec(
        "UPDATE shelter_outings SET returned_at = ? WHERE stay_id = ? AND returned_at IS NULL",
        {FormatRfc3339(clock_.Now()), stay->id}));
    for (int months : kFollowUpMonths) {
      TRY(shelter_repo::InsertFollowUp(tx, {.id = NewId(),
                                            .org_id = actor.org_id,
                                            .stay_id = stay->id,
                                            .months = months,
                                            .due_on = FormatDay(AddMonths(*exited, months))}));
    }
    std::vector<std::string> fields = {"exited_on", "exit_reason", "exit_destination",
                                       "destination_safe"};
    if (!Blank(in.note)) fields.push_back("exit_note");
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.stay.exit", "shelter_stay", stay->id,
                                               std::move(fields))));
    return ViewStay(tx, actor, std::move(*stay), {}, true);
  });
}

}  // namespace dandelion::shelters

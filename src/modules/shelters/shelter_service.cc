#include "modules/shelters/shelter_service.h"

#include "core/ids.h"
#include "modules/network/model.h"
#include "modules/service_support.h"
#include "modules/shelters/bed_counts.h"
#include "modules/shelters/shelter_internal.h"
#include "security/policy.h"
#include "store/settings.h"

namespace dandelion::shelters {
namespace internal {

Result<StayLimits> LoadLimits(store::Tx& tx) {
  StayLimits limits = DefaultStayLimits();
  auto stored = TRY(store::ReadSetting(tx, kLimitsKey));
  if (stored) {
    auto parsed = ParseLimits(*stored);
    if (!parsed) return Fail(ErrorCode::kInternal, "error.internal", "unreadable stay limits");
    for (auto& [type, limit] : *parsed) limits[type] = limit;
  }
  return limits;
}

Result<std::string> FacilityType(store::Tx& tx, const std::string& org_id) {
  auto row = TRY(tx.QueryOne("SELECT facility_type FROM organizations WHERE id = ?", {org_id}));
  return row ? row->Text(0) : std::string();
}

}  // namespace internal

using namespace internal;
namespace perm = security::perm;

std::string ShelterService::Today() const { return FormatDay(SeoulDay(clock_.Now())); }

Result<Room> ShelterService::AddRoom(const security::Actor& actor, const RoomFields& in) {
  TRY(RequirePermission(actor, perm::kShelterRooms));
  Error bad = Invalid();
  if (Blank(in.name)) bad.Field("name", "field.required");
  if (in.beds < 1 || in.beds > 20) bad.Field("beds", "shelter.beds_range");
  if (!IsOneOf(BedKinds(), in.kind)) bad.Field("kind", "field.unknown_value");
  if (!bad.fields.empty()) return Fail(bad);
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Room> {
    Room out{.room = {.id = NewId(),
                      .org_id = actor.org_id,
                      .name = in.name,
                      .created_at = now,
                      .created_by = actor.user_id}};
    TRY(shelter_repo::InsertRoom(tx, out.room));
    for (int i = 1; i <= in.beds; ++i) {
      shelter_repo::Bed bed{.id = NewId(),
                            .org_id = actor.org_id,
                            .room_id = out.room.id,
                            .room_name = in.name,
                            .label = std::to_string(i),
                            .kind = in.kind,
                            .status = "in_service",
                            .created_at = now};
      TRY(shelter_repo::InsertBed(tx, bed, actor.user_id));
      out.beds.push_back(std::move(bed));
    }
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.room.create", "shelter_room",
                                               out.room.id, {"name", "beds", "kind"})));
    return out;
  });
}

Result<shelter_repo::Bed> ShelterService::SetBedStatus(const security::Actor& actor,
                                                       const std::string& bed_id,
                                                       const std::string& status) {
  TRY(RequirePermission(actor, perm::kShelterRooms));
  if (status != "in_service" && status != "out_of_service" && status != "removed") {
    return Fail(Invalid().Field("status", "field.unknown_value"));
  }
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<shelter_repo::Bed> {
    auto bed = TRY(shelter_repo::FindBed(tx, actor.org_id, bed_id));
    if (!bed) return Fail(NotFound());
    if (bed->status == "removed") return Fail(Conflict("shelter.bed_removed"));
    if (bed->status == status) return *bed;
    auto taken = TRY(tx.QueryOne("SELECT 1 FROM shelter_stays WHERE open_bed = ?", {bed_id}));
    if (taken && status != "in_service") return Fail(Conflict("shelter.bed_occupied"));
    TRY(shelter_repo::SetBedStatus(tx, bed_id, status, now, actor.user_id));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "shelter.bed.status", "shelter_bed", bed_id, {"status"})));
    bed->status = status;
    return *bed;
  });
}

Result<std::vector<shelter_repo::BedEvent>> ShelterService::BedHistory(const security::Actor& actor,
                                                                       const std::string& bed_id) {
  TRY(RequirePermission(actor, perm::kShelterRooms));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<shelter_repo::BedEvent>> {
    auto bed = TRY(shelter_repo::FindBed(tx, actor.org_id, bed_id));
    if (!bed) return Fail(NotFound());
    return shelter_repo::BedHistory(tx, bed_id);
  });
}

Result<security::Audited<Board>> ShelterService::BoardOf(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kShelterRead));
  const TimePoint now = clock_.Now();
  Board board;
  TRY(ReadRaisingAlerts([&](store::Tx& tx, OverdueAlerts& alerts) -> Result<void> {
    Board out{.today = Today()};
    auto outs = TRY(OutingsNow(tx, actor, alerts));
    std::map<std::string, shelter_repo::StoredStay> by_bed;
    for (auto& s : TRY(shelter_repo::OpenStays(tx, actor.org_id))) by_bed[s.bed_id] = s;
    auto holds = TRY(ActiveHolds(tx, actor.org_id, now));
    for (auto& bed : TRY(shelter_repo::ListBeds(tx, actor.org_id))) {
      BoardBed b{.bed = bed, .state = "free"};
      if (auto it = by_bed.find(bed.id); it != by_bed.end()) {
        b.state = "occupied";
        b.stay = TRY(ViewStay(tx, actor, it->second, outs, false));
      } else if (bed.status == "out_of_service") {
        b.state = "out_of_service";
      } else if (auto h = holds.find(bed.id); h != holds.end()) {
        b.state = "held";
        b.held_until = h->second.expires_at;
        b.hold_id = h->second.id;
      }
      out.beds.push_back(std::move(b));
    }
    board = std::move(out);
    return Ok();
  }));
  auto e = security::ActorEvent(actor, "shelter.board", "organization", actor.org_id, {"alias"});
  return security::Audited<Board>{std::move(board), security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<Home>> ShelterService::HomeOf(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kShelterRead));
  Home home;
  TRY(ReadRaisingAlerts([&](store::Tx& tx, OverdueAlerts& alerts) -> Result<void> {
    Home out{.today = Today()};
    out.grace_minutes = TRY(GraceMinutes(tx, actor.org_id));
    out.out = TRY(OutingsNow(tx, actor, alerts));
    for (auto& s : TRY(shelter_repo::OpenStays(tx, actor.org_id))) {
      out.residents.push_back(TRY(ViewStay(tx, actor, std::move(s), out.out, false)));
    }
    out.follow_ups_due = TRY(shelter_repo::FollowUpsDue(tx, actor.org_id, out.today));
    for (auto& f : out.follow_ups_due) f.sealed_note.clear();
    home = std::move(out);
    return Ok();
  }));
  auto e = security::ActorEvent(actor, "shelter.home", "organization", actor.org_id,
                                {"alias", "outing.destination"});
  return security::Audited<Home>{std::move(home), security::PendingAudit(reads_, std::move(e))};
}

Result<StayLimits> ShelterService::Limits(const security::Actor& actor) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  return db_.ReadValue([&](store::Tx& tx) { return LoadLimits(tx); });
}

Result<StayLimits> ShelterService::SetLimits(const security::Actor& actor,
                                             const StayLimits& limits) {
  TRY(RequirePermission(actor, perm::kShelterLimits));
  Error bad = Invalid();
  for (const auto& [type, limit] : limits) {
    if (!network::IsFacilityType(type)) {
      bad.Field(type, "field.unknown_value");
    } else if (auto problem = CheckLimit(limit); !problem.empty()) {
      bad.Field(type, problem);
    }
  }
  if (limits.empty()) bad.Field("limits", "field.required");
  if (!bad.fields.empty()) return Fail(bad);
  return db_.WriteValue([&](store::Tx& tx) -> Result<StayLimits> {
    StayLimits merged = TRY(LoadLimits(tx));
    std::vector<std::string> changed;
    for (const auto& [type, limit] : limits) {
      if (merged[type] != limit) changed.push_back(type);
      merged[type] = limit;
    }
    TRY(store::WriteSetting(tx, kLimitsKey, FormatLimits(merged)));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.limits.update", "setting",
                                               std::string(kLimitsKey), changed)));
    return merged;
  });
}

Result<int> ShelterService::SetGraceMinutes(const security::Actor& actor, int minutes) {
  TRY(RequirePermission(actor, perm::kShelterRooms));
  if (minutes < 15 || minutes > 720) {
    return Fail(Invalid().Field("minutes", "shelter.grace_range"));
  }
  return db_.WriteValue([&](store::Tx& tx) -> Result<int> {
    TRY(store::WriteSetting(tx, GraceKey(actor.org_id), std::to_string(minutes)));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.grace.update", "organization",
                                               actor.org_id, {"grace_minutes"})));
    return minutes;
  });
}

Result<std::vector<FacilityBeds>> ShelterService::NetworkBedsNow(const security::Actor& actor) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  return db_.ReadValue([&](store::Tx& tx) { return NetworkBeds(tx, clock_.Now()); });
}

Result<BedHold> ShelterService::Hold(const security::Actor& actor, const std::string& org_id,
                                     const std::string& kind) {
  TRY(RequirePermission(actor, perm::kEmergencyAct));
  Error bad = Invalid();
  if (!LooksLikeId(org_id)) bad.Field("org_id", "field.unknown_value");
  if (!IsOneOf(BedKinds(), kind)) bad.Field("kind", "field.unknown_value");
  if (!bad.fields.empty()) return Fail(bad);
  const TimePoint now = clock_.Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<BedHold> {
    // The first free bed of that kind, by room and label.
    auto holds = TRY(ActiveHolds(tx, org_id, now));
    std::optional<shelter_repo::Bed> free;
    for (auto& bed : TRY(shelter_repo::ListBeds(tx, org_id))) {
      if (bed.kind != kind || bed.status != "in_service" || holds.contains(bed.id)) continue;
      auto taken = TRY(tx.QueryOne("SELECT 1 FROM shelter_stays WHERE open_bed = ?", {bed.id}));
      if (taken) continue;
      free = std::move(bed);
      break;
    }
    if (!free) return Fail(Conflict("shelter.no_free_bed"));
    BedHold hold{.id = NewId(),
                 .org_id = org_id,
                 .bed_id = free->id,
                 .kind = kind,
                 .expires_at = FormatRfc3339(now + std::chrono::minutes(kHoldMinutes))};
    TRY(tx.Exec(
        "INSERT INTO shelter_bed_holds (id, bed_id, org_id, held_by, held_by_org, created_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {hold.id, hold.bed_id, org_id, actor.user_id, actor.org_id, FormatRfc3339(now),
         hold.expires_at}));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.bed.hold", "shelter_bed",
                                               hold.bed_id, {"kind"}, org_id)));
    return hold;
  });
}

Result<int> ShelterService::GraceMinutes(store::Tx& tx, const std::string& org_id) {
  auto stored = TRY(store::ReadSetting(tx, GraceKey(org_id)));
  if (!stored) return kDefaultGraceMinutes;
  try {
    return std::stoi(*stored);
  } catch (const std::exception&) {
    return kDefaultGraceMinutes;
  }
}

}  // namespace dandelion::shelters

#include "modules/shelters/routes.h"

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "modules/network/model.h"
#include "security/policy.h"

namespace dandelion::shelters {
namespace {

using http::Request;
using http::Response;
namespace perm = security::perm;

boost::json::object BedJson(const shelter_repo::Bed& b) {
  return {{"id", b.id},       {"room_id", b.room_id}, {"room", b.room_name},
          {"label", b.label}, {"kind", b.kind},       {"status", b.status}};
}

boost::json::object OutingJson(const Outing& o) {
  const auto& s = o.stored;
  return {{"id", s.id},
          {"stay_id", s.stay_id},
          {"kind", s.kind},
          {"left_at", s.left_at},
          {"planned_return_at", s.planned_return_at},
          {"returned_at", OrNull(s.returned_at)},
          {"destination", OrNull(o.destination)},
          {"overdue", o.overdue},
          {"alerted_at", OrNull(s.alerted_at)}};
}

boost::json::object FollowUpJson(const shelter_repo::FollowUp& f) {
  return {{"id", f.id},         {"stay_id", f.stay_id},         {"months", f.months},
          {"due_on", f.due_on}, {"done_on", OrNull(f.done_on)}, {"outcome", OrNull(f.outcome)}};
}

boost::json::object ReadinessJson(const ReadinessAnswer& a) {
  return {{"item", a.item},
          {"status", a.status},
          {"note", OrNull(a.note)},
          {"recorded_at", OrNull(a.recorded_at)}};
}

boost::json::object StayJson(const Stay& v) {
  const auto& s = v.stored;
  boost::json::object out{
      {"id", s.id},
      {"person", {{"id", s.person_id}, {"code", s.person_code}, {"alias", OrNull(v.alias)}}},
      {"bed_id", s.bed_id},
      {"bed", v.bed_label},
      {"room", v.room_name},
      {"source", s.source},
      {"admitted_on", s.admitted_on},
      {"house_rules_agreed_on", s.house_rules_agreed_on},
      {"planned_end_on", s.planned_end_on},
      {"max_end_on", s.max_end_on},
      {"days_in_stay", v.days_in_stay},
      {"days_to_limit", v.days_to_limit},
      {"countdown", v.countdown},
      {"readiness_due", v.readiness_due},
      {"exited_on", OrNull(s.exited_on)},
      {"exit_reason", OrNull(s.exit_reason)},
      {"exit_destination", OrNull(s.exit_destination)},
      {"destination_safe",
       s.destination_safe ? boost::json::value(*s.destination_safe) : boost::json::value(nullptr)},
      {"exit_note", OrNull(v.exit_note)},
      {"out", v.out ? boost::json::value(OutingJson(*v.out)) : boost::json::value(nullptr)}};
  if (v.readiness_due)
    out["readiness_items"] = ListJson({ReadinessItems().begin(), ReadinessItems().end()});
  if (!v.readiness.empty()) {
    boost::json::array readiness;
    for (const auto& a : v.readiness) readiness.emplace_back(ReadinessJson(a));
    out["readiness"] = std::move(readiness);
  }
  boost::json::array follow_ups;
  for (const auto& f : v.follow_ups) follow_ups.emplace_back(FollowUpJson(f));
  out["follow_ups"] = std::move(follow_ups);
  return out;
}

boost::json::object LimitsJson(const StayLimits& limits) {
  boost::json::object out;
  for (const auto& [type, l] : limits) {
    boost::json::object item{{"extension_months", l.extension_months}};
    if (l.until_age > 0) {
      item["until_age"] = l.until_age;
    } else {
      item["months"] = l.months;
    }
    out[type] = std::move(item);
  }
  return out;
}

boost::json::object ExtensionJson(const Extension& e) {
  return {{"id", e.id},
          {"stay_id", e.stay_id},
          {"person_code", e.person_code},
          {"until_on", e.until_on},
          {"reason", OrNull(e.reason)},
          {"status", e.status},
          {"requested_at", e.requested_at},
          {"max_end_on", e.max_end_on}};
}

boost::json::object WaitlistJson(const WaitlistEntry& e) {
  return {{"id", e.id},
          {"person", {{"id", e.person_id}, {"code", e.person_code}, {"alias", OrNull(e.alias)}}},
          {"urgency", e.urgency},
          {"source", e.source},
          {"note", OrNull(e.note)},
          {"added_at", e.added_at}};
}

}  // namespace

void AddRoutes(http::Router& router, ShelterService& shelters) {
  const std::string rooms(perm::kShelterRooms);
  const std::string read(perm::kShelterRead);
  const std::string write(perm::kShelterWrite);
  router.Add({.method = "POST",
              .path_template = "/api/v1/shelter/rooms",
              .permission = rooms,
              .handler = [&shelters](Request& req) -> http::Reply {
                RoomFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  RoomFields in;
                  in.name = f.String("name", 60);
                  in.beds = int(f.Int("beds", 1, 20));
                  auto kind = f.Enum("kind", BedKinds(), false);
                  if (!kind.empty()) in.kind = kind;
                  return in;
                }));
                Room room = TRY(shelters.AddRoom(ActorOf(req), in));
                boost::json::array beds;
                for (const auto& b : room.beds) beds.emplace_back(BedJson(b));
                return Response::Json(
                    201, {{"id", room.room.id}, {"name", room.room.name}, {"beds", beds}});
              },
              .summary = "Add a room with N beds (labelled 1..N) of one kind",
              .tag = "shelters",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "POST",
              .path_template = "/api/v1/shelter/beds/{id}/status",
              .permission = rooms,
              .handler = [&shelters](Request& req) -> http::Reply {
                std::string status = TRY(ReadBody(req, [](http::FieldReader& f) {
                  return f.Enum("status", {"in_service", "out_of_service", "removed"});
                }));
                return Response::Json(
                    200, BedJson(TRY(shelters.SetBedStatus(ActorOf(req), Id(req), status))));
              },
              .summary = "Put a bed in or out of service, or remove it (its history is kept)",
              .tag = "shelters",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/shelter/beds/{id}/history",
              .permission = rooms,
              .handler = [&shelters](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& e : TRY(shelters.BedHistory(ActorOf(req), Id(req)))) {
                  items.push_back({{"kind", e.kind}, {"at", e.at}, {"actor_id", e.actor_id}});
                }
                return Response::Json(200, {{"items", items}});
              },
              .summary = "A bed's history: added, out of service, in service, removed",
              .tag = "shelters"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/shelter/board",
              .permission = read,
              .handler = [&shelters](Request& req) -> http::Reply {
                auto board = TRY(shelters.BoardOf(ActorOf(req)));
                boost::json::array beds;
                for (const auto& b : board.value.beds) {
                  boost::json::object bed = BedJson(b.bed);
                  bed["state"] = b.state;
                  bed["held_until"] = OrNull(b.held_until);
                  bed["hold_id"] = OrNull(b.hold_id);
                  if (b.stay) bed["stay"] = StayJson(*b.stay);
                  beds.emplace_back(std::move(bed));
                }
                boost::json::object body{{"today", board.value.today}, {"beds", beds}};
                return AuditedJson(std::move(board), std::move(body));
              },
              .summary = "The bed board: every bed free, occupied, held or out of service, "
                         "residents by alias with their countdown",
              .tag = "shelters"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/shelter/home",
              .permission = read,
              .handler = [&shelters](Request& req) -> http::Reply {
                auto home = TRY(shelters.HomeOf(ActorOf(req)));
                boost::json::array residents, out, due;
                for (const auto& s : home.value.residents) residents.emplace_back(StayJson(s));
                for (const auto& o : home.value.out) out.emplace_back(OutingJson(o));
                for (const auto& f : home.value.follow_ups_due) due.emplace_back(FollowUpJson(f));
                boost::json::object body{{"today", home.value.today},
                                         {"grace_minutes", home.value.grace_minutes},
                                         {"residents", residents},
                                         {"out", out},
                                         {"follow_ups_due", due}};
                return AuditedJson(std::move(home), std::move(body));
              },
              .summary = "Shelter staff's day: residents, who is out and due back (overdue "
                         "raises the alert), stays near their limit, follow-ups due",
              .tag = "shelters"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/shelter/stays",
              .permission = write,
              .handler = [&shelters](Request& req) -> http::Reply {
                AdmitFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  AdmitFields in;
                  in.person_id = f.OptString("person_id", 40).value_or("");
                  in.person_code = f.OptString("person_code", 40).value_or("");
                  in.bed_id = f.String("bed_id", 40);
                  in.admitted_on = f.Date("admitted_on");
                  auto source = f.Enum("source", StaySources(), false);
                  if (!source.empty()) in.source = source;
                  in.house_rules_agreed_on = f.Date("house_rules_agreed_on", false);
                  in.hold_id = f.OptString("hold_id", 40).value_or("");
                  return in;
                }));
                return Response::Json(201, StayJson(TRY(shelters.Admit(ActorOf(req), in))));
              },
              .summary = "Admit a person of this facility to a bed; 409 bed_taken when someone "
                         "else has it",
              .tag = "shelters",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/shelter/stays/{id}",
              .permission = read,
              .handler = [&shelters](Request& req) -> http::Reply {
                auto stay = TRY(shelters.GetStay(ActorOf(req), Id(req)));
                boost::json::object body = StayJson(stay.value);
                return AuditedJson(std::move(stay), std::move(body));
              },
              .summary = "A stay with its exit and follow-ups",
              .tag = "shelters"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/shelter/stays/{id}/move",
              .permission = write,
              .handler = [&shelters](Request& req) -> http::Reply {
                auto [bed, on] = TRY(ReadBody(req, [](http::FieldReader& f) {
                  std::string bed = f.String("bed_id", 40);
                  return std::pair(bed, f.Date("on"));
                }));
                return Response::Json(200,
                                      StayJson(TRY(shelters.Move(ActorOf(req), Id(req), bed, on))));
              },
              .summary = "Move her to another bed of the facility",
              .tag = "shelters",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/shelter/stays/{id}/exit",
              .permission = write,
              .handler = [&shelters](Request& req) -> http::Reply {
                ExitFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  ExitFields in;
                  in.exited_on = f.Date("exited_on");
                  in.reason = f.Enum("reason", ExitReasons());
                  in.destination = f.Enum("destination", ExitDestinations());
                  in.destination_safe = f.OptBool("destination_safe");
                  in.note = f.OptString("note", 2000).value_or("");
                  return in;
                }));
                return Response::Json(200, StayJson(TRY(shelters.Exit(ActorOf(req), Id(req), in))));
              },
              .summary = "Her exit: date, reason, destination and whether it is safe; schedules "
                         "follow-ups at 1, 3 and 6 months",
              .tag = "shelters",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/shelter/stays/{id}/outings",
              .permission = write,
              .handler = [&shelters](Request& req) -> http::Reply {
                OutingFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  OutingFields in;
                  in.kind = f.Enum("kind", OutingKinds());
                  in.left_at = f.String("left_at", 40);
                  in.planned_return_at = f.String("planned_return_at", 40);
                  in.destination = f.OptString("destination", 200).value_or("");
                  return in;
                }));
                return Response::Json(
                    201, OutingJson(TRY(shelters.StartOuting(ActorOf(req), Id(req), in))));
              },
              .summary = "She goes out (an outing, or overnight leave) with a planned return",
              .tag = "shelters",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/shelter/stays/{id}/readiness/{item}",
              .permission = write,
              .handler = [&shelters](Request& req) -> http::Reply {
                ReadinessFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  ReadinessFields in;
                  in.status = f.String("status", 40);
                  in.note = f.OptString("note", 2000).value_or("");
                  return in;
                }));
                return Response::Json(
                    200, ReadinessJson(TRY(shelters.RecordReadiness(ActorOf(req), Id(req),
                                                                    req.path_params["item"], in))));
              },
              .summary = "Answer one item of her exit-readiness checklist (the earlier answer "
                         "is kept)",
              .tag = "shelters",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/shelter/stays/{id}/extensions",
              .permission = write,
              .handler = [&shelters](Request& req) -> http::Reply {
                auto [until, reason] = TRY(ReadBody(req, [](http::FieldReader& f) {
                  std::string until = f.Date("until_on");
                  return std::pair(until, f.String("reason", 2000));
                }));
                return Response::Json(201, ExtensionJson(TRY(shelters.RequestExtension(
                                               ActorOf(req), Id(req), until, reason))));
              },
              .summary = "Ask to extend her stay to until_on, with a reason; refused past the "
                         "legal maximum",
              .tag = "shelters",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/shelter/extensions",
              .permission = std::string(perm::kCaseSupervise),
              .handler = [&shelters](Request& req) -> http::Reply {
                auto pending = TRY(shelters.PendingExtensions(ActorOf(req)));
                boost::json::array items;
                for (const auto& e : pending.value) items.emplace_back(ExtensionJson(e));
                return AuditedJson(std::move(pending), {{"items", items}});
              },
              .summary = "Supervisors: the extensions waiting for a decision",
              .tag = "shelters"});
  router.Add(
      {.method = "POST",
       .path_template = "/api/v1/shelter/extensions/{id}/decision",
       .permission = std::string(perm::kCaseSupervise),
       .handler = [&shelters](Request& req) -> http::Reply {
         bool approve = TRY(ReadBody(req, [](http::FieldReader& f) { return f.Bool("approve"); }));
         return Response::Json(
             200, ExtensionJson(TRY(shelters.DecideExtension(ActorOf(req), Id(req), approve))));
       },
       .summary = "Supervisors: approve (the planned end moves) or refuse an extension",
       .tag = "shelters",
       .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/shelter/waitlist",
              .permission = write,
              .handler = [&shelters](Request& req) -> http::Reply {
                struct In {
                  std::string id, code, urgency, source, note;
                };
                In in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  In in;
                  in.id = f.OptString("person_id", 40).value_or("");
                  in.code = f.OptString("person_code", 40).value_or("");
                  in.urgency = f.Enum("urgency", {"low", "medium", "high", "critical"});
                  in.source = f.Enum("source", StaySources());
                  in.note = f.OptString("note", 2000).value_or("");
                  return in;
                }));
                return Response::Json(
                    201, WaitlistJson(TRY(shelters.AddToWaitlist(ActorOf(req), in.id, in.code,
                                                                 in.urgency, in.source, in.note))));
              },
              .summary = "Put a woman of this facility on its waitlist, with her urgency",
              .tag = "shelters",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/shelter/waitlist",
              .permission = read,
              .handler = [&shelters](Request& req) -> http::Reply {
                auto list = TRY(shelters.Waitlist(ActorOf(req)));
                boost::json::array items;
                for (const auto& e : list.value) items.emplace_back(WaitlistJson(e));
                return AuditedJson(std::move(list), {{"items", items}});
              },
              .summary = "The waitlist: most urgent first, then the longest waiting",
              .tag = "shelters"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/shelter/waitlist/{id}/remove",
              .permission = write,
              .handler = [&shelters](Request& req) -> http::Reply {
                std::string reason = TRY(ReadBody(req, [](http::FieldReader& f) {
                  return f.Enum("reason", {"withdrawn", "placed_elsewhere"});
                }));
                TRY(shelters.RemoveFromWaitlist(ActorOf(req), Id(req), reason));
                return Response::Json(200, {{"id", Id(req)}, {"removed_reason", reason}});
              },
              .summary = "Take her off the waitlist (admission does it by itself)",
              .tag = "shelters",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/shelter/outings/{id}/return",
              .permission = write,
              .handler = [&shelters](Request& req) -> http::Reply {
                std::string at = TRY(ReadBody(req, [](http::FieldReader& f) {
                  return f.OptString("returned_at", 40).value_or("");
                }));
                return Response::Json(
                    200, OutingJson(TRY(shelters.EndOuting(ActorOf(req), Id(req), at))));
              },
              .summary = "She is back (returned_at defaults to now)",
              .tag = "shelters",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/shelter/follow-ups/{id}",
              .permission = write,
              .handler = [&shelters](Request& req) -> http::Reply {
                FollowUpFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  FollowUpFields in;
                  in.done_on = f.Date("done_on");
                  in.outcome = f.Enum("outcome",
                                      {"stable", "struggling", "returned_to_trade", "unreachable"});
                  in.note = f.OptString("note", 2000).value_or("");
                  return in;
                }));
                return Response::Json(
                    200, FollowUpJson(TRY(shelters.RecordFollowUp(ActorOf(req), Id(req), in))));
              },
              .summary = "Record a follow-up contact after her exit and its outcome",
              .tag = "shelters",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/shelter/occupancy",
              .permission = read,
              .handler = [&shelters](Request& req) -> http::Reply {
                std::string month = req.Query("month");
                int nights = TRY(shelters.OccupancyOf(ActorOf(req), month));
                return Response::Json(200, {{"month", month}, {"nights", nights}});
              },
              .summary = "The nights residents spent in the facility in month=YYYY-MM",
              .tag = "shelters"});
  router.Add(
      {.method = "GET",
       .path_template = "/api/v1/shelter/limits",
       .permission = std::string(http::kSignedIn),
       .handler = [&shelters](Request& req) -> http::Reply {
         return Response::Json(200, {{"limits", LimitsJson(TRY(shelters.Limits(ActorOf(req))))}});
       },
       .summary = "The stay limits per facility type",
       .tag = "shelters"});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/shelter/limits",
              .permission = std::string(perm::kShelterLimits),
              .handler = [&shelters](Request& req) -> http::Reply {
                StayLimits in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  StayLimits in;
                  for (const auto& type : network::FacilityTypes()) {
                    const auto* o = f.Object(type.code, false);
                    if (o == nullptr) continue;
                    http::FieldReader l(*o, std::string(type.code) + ".");
                    StayLimit limit;
                    limit.months = int(l.OptInt("months", 0, 120).value_or(0));
                    limit.until_age = int(l.OptInt("until_age", 0, 30).value_or(0));
                    limit.extension_months = int(l.Int("extension_months", 0, 120));
                    f.Absorb(l);
                    in[std::string(type.code)] = limit;
                  }
                  return in;
                }));
                return Response::Json(
                    200, {{"limits", LimitsJson(TRY(shelters.SetLimits(ActorOf(req), in)))}});
              },
              .summary = "Network admin: change stay limits (new stays follow them)",
              .tag = "shelters",
              .json_body = true});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/shelter/grace",
              .permission = rooms,
              .handler = [&shelters](Request& req) -> http::Reply {
                int minutes = TRY(ReadBody(
                    req, [](http::FieldReader& f) { return int(f.Int("minutes", 0, 10000)); }));
                return Response::Json(
                    200, {{"minutes", TRY(shelters.SetGraceMinutes(ActorOf(req), minutes))}});
              },
              .summary = "The facility's grace time before a late return raises an alert",
              .tag = "shelters",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/network/beds/holds",
              .permission = std::string(perm::kEmergencyAct),
              .handler = [&shelters](Request& req) -> http::Reply {
                auto [org, kind] = TRY(ReadBody(req, [](http::FieldReader& f) {
                  std::string org = f.String("org_id", 40);
                  return std::pair(org, f.Enum("kind", BedKinds()));
                }));
                BedHold hold = TRY(shelters.Hold(ActorOf(req), org, kind));
                return Response::Json(201, {{"id", hold.id},
                                            {"org_id", hold.org_id},
                                            {"bed_id", hold.bed_id},
                                            {"kind", hold.kind},
                                            {"expires_at", hold.expires_at}});
              },
              .summary = "Dispatchers: hold a free bed of a kind at a facility for 90 minutes",
              .tag = "shelters",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/network/beds",
              .permission = std::string(http::kSignedIn),
              .handler = [&shelters](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& f : TRY(shelters.NetworkBedsNow(ActorOf(req)))) {
                  boost::json::object kinds;
                  int free = 0;
                  for (const auto& [kind, c] : f.kinds) {
                    kinds[kind] = {{"total", c.total}, {"free", c.free}};
                    free += c.free;
                  }
                  items.push_back({{"org_id", f.org_id},
                                   {"facility_type", OrNull(f.facility_type)},
                                   {"region", f.region},
                                   {"free", free},
                                   {"kinds", kinds}});
                }
                return Response::Json(200, {{"items", items}});
              },
              .summary = "Free beds per facility and kind: counts only",
              .tag = "shelters"});
}

void RegisterShelterMessages() {
  static constexpr Message kMessages[] = {
      {"shelter.beds_range", "침대 수는 1개에서 20개 사이로 정하세요.", "A room has 1 to 20 beds."},
      {"shelter.bed_removed", "없앤 침대입니다.", "This bed has been removed."},
      {"shelter.bed_occupied", "입소자가 쓰고 있는 침대입니다. 먼저 다른 침대로 옮기세요.",
       "Someone stays in this bed. Move her to another bed first."},
      {"shelter.bed_unavailable", "사용할 수 없는 침대입니다.", "This bed is not in service."},
      {"shelter.bed_taken", "이미 다른 입소자가 쓰고 있는 침대입니다.",
       "Someone else already has this bed."},
      {"shelter.bed_held",
       "긴급 입소를 위해 잡아 둔 침대입니다. 잡아 둔 시간이 끝난 뒤에 쓸 수 "
       "있습니다.",
       "This bed is held for an emergency admission until the hold ends."},
      {"shelter.already_staying", "이미 입소 중인 분입니다.", "She is already staying here."},
      {"shelter.person_id_or_code", "입소할 분의 등록번호를 적으세요.",
       "Give the code of the woman to admit."},
      {"shelter.unknown_person", "이 시설에 등록된 분을 찾을 수 없습니다.",
       "There is no such person registered at this facility."},
      {"shelter.unknown_bed", "이 시설의 침대를 찾을 수 없습니다.",
       "There is no such bed in this facility."},
      {"shelter.needs_birth_date",
       "청소년 지원시설의 입소 기간은 생년월일로 정해집니다. 먼저 생년월일을 기록하세요.",
       "A youth facility's stay ends by her age: record her birth date first."},
      {"shelter.over_age", "청소년 지원시설의 입소 나이를 넘었습니다.",
       "She is past the youth facility's age limit."},
      {"shelter.future_date", "앞으로의 날짜는 쓸 수 없습니다.", "This date is in the future."},
      {"shelter.rules_after_admission", "생활 규칙 동의는 입소 뒤 7일 안에 받아야 합니다.",
       "The house rules must be agreed within 7 days of admission."},
      {"shelter.before_exit", "퇴소일보다 앞선 날짜입니다.", "This date is before her exit."},
      {"shelter.before_admission", "입소일보다 앞선 날짜입니다.",
       "This date is before her admission."},
      {"shelter.same_bed", "지금 쓰고 있는 침대입니다.", "She is already in this bed."},
      {"shelter.stay_ended", "이미 퇴소한 입소 기록입니다.", "This stay has already ended."},
      {"shelter.return_before_leaving", "돌아오는 시간은 나간 시간보다 뒤여야 합니다.",
       "The return must be after she left."},
      {"shelter.outing_too_long", "24시간이 넘는 외출은 외박으로 기록하세요.",
       "An outing longer than 24 hours is overnight leave."},
      {"shelter.already_out", "이미 외출 중입니다.", "She is already out."},
      {"shelter.already_back", "이미 돌아왔습니다.", "She is already back."},
      {"shelter.follow_up_done", "이미 기록한 사후관리입니다.",
       "This follow-up is already recorded."},
      {"shelter.bad_month", "달은 YYYY-MM 형식으로 적으세요.", "Give the month as YYYY-MM."},
      {"shelter.grace_range", "유예 시간은 15분에서 720분 사이로 정하세요.",
       "Choose a grace time from 15 to 720 minutes."},
      {"shelter.limit_one_rule", "개월 수와 나이 중 하나만 정하세요.",
       "Give either months or an age, not both."},
      {"shelter.limit_months_range", "기간은 0개월에서 120개월 사이로 정하세요.",
       "Choose from 0 to 120 months."},
      {"shelter.limit_age_range", "나이는 14세에서 30세 사이로 정하세요.",
       "Choose an age from 14 to 30."},
      {"shelter.not_an_extension", "연장하려는 날짜가 지금의 종료 예정일보다 뒤여야 합니다.",
       "The new end must be after the current planned end."},
      {"shelter.past_legal_max",
       "법이 허용하는 최대 입소 기간을 넘습니다. 입소 기록의 최대 종료일(max_end_on)까지만 연장할 "
       "수 있습니다.",
       "This is past the longest stay the law allows: a stay can be extended only up to its "
       "latest end (max_end_on)."},
      {"shelter.extension_decided", "이미 결정한 연장 요청입니다.",
       "This extension has already been decided."},
      {"shelter.already_waiting", "이미 대기 명단에 있는 분입니다.", "She is already waiting."},
      {"shelter.not_waiting", "대기 명단에 없는 분입니다.", "She is no longer on the waitlist."},
      {"shelter.no_free_bed", "그 시설에는 지금 비어 있는 그 종류의 침대가 없습니다.",
       "That facility has no free bed of that kind now."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::shelters

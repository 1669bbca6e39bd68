#include "modules/events/routes.h"

#include "core/korea_date.h"
#include "core/messages.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::events {
namespace {

using http::Request;
using http::Response;
namespace perm = security::perm;

boost::json::value CapacityJson(const std::optional<int>& c) {
  return c ? boost::json::value(*c) : boost::json::value(nullptr);
}

boost::json::object CountsJson(const event_repo::Counts& c) {
  return {{"registered", c.registered},
          {"waitlisted", c.waitlisted},
          {"cancelled", c.cancelled},
          {"checked_in", c.checked_in}};
}

boost::json::object ByRoleJson(const event_repo::Counts& c) {
  boost::json::object out;
  for (auto role : kRoles) {
    auto it = c.by_role.find(std::string(role));
    out[role] = it == c.by_role.end() ? 0 : it->second;
  }
  return out;
}

std::string DateOf(const std::string& at) {
  TimePoint t{};
  ParseRfc3339(at, &t);
  return KoreaDate(t);
}

// What anyone may see of an event: the public list shows this and its places; staff see it with
// the event's running details. Nothing about who registered.
boost::json::object SharedEventJson(const event_repo::StoredEvent& e) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"title_ko", e.title_ko},
          {"title_en", e.title_en},
          {"description_ko", e.description_ko},
          {"description_en", e.description_en},
          {"starts_at", e.starts_at},
          {"ends_at", e.ends_at},
          {"date", DateOf(e.starts_at)},
          {"venue", e.venue},
          {"region", e.region},
          {"registration_open", e.registration_open}};
}

boost::json::object EventJson(const Event& v) {
  const auto& e = v.stored;
  boost::json::object out = SharedEventJson(e);
  out["capacity"] = CapacityJson(e.capacity);
  out["published"] = e.published;
  out["campaign_id"] = OrNull(e.campaign_id);
  out["organizer"] = {{"id", e.org_id}, {"name", e.org_name}};
  out["counts"] = CountsJson(v.counts);
  out["created_at"] = e.created_at;
  out["updated_at"] = e.updated_at;
  return out;
}

boost::json::object PublicEventJson(const PublicEvent& p) {
  boost::json::object out = SharedEventJson(p.stored);
  out["organizer"] = {{"name", p.stored.org_name}};
  out["places_left"] = CapacityJson(p.places_left);
  out["availability"] = p.availability;
  return out;
}

boost::json::object RegistrationJson(const Registration& v) {
  const auto& r = v.stored;
  return {{"id", r.id},
          {"reference", FormatReference(r.reference)},
          {"role", r.role},
          {"status", r.status},
          {"source", r.source},
          {"name", v.name},
          {"alias", v.alias},
          {"photo_consent", r.photo_consent},
          {"registered_at", r.registered_at},
          {"cancelled_at", OrNull(r.cancelled_at)},
          {"checked_in_at", OrNull(r.checked_in_at)},
          {"check_in_method", OrNull(r.check_in_method)}};
}

// The event's fields; on create the required ones must be there.
EventPatch ReadEvent(http::FieldReader& f, bool create) {
  EventPatch p;
  if (create || Present(f.raw(), "kind")) p.kind = f.Enum("kind", kKinds, true);
  p.title_ko = create ? std::optional(f.String("title_ko", 200)) : f.OptString("title_ko", 200);
  p.title_en = f.OptString("title_en", 200);
  p.description_ko = f.OptString("description_ko", 4000);
  p.description_en = f.OptString("description_en", 4000);
  p.starts_at = f.Time("starts_at", create);
  p.ends_at = f.Time("ends_at", create);
  p.venue = create ? std::optional(f.String("venue", 300)) : f.OptString("venue", 300);
  p.region = create ? std::optional(f.String("region", 5)) : f.OptString("region", 5);
  if (Present(f.raw(), "capacity")) {
    p.capacity_given = true;
    if (auto c = f.OptInt("capacity", 1, kMaxCapacity)) p.capacity = static_cast<int>(*c);
  } else if (f.raw().contains("capacity")) {
    f.Accept("capacity");  // null: no limit
    p.capacity_given = true;
  }
  p.registration_open = f.OptBool("registration_open");
  p.published = f.OptBool("published");
  if (f.raw().contains("campaign_id") && !Present(f.raw(), "campaign_id")) {
    f.Accept("campaign_id");
    p.campaign_id = "";
  } else {
    p.campaign_id = f.OptString("campaign_id", 64);
  }
  return p;
}

EventFields FieldsFrom(const EventPatch& p) {
  return {.kind = p.kind.value_or(""),
          .title_ko = p.title_ko.value_or(""),
          .title_en = p.title_en.value_or(""),
          .description_ko = p.description_ko.value_or(""),
          .description_en = p.description_en.value_or(""),
          .starts_at = p.starts_at.value_or(TimePoint{}),
          .ends_at = p.ends_at.value_or(TimePoint{}),
          .venue = p.venue.value_or(""),
          .region = p.region.value_or(""),
          .capacity = p.capacity,
          .registration_open = p.registration_open.value_or(false),
          .published = p.published.value_or(false),
          .campaign_id = p.campaign_id.value_or("")};
}

const std::string& Rid(Request& req) { return req.path_params["rid"]; }

}  // namespace

void AddRoutes(http::Router& router, EventService& events) {
  const std::string tag = "events";
  router.Add({.method = "GET",
              .path_template = "/api/v1/events",
              .permission = std::string(perm::kEventRead),
              .handler = [&events](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& e : TRY(events.List(ActorOf(req)))) items.push_back(EventJson(e));
                return Response::Json(200, {{"items", items}});
              },
              .summary = "The caller's organization's events",
              .tag = tag});
  router.Add(
      {.method = "POST",
       .path_template = "/api/v1/events",
       .permission = std::string(perm::kEventWrite),
       .handler = [&events](Request& req) -> http::Reply {
         auto p = TRY(ReadBody(req, [](http::FieldReader& f) { return ReadEvent(f, true); }));
         return Response::Json(201, EventJson(TRY(events.Create(ActorOf(req), FieldsFrom(p)))));
       },
       .summary = "Create an event of the caller's organization",
       .tag = tag,
       .json_body = true,
       .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/events/{id}",
              .permission = std::string(perm::kEventRead),
              .handler = [&events](Request& req) -> http::Reply {
                return Response::Json(200, EventJson(TRY(events.Get(ActorOf(req), Id(req)))));
              },
              .summary = "One event with its counts",
              .tag = tag});
  router.Add({.method = "PATCH",
              .path_template = "/api/v1/events/{id}",
              .permission = std::string(perm::kEventWrite),
              .handler = [&events](Request& req) -> http::Reply {
                TRY(events.CheckOwn(ActorOf(req), Id(req)));
                auto p =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadEvent(f, false); }));
                return Response::Json(200, EventJson(TRY(events.Update(ActorOf(req), Id(req), p))));
              },
              .summary = "Change an event (a larger capacity promotes the waitlist)",
              .tag = tag,
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/events/{id}/attendance",
              .permission = std::string(perm::kEventRead),
              .handler = [&events](Request& req) -> http::Reply {
                auto e = TRY(events.Get(ActorOf(req), Id(req)));
                return Response::Json(200, {{"counts", CountsJson(e.counts)},
                                            {"by_role", ByRoleJson(e.counts)},
                                            {"capacity", CapacityJson(e.stored.capacity)}});
              },
              .summary = "Attendance counts (no person)",
              .tag = tag});
  router.Add({.method = "GET",
              .path_template = "/api/v1/events/{id}/registrations",
              .permission = std::string(perm::kEventAttendees),
              .handler = [&events](Request& req) -> http::Reply {
                auto list = TRY(events.Attendees(ActorOf(req), Id(req)));
                boost::json::array items;
                for (const auto& r : list.value.items) items.push_back(RegistrationJson(r));
                boost::json::object body{{"items", items},
                                         {"counts", CountsJson(list.value.counts)},
                                         {"by_role", ByRoleJson(list.value.counts)}};
                return AuditedJson(std::move(list), std::move(body));
              },
              .summary = "The attendee list (staff only; aliases shown; audited)",
              .tag = tag});
  router.Add({.method = "POST",
              .path_template = "/api/v1/events/{id}/registrations",
              .permission = std::string(perm::kEventAttendees),
              .handler = [&events](Request& req) -> http::Reply {
                TRY(events.CheckOwn(ActorOf(req), Id(req)));
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  NewRegistration r;
                  r.name = f.String("name", 200);
                  r.contact = f.OptString("contact", 300).value_or("");
                  r.alias = f.OptString("alias", 100).value_or("");
                  if (f.raw().contains("role")) r.role = f.Enum("role", kRoles, true);
                  r.photo_consent = f.OptBool("photo_consent").value_or(false);
                  return r;
                }));
                auto done = TRY(events.AddRegistration(ActorOf(req), Id(req), in));
                auto body = RegistrationJson(done.registration);
                body["ticket_qr_svg"] = done.ticket_qr_svg;
                body["ticket_token"] =
                    events.TicketTokenOf(Id(req), done.registration.stored.reference);
                return Response::Json(201, body);
              },
              .summary = "Register someone (speaker, host, volunteer, press or attendee)",
              .tag = tag,
              .json_body = true,
              .success_status = 201});
  router.Add(
      {.method = "POST",
       .path_template = "/api/v1/events/{id}/registrations/{rid}/cancel",
       .permission = std::string(perm::kEventAttendees),
       .handler = [&events](Request& req) -> http::Reply {
         TRY(events.CheckOwn(ActorOf(req), Id(req)));
         TRY(ReadOptionalBody(req, [](http::FieldReader&) {}));
         auto done = TRY(events.Cancel(ActorOf(req), Id(req), Rid(req)));
         return Response::Json(
             200, {{"registration", RegistrationJson(done.registration)},
                   {"promoted", done.promoted ? boost::json::value(RegistrationJson(*done.promoted))
                                              : boost::json::value(nullptr)}});
       },
       .summary = "Cancel a registration (the oldest waiting attendee is promoted)",
       .tag = tag,
       .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/events/{id}/check-ins",
              .permission = std::string(perm::kEventAttendees),
              .handler = [&events](Request& req) -> http::Reply {
                TRY(events.CheckOwn(ActorOf(req), Id(req)));
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  CheckInInput c;
                  c.token = f.OptString("token", 200).value_or("");
                  c.reference = f.OptString("reference", 20).value_or("");
                  c.registration_id = f.OptString("registration_id", 64).value_or("");
                  c.idempotency_key = f.String("idempotency_key", 100);
                  c.checked_in_at = f.Time("checked_in_at", false);
                  return c;
                }));
                auto done = TRY(events.CheckIn(ActorOf(req), Id(req), in));
                return Response::Json(done.replayed ? 200 : 201,
                                      {{"registration", RegistrationJson(done.registration)},
                                       {"checked_in_at", done.registration.stored.checked_in_at},
                                       {"replayed", done.replayed}});
              },
              .summary = "Check someone in by QR token, reference or from the list (idempotent)",
              .tag = tag,
              .json_body = true,
              .success_status = 201});

  // ---- The public: no account, no cookie; the caller's address kept out of the logs ----
  router.Add(
      {.method = "GET",
       .path_template = "/api/v1/public/events",
       .permission = std::string(http::kPublic),
       .handler = [&events](Request&) -> http::Reply {
         boost::json::array list;
         for (const auto& e : TRY(events.PublicEvents())) list.push_back(PublicEventJson(e));
         return Response::Json(200, {{"events", list}, {"form_token", events.IssueFormToken()}});
       },
       .summary = "Published upcoming events, with a registration form token",
       .tag = tag,
       .hide_caller_address = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/public/events/{id}/registrations",
              .permission = std::string(http::kPublic),
              .handler = [&events](Request& req) -> http::Reply {
                // Flood control comes before the body is even read.
                int64_t retry_after = 0;
                if (auto ok = events.AdmitPublic(req.remote_address, &retry_after); !ok) {
                  Response r = Refuse(req, ok.error());
                  r.SetHeader("Retry-After", std::to_string(retry_after));
                  return r;
                }
                auto form = TRY(ReadBody(req, [](http::FieldReader& f) {
                  PublicRegistration p;
                  p.name = f.String("name", 200);
                  p.contact = f.String("contact", 300);
                  p.alias = f.OptString("alias", 100).value_or("");
                  p.photo_consent = f.Bool("photo_consent");
                  p.form_token = f.String("form_token", 100);
                  return p;
                }));
                auto done = TRY(events.RegisterPublic(Id(req), form, req.request_id));
                return Response::Json(
                    201, {{"reference", FormatReference(done.registration.stored.reference)},
                          {"ticket_qr_svg", done.ticket_qr_svg},
                          {"status", done.registration.stored.status}});
              },
              .summary = "Register for a published event (no account; QR ticket)",
              .tag = tag,
              .json_body = true,
              .success_status = 201,
              .hide_caller_address = true});
}

void RegisterEventMessages() {
  static constexpr Message kMessages[] = {
      {"events.too_many", "이 연결에서 신청이 너무 많이 왔습니다. 몇 분 뒤에 다시 보내 주세요.",
       "Too many registrations came from this connection. Please try again in a few minutes."},
      {"events.duplicate", "이 연락처로 이미 이 행사에 신청되어 있습니다.",
       "This contact is already registered for this event."},
      {"events.registration_closed", "이 행사는 지금 신청을 받지 않습니다.",
       "This event is not taking registrations now."},
      {"events.bad_contact", "전화번호나 이메일 주소를 적어 주세요.",
       "Enter a phone number or an e-mail address."},
      {"events.ends_before_start", "끝나는 시각이 시작 시각보다 늦어야 합니다.",
       "The end must be after the start."},
      {"events.too_long", "행사는 14일을 넘을 수 없습니다.", "An event cannot last over 14 days."},
      {"events.gathering_private", "전국 모임은 공개할 수 없습니다.",
       "A gathering is never published."},
      {"events.bad_token", "이 QR 표는 이 행사의 것이 아니거나 바뀌었습니다.",
       "This QR ticket is not valid or has been altered."},
      {"events.bad_reference", "신청 번호의 형식이 맞지 않습니다 (예: ABCD-2345).",
       "The reference is not in the right form (e.g. ABCD-2345)."},
      {"events.one_way", "QR 표, 신청 번호, 명단 중 하나로만 확인하세요.",
       "Give exactly one of the QR token, the reference or the registration."},
      {"events.bad_idempotency_key", "기기에서 만든 확인 키(8~100자, 영문·숫자·-·_)가 필요합니다.",
       "A check-in key made on the device (8-100 letters, digits, - or _) is needed."},
      {"events.checkin_time", "입장 시각은 행사 당일 이후이고 지금보다 늦을 수 없습니다.",
       "The check-in time must be on or after the event's day and not in the future."},
      {"events.already_checked_in", "이미 입장 확인된 신청입니다.",
       "This registration has already been checked in."},
      {"events.already_cancelled", "이미 취소된 신청입니다.",
       "This registration is already cancelled."},
      {"events.cancelled", "취소된 신청입니다. 입장 확인을 할 수 없습니다.",
       "This registration was cancelled and cannot be checked in."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::events

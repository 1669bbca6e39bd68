#include "modules/referrals/routes.h"

#include <charconv>

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::referrals {
namespace {

using http::Request;
using http::Response;

boost::json::value OrgJson(const std::optional<OrgRef>& org) {
  if (!org) return nullptr;
  return boost::json::object{{"id", org->id}, {"name", org->name}};
}

boost::json::object ReferralJson(const Referral& r) {
  boost::json::value external = nullptr;
  if (r.external)
    external = boost::json::object{{"name", r.external->name}, {"kind", r.external->kind}};
  boost::json::value override_ = nullptr;
  if (!r.override_by.empty() || !r.override_reason.empty()) {
    override_ = boost::json::object{
        {"reason", r.override_reason}, {"by", r.override_by}, {"at", r.sent_at}};
  }
  boost::json::value person = nullptr;
  if (!r.person_id.empty()) {
    person = boost::json::object{
        {"id", r.person_id}, {"code", r.person_code}, {"alias", OrNull(r.person_alias)}};
  }
  boost::json::value kase = nullptr;
  if (!r.case_id.empty()) kase = boost::json::object{{"id", r.case_id}, {"number", r.case_number}};
  return {{"id", r.id},
          {"kind", r.kind},
          {"status", r.status},
          {"direction", r.direction},
          {"from_org", OrgJson(r.from_org)},
          {"to_org", OrgJson(r.to_org)},
          {"external", external},
          {"services", ListJson(r.services)},
          {"urgency", r.urgency},
          {"note", OrNull(r.note)},
          {"share", ListJson(r.share)},
          {"age_band", OrNull(r.age_band)},
          {"languages", ListJson(r.languages)},
          {"region", OrNull(r.region)},
          {"sent_at", r.sent_at},
          {"sent_by", OrNull(r.sent_by)},
          {"answer_due_at", r.answer_due_at},
          {"overdue", r.overdue},
          {"answered_at", OrNull(r.answered_at)},
          {"decline_reason", OrNull(r.decline_reason)},
          {"decline_note", OrNull(r.decline_note)},
          {"withdrawn_at", OrNull(r.withdrawn_at)},
          {"withdraw_reason", OrNull(r.withdraw_reason)},
          {"completed_at", OrNull(r.completed_at)},
          {"outcome", OrNull(r.outcome)},
          {"outcome_reason", OrNull(r.outcome_reason)},
          {"override", override_},
          {"person", person},
          {"case", kase}};
}

boost::json::object EntryJson(const DirectoryEntry& e) {
  boost::json::object out{
      {"org_id", e.org_id},
      {"name", e.name},
      {"kind", e.kind},
      {"facility_type", OrNull(e.facility_type)},
      {"regions", ListJson(e.profile.regions)},
      {"services", ListJson(e.profile.services)},
      {"languages", ListJson(e.profile.languages)},
      {"accepting", e.profile.accepting},
      {"intake_contact", e.profile.intake_contact},
      {"response_days", e.profile.response_days},
      {"free_beds", e.free_beds ? boost::json::value(*e.free_beds) : boost::json::value(nullptr)}};
  if (e.excluded) out["excluded"] = *e.excluded;
  return out;
}

boost::json::object ExclusionJson(const Exclusion& x) {
  return {{"id", x.id},
          {"org_id", OrNull(x.org_id)},
          {"org_name", OrNull(x.org_name)},
          {"region", OrNull(x.region)},
          {"created_at", x.created_at}};
}

boost::json::object FiguresJson(const DirectionFigures& f) {
  boost::json::object by_status, by_outcome;
  for (const auto& [k, v] : f.by_status) by_status[k] = v;
  for (const auto& [k, v] : f.by_outcome) by_outcome[k] = v;
  return {{"total", f.total},
          {"by_status", by_status},
          {"by_outcome", by_outcome},
          {"median_hours_to_answer", f.median_hours_to_answer
                                         ? boost::json::value(*f.median_hours_to_answer)
                                         : boost::json::value(nullptr)}};
}

template <class T, class ToJson>
boost::json::object Items(const std::vector<T>& items, ToJson to_json) {
  boost::json::array out;
  for (const auto& item : items) out.emplace_back(to_json(item));
  return {{"items", out}, {"next_cursor", nullptr}};
}

SendFields ReadSend(http::FieldReader& f) {
  SendFields in;
  in.case_id = f.String("case_id", 40);
  in.to_org_id = f.OptString("to_org_id", 40).value_or("");
  if (const boost::json::object* ext = f.Object("external", false)) {
    http::FieldReader e(*ext, "external.");
    in.external = ExternalParty{.name = e.String("name", 200), .kind = e.String("kind", 40)};
    f.Absorb(e);
    in.kind = f.OptString("kind", 20).value_or("");
  } else {
    in.kind = f.String("kind", 20);
  }
  in.services = f.StringList("services", 20, 60, true);
  in.urgency = f.String("urgency", 20);
  in.note = f.OptString("note", 4000).value_or("");
  in.share = f.StringList("share", 20, 40);
  if (const boost::json::object* o = f.Object("life_danger_override", false)) {
    http::FieldReader r(*o, "life_danger_override.");
    in.override_reason = r.String("reason", 2000);
    f.Absorb(r);
  }
  return in;
}

int LimitParam(const std::string& text) {
  if (text.empty()) return ReferralService::kPageSize;
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  return ec == std::errc() && end == text.data() + text.size() ? n : 0;
}

}  // namespace

void AddRoutes(http::Router& router, ReferralService& referrals) {
  const std::string read(security::perm::kCaseRead);
  const std::string write(security::perm::kCaseWrite);
  router.Add({.method = "GET",
              .path_template = "/api/v1/directory",
              .permission = std::string(http::kSignedIn),
              .handler = [&referrals](Request& req) -> http::Reply {
                DirectoryFilter filter{.service = req.Query("service"),
                                       .region = req.Query("region"),
                                       .language = req.Query("language"),
                                       .accepting_only = req.Query("accepting") == "true",
                                       .person_id = req.Query("person_id")};
                auto listed = TRY(referrals.Directory(ActorOf(req), filter));
                boost::json::object body = Items(listed.value, EntryJson);
                return AuditedJson(std::move(listed), std::move(body));
              },
              .summary = "The network directory: member organizations, their regions, services, "
                         "languages, whether they take referrals, free shelter beds (counts); "
                         "filters service, region, language, accepting; person_id marks her "
                         "exclusions",
              .tag = "referrals"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/directory/{id}",
              .permission = std::string(http::kSignedIn),
              .handler = [&referrals](Request& req) -> http::Reply {
                return Response::Json(200, EntryJson(TRY(referrals.DirectoryEntryOf(
                                               ActorOf(req), req.path_params["id"]))));
              },
              .summary = "One member organization's directory entry",
              .tag = "referrals"});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/directory/profile",
              .permission = std::string(security::perm::kDirectoryEdit),
              .handler = [&referrals](Request& req) -> http::Reply {
                ProfileFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  ProfileFields p;
                  p.regions = f.StringList("regions", 17, 8, true);
                  p.services = f.StringList("services", 20, 60, true);
                  p.languages = f.StringList("languages", 30, 3, true);
                  p.accepting = f.Bool("accepting");
                  p.intake_contact = f.String("intake_contact", 300, false);
                  p.response_days = static_cast<int>(f.Int("response_days", 1, 10));
                  return p;
                }));
                return Response::Json(200, EntryJson(TRY(referrals.SaveProfile(ActorOf(req), in))));
              },
              .summary = "Organization admins: what the network directory shows of their "
                         "organization (never an address)",
              .tag = "referrals",
              .json_body = true});

  router.Add({.method = "GET",
              .path_template = "/api/v1/people/{id}/exclusions",
              .permission = read,
              .handler = [&referrals](Request& req) -> http::Reply {
                auto listed = TRY(referrals.Exclusions(ActorOf(req), req.path_params["id"]));
                boost::json::object body = Items(listed.value, ExclusionJson);
                return AuditedJson(std::move(listed), std::move(body));
              },
              .summary = "Organizations and regions she must never be sent to",
              .tag = "referrals"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/people/{id}/exclusions",
              .permission = write,
              .handler = [&referrals](Request& req) -> http::Reply {
                Exclusion what = TRY(ReadBody(req, [](http::FieldReader& f) {
                  Exclusion x;
                  x.org_id = f.OptString("org_id", 40).value_or("");
                  x.region = f.OptString("region", 8).value_or("");
                  return x;
                }));
                return Response::Json(201, ExclusionJson(TRY(referrals.Exclude(
                                               ActorOf(req), req.path_params["id"], what))));
              },
              .summary = "Record an organization (org_id) or a region she must never be sent to",
              .tag = "referrals",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "DELETE",
              .path_template = "/api/v1/people/{id}/exclusions/{exclusion_id}",
              .permission = write,
              .handler = [&referrals](Request& req) -> http::Reply {
                TRY(referrals.RemoveExclusion(ActorOf(req), req.path_params["id"],
                                              req.path_params["exclusion_id"]));
                return Response::NoContent();
              },
              .summary = "Remove one of her exclusions",
              .tag = "referrals",
              .success_status = 204});

  router.Add({.method = "POST",
              .path_template = "/api/v1/referrals",
              .permission = write,
              .handler = [&referrals](Request& req) -> http::Reply {
                SendFields in = TRY(ReadBody(req, ReadSend));
                return Response::Json(201, ReferralJson(TRY(referrals.Send(ActorOf(req), in))));
              },
              .summary = "Refer her to a member organization (referral or transfer) or outside "
                         "the network, under her referral_sharing consent",
              .tag = "referrals",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/referrals",
              .permission = read,
              .handler = [&referrals](Request& req) -> http::Reply {
                auto page =
                    TRY(referrals.List(ActorOf(req), req.Query("direction"), req.Query("status"),
                                       req.Query("cursor"), LimitParam(req.Query("limit"))));
                boost::json::array items;
                for (const auto& r : page.value.items) items.emplace_back(ReferralJson(r));
                boost::json::object body{{"items", items},
                                         {"next_cursor", OrNull(page.value.next_cursor)}};
                return AuditedJson(std::move(page), std::move(body));
              },
              .summary = "The organization's referrals, newest first: direction incoming | "
                         "outgoing, status",
              .tag = "referrals"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/referrals/statistics",
              .permission = read,
              .handler = [&referrals](Request& req) -> http::Reply {
                auto f = TRY(referrals.Figures(ActorOf(req), req.Query("from"), req.Query("to")));
                boost::json::object body{{"outgoing", FiguresJson(f.value.outgoing)},
                                         {"incoming", FiguresJson(f.value.incoming)}};
                return AuditedJson(std::move(f), std::move(body));
              },
              .summary = "Counts of the organization's referrals sent in [from, to): by status, "
                         "by outcome, median hours to an answer",
              .tag = "referrals"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/referrals/{id}",
              .permission = read,
              .handler = [&referrals](Request& req) -> http::Reply {
                auto referral = TRY(referrals.Get(ActorOf(req), req.path_params["id"]));
                boost::json::object body = ReferralJson(referral.value);
                return AuditedJson(std::move(referral), std::move(body));
              },
              .summary = "One referral as the caller's side sees it (before acceptance the "
                         "receiver's view names nobody)",
              .tag = "referrals"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/referrals/{id}/letter",
              .permission = read,
              .handler = [&referrals](Request& req) -> http::Reply {
                auto pdf = TRY(referrals.Letter(ActorOf(req), req.path_params["id"]));
                auto res = Response::Text(200, "application/pdf", std::move(pdf.value));
                res.SetHeader("Content-Disposition", "inline; filename=\"referral-letter.pdf\"");
                res.await_commit = AwaitAudit(std::move(pdf.audit));
                return res;
              },
              .summary = "The sender's referral letter as a PDF in Korean",
              .tag = "referrals"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/referrals/{id}/accept",
              .permission = write,
              .handler = [&referrals](Request& req) -> http::Reply {
                TRY(ReadOptionalBody(req, [](http::FieldReader&) {}));
                Accepted a = TRY(referrals.Accept(ActorOf(req), req.path_params["id"]));
                return Response::Json(200, {{"id", a.id},
                                            {"status", "accepted"},
                                            {"person_id", a.person_id},
                                            {"case_id", a.case_id}});
              },
              .summary = "The receiver accepts: its own person (the shared fields only) and case",
              .tag = "referrals",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/referrals/{id}/decline",
              .permission = write,
              .handler = [&referrals](Request& req) -> http::Reply {
                Answer in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  Answer a;
                  a.reason = f.String("reason", 40);
                  a.note = f.OptString("note", 2000).value_or("");
                  return a;
                }));
                return Response::Json(
                    200,
                    ReferralJson(TRY(referrals.Decline(ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "The receiver declines, with a reason",
              .tag = "referrals",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/referrals/{id}/withdraw",
              .permission = write,
              .handler = [&referrals](Request& req) -> http::Reply {
                std::string reason = TRY(ReadOptionalBody(req, [](http::FieldReader& f) {
                  return f.OptString("reason", 2000).value_or("");
                }));
                return Response::Json(200, ReferralJson(TRY(referrals.Withdraw(
                                               ActorOf(req), req.path_params["id"], reason))));
              },
              .summary = "The sender withdraws a referral not yet answered",
              .tag = "referrals",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/referrals/{id}/complete",
              .permission = write,
              .handler = [&referrals](Request& req) -> http::Reply {
                Answer in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  Answer a;
                  a.outcome = f.String("outcome", 20);
                  a.reason = f.OptString("reason", 40).value_or("");
                  return a;
                }));
                return Response::Json(
                    200,
                    ReferralJson(TRY(referrals.Complete(ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Either side records the outcome of an accepted referral",
              .tag = "referrals",
              .json_body = true});
}

void RegisterReferralMessages() {
  static constexpr Message kMessages[] = {
      {"referrals.consent_required",
       "당사자의 정보 공유 동의가 없습니다. 받는 기관과 공유할 항목을 모두 포함한 유효한 동의를 "
       "먼저 기록하세요.",
       "She has not consented to this. Record an active referral-sharing consent that names the "
       "receiver and covers every field to be shared."},
      {"referrals.excluded", "당사자가 이 기관이나 지역으로는 보내지 말라고 요청했습니다.",
       "She asked never to be sent to this organization or region."},
      {"referrals.not_accepting", "이 기관은 지금 의뢰를 받지 않습니다.",
       "This organization does not take referrals now."},
      {"referrals.already_open", "이 사례는 이미 같은 기관에 의뢰되어 진행 중입니다.",
       "This case already has a referral to this organization in progress."},
      {"referrals.to_own_org", "자기 기관으로는 의뢰할 수 없습니다.",
       "You cannot refer to your own organization."},
      {"referrals.one_receiver", "네트워크 기관이나 외부 기관 중 한 곳만 지정하세요.",
       "Name either a member organization or an outside party, not both."},
      {"referrals.override_external", "외부 기관 의뢰에는 생명 위험 예외를 쓸 수 없습니다.",
       "The life-danger override is not for referrals outside the network."},
      {"referrals.override_supervisor", "생명 위험 예외는 슈퍼바이저만 쓸 수 있습니다.",
       "Only a supervisor may use the life-danger override."},
      {"referrals.receiver_only", "받는 기관만 할 수 있는 일입니다.",
       "Only the receiving organization can do this."},
      {"referrals.sender_only", "보낸 기관만 할 수 있는 일입니다.",
       "Only the sending organization can do this."},
      {"referrals.not_waiting", "답을 기다리는 의뢰가 아닙니다.",
       "This referral is no longer waiting for an answer."},
      {"referrals.not_accepted", "수락된 의뢰만 종결할 수 있습니다.",
       "Only an accepted referral can be completed."},
      {"referrals.person_gone", "보낸 기관에 당사자 기록이 더 이상 없어 의뢰가 철회되었습니다.",
       "She is no longer on the sender's records, so the referral was withdrawn."},
      {"referrals.reason_needed", "성공하지 못한 이유를 고르세요.",
       "Choose why it was unsuccessful."},
      {"referrals.exclusion_one", "기관이나 지역 중 하나만 지정하세요.",
       "Name either an organization or a region."},
      {"referrals.exclusion_removed", "이미 해제된 제외 요청입니다.",
       "This exclusion was already removed."},
      {"referrals.period_order", "끝 날짜는 시작 날짜보다 뒤여야 합니다.",
       "The end date must be after the start date."},
      {"referrals.letter.title", "의뢰서", "Referral letter"},
      {"referrals.letter.date", "의뢰일", "Date"},
      {"referrals.letter.from", "보내는 기관", "From"},
      {"referrals.letter.to", "받는 기관", "To"},
      {"referrals.letter.person", "당사자", "Person"},
      {"referrals.letter.age_band", "연령대", "Age band"},
      {"referrals.letter.services", "의뢰 서비스", "Services asked for"},
      {"referrals.letter.urgency", "긴급도", "Urgency"},
      {"referrals.letter.region", "보내는 지역", "Sender's region"},
      {"referrals.letter.note", "의뢰 내용", "Note"},
      {"referrals.letter.worker", "담당자", "Case worker"},
      {"referrals.letter.confidential",
       "이 문서에는 당사자의 동의로 공유된 정보만 담겨 있습니다. 의뢰 목적 외에 쓰거나 다른 "
       "곳에 전달하지 마세요.",
       "This letter holds only what she agreed to share. Do not use it for anything but this "
       "referral or pass it on."},
      {"referrals.urgency.routine", "일반", "Routine"},
      {"referrals.urgency.urgent", "긴급", "Urgent"},
      {"referrals.age_band.under_19", "19세 미만", "Under 19"},
      {"referrals.age_band.19_24", "19~24세", "19–24"},
      {"referrals.age_band.25_29", "25~29세", "25–29"},
      {"referrals.age_band.30_39", "30대", "30–39"},
      {"referrals.age_band.40_49", "40대", "40–49"},
      {"referrals.age_band.50_plus", "50세 이상", "50 and over"},
      {"referrals.service.counseling", "상담", "Counseling"},
      {"referrals.service.psychological_therapy", "심리 치료", "Psychological therapy"},
      {"referrals.service.medical", "의료 지원", "Medical support"},
      {"referrals.service.legal_assistance", "법률 지원", "Legal assistance"},
      {"referrals.service.investigation_accompaniment", "수사기관 동행",
       "Accompaniment to investigators"},
      {"referrals.service.court_accompaniment", "법원 동행", "Accompaniment to court"},
      {"referrals.service.vocational_training", "직업 훈련", "Vocational training"},
      {"referrals.service.education", "교육", "Education"},
      {"referrals.service.housing_support", "주거 지원", "Housing support"},
      {"referrals.service.living_expense_support", "생계비 지원", "Living-expense support"},
      {"referrals.service.emergency_rescue", "긴급 구조", "Emergency rescue"},
      {"referrals.service.outreach", "현장 상담", "Outreach"},
      {"referrals.service.peer_support", "동료 지원", "Peer support"},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::referrals

#include "modules/funds/routes.h"

#include <charconv>

#include "core/messages.h"
#include "http/attachment.h"
#include "http/field_reader.h"
#include "modules/case_records/model.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::funds {
namespace {

using http::Request;
using http::Response;
namespace perm = security::perm;

boost::json::value OptInt(const std::optional<int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object RulesJson(const Rules& rules) {
  boost::json::object out;
  for (const auto& [kind, r] : rules) {
    boost::json::object o{
        {"cap", OptInt(r.cap)}, {"committee", r.committee}, {"clawback", r.clawback}};
    if (kind == kLivingCosts) {
      o["monthly"] = r.monthly;
      o["max_months"] = r.max_months;
      o["per_child"] = r.per_child;
    }
    out[kind] = std::move(o);
  }
  return out;
}

boost::json::object SourceJson(const SourceView& v) {
  const auto& s = v.source;
  return {{"id", s.id},
          {"name", s.name},
          {"year", s.year},
          {"budget", s.budget},
          {"version", s.version},
          {"rules", RulesJson(s.rules)},
          {"spent", v.spent},
          {"pending", v.pending},
          {"remaining", v.remaining},
          {"created_at", s.created_at}};
}

boost::json::object ApplicationJson(const Application& v) {
  const auto& a = v.stored;
  boost::json::object out{{"id", a.id},
                          {"person_id", a.person_id},
                          {"source_id", a.source_id},
                          {"kind", a.kind},
                          {"amount", a.amount},
                          {"months", a.months},
                          {"children", a.children},
                          {"status", a.status},
                          {"approved_amount", OptInt(a.approved_amount)},
                          {"committee_on", OrNull(a.committee_on)},
                          {"rule_version", a.rule_version},
                          {"paid", v.paid},
                          {"applied_by", a.applied_by},
                          {"applied_at", a.applied_at},
                          {"decided_by", OrNull(a.decided_by)},
                          {"decided_at", OrNull(a.decided_at)}};
  // Only for those who may read her case; finance never gets the key.
  if (v.reason) out["reason"] = *v.reason;
  // The double-support flag; never her token.
  boost::json::array elsewhere;
  for (const auto& f : v.elsewhere) {
    boost::json::value org = nullptr;
    if (f.organization) {
      org = boost::json::object{{"id", f.organization->first}, {"name", f.organization->second}};
    }
    elsewhere.emplace_back(
        boost::json::object{{"kind", f.kind}, {"year", f.year}, {"organization", org}});
  }
  out["elsewhere"] = std::move(elsewhere);
  return out;
}

// ?year=YYYY; 0 when absent or not a number (the service answers 400).
int64_t YearOf(const Request& req) {
  const std::string text = req.Query("year");
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return 0;
  return v;
}

boost::json::object ReceiptJson(const ReceiptInfo& r) {
  return {{"id", r.id},
          {"file_name", r.file_name},
          {"size", r.size},
          {"content_type", r.content_type},
          {"uploaded_at", r.uploaded_at},
          {"uploaded_by", r.uploaded_by}};
}

boost::json::object EntryJson(const fund_repo::Entry& e) {
  return {{"id", e.id},
          {"person_id", e.person_id},
          {"source_id", e.source_id},
          {"kind", e.kind},
          {"amount", e.amount},
          {"paid_on", e.paid_on},
          {"month", e.month},
          {"children", e.children},
          {"application_id", OrNull(e.application_id)},
          {"reverses", OrNull(e.reverses)},
          {"reversal_reason", OrNull(e.reversal_reason)},
          {"status", e.Status()},
          {"rule_version", e.rule_version},
          {"entered_by", e.entered_by},
          {"entered_at", e.entered_at},
          {"approved_by", OrNull(e.decided_by)},
          {"approved_at", OrNull(e.decided_at)}};
}

boost::json::array EntriesJson(const std::vector<fund_repo::Entry>& entries) {
  boost::json::array out;
  for (const auto& e : entries) out.emplace_back(EntryJson(e));
  return out;
}

SourceFields ReadSource(http::FieldReader& f) {
  SourceFields in;
  in.name = f.String("name", 200);
  in.year = f.Int("year", 2000, 2100);
  in.budget = f.Int("budget", 0, kMaxAmount);
  if (const boost::json::object* rules = f.Object("rules")) {
    http::FieldReader r(*rules, "rules.");
    for (auto kind : Kinds()) {
      const boost::json::object* o = r.Object(kind, false);
      if (o == nullptr) continue;
      http::FieldReader k(*o, "rules." + std::string(kind) + ".");
      KindRule rule;
      rule.cap = k.OptInt("cap", 0, kMaxAmount);
      if (kind == kLivingCosts) {
        rule.monthly = k.Int("monthly", 1, kMaxAmount);
        rule.max_months = k.Int("max_months", 1, 120);
        rule.per_child = k.OptInt("per_child", 0, kMaxAmount).value_or(0);
      }
      rule.committee = k.OptBool("committee").value_or(false);
      rule.clawback = k.OptBool("clawback").value_or(false);
      r.Absorb(k);
      in.rules.emplace(std::string(kind), rule);
    }
    f.Absorb(r);
  }
  return in;
}

}  // namespace

void AddRoutes(http::Router& router, FundService& funds) {
  router.Add({.method = "POST",
              .path_template = "/api/v1/funding-sources",
              .permission = std::string(perm::kFundRules),
              .handler = [&funds](Request& req) -> http::Reply {
                SourceFields in = TRY(ReadBody(req, ReadSource));
                return Response::Json(201, SourceJson(TRY(funds.CreateSource(ActorOf(req), in))));
              },
              .summary = "A funding source: a year's budget and its rules per kind",
              .tag = "funds",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/funding-sources",
              .permission = std::string(perm::kFundSources),
              .handler = [&funds](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& s : TRY(funds.Sources(ActorOf(req)))) {
                  items.emplace_back(SourceJson(s));
                }
                return Response::Json(200, {{"items", items}});
              },
              .summary = "The organization's funding sources with budget, spent and remaining",
              .tag = "funds"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/funding-sources/{id}",
              .permission = std::string(perm::kFundSources),
              .handler = [&funds](Request& req) -> http::Reply {
                SourceDetail d = TRY(funds.GetSource(ActorOf(req), Id(req)));
                boost::json::object out = SourceJson(d.view);
                boost::json::array versions;
                for (const auto& v : d.versions) {
                  versions.push_back({{"version", v.version},
                                      {"name", v.name},
                                      {"year", v.year},
                                      {"budget", v.budget},
                                      {"rules", RulesJson(v.rules)},
                                      {"created_at", v.created_at},
                                      {"created_by", v.created_by}});
                }
                boost::json::array monthly;
                for (const auto& m : d.monthly) {
                  monthly.push_back({{"month", m.month}, {"kind", m.kind}, {"paid", m.paid}});
                }
                out["versions"] = std::move(versions);
                out["monthly"] = std::move(monthly);
                return Response::Json(200, out);
              },
              .summary = "A funding source with its rule history and monthly totals by kind",
              .tag = "funds"});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/funding-sources/{id}",
              .permission = std::string(perm::kFundRules),
              .handler = [&funds](Request& req) -> http::Reply {
                const security::Actor actor = ActorOf(req);
                // Ownership before the body: another organization's source answers 404.
                TRY(funds.GetSource(actor, Id(req)));
                SourceFields in = TRY(ReadBody(req, ReadSource));
                return Response::Json(200, SourceJson(TRY(funds.UpdateSource(actor, Id(req), in))));
              },
              .summary = "Change a source's name, budget or rules: a new version, the old kept",
              .tag = "funds",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/funds/settings",
              .permission = std::string(perm::kFundSources),
              .handler = [&funds](Request& req) -> http::Reply {
                return Response::Json(
                    200, {{"two_person_above", OptInt(TRY(funds.Threshold(ActorOf(req))))}});
              },
              .summary = "The organization's two-person approval threshold",
              .tag = "funds"});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/funds/settings",
              .permission = std::string(perm::kFundRules),
              .handler = [&funds](Request& req) -> http::Reply {
                auto above = TRY(ReadBody(req, [](http::FieldReader& f) {
                  // Required, and null says "never": a payment of any amount needs one user.
                  if (!f.raw().contains("two_person_above")) {
                    f.Reject("two_person_above", "field.required");
                    f.Accept("two_person_above");
                  }
                  return f.OptInt("two_person_above", 0, kMaxAmount);
                }));
                return Response::Json(
                    200,
                    {{"two_person_above", OptInt(TRY(funds.SetThreshold(ActorOf(req), above)))}});
              },
              .summary = "Set the amount above which a payment needs a second user (null: never)",
              .tag = "funds",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/people/{id}/fund-applications",
              .permission = std::string(perm::kFundApply),
              .handler = [&funds](Request& req) -> http::Reply {
                ApplicationFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  ApplicationFields in;
                  in.source_id = f.String("source_id", 40);
                  in.kind = f.Enum("kind", Kinds());
                  in.amount = f.Int("amount", 1, kMaxAmount);
                  in.months = f.OptInt("months", 0, 120).value_or(0);
                  in.children = f.OptInt("children", 0, 20).value_or(0);
                  in.reason = f.String("reason", 4000);
                  return in;
                }));
                return Response::Json(201,
                                      ApplicationJson(TRY(funds.Apply(ActorOf(req), Id(req), in))));
              },
              .summary = "Apply for support for her (the reason sealed under her key)",
              .tag = "funds",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/people/{id}/fund-applications",
              .permission = std::string(perm::kFundRead),
              .handler = [&funds](Request& req) -> http::Reply {
                auto read = TRY(funds.ApplicationsOf(ActorOf(req), Id(req)));
                boost::json::array items;
                for (const auto& a : read.value) items.emplace_back(ApplicationJson(a));
                return AuditedJson(std::move(read), {{"items", items}});
              },
              .summary = "Her applications (reasons only for case roles)",
              .tag = "funds"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/fund-applications",
              .permission = std::string(perm::kFundDecide),
              .handler = [&funds](Request& req) -> http::Reply {
                auto read = TRY(funds.PendingApplications(ActorOf(req)));
                boost::json::array items;
                for (const auto& a : read.value) items.emplace_back(ApplicationJson(a));
                return AuditedJson(std::move(read), {{"items", items}});
              },
              .summary = "Supervisors: the applications waiting for a decision",
              .tag = "funds"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/disbursements/{id}/receipts",
              .permission = std::string(perm::kFundReceiptWrite),
              .handler = [&funds](Request& req) -> http::Reply {
                // The name arrives in the query, the type in Content-Type; the body is the file
                // itself (as a case file is uploaded). Judged once the entry is the caller's.
                auto stored = TRY(funds.AddReceipt(ActorOf(req), Id(req), req.Query("name"),
                                                   http::MediaType(req), req.body));
                return http::Response::Json(201, ReceiptJson(stored));
              },
              .summary = "Attach a receipt to a ledger entry (raw body: a photo or PDF, at most "
                         "10 MiB; encrypted under her key)",
              .tag = "funds",
              .success_status = 201,
              .offload = true,
              .body_limit_bytes = case_records::kMaxFileBytes});
  router.Add({.method = "GET",
              .path_template = "/api/v1/disbursements/{id}/receipts",
              .permission = std::string(perm::kFundReceiptRead),
              .handler = [&funds](Request& req) -> http::Reply {
                auto listed = TRY(funds.Receipts(ActorOf(req), Id(req)));
                boost::json::array items;
                for (const auto& r : listed.value) items.emplace_back(ReceiptJson(r));
                boost::json::object body{{"items", items}};
                return AuditedJson(std::move(listed), std::move(body));
              },
              .summary = "A ledger entry's receipts (withdrawn ones left out)",
              .tag = "funds"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/receipts/{id}/file",
              .permission = std::string(perm::kFundReceiptRead),
              .handler = [&funds](Request& req) -> http::Reply {
                auto file = TRY(funds.DownloadReceipt(ActorOf(req), Id(req)));
                http::Response res =
                    http::Attachment(file.value.info.file_name, std::move(file.value.bytes));
                res.await_commit = AwaitAudit(std::move(file.audit));
                return res;
              },
              .summary = "A receipt's contents, decrypted, as an attachment",
              .tag = "funds",
              .offload = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/receipts/{id}/withdrawal",
              .permission = std::string(perm::kFundReceiptWrite),
              .handler = [&funds](Request& req) -> http::Reply {
                auto reason =
                    ReadBody(req, [](http::FieldReader& f) { return f.String("reason", 1000); });
                if (!reason) {
                  // Ownership before the body: another organization's receipt answers 404
                  // (an empty reason is refused after the ownership check, changing nothing).
                  auto owned = funds.WithdrawReceipt(ActorOf(req), Id(req), "");
                  if (!owned && owned.error().code != ErrorCode::kInvalid) {
                    return Fail(owned.error());
                  }
                  return Fail(reason.error());
                }
                auto r = TRY(funds.WithdrawReceipt(ActorOf(req), Id(req), *reason));
                return http::Response::Json(200, ReceiptJson(r));
              },
              .summary = "Withdraw a wrong receipt: hidden from the list, kept",
              .tag = "funds",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/funds/double-support",
              .permission = std::string(perm::kFundDoubleSupport),
              .handler = [&funds](Request& req) -> http::Reply {
                auto read = TRY(funds.DoubleSupport(ActorOf(req), YearOf(req)));
                boost::json::array items;
                for (const auto& c : read.value) {
                  items.emplace_back(boost::json::object{
                      {"kind", c.kind}, {"count", OptInt(c.count)}, {"suppressed", !c.count}});
                }
                const int64_t year = YearOf(req);
                return AuditedJson(std::move(read), {{"year", year}, {"items", items}});
              },
              .summary = "Secretariat: per kind, women supported by two or more members in a "
                         "year (small counts suppressed)",
              .tag = "funds"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/fund-applications/{id}/decision",
              .permission = std::string(perm::kFundDecide),
              .handler = [&funds](Request& req) -> http::Reply {
                DecisionFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  DecisionFields in;
                  in.approve = f.Bool("approve");
                  in.amount = f.OptInt("amount", 1, kMaxAmount);
                  in.committee_on = f.Date("committee_on", false);
                  return in;
                }));
                return Response::Json(
                    200, ApplicationJson(TRY(funds.Decide(ActorOf(req), Id(req), in))));
              },
              .summary = "Approve or refuse an application (for the committee: its date)",
              .tag = "funds",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/people/{id}/disbursements",
              .permission = std::string(perm::kFundWrite),
              .handler = [&funds](Request& req) -> http::Reply {
                PaymentFields in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  PaymentFields in;
                  in.source_id = f.String("source_id", 40);
                  in.kind = f.Enum("kind", Kinds());
                  in.amount = f.Int("amount", 1, kMaxAmount);
                  in.paid_on = f.Date("paid_on");
                  in.application_id = f.OptString("application_id", 40).value_or("");
                  in.month = f.OptString("month", 7).value_or("");
                  in.children = f.OptInt("children", 0, 20);
                  return in;
                }));
                return Response::Json(201, EntryJson(TRY(funds.Pay(ActorOf(req), Id(req), in))));
              },
              .summary = "Pay her under a source's rule and budget (409 rule_exceeded / "
                         "budget_exceeded, nothing written)",
              .tag = "funds",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/people/{id}/disbursements",
              .permission = std::string(perm::kFundRead),
              .handler = [&funds](Request& req) -> http::Reply {
                auto read = TRY(funds.LedgerOf(ActorOf(req), Id(req)));
                boost::json::array balances;
                for (const auto& b : read.value.balances) {
                  balances.push_back({{"source_id", b.source_id},
                                      {"kind", b.kind},
                                      {"paid", b.balance.paid},
                                      {"reversed", b.balance.reversed},
                                      {"pending", b.balance.pending},
                                      {"net", b.balance.paid - b.balance.reversed},
                                      {"cap", OptInt(b.cap)},
                                      {"remaining", OptInt(b.balance.remaining)},
                                      {"months_used", b.balance.months_used},
                                      {"max_months", b.max_months}});
                }
                boost::json::array entries = EntriesJson(read.value.entries);
                for (auto& v : entries) {
                  auto& o = v.as_object();
                  auto n = read.value.receipts.find(std::string(o.at("id").as_string()));
                  o["receipts"] = n == read.value.receipts.end() ? 0 : n->second;
                }
                boost::json::object body{{"entries", std::move(entries)},
                                         {"balances", std::move(balances)}};
                return AuditedJson(std::move(read), std::move(body));
              },
              .summary = "Her ledger: entries and balances by source and kind",
              .tag = "funds"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/disbursements/{id}/reversal",
              .permission = std::string(perm::kFundWrite),
              .handler = [&funds](Request& req) -> http::Reply {
                auto [reason, amount] = TRY(ReadBody(req, [](http::FieldReader& f) {
                  std::string reason = f.Enum("reason", ReversalReasons());
                  auto amount = f.OptInt("amount", 1, kMaxAmount);
                  return std::make_pair(reason, amount);
                }));
                return Response::Json(
                    201, EntryJson(TRY(funds.Reverse(ActorOf(req), Id(req), reason, amount))));
              },
              .summary = "Correct a payment with a reversing entry (all of it, or an amount)",
              .tag = "funds",
              .json_body = true,
              .success_status = 201});
  router.Add(
      {.method = "POST",
       .path_template = "/api/v1/disbursements/{id}/approval",
       .permission = std::string(perm::kFundApprove),
       .handler = [&funds](Request& req) -> http::Reply {
         bool approve = TRY(ReadBody(req, [](http::FieldReader& f) { return f.Bool("approve"); }));
         return Response::Json(200, EntryJson(TRY(funds.Approve(ActorOf(req), Id(req), approve))));
       },
       .summary = "The second user approves or rejects a payment above the threshold",
       .tag = "funds",
       .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/disbursements/pending",
              .permission = std::string(perm::kFundApprove),
              .handler = [&funds](Request& req) -> http::Reply {
                return Response::Json(
                    200, {{"items", EntriesJson(TRY(funds.PendingPayments(ActorOf(req))))}});
              },
              .summary = "Payments waiting for a second approval",
              .tag = "funds"});
}

void RegisterFundMessages() {
  static constexpr Message kMessages[] = {
      {"funds.receipt_type",
       "영수증은 사진(JPEG, PNG, WebP, HEIC) 또는 PDF 파일이어야 하며, 파일 내용이 "
       "Content-Type과 맞아야 합니다.",
       "A receipt must be a photo (JPEG, PNG, WebP, HEIC) or a PDF, and its contents must match "
       "the Content-Type."},
      {"funds.receipt_withdrawn", "이미 철회된 영수증입니다.",
       "This receipt is already withdrawn."},
      {"funds.limit.cap", "1인 지원 한도(총액)를 넘습니다. 아무것도 기록하지 않았습니다.",
       "This goes past the cap per person. Nothing was recorded."},
      {"funds.limit.monthly", "월 지원금(자녀 가산 포함)을 넘습니다. 아무것도 기록하지 않았습니다.",
       "This goes past the monthly amount (with the per-child amount). Nothing was recorded."},
      {"funds.limit.months",
       "생계비를 받을 수 있는 최대 개월 수를 넘습니다. 아무것도 기록하지 "
       "않았습니다.",
       "This goes past the most months of living costs. Nothing was recorded."},
      {"funds.limit.approved", "결정된 지원 금액을 넘습니다. 아무것도 기록하지 않았습니다.",
       "This goes past the amount the decision approved. Nothing was recorded."},
      {"funds.limit.budget", "재원의 올해 남은 예산을 넘습니다. 아무것도 기록하지 않았습니다.",
       "This goes past what remains of the source's yearly budget. Nothing was recorded."},
      {"funds.rules_required", "지원 종류별 기준을 하나 이상 정하세요.",
       "Give the rule of at least one kind of support."},
      {"funds.living_costs_rule", "생계비는 월 지원금과 최대 개월 수를 정해야 합니다.",
       "Living costs need a monthly amount and the most months."},
      {"funds.monthly_only_living_costs", "월 지원금, 개월 수, 자녀 가산은 생계비에만 정합니다.",
       "A monthly amount, months and a per-child amount apply to living costs only."},
      {"funds.cap_required", "1인 지원 한도(cap)를 정하세요.", "Give the cap per person."},
      {"funds.unknown_source", "이 기관의 재원을 찾을 수 없습니다.",
       "There is no such funding source in this organization."},
      {"funds.kind_not_covered", "이 재원은 이 종류의 지원을 하지 않습니다.",
       "This source does not pay this kind of support."},
      {"funds.outside_year", "지급일이 재원의 연도 밖입니다.",
       "The payment date is outside the source's year."},
      {"funds.bad_month", "달은 YYYY-MM 형식으로 적으세요.", "Give the month as YYYY-MM."},
      {"funds.unknown_application", "이분의 이 재원·종류 신청을 찾을 수 없습니다.",
       "There is no such application of hers for this source and kind."},
      {"funds.application_not_approved", "승인된 신청이 아닙니다.",
       "This application has not been approved."},
      {"funds.decision_needed",
       "이 지원은 위원회 결정이 필요합니다. 승인된 신청(application_id)으로 지급하세요.",
       "This support needs a committee's decision: pay it against an approved application."},
      {"funds.application_decided", "이미 결정한 신청입니다.",
       "This application has already been decided."},
      {"funds.committee_date_required", "위원회가 결정하는 지원입니다. 위원회 날짜를 적으세요.",
       "A committee decides this support: give the committee's date."},
      {"funds.more_than_asked", "승인 금액은 1원 이상, 신청 금액 이하여야 합니다.",
       "The approved amount must be from 1 up to the amount asked."},
      {"funds.budget_below_spent", "이미 지급(또는 승인 대기)한 금액보다 예산을 줄일 수 없습니다.",
       "The budget cannot be less than what has been paid or is waiting for approval."},
      {"funds.year_in_use", "지급 기록이 있는 재원의 연도는 바꿀 수 없습니다.",
       "The year of a source with payments cannot change."},
      {"funds.not_reversible", "취소 기록은 다시 취소할 수 없습니다.",
       "A reversal cannot itself be reversed."},
      {"funds.not_paid", "지급이 끝난 기록만 취소할 수 있습니다. 승인 대기 중이면 반려하세요.",
       "Only a paid entry can be reversed; reject a waiting one instead."},
      {"funds.no_clawback", "이 재원의 기준에는 부정수급 환수가 없습니다.",
       "This source's rule has no clawback."},
      {"funds.already_reversed", "이미 모두 취소된 지급입니다.",
       "This payment has already been reversed in full."},
      {"funds.reversal_too_large", "취소 금액이 남은 지급액보다 큽니다.",
       "The reversal is larger than what remains of the payment."},
      {"funds.not_pending", "승인을 기다리는 지급이 아닙니다.",
       "This payment is not waiting for approval."},
      {"funds.second_person_needed", "지급을 입력한 사람이 아닌 다른 사람이 승인해야 합니다.",
       "Someone other than the person who entered the payment must approve it."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::funds

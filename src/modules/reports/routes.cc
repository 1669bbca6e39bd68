#include "modules/reports/routes.h"

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::reports {
namespace {

using http::Request;
using http::Response;
namespace json = boost::json;
namespace perm = security::perm;

json::object ReportJson(const Report& r) {
  json::object notes;
  for (const auto& [k, v] : r.annotations) notes[k] = v;
  json::object out{{"id", r.id},
                   {"org_id", r.org_id},
                   {"period", r.period},
                   {"template", r.template_key},
                   {"status", r.status},
                   {"sections", SectionsJson(r.sections)},
                   {"annotations", std::move(notes)},
                   {"corrects", OrNull(r.corrects)},
                   {"created_at", r.created_at},
                   {"reviewed_at", OrNull(r.reviewed_at)},
                   {"filed_at", OrNull(r.filed_at)},
                   {"filed_by", OrNull(r.filed_by)}};
  if (r.changes) {
    json::array changes;
    for (const auto& c : *r.changes) {
      changes.push_back(json::object{{"key", c.key}, {"filed", c.filed}, {"now", c.now}});
    }
    out["changed_since_filed"] = !r.changes->empty();
    out["changes"] = std::move(changes);
  }
  return out;
}

// A summary for lists: no sections.
json::object SummaryJson(const Report& r) {
  json::object out = ReportJson(r);
  out.erase("sections");
  out.erase("annotations");
  return out;
}

Result<std::string> PeriodOfBody(const Request& req) {
  return ReadBody(req, [](http::FieldReader& f) { return f.String("period", 7); });
}

Result<std::map<std::string, std::string>> AnnotationsOfBody(const Request& req) {
  return ReadBody(req, [](http::FieldReader& f) {
    std::map<std::string, std::string> out;
    std::vector<std::string> names;
    for (const auto& kv : f.raw()) names.emplace_back(kv.key());
    for (const auto& name : names) out[name] = f.String(name, 2000, false);
    return out;
  });
}

}  // namespace

void AddRoutes(http::Router& router, ReportService& reports) {
  router.Add({.method = "POST",
              .path_template = "/api/v1/reports",
              .permission = std::string(perm::kReportsPrepare),
              .handler = [&reports](Request& req) -> http::Reply {
                const std::string period = TRY(PeriodOfBody(req));
                return Response::Json(201, ReportJson(TRY(reports.Create(ActorOf(req), period))));
              },
              .summary = "Prepare a report for a period (a draft filled from the data)",
              .tag = "reports",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/reports",
              .permission = std::string(perm::kReportsRead),
              .handler = [&reports](Request& req) -> http::Reply {
                auto read = TRY(reports.List(ActorOf(req), req.Query("period")));
                json::array items;
                for (const auto& r : read.value) items.push_back(SummaryJson(r));
                return AuditedJson(std::move(read), {{"items", std::move(items)}});
              },
              .summary = "The organization's reports (?period=); a network role: filed ones",
              .tag = "reports"});
  router.Add(
      {.method = "GET",
       .path_template = "/api/v1/reports/filings",
       .permission = std::string(perm::kReportsFilings),
       .handler = [&reports](Request& req) -> http::Reply {
         const std::string period = req.Query("period");
         auto read = TRY(reports.Filings(ActorOf(req), period));
         json::array items;
         for (const auto& f : read.value) {
           items.push_back(json::object{{"organization", json::object{{"id", f.org_id},
                                                                      {"slug", f.org_slug},
                                                                      {"name", f.org_name},
                                                                      {"kind", f.org_kind},
                                                                      {"region", f.region}}},
                                        {"template", OrNull(f.template_key)},
                                        {"status", f.status},
                                        {"filed_at", OrNull(f.filed_at)},
                                        {"report_id", OrNull(f.report_id)}});
         }
         return AuditedJson(std::move(read), {{"period", period}, {"items", std::move(items)}});
       },
       .summary = "Every member's filing status for a period (?period=2026|2026-Q3)",
       .tag = "reports"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/reports/{id}",
              .permission = std::string(perm::kReportsRead),
              .handler = [&reports](Request& req) -> http::Reply {
                auto read = TRY(reports.Get(ActorOf(req), Id(req)));
                return AuditedJson(std::move(read), ReportJson(read.value));
              },
              .summary = "A report; a filed one says whether its figures changed since",
              .tag = "reports"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/reports/{id}/refresh",
              .permission = std::string(perm::kReportsPrepare),
              .handler = [&reports](Request& req) -> http::Reply {
                return Response::Json(200, ReportJson(TRY(reports.Refresh(ActorOf(req), Id(req)))));
              },
              .summary = "Recompute a draft's figures from the data",
              .tag = "reports"});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/reports/{id}/annotations",
              .permission = std::string(perm::kReportsPrepare),
              .handler = [&reports](Request& req) -> http::Reply {
                auto notes = TRY(AnnotationsOfBody(req));
                return Response::Json(
                    200, ReportJson(TRY(reports.Annotate(ActorOf(req), Id(req), notes))));
              },
              .summary = "Annotate a draft's rows ({row_key: text}, \"\" removes)",
              .tag = "reports",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/reports/{id}/review",
              .permission = std::string(perm::kReportsReview),
              .handler = [&reports](Request& req) -> http::Reply {
                return Response::Json(200, ReportJson(TRY(reports.Review(ActorOf(req), Id(req)))));
              },
              .summary = "Mark a draft reviewed",
              .tag = "reports"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/reports/{id}/file",
              .permission = std::string(perm::kReportsPrepare),
              .handler = [&reports](Request& req) -> http::Reply {
                return Response::Json(200, ReportJson(TRY(reports.File(ActorOf(req), Id(req)))));
              },
              .summary = "File a reviewed report: a signed snapshot that never changes "
                         "(re-authentication within 5 minutes)",
              .tag = "reports"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/reports/{id}/correction",
              .permission = std::string(perm::kReportsPrepare),
              .handler = [&reports](Request& req) -> http::Reply {
                return Response::Json(201,
                                      ReportJson(TRY(reports.Correction(ActorOf(req), Id(req)))));
              },
              .summary = "A new draft correcting a filed report",
              .tag = "reports"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/reports/{id}/signed",
              .permission = std::string(perm::kReportsRead),
              .handler = [&reports](Request& req) -> http::Reply {
                auto read = TRY(reports.Signed(ActorOf(req), Id(req)));
                Response res = Response::Text(200, "application/json", read.value.json);
                res.headers.emplace_back("Content-Disposition",
                                         "attachment; filename=\"" + read.value.filename + "\"");
                res.await_commit = AwaitAudit(std::move(read.audit));
                return res;
              },
              .summary = "The filed report's signed file, to keep and verify offline "
                         "(dandelion report verify)",
              .tag = "reports"});
}

void RegisterReportMessages() {
  static constexpr Message kMessages[] = {
      {"report.period_invalid", "기간은 2026 (연도) 또는 2026-Q3 (분기) 형식이어야 합니다.",
       "The period must be a year (2026) or a quarter (2026-Q3)."},
      {"report.no_template", "이 기관 유형에는 정기 보고서 양식이 없습니다.",
       "This kind of organization has no periodic report form."},
      {"report.open_draft", "이 기간의 작성 중인 보고서가 이미 있습니다.",
       "A draft report for this period already exists."},
      {"report.already_filed", "이 기간의 보고서는 이미 제출되었습니다. 정정 보고서를 작성하세요.",
       "The report for this period has been filed. Prepare a correction instead."},
      {"report.filed", "제출된 보고서는 바꿀 수 없습니다.", "A filed report cannot change."},
      {"report.not_reviewed", "검토를 마친 보고서만 제출할 수 있습니다.",
       "Only a reviewed report can be filed."},
      {"report.not_filed", "아직 제출되지 않은 보고서입니다.", "The report has not been filed."},
      {"report.superseded", "이미 정정된 보고서입니다. 최신 보고서를 정정하세요.",
       "This report has been superseded. Correct the latest one."},
      {"report.unknown_row", "보고서에 없는 항목입니다.", "The report has no such row."},
      {"report.file_malformed", "서명된 보고서 파일 형식이 아닙니다.",
       "This is not a signed report file."},
      {"report.signature_invalid",
       "서명이 맞지 않습니다. 보고서가 바뀌었거나 다른 키로 서명되었습니다.",
       "The signature does not verify: the report was altered or signed by another key."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::reports

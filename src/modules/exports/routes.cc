#include "modules/exports/routes.h"

#include <cctype>

#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::exports {
namespace {

using http::Request;
using http::Response;
namespace perm = security::perm;

// RFC 5987: the UTF-8 file name percent-encoded for filename*.
std::string PercentEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// An ASCII name for clients that do not read filename*.
std::string AsciiName(const ExportJob& job) {
  return (job.kind == "stats.network" ? std::string("network-stats") : std::string("stats")) +
         (job.query.from.empty() ? "" : "_" + job.query.from) +
         (job.query.to.empty() ? "" : "_" + job.query.to) + "." + job.format;
}

ExportRequest ReadRequest(http::FieldReader& f) {
  ExportRequest r;
  r.kind = f.Enum("kind", {"stats.own", "stats.network"});
  r.format = f.Enum("format", {"xlsx", "pdf", "csv"});
  r.query.from = f.OptString("from", 10).value_or("");
  r.query.to = f.OptString("to", 10).value_or("");
  r.query.by = f.String("by", 100);
  r.query.measure = f.OptString("measure", 20).value_or("");
  return r;
}

}  // namespace

void AddRoutes(http::Router& router, ExportService& exports) {
  router.Add({.method = "POST",
              .path_template = "/api/v1/exports",
              .permission = std::string(perm::kExports),
              .handler = [&exports](Request& req) -> http::Reply {
                const security::Actor actor = ActorOf(req);
                TRY(exports.MayCreate(actor));  // 403 reauth_required before the body is read
                ExportRequest in = TRY(ReadBody(req, ReadRequest));
                const std::string id = TRY(exports.Create(actor, in));
                return Response::Json(202, {{"id", id}});
              },
              .summary = "Start an export of statistics as XLSX, PDF or CSV (needs a "
                         "re-authentication within 5 minutes); 202 {id}",
              .tag = "exports",
              .json_body = true,
              .success_status = 202});
  router.Add({.method = "GET",
              .path_template = "/api/v1/exports",
              .permission = std::string(perm::kExports),
              .handler = [&exports](Request& req) -> http::Reply {
                boost::json::array items;
                for (const auto& job : TRY(exports.List(ActorOf(req)))) {
                  items.push_back(JobJson(job));
                }
                return Response::Json(200, {{"items", std::move(items)}});
              },
              .summary = "The caller's own export jobs of the last 24 hours",
              .tag = "exports"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/exports/{id}",
              .permission = std::string(perm::kExports),
              .handler = [&exports](Request& req) -> http::Reply {
                return Response::Json(200, JobJson(TRY(exports.Get(ActorOf(req), Id(req)))));
              },
              .summary = "An export job's state and progress (only its creator)",
              .tag = "exports"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/exports/{id}/events",
              .permission = std::string(perm::kExports),
              .handler = [&exports](Request& req) -> http::Reply {
                Response r;
                r.content_type = "text/event-stream";
                r.stream = TRY(exports.Follow(ActorOf(req), Id(req)));
                return r;
              },
              .summary = "Server-sent events: the job's progress until it is done or failed",
              .tag = "exports",
              .streaming = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/exports/{id}/file",
              .permission = std::string(perm::kExports),
              .handler = [&exports](Request& req) -> http::Reply {
                const security::Actor actor = ActorOf(req);
                const ExportJob job = TRY(exports.Get(actor, Id(req)));
                ExportFile file = TRY(exports.Download(actor, Id(req)));
                Response res = Response::Text(200, file.content_type, std::move(file.bytes));
                res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" +
                                                                    AsciiName(job) +
                                                                    "\"; filename*=UTF-8''" +
                                                                    PercentEncode(file.file_name));
                res.SetHeader("Cache-Control", "no-store");
                return res;
              },
              .summary = "The finished export's file (409 while it is not done)",
              .tag = "exports",
              .offload = true});
}

}  // namespace dandelion::exports

// The routes of a case's files: a raw body upload (the bytes, not JSON: no base64 inflation of
// a 10 MiB scan) and a download served as an attachment, never rendered by the browser.
#include "http/attachment.h"
#include "modules/case_records/json.h"
#include "modules/case_records/routes.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::case_records {

void AddFileRoutes(http::Router& router, Attachments& files) {
  router.Add({.method = "POST",
              .path_template = "/api/v1/cases/{id}/files",
              .permission = std::string(security::perm::kCaseWrite),
              .handler = [&files](http::Request& req) -> http::Reply {
                // kind and name arrive in the query; the body is the file itself. Their
                // values are judged once the case is known to be the caller's.
                FileInfo stored = TRY(files.Upload(ActorOf(req), req.path_params["id"],
                                                   req.Query("kind"), req.Query("name"), req.body));
                return http::Response::Json(201, FileJson(stored));
              },
              .summary = "Upload a file (raw body, at most 10 MiB; encrypted under her key)",
              .tag = "case_records",
              .success_status = 201,
              .offload = true,  // encrypting megabytes would stall the connection thread
              .body_limit_bytes = kMaxFileBytes});
  router.Add({.method = "GET",
              .path_template = "/api/v1/cases/{id}/files",
              .permission = std::string(security::perm::kCaseRead),
              .handler = [&files](http::Request& req) -> http::Reply {
                auto read = TRY(files.List(ActorOf(req), req.path_params["id"]));
                return AuditedJson(std::move(read), ListJson(read.value, FileJson));
              },
              .summary = "The case's files (names and sizes)",
              .tag = "case_records"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/files/{id}",
              .permission = std::string(security::perm::kCaseRead),
              .handler = [&files](http::Request& req) -> http::Reply {
                auto file = TRY(files.Download(ActorOf(req), req.path_params["id"]));
                http::Response res =
                    http::Attachment(file.value.info.name, std::move(file.value.bytes));
                res.await_commit = AwaitAudit(std::move(file.audit));
                return res;
              },
              .summary = "A file's contents, decrypted, as an attachment",
              .tag = "case_records",
              .offload = true});
}

}  // namespace dandelion::case_records

// The policy monitor's routes for its work records: monitoring tasks, hearings and council
// sessions, submissions, statements (and the public list of published statements).

#include "modules/handler_support.h"
#include "modules/policy/routes.h"
#include "modules/policy/wire.h"

namespace dandelion::policy {

using http::Request;
using http::Response;
using namespace wire;  // the shapes and readers these routes answer with

namespace {

template <class Fields, class Record, class Read, class Create, class Update, class ToJson>
void AddWork(http::Router& router, PolicyService& policy, const std::string& path,
             std::string_view what, Read read, Create create, Update update, ToJson to_json,
             const std::string& summary) {
  router.Add({.method = "POST",
              .path_template = path,
              .permission = kEdit,
              .handler = [&policy, read, create, to_json](Request& req) -> http::Reply {
                Fields in = TRY(ReadBody(req, [&](http::FieldReader& f) { return read(f, true); }));
                Record r = TRY((policy.*create)(ActorOf(req), in));
                return Response::Json(201, to_json(r));
              },
              .summary = "Add: " + summary,
              .tag = "policy",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "PATCH",
              .path_template = path + "/{id}",
              .permission = kEdit,
              .handler = [&policy, read, update, to_json, what](Request& req) -> http::Reply {
                const auto actor = ActorOf(req);
                TRY(policy.WorkExists(actor, what, Id(req)));
                Fields in =
                    TRY(ReadBody(req, [&](http::FieldReader& f) { return read(f, false); }));
                Record r = TRY((policy.*update)(actor, Id(req), in));
                return Response::Json(200, to_json(r));
              },
              .summary = "Change: " + summary,
              .tag = "policy",
              .json_body = true});
}

}  // namespace

void AddWorkRoutes(http::Router& router, PolicyService& policy) {
  AddWork<TaskFields, work_repo::Task>(router, policy, "/api/v1/policy/tasks", "task", ReadTask,
                                       &PolicyService::CreateTask, &PolicyService::UpdateTask,
                                       TaskJson, "a monitoring task");
  AddWork<EventFields, work_repo::Event>(
      router, policy, "/api/v1/policy/events", "event", ReadEvent, &PolicyService::CreateEvent,
      &PolicyService::UpdateEvent, EventJson, "a hearing or council session on the calendar");
  AddWork<SubmissionFields, work_repo::Submission>(
      router, policy, "/api/v1/policy/submissions", "submission", ReadSubmission,
      &PolicyService::CreateSubmission, &PolicyService::UpdateSubmission, SubmissionJson,
      "a recommendation or submission, and the response received");
  AddWork<StatementFields, work_repo::Statement>(
      router, policy, "/api/v1/policy/statements", "statement", ReadStatement,
      &PolicyService::CreateStatement, &PolicyService::UpdateStatement, StatementJson,
      "a public statement (published or not)");
  router.Add({.method = "GET",
              .path_template = "/api/v1/policy/tasks",
              .permission = kRead,
              .handler = [&policy](Request& req) -> http::Reply {
                std::optional<bool> done;
                if (req.Query("done") == "true") done = true;
                if (req.Query("done") == "false") done = false;
                const bool mine = req.Query("assignee") == "me";
                return Response::Json(200,
                                      Items(TRY(policy.Tasks(ActorOf(req), done, mine)), TaskJson));
              },
              .summary = "Monitoring tasks (?done=true|false, assignee=me)",
              .tag = "policy"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/policy/events",
              .permission = kRead,
              .handler = [&policy](Request& req) -> http::Reply {
                return Response::Json(
                    200, Items(TRY(policy.Events(ActorOf(req), req.Query("from"), req.Query("to"))),
                               EventJson));
              },
              .summary = "Hearings and council sessions (?from=&to=)",
              .tag = "policy"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/policy/submissions",
              .permission = kRead,
              .handler = [&policy](Request& req) -> http::Reply {
                return Response::Json(
                    200, Items(TRY(policy.Submissions(ActorOf(req), req.Query("item_id"))),
                               SubmissionJson));
              },
              .summary = "Recommendations and submissions (?item_id=)",
              .tag = "policy"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/policy/statements",
              .permission = kRead,
              .handler = [&policy](Request& req) -> http::Reply {
                return Response::Json(
                    200, Items(TRY(policy.Statements(ActorOf(req), false)), StatementJson));
              },
              .summary = "Public statements, published or not",
              .tag = "policy"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/public/policy/statements",
              .permission = kAnyone,
              .handler = [&policy](Request& req) -> http::Reply {
                return Response::Json(
                    200, Items(TRY(policy.Statements(ActorOf(req), true)), StatementJson));
              },
              .summary = "Published statements, newest first",
              .tag = "policy"});
}

}  // namespace dandelion::policy

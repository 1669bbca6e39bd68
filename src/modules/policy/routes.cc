// The policy monitor's routes for items, documents, scores, the map and the import; the work
// records' routes are in work_routes.cc, the shapes in wire.cc.

#include "modules/policy/routes.h"

#include "http/attachment.h"
#include "modules/handler_support.h"
#include "modules/policy/wire.h"

namespace dandelion::policy {

using http::Request;
using http::Response;
using namespace wire;  // the shapes and readers these routes answer with

namespace {

Response DocumentAttachment(DocumentFile file) {
  return http::Attachment(file.document.file_name, std::move(file.content));
}

void AddItemRoutes(http::Router& router, PolicyService& policy) {
  router.Add(
      {.method = "GET",
       .path_template = "/api/v1/policy/jurisdictions",
       .permission = kRead,
       .handler = [](Request&) -> http::Reply { return Response::Json(200, JurisdictionsJson()); },
       .summary = "The nation, the 17 regions and their municipalities (compiled in)",
       .tag = "policy"});
  router.Add(
      {.method = "GET",
       .path_template = "/api/v1/public/policy/jurisdictions",
       .permission = kAnyone,
       .handler = [](Request&) -> http::Reply { return Response::Json(200, JurisdictionsJson()); },
       .summary = "The jurisdictions, for the public map",
       .tag = "policy"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/policy/items",
              .permission = kEdit,
              .handler = [&policy](Request& req) -> http::Reply {
                ItemFields in =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadItem(f, true); }));
                return Response::Json(201, DetailJson(TRY(policy.CreateItem(ActorOf(req), in))));
              },
              .summary = "A policy item (law, decree, ordinance, bill, budget, guideline, ruling) "
                         "with its first status",
              .tag = "policy",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/policy/items",
              .permission = kRead,
              .handler = [&policy](Request& req) -> http::Reply {
                auto filter = TRY(ReadFilter(req));
                auto list = TRY(policy.ListItems(ActorOf(req), filter));
                const bool more = static_cast<int64_t>(list.size()) == filter.limit;
                json::object out = Items(list, ItemJson);
                out["next_cursor"] = more
                                         ? json::value(std::to_string(filter.offset + filter.limit))
                                         : json::value(nullptr);
                return Response::Json(200, out);
              },
              .summary = "Policy items (?kind, region, jurisdiction, status, published, q, limit, "
                         "cursor)",
              .tag = "policy"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/policy/items/{id}",
              .permission = kRead,
              .handler = [&policy](Request& req) -> http::Reply {
                return Response::Json(200, DetailJson(TRY(policy.GetItem(ActorOf(req), Id(req)))));
              },
              .summary = "An item with its status history, documents and scores",
              .tag = "policy"});
  router.Add({.method = "PATCH",
              .path_template = "/api/v1/policy/items/{id}",
              .permission = kEdit,
              .handler = [&policy](Request& req) -> http::Reply {
                const auto actor = ActorOf(req);
                TRY(policy.ItemExists(actor, Id(req)));
                ItemFields in =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadItem(f, false); }));
                return Response::Json(200, DetailJson(TRY(policy.UpdateItem(actor, Id(req), in))));
              },
              .summary = "Change an item's title, topic, stance, summary, jurisdiction, external "
                         "id or published flag",
              .tag = "policy",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/policy/items/{id}/status",
              .permission = kEdit,
              .handler = [&policy](Request& req) -> http::Reply {
                const auto actor = ActorOf(req);
                TRY(policy.ItemExists(actor, Id(req)));
                struct In {
                  std::string status, on, note;
                };
                In in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  In in;
                  in.status = f.Enum("status", Statuses());
                  in.on = f.Date("on");
                  in.note = f.OptString("note", 1000).value_or("");
                  return in;
                }));
                return Response::Json(
                    201,
                    DetailJson(TRY(policy.AddStatus(actor, Id(req), in.status, in.on, in.note))));
              },
              .summary = "Append a status to an item's history (append-only)",
              .tag = "policy",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "POST",
              .path_template = "/api/v1/policy/items/{id}/documents",
              .permission = kEdit,
              .handler = [&policy](Request& req) -> http::Reply {
                const auto actor = ActorOf(req);
                TRY(policy.ItemExists(actor, Id(req)));
                const std::string type = http::MediaType(req);
                if (type == "application/json") {
                  auto [title, url] = TRY(ReadBody(req, [](http::FieldReader& f) {
                    std::string title = f.String("title", 300);
                    std::string url = f.String("url", 2000);
                    return std::make_pair(title, url);
                  }));
                  return Response::Json(
                      201, DocumentJson(TRY(policy.AddLink(actor, Id(req), title, url))));
                }
                return Response::Json(201, DocumentJson(TRY(policy.AddFile(
                                               actor, Id(req), req.Query("title"),
                                               req.Query("name"), type, std::move(req.body)))));
              },
              .summary = "Attach a link (JSON {title, url}) or a public document file (raw body, "
                         "?title=&name=, at most 10 MiB)",
              .tag = "policy",
              .success_status = 201,
              .offload = true,
              .body_limit_bytes = kMaxFile});
  router.Add({.method = "DELETE",
              .path_template = "/api/v1/policy/documents/{id}",
              .permission = kEdit,
              .handler = [&policy](Request& req) -> http::Reply {
                TRY(policy.RemoveDocument(ActorOf(req), Id(req)));
                return Response::NoContent();
              },
              .summary = "Remove a document from its item",
              .tag = "policy",
              .success_status = 204});
  router.Add({.method = "GET",
              .path_template = "/api/v1/policy/documents/{id}/file",
              .permission = kRead,
              .handler = [&policy](Request& req) -> http::Reply {
                return DocumentAttachment(TRY(policy.File(ActorOf(req), Id(req), false)));
              },
              .summary = "A document's file, as an attachment",
              .tag = "policy",
              .offload = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/public/policy/documents/{id}/file",
              .permission = kAnyone,
              .handler = [&policy](Request& req) -> http::Reply {
                return DocumentAttachment(TRY(policy.File(ActorOf(req), Id(req), true)));
              },
              .summary = "A published item's document file",
              .tag = "policy",
              .offload = true});
}

void AddScoreRoutes(http::Router& router, PolicyService& policy) {
  router.Add({.method = "GET",
              .path_template = "/api/v1/policy/criteria",
              .permission = kRead,
              .handler = [&policy](Request& req) -> http::Reply {
                const bool retired = req.Query("retired") == "true";
                return Response::Json(
                    200, Items(TRY(policy.Criteria(ActorOf(req), retired)), CriterionJson));
              },
              .summary = "The ordinance scorecard's criteria (?retired=true for all)",
              .tag = "policy"});
  router.Add({.method = "POST",
              .path_template = "/api/v1/policy/criteria",
              .permission = kEdit,
              .handler = [&policy](Request& req) -> http::Reply {
                Criterion in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  Criterion c;
                  c.key = f.String("key", 40);
                  c.label_ko = f.String("label_ko", 200);
                  c.label_en = f.String("label_en", 200);
                  c.kind = f.Enum("kind", CriterionKinds());
                  c.position = f.OptInt("position", 1, 100000).value_or(0);
                  return c;
                }));
                return Response::Json(201,
                                      CriterionJson(TRY(policy.CreateCriterion(ActorOf(req), in))));
              },
              .summary = "Add a criterion to the scorecard",
              .tag = "policy",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "PATCH",
              .path_template = "/api/v1/policy/criteria/{key}",
              .permission = kEdit,
              .handler = [&policy](Request& req) -> http::Reply {
                struct In {
                  std::optional<std::string> label_ko, label_en;
                  std::optional<int64_t> position;
                  std::optional<bool> retired;
                };
                In in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  In in;
                  in.label_ko = f.OptString("label_ko", 200);
                  in.label_en = f.OptString("label_en", 200);
                  in.position = f.OptInt("position", 1, 100000);
                  in.retired = f.OptBool("retired");
                  return in;
                }));
                return Response::Json(200, CriterionJson(TRY(policy.UpdateCriterion(
                                               ActorOf(req), req.path_params["key"], in.label_ko,
                                               in.label_en, in.position, in.retired))));
              },
              .summary = "Relabel, reorder or retire a criterion (never deleted)",
              .tag = "policy",
              .json_body = true});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/policy/items/{id}/scores",
              .permission = kEdit,
              .handler = [&policy](Request& req) -> http::Reply {
                const auto actor = ActorOf(req);
                TRY(policy.ItemExists(actor, Id(req)));
                auto in = TRY(ReadBody(req, [](http::FieldReader& f) {
                  std::vector<ScoreInput> out;
                  f.Accept("scores");
                  auto it = f.raw().find("scores");
                  if (it == f.raw().end() || !it->value().is_array()) {
                    f.Reject("scores", it == f.raw().end() || it->value().is_null()
                                           ? "field.required"
                                           : "field.wrong_type");
                    return out;
                  }
                  const auto& arr = it->value().get_array();
                  if (arr.empty() || arr.size() > 100) {
                    f.Reject("scores", arr.empty() ? "field.empty" : "field.too_many");
                    return out;
                  }
                  for (size_t i = 0; i < arr.size(); ++i) {
                    const std::string at = "scores." + std::to_string(i);
                    if (!arr[i].is_object()) {
                      f.Reject(at, "field.wrong_type");
                      continue;
                    }
                    const auto& o = arr[i].get_object();
                    http::FieldReader s(o, at + ".");
                    ScoreInput one;
                    one.criterion = s.String("criterion", 40);
                    one.note = s.OptString("note", 500).value_or("");
                    s.Accept("value");
                    if (auto v = o.find("value"); v != o.end()) {
                      one.value_given = true;
                      if (v->value().is_bool()) {
                        one.value = v->value().get_bool() ? 1 : 0;
                      } else if (v->value().is_int64()) {
                        one.value = v->value().get_int64();
                      } else if (v->value().is_uint64()) {
                        s.Reject("value", "field.out_of_range");
                      } else if (!v->value().is_null()) {
                        s.Reject("value", "field.wrong_type");
                      }
                    }
                    out.push_back(std::move(one));
                    f.Absorb(s);
                  }
                  return out;
                }));
                return Response::Json(200, DetailJson(TRY(policy.SetScores(actor, Id(req), in))));
              },
              .summary = "Score an ordinance against the criteria (the given ones; others kept)",
              .tag = "policy",
              .json_body = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/policy/compare",
              .permission = kRead,
              .handler = [&policy](Request& req) -> http::Reply {
                Comparison c = TRY(policy.Compare(ActorOf(req), SplitIds(req.Query("items"))));
                json::array rows;
                for (const auto& r : c.rows) {
                  json::object values;
                  for (const auto& k : c.criteria) {
                    auto v = r.values.find(k.key);
                    values[k.key] = ScoreValue(
                        k.kind, v == r.values.end() ? std::nullopt : std::optional(v->second));
                  }
                  rows.push_back({{"id", r.view.item.id},
                                  {"title", r.view.item.title},
                                  {"jurisdiction", r.view.item.jurisdiction},
                                  {"jurisdiction_name", Name(r.view.item.jurisdiction)},
                                  {"status", r.view.item.status},
                                  {"score", OptInt(r.view.score)},
                                  {"values", std::move(values)},
                                  {"gaps", ListJson(r.gaps)}});
                }
                json::object best;
                for (const auto& [k, v] : c.best) best[k] = v;
                json::array criteria;
                for (const auto& k : c.criteria) criteria.emplace_back(CriterionJson(k));
                return Response::Json(200, {{"criteria", std::move(criteria)},
                                            {"items", std::move(rows)},
                                            {"best", std::move(best)}});
              },
              .summary = "Ordinances side by side (?items=id1,id2,…; 2 to 10) with their gaps",
              .tag = "policy"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/policy/ordinance-amounts",
              .permission = kRead,
              .handler = [&policy](Request& req) -> http::Reply {
                const std::string region = req.Query("region");
                auto list = TRY(policy.OrdinanceAmounts(ActorOf(req), region));
                json::array items;
                for (const auto& a : list) {
                  json::object amounts;
                  for (const auto& [k, v] : a.amounts) amounts[k] = v;
                  items.push_back({{"id", a.item.id},
                                   {"title", a.item.title},
                                   {"jurisdiction", a.item.jurisdiction},
                                   {"jurisdiction_name", Name(a.item.jurisdiction)},
                                   {"amounts", std::move(amounts)}});
                }
                return Response::Json(200, {{"region", region}, {"items", std::move(items)}});
              },
              .summary = "KRW amounts and months of the ordinances in force in a region "
                         "(?region=KR-41), for funding-source rules",
              .tag = "policy"});
}

void AddMapRoutes(http::Router& router, PolicyService& policy) {
  for (bool publicly : {false, true}) {
    const std::string base = publicly ? "/api/v1/public/policy" : "/api/v1/policy";
    const std::string who = publicly ? kAnyone : kRead;
    router.Add({.method = "GET",
                .path_template = base + "/map",
                .permission = who,
                .handler = [&policy, publicly](Request& req) -> http::Reply {
                  return Response::Json(200, MapJson(TRY(policy.Map(ActorOf(req), publicly))));
                },
                .summary = publicly ? "The published map: ordinance status per region"
                                    : "The map: ordinance status per region",
                .tag = "policy"});
    router.Add({.method = "GET",
                .path_template = base + "/map/{region}",
                .permission = who,
                .handler = [&policy, publicly](Request& req) -> http::Reply {
                  return Response::Json(
                      200, RegionJson(TRY(policy.RegionMap(ActorOf(req), req.path_params["region"],
                                                           publicly))));
                },
                .summary = "A region with its municipalities' ordinance status",
                .tag = "policy"});
    router.Add({.method = "GET",
                .path_template = base + "/timeline",
                .permission = who,
                .handler = [&policy, publicly](Request& req) -> http::Reply {
                  return Response::Json(200,
                                        TimelineJson(TRY(policy.Timeline(ActorOf(req), publicly))));
                },
                .summary = "Enactments, amendments and repeals, newest first",
                .tag = "policy"});
  }
  router.Add({.method = "POST",
              .path_template = "/api/v1/policy/import",
              .permission = kEdit,
              .handler = [&policy](Request& req) -> http::Reply {
                std::string layout = req.Query("layout");
                if (layout.empty()) layout = "ordinances";
                ImportReport r = TRY(policy.Import(ActorOf(req), req.body, layout));
                json::array refused;
                for (const auto& x : r.refused) {
                  refused.push_back({{"row", x.row},
                                     {"reason", x.reason},
                                     {"message", Translate(x.message_key, req.lang)}});
                }
                const bool changed = r.created + r.updated > 0;
                return Response::Json(200, {{"result", changed ? "changed" : "unchanged"},
                                            {"rows", r.rows},
                                            {"created", r.created},
                                            {"updated", r.updated},
                                            {"unchanged", r.unchanged},
                                            {"refused", std::move(refused)}});
              },
              .summary = "Import an open-data list (?layout=ordinances: 자치법규 목록, by "
                         "자치법규ID; ?layout=bills: 의안 목록, by 의안번호); CSV, UTF-8, "
                         "idempotent, refused rows reported",
              .tag = "policy",
              .offload = true,
              .body_limit_bytes = kMaxImport});
}

// POST and PATCH of one kind of work record, and its list.

}  // namespace

void AddRoutes(http::Router& router, PolicyService& policy) {
  AddItemRoutes(router, policy);
  AddScoreRoutes(router, policy);
  AddMapRoutes(router, policy);
  AddWorkRoutes(router, policy);
}

}  // namespace dandelion::policy

#include "modules/policy/routes.h"

#include <algorithm>
#include <charconv>

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/case_records/model.h"
#include "modules/handler_support.h"
#include "modules/policy/jurisdictions.h"
#include "security/policy.h"

namespace dandelion::policy {
namespace {

using http::Request;
using http::Response;
namespace json = boost::json;
namespace perm = security::perm;

const std::string kEdit(perm::kPolicyEdit);
const std::string kRead(http::kSignedIn);
const std::string kAnyone(http::kPublic);
constexpr size_t kMaxFile = 10 * 1024 * 1024;
constexpr size_t kMaxImport = 20 * 1024 * 1024;

json::value OptInt(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

std::string Name(const std::string& code) { return FullName(code); }

json::object ItemJson(const ItemView& v) {
  const auto& i = v.item;
  return {{"id", i.id},
          {"kind", i.kind},
          {"jurisdiction", i.jurisdiction},
          {"region", OrNull(i.region)},
          {"jurisdiction_name", Name(i.jurisdiction)},
          {"title", i.title},
          {"topic", OrNull(i.topic)},
          {"stance", i.stance},
          {"summary", OrNull(i.summary)},
          {"external_id", OrNull(i.external_id)},
          {"published", i.published},
          {"status", i.status},
          {"status_on", i.status_on},
          {"score", OptInt(v.score)},
          {"created_at", i.created_at},
          {"updated_at", i.updated_at}};
}

json::value ScoreValue(const std::string& kind, const std::optional<int64_t>& v) {
  if (!v) return nullptr;
  if (kind == "yes_no") return json::value(*v == 1);
  return json::value(*v);
}

json::object DocumentJson(const policy_repo::Document& d) {
  json::value file = nullptr;
  if (!d.content_type.empty()) {
    file = json::object{{"name", d.file_name}, {"type", d.content_type}, {"size", d.size}};
  }
  return {{"id", d.id},           {"item_id", d.item_id}, {"title", d.title},
          {"url", OrNull(d.url)}, {"file", file},         {"created_at", d.created_at}};
}

json::object DetailJson(const ItemDetail& d) {
  json::object out = ItemJson(d.view);
  json::array history;
  for (const auto& h : d.history) {
    history.push_back({{"seq", h.entry.seq},
                       {"status", h.entry.status},
                       {"on", h.entry.on},
                       {"note", OrNull(h.note)},
                       {"recorded_at", h.recorded_at}});
  }
  json::array documents;
  for (const auto& doc : d.documents) documents.emplace_back(DocumentJson(doc));
  json::array scores;
  for (size_t i = 0; i < d.scores.size(); ++i) {
    const auto& s = d.scores[i];
    const auto& c = d.criteria[i];
    scores.push_back({{"criterion", s.criterion},
                      {"value", ScoreValue(c.kind, s.value)},
                      {"note", OrNull(s.note)},
                      {"met", Met(c.kind, s.value)}});
  }
  out["history"] = std::move(history);
  out["documents"] = std::move(documents);
  out["scores"] = std::move(scores);
  return out;
}

json::object CriterionJson(const Criterion& c) {
  return {{"key", c.key},   {"label_ko", c.label_ko}, {"label_en", c.label_en},
          {"kind", c.kind}, {"position", c.position}, {"retired", c.retired}};
}

json::object CellJson(const MapCell& c) {
  const Jurisdiction* j = FindJurisdiction(c.code);
  json::object out{{"code", c.code},
                   {"name_ko", j ? j->ko : ""},
                   {"name_en", j ? j->en : ""},
                   {"status", c.status},
                   {"ordinances", c.ordinances}};
  if (c.score) out["score"] = *c.score;
  return out;
}

json::object MapJson(const std::vector<MapCell>& cells) {
  json::array regions;
  for (const auto& c : cells) regions.emplace_back(CellJson(c));
  return {{"regions", std::move(regions)}};
}

json::object RegionJson(const RegionView& v) {
  json::object out = CellJson(v.region);
  json::array munis;
  for (const auto& m : v.municipalities) munis.emplace_back(CellJson(m));
  out["municipalities"] = std::move(munis);
  return out;
}

json::object TimelineJson(const std::vector<TimelineEntry>& entries) {
  json::array items;
  for (const auto& e : entries) {
    items.push_back({{"on", e.on},
                     {"item_id", e.item.id},
                     {"title", e.item.title},
                     {"kind", e.item.kind},
                     {"jurisdiction", e.item.jurisdiction},
                     {"jurisdiction_name", Name(e.item.jurisdiction)},
                     {"region", OrNull(e.item.region)},
                     {"status", e.status}});
  }
  return {{"items", std::move(items)}};
}

json::object JurisdictionsJson() {
  json::array items;
  for (const auto& j : Jurisdictions()) {
    items.push_back({{"code", j.code},
                     {"level", j.level},
                     {"name_ko", j.ko},
                     {"name_en", j.en},
                     {"parent", j.parent.empty() ? json::value(nullptr) : json::value(j.parent)}});
  }
  return {{"items", std::move(items)}};
}

json::object TaskJson(const work_repo::Task& t) {
  json::value assignee = nullptr;
  if (!t.assignee_id.empty()) {
    assignee = json::object{{"id", t.assignee_id}, {"username", t.assignee_username}};
  }
  return {{"id", t.id},
          {"title", t.title},
          {"item_id", OrNull(t.item_id)},
          {"assignee", assignee},
          {"due_on", OrNull(t.due_on)},
          {"done", t.done},
          {"done_at", OrNull(t.done_at)},
          {"note", OrNull(t.note)},
          {"created_at", t.created_at}};
}

json::object EventJson(const work_repo::Event& e) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"title", e.title},
          {"on", e.on},
          {"time", OrNull(e.time)},
          {"jurisdiction", e.jurisdiction},
          {"jurisdiction_name", Name(e.jurisdiction)},
          {"item_id", OrNull(e.item_id)},
          {"place", OrNull(e.place)},
          {"note", OrNull(e.note)},
          {"created_at", e.created_at}};
}

json::object SubmissionJson(const work_repo::Submission& s) {
  json::value response = nullptr;
  if (!s.response_on.empty() || !s.response_summary.empty()) {
    response = json::object{{"received_on", OrNull(s.response_on)},
                            {"summary", OrNull(s.response_summary)}};
  }
  return {{"id", s.id},
          {"kind", s.kind},
          {"item_id", OrNull(s.item_id)},
          {"title", s.title},
          {"addressee", OrNull(s.addressee)},
          {"submitted_on", s.submitted_on},
          {"body", OrNull(s.body)},
          {"response", response},
          {"created_at", s.created_at}};
}

json::object StatementJson(const work_repo::Statement& s) {
  return {{"id", s.id},
          {"title_ko", s.title_ko},
          {"title_en", OrNull(s.title_en)},
          {"body_ko", s.body_ko},
          {"body_en", OrNull(s.body_en)},
          {"item_id", OrNull(s.item_id)},
          {"published", s.published},
          {"published_at", OrNull(s.published_at)},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at}};
}

template <class T, class ToJson>
json::object Items(const std::vector<T>& list, ToJson to_json) {
  json::array items;
  for (const auto& x : list) items.emplace_back(to_json(x));
  return {{"items", std::move(items)}};
}

// An optional text field: absent or null → unchanged, "" → cleared (when clearable).
std::optional<std::string> Text(http::FieldReader& f, std::string_view name, size_t max) {
  return f.OptString(name, max);
}

ItemFields ReadItem(http::FieldReader& f, bool fresh) {
  ItemFields in;
  if (fresh) {
    in.kind = f.Enum("kind", ItemKinds());
    in.status = f.Enum("status", Statuses());
    in.status_on = f.Date("status_on");
    in.status_note = Text(f, "status_note", 1000);
    in.title = f.String("title", 300);
    in.stance = f.Enum("stance", Stances());
    in.jurisdiction = f.String("jurisdiction", 10);
  } else {
    in.title = Text(f, "title", 300);
    std::string stance = f.Enum("stance", Stances(), false);
    if (!stance.empty()) in.stance = stance;
    in.jurisdiction = Text(f, "jurisdiction", 10);
  }
  in.topic = Text(f, "topic", 100);
  in.summary = Text(f, "summary", 4000);
  in.external_id = Text(f, "external_id", 100);
  in.published = f.OptBool("published");
  return in;
}

int64_t QueryInt(const Request& req, std::string_view name, int64_t fallback, int64_t lo,
                 int64_t hi) {
  const std::string text = req.Query(name);
  int64_t v = fallback;
  if (text.empty()) return fallback;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size()) return -1;
  return v < lo || v > hi ? -1 : v;
}

Result<policy_repo::ItemFilter> ReadFilter(const Request& req) {
  policy_repo::ItemFilter f;
  Error bad{ErrorCode::kInvalid, "error.invalid"};
  f.kind = req.Query("kind");
  if (!f.kind.empty() && !IsOneOf(ItemKinds(), f.kind)) bad.Field("kind", "field.unknown_value");
  f.region = req.Query("region");
  if (!f.region.empty()) {
    const Jurisdiction* j = FindJurisdiction(f.region);
    if (!j || j->level != "region") bad.Field("region", "policy.unknown_jurisdiction");
  }
  f.jurisdiction = req.Query("jurisdiction");
  if (!f.jurisdiction.empty() && !FindJurisdiction(f.jurisdiction)) {
    bad.Field("jurisdiction", "policy.unknown_jurisdiction");
  }
  f.status = req.Query("status");
  if (!f.status.empty() && !IsOneOf(Statuses(), f.status)) {
    bad.Field("status", "field.unknown_value");
  }
  const std::string published = req.Query("published");
  if (published == "true") f.published = true;
  if (published == "false") f.published = false;
  if (!published.empty() && !f.published) bad.Field("published", "field.wrong_type");
  f.q = req.Query("q");
  if (f.q.size() > 200) bad.Field("q", "field.too_long");
  f.limit = QueryInt(req, "limit", 50, 1, 500);
  if (f.limit < 0) bad.Field("limit", "field.out_of_range");
  f.offset = QueryInt(req, "cursor", 0, 0, 100000000);
  if (f.offset < 0) bad.Field("cursor", "field.out_of_range");
  if (!bad.fields.empty()) return Fail(bad);
  return f;
}

std::vector<std::string> SplitIds(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

TaskFields ReadTask(http::FieldReader& f, bool fresh) {
  TaskFields in;
  in.title = fresh ? std::optional(f.String("title", 300)) : Text(f, "title", 300);
  in.item_id = Text(f, "item_id", 40);
  in.assignee_id = Text(f, "assignee_id", 40);
  in.due_on = Text(f, "due_on", 10);
  in.note = Text(f, "note", 2000);
  in.done = f.OptBool("done");
  return in;
}

EventFields ReadEvent(http::FieldReader& f, bool fresh) {
  EventFields in;
  if (fresh) {
    in.kind = f.Enum("kind", EventKinds());
    in.title = f.String("title", 300);
    in.on = f.Date("on");
    in.jurisdiction = f.String("jurisdiction", 10);
  } else {
    std::string kind = f.Enum("kind", EventKinds(), false);
    if (!kind.empty()) in.kind = kind;
    in.title = Text(f, "title", 300);
    std::string on = f.Date("on", false);
    if (!on.empty()) in.on = on;
    in.jurisdiction = Text(f, "jurisdiction", 10);
  }
  in.time = Text(f, "time", 5);
  in.item_id = Text(f, "item_id", 40);
  in.place = Text(f, "place", 300);
  in.note = Text(f, "note", 2000);
  return in;
}

SubmissionFields ReadSubmission(http::FieldReader& f, bool fresh) {
  SubmissionFields in;
  if (fresh) {
    in.kind = f.Enum("kind", SubmissionKinds());
    in.title = f.String("title", 300);
    in.submitted_on = f.Date("submitted_on");
  } else {
    std::string kind = f.Enum("kind", SubmissionKinds(), false);
    if (!kind.empty()) in.kind = kind;
    in.title = Text(f, "title", 300);
    std::string on = f.Date("submitted_on", false);
    if (!on.empty()) in.submitted_on = on;
  }
  in.item_id = Text(f, "item_id", 40);
  in.addressee = Text(f, "addressee", 300);
  in.body = Text(f, "body", 20000);
  if (const json::object* r = f.Object("response", false)) {
    http::FieldReader rf(*r, "response.");
    in.response_on = rf.Date("received_on");
    in.response_summary = rf.String("summary", 4000);
    f.Absorb(rf);
  }
  return in;
}

StatementFields ReadStatement(http::FieldReader& f, bool fresh) {
  StatementFields in;
  if (fresh) {
    in.title_ko = f.String("title_ko", 300);
    in.body_ko = f.String("body_ko", 50000);
  } else {
    in.title_ko = Text(f, "title_ko", 300);
    in.body_ko = Text(f, "body_ko", 50000);
  }
  in.title_en = Text(f, "title_en", 300);
  in.body_en = Text(f, "body_en", 50000);
  in.item_id = Text(f, "item_id", 40);
  in.published = f.OptBool("published");
  return in;
}

std::string ContentType(const Request& req) {
  std::string type(req.Header("content-type"));
  if (auto semi = type.find(';'); semi != std::string::npos) type.resize(semi);
  while (!type.empty() && type.back() == ' ') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

Response FileResponse(DocumentFile file) {
  auto res = Response::Text(200, "application/octet-stream", std::move(file.content));
  res.SetHeader("Content-Disposition",
                "attachment; filename=\"" + case_records::AsciiFileName(file.document.file_name) +
                    "\"; filename*=UTF-8''" +
                    case_records::PercentEncodeFileName(file.document.file_name));
  return res;
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
                const std::string type = ContentType(req);
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
                return FileResponse(TRY(policy.File(ActorOf(req), Id(req), false)));
              },
              .summary = "A document's file, as an attachment",
              .tag = "policy",
              .offload = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/public/policy/documents/{id}/file",
              .permission = kAnyone,
              .handler = [&policy](Request& req) -> http::Reply {
                return FileResponse(TRY(policy.File(ActorOf(req), Id(req), true)));
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
                const std::string layout = req.Query("layout");
                if (!layout.empty() && layout != "ordinances") {
                  return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field(
                      "layout", "field.unknown_value"));
                }
                ImportReport r = TRY(policy.Import(ActorOf(req), req.body));
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
              .summary = "Import the open-data list of local ordinances (CSV, UTF-8; idempotent "
                         "by 자치법규ID; refused rows reported)",
              .tag = "policy",
              .offload = true,
              .body_limit_bytes = kMaxImport});
}

// POST and PATCH of one kind of work record, and its list.
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

}  // namespace

void AddRoutes(http::Router& router, PolicyService& policy) {
  AddItemRoutes(router, policy);
  AddScoreRoutes(router, policy);
  AddMapRoutes(router, policy);
  AddWorkRoutes(router, policy);
}

void RegisterPolicyMessages() {
  static constexpr Message kMessages[] = {
      {"policy.unknown_jurisdiction", "알 수 없는 지역입니다.", "Unknown jurisdiction."},
      {"policy.kind_level",
       "이 종류는 이 지역 단위에 둘 수 없습니다(조례는 시·도나 시·군·구, 법률·시행령은 국가).",
       "This kind does not fit this level (ordinances: a region or municipality; laws and "
       "decrees: the nation)."},
      {"policy.duplicate_external_id", "같은 외부 ID를 가진 항목이 이미 있습니다.",
       "An item with this external id already exists."},
      {"policy.not_an_ordinance", "조례만 평가하고 비교할 수 있습니다.",
       "Only ordinances are scored and compared."},
      {"policy.duplicate_criterion", "같은 키의 평가 항목이 이미 있습니다.",
       "A criterion with this key already exists."},
      {"policy.unknown_criterion", "알 수 없거나 사용이 끝난 평가 항목입니다.",
       "Unknown or retired criterion."},
      {"policy.criterion_twice", "같은 평가 항목이 두 번 있습니다.",
       "The same criterion is given twice."},
      {"policy.bad_key", "키는 영문 소문자로 시작하고 소문자·숫자·_ 2~40자입니다.",
       "A key starts with a lowercase letter: 2 to 40 of a-z, 0-9 and _."},
      {"policy.bad_url", "http:// 또는 https://로 시작하는 주소를 적으세요.",
       "Give an address starting with http:// or https://."},
      {"policy.file_type", "PDF, PNG, JPEG, 텍스트, DOCX, HWP 파일만 올릴 수 있습니다.",
       "Only PDF, PNG, JPEG, text, DOCX and HWP files can be uploaded."},
      {"policy.compare_count", "조례를 2개에서 10개까지 고르세요.",
       "Choose from 2 to 10 ordinances."},
      {"policy.unknown_item", "알 수 없는 정책 항목입니다.", "Unknown policy item."},
      {"policy.bad_assignee", "사무국의 활동가나 네트워크 관리자만 담당자가 될 수 있습니다.",
       "Only an advocate or network admin of the secretariat can be assigned."},
      {"policy.bad_time", "시각은 14:00처럼 적으세요(한국 시각).",
       "Give the time as 14:00 (Korea time)."},
      {"policy.import.empty", "파일이 비어 있습니다.", "The file is empty."},
      {"policy.import.bad_header", "첫 줄(제목 줄)을 읽을 수 없습니다.",
       "The header row cannot be read."},
      {"policy.import.missing_columns",
       "필수 열이 없습니다: 자치법규ID, 자치법규명, 지자체기관명, 제개정구분명, 공포일자.",
       "Required columns are missing: 자치법규ID, 자치법규명, 지자체기관명, 제개정구분명, "
       "공포일자."},
      {"policy.import.bad_id", "자치법규ID가 없거나 너무 깁니다.",
       "The ordinance id is missing or too long."},
      {"policy.import.bad_title", "자치법규명이 없거나 너무 깁니다.",
       "The title is missing or too long."},
      {"policy.import.bad_kind", "알 수 없는 자치법규종류입니다.", "Unknown kind of local law."},
      {"policy.import.bad_change", "알 수 없는 제개정구분입니다.",
       "Unknown kind of enactment or amendment."},
      {"policy.import.bad_date", "공포일자를 읽을 수 없습니다(예: 20211230).",
       "The promulgation date cannot be read (e.g. 20211230)."},
      {"policy.import.unknown_place", "지자체기관명에 맞는 지역이 없습니다.",
       "No jurisdiction matches the local government's name."},
      {"policy.import.duplicate", "같은 자치법규ID가 앞 줄에 이미 있습니다.",
       "The same ordinance id appears in an earlier row."},
      {"policy.import.field_count", "열의 개수가 제목 줄과 다릅니다.",
       "The number of fields differs from the header."},
      {"policy.import.quote", "따옴표가 잘못되었습니다.", "Bad quoting."},
      {"policy.import.utf8", "UTF-8이 아닌 글자가 있습니다.", "The row is not valid UTF-8."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::policy

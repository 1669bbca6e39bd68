// The policy monitor's HTTP shapes: JSON answers and request bodies (docs/api-policy.md).
#include "modules/policy/wire.h"

#include <algorithm>
#include <charconv>

#include "modules/handler_support.h"
#include "modules/policy/jurisdictions.h"

namespace dandelion::policy::wire {

using http::Request;
using http::Response;
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

// An optional text field: absent or null → unchanged, "" → cleared (when clearable).
namespace {
std::optional<std::string> Text(http::FieldReader& f, std::string_view name, size_t max) {
  return f.OptString(name, max);
}
}  // namespace

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

namespace {
int64_t QueryInt(const Request& req, std::string_view name, int64_t fallback, int64_t lo,
                 int64_t hi) {
  const std::string text = req.Query(name);
  int64_t v = fallback;
  if (text.empty()) return fallback;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size()) return -1;
  return v < lo || v > hi ? -1 : v;
}
}  // namespace

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

}  // namespace dandelion::policy::wire

#include "modules/policy/policy_service.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/ids.h"
#include "core/korea_date.h"
#include "modules/policy/jurisdictions.h"
#include "modules/policy/service_checks.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::policy {
namespace {

namespace perm = security::perm;

constexpr size_t kMaxFileBytes = 10 * 1024 * 1024;
constexpr std::string_view kFileTypes[] = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "text/plain",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/x-hwp"};

using service_checks::Conflict;
using service_checks::Invalid;
using service_checks::IsDay;
using service_checks::RequireSignedIn;

// The fields an item's change touched, for the audit entry.
void Changed(std::vector<std::string>& out, const char* name, const std::string& before,
             const std::optional<std::string>& after) {
  if (after && *after != before) out.emplace_back(name);
}

}  // namespace

std::string PolicyService::Now() const { return FormatRfc3339(clock_.Now()); }

Result<std::optional<int64_t>> PolicyService::ScoreOf(store::Tx& tx,
                                                      const policy_repo::Item& item) {
  if (item.kind != "ordinance") return std::optional<int64_t>();
  auto criteria = TRY(policy_repo::Criteria(tx));
  std::map<std::string, int64_t, std::less<>> values;
  for (const auto& s : TRY(policy_repo::ScoresOf(tx, item.id))) {
    if (s.value) values[s.criterion] = *s.value;
  }
  return std::optional<int64_t>(Score(criteria, values));
}

Result<ItemDetail> PolicyService::Detail(store::Tx& tx, policy_repo::Item item) {
  ItemDetail d;
  d.view.score = TRY(ScoreOf(tx, item));
  d.history = TRY(policy_repo::History(tx, item.id));
  d.documents = TRY(policy_repo::DocumentsOf(tx, item.id));
  if (item.kind == "ordinance") {
    auto stored = TRY(policy_repo::ScoresOf(tx, item.id));
    for (auto& c : TRY(policy_repo::Criteria(tx))) {
      if (c.retired) continue;
      policy_repo::Score s{.criterion = c.key};
      for (const auto& st : stored) {
        if (st.criterion == c.key) s = st;
      }
      d.scores.push_back(std::move(s));
      d.criteria.push_back(std::move(c));
    }
  }
  d.view.item = std::move(item);
  return d;
}

Result<void> PolicyService::ItemExists(const security::Actor& actor, const std::string& id) {
  TRY(RequireSignedIn(actor));
  return db_.Read([&](store::Tx& tx) -> Result<void> {
    auto item = LooksLikeId(id) ? TRY(policy_repo::FindItem(tx, id)) : std::nullopt;
    if (!item) return Fail(NotFound());
    return Ok();
  });
}

Result<ItemDetail> PolicyService::CreateItem(const security::Actor& actor, const ItemFields& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  Error bad = Invalid();
  const std::string kind = in.kind.value_or("");
  const std::string place = in.jurisdiction.value_or("");
  const Jurisdiction* j = FindJurisdiction(place);
  if (!IsOneOf(ItemKinds(), kind)) bad.Field("kind", "field.unknown_value");
  if (!j) {
    bad.Field("jurisdiction", "policy.unknown_jurisdiction");
  } else if (IsOneOf(ItemKinds(), kind) && !KindFitsLevel(kind, j->level)) {
    bad.Field("jurisdiction", "policy.kind_level");
  }
  if (Blank(in.title.value_or(""))) bad.Field("title", "field.required");
  if (!IsOneOf(Stances(), in.stance.value_or(""))) bad.Field("stance", "field.unknown_value");
  if (!IsOneOf(Statuses(), in.status.value_or(""))) bad.Field("status", "field.unknown_value");
  if (!IsDay(in.status_on.value_or(""))) bad.Field("status_on", "field.invalid_date");
  if (!bad.fields.empty()) return Fail(bad);
  const std::string now = Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<ItemDetail> {
    const std::string external = in.external_id.value_or("");
    if (!external.empty() && TRY(policy_repo::ExternalIdTaken(tx, external, ""))) {
      return Fail(Conflict("policy.duplicate_external_id"));
    }
    policy_repo::Item item{.id = NewId(),
                           .kind = kind,
                           .jurisdiction = place,
                           .region = RegionOf(place),
                           .title = *in.title,
                           .topic = in.topic.value_or(""),
                           .stance = *in.stance,
                           .summary = in.summary.value_or(""),
                           .external_id = external,
                           .published = in.published.value_or(false),
                           .status = *in.status,
                           .status_on = *in.status_on,
                           .created_at = now,
                           .updated_at = now};
    TRY(policy_repo::InsertItem(tx, item, actor.user_id));
    TRY(policy_repo::AppendStatus(tx, item.id, 1, item.status, item.status_on,
                                  in.status_note.value_or(""), now, actor.user_id));
    auto event =
        security::ActorEvent(actor, "policy.item.create", "policy_item", item.id,
                             {"kind", "jurisdiction", "title", "stance", "status", "published"});
    TRY(audit_.Append(tx, event));
    return Detail(tx, std::move(item));
  });
}

Result<ItemDetail> PolicyService::UpdateItem(const security::Actor& actor, const std::string& id,
                                             const ItemFields& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  const std::string now = Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<ItemDetail> {
    auto item = LooksLikeId(id) ? TRY(policy_repo::FindItem(tx, id)) : std::nullopt;
    if (!item) return Fail(NotFound());
    Error bad = Invalid();
    if (in.jurisdiction) {
      const Jurisdiction* j = FindJurisdiction(*in.jurisdiction);
      if (!j) {
        bad.Field("jurisdiction", "policy.unknown_jurisdiction");
      } else if (!KindFitsLevel(item->kind, j->level)) {
        bad.Field("jurisdiction", "policy.kind_level");
      }
    }
    if (in.title && Blank(*in.title)) bad.Field("title", "field.required");
    if (in.stance && !IsOneOf(Stances(), *in.stance)) bad.Field("stance", "field.unknown_value");
    if (!bad.fields.empty()) return Fail(bad);
    if (in.external_id && !in.external_id->empty() &&
        TRY(policy_repo::ExternalIdTaken(tx, *in.external_id, item->id))) {
      return Fail(Conflict("policy.duplicate_external_id"));
    }
    std::vector<std::string> changed;
    Changed(changed, "jurisdiction", item->jurisdiction, in.jurisdiction);
    Changed(changed, "title", item->title, in.title);
    Changed(changed, "topic", item->topic, in.topic);
    Changed(changed, "stance", item->stance, in.stance);
    Changed(changed, "summary", item->summary, in.summary);
    Changed(changed, "external_id", item->external_id, in.external_id);
    if (in.published && *in.published != item->published) changed.emplace_back("published");
    if (changed.empty()) return Detail(tx, std::move(*item));
    if (in.jurisdiction) {
      item->jurisdiction = *in.jurisdiction;
      item->region = RegionOf(*in.jurisdiction);
    }
    if (in.title) item->title = *in.title;
    if (in.topic) item->topic = *in.topic;
    if (in.stance) item->stance = *in.stance;
    if (in.summary) item->summary = *in.summary;
    if (in.external_id) item->external_id = *in.external_id;
    if (in.published) item->published = *in.published;
    item->updated_at = now;
    TRY(policy_repo::UpdateItem(tx, *item));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "policy.item.update", "policy_item", item->id, changed)));
    return Detail(tx, std::move(*item));
  });
}

Result<ItemDetail> PolicyService::AddStatus(const security::Actor& actor, const std::string& id,
                                            const std::string& status, const std::string& on,
                                            const std::string& note) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  const std::string now = Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<ItemDetail> {
    auto item = LooksLikeId(id) ? TRY(policy_repo::FindItem(tx, id)) : std::nullopt;
    if (!item) return Fail(NotFound());
    Error bad = Invalid();
    if (!IsOneOf(Statuses(), status)) bad.Field("status", "field.unknown_value");
    if (!IsDay(on)) bad.Field("on", "field.invalid_date");
    if (!bad.fields.empty()) return Fail(bad);
    auto history = TRY(policy_repo::History(tx, item->id));
    const int64_t seq = history.empty() ? 1 : history.back().entry.seq + 1;
    TRY(policy_repo::AppendStatus(tx, item->id, seq, status, on, note, now, actor.user_id));
    // The current status, recomputed from the whole history in this same transaction.
    std::vector<StatusEntry> entries;
    for (const auto& h : history) entries.push_back(h.entry);
    entries.push_back({.seq = seq, .status = status, .on = on});
    auto current = CurrentStatus(entries);
    item->status = current->status;
    item->status_on = current->on;
    item->updated_at = now;
    TRY(policy_repo::UpdateItem(tx, *item));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "policy.status.add", "policy_item", item->id,
                                               {"status", "on"})));
    return Detail(tx, std::move(*item));
  });
}

Result<ItemDetail> PolicyService::GetItem(const security::Actor& actor, const std::string& id) {
  TRY(RequireSignedIn(actor));
  return db_.ReadValue([&](store::Tx& tx) -> Result<ItemDetail> {
    auto item = LooksLikeId(id) ? TRY(policy_repo::FindItem(tx, id)) : std::nullopt;
    if (!item) return Fail(NotFound());
    return Detail(tx, std::move(*item));
  });
}

Result<std::vector<ItemView>> PolicyService::ListItems(const security::Actor& actor,
                                                       policy_repo::ItemFilter filter) {
  TRY(RequireSignedIn(actor));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<ItemView>> {
    auto items = TRY(policy_repo::ListItems(tx, filter));
    auto criteria = TRY(policy_repo::Criteria(tx));
    auto scores = TRY(policy_repo::AllScores(tx));
    std::vector<ItemView> out;
    for (auto& i : items) {
      ItemView v;
      if (i.kind == "ordinance") {
        auto it = scores.find(i.id);
        v.score = Score(criteria, it == scores.end() ? decltype(it->second){} : it->second);
      }
      v.item = std::move(i);
      out.push_back(std::move(v));
    }
    return out;
  });
}

// -- documents -----------------------------------------------------------------------------------

Result<policy_repo::Document> PolicyService::AddLink(const security::Actor& actor,
                                                     const std::string& item_id,
                                                     const std::string& title,
                                                     const std::string& url) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  Error bad = Invalid();
  if (Blank(title)) bad.Field("title", "field.required");
  if (!(url.starts_with("https://") || url.starts_with("http://")) || url.size() < 10 ||
      url.find_first_of(" \t\r\n\"<>") != std::string::npos) {
    bad.Field("url", "policy.bad_url");
  }
  const std::string now = Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<policy_repo::Document> {
    auto item = LooksLikeId(item_id) ? TRY(policy_repo::FindItem(tx, item_id)) : std::nullopt;
    if (!item) return Fail(NotFound());
    if (!bad.fields.empty()) return Fail(bad);
    policy_repo::Document d{
        .id = NewId(), .item_id = item->id, .title = title, .url = url, .created_at = now};
    TRY(policy_repo::InsertDocument(tx, d, "", actor.user_id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "policy.document.add", "policy_document",
                                               d.id, {"title", "url"})));
    return d;
  });
}

Result<policy_repo::Document> PolicyService::AddFile(
    const security::Actor& actor, const std::string& item_id, const std::string& title,
    const std::string& name, const std::string& content_type, std::string content) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  if (content.size() > kMaxFileBytes) return Fail(ErrorCode::kTooLarge, "error.too_large");
  Error bad = Invalid();
  if (Blank(title)) bad.Field("title", "field.required");
  if (Blank(name) || name.size() > 200 || name.find_first_of("/\\\r\n") != std::string::npos) {
    bad.Field("name", "field.required");
  }
  if (!IsOneOf(kFileTypes, content_type)) bad.Field("content_type", "policy.file_type");
  if (content.empty()) bad.Field("file", "field.empty");
  const std::string now = Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<policy_repo::Document> {
    auto item = LooksLikeId(item_id) ? TRY(policy_repo::FindItem(tx, item_id)) : std::nullopt;
    if (!item) return Fail(NotFound());
    if (!bad.fields.empty()) return Fail(bad);
    policy_repo::Document d{.id = NewId(),
                            .item_id = item->id,
                            .title = title,
                            .file_name = name,
                            .content_type = content_type,
                            .size = static_cast<int64_t>(content.size()),
                            .created_at = now};
    TRY(policy_repo::InsertDocument(tx, d, content, actor.user_id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "policy.document.add", "policy_document",
                                               d.id, {"title", "file"})));
    return d;
  });
}

Result<void> PolicyService::RemoveDocument(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    auto d = LooksLikeId(id) ? TRY(policy_repo::FindDocument(tx, id)) : std::nullopt;
    if (!d) return Fail(NotFound());
    TRY(policy_repo::DeleteDocument(tx, d->id));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "policy.document.remove", "policy_document", d->id)));
    return Ok();
  });
}

Result<DocumentFile> PolicyService::File(const security::Actor& actor, const std::string& id,
                                         bool publicly) {
  if (!publicly) TRY(RequireSignedIn(actor));
  return db_.ReadValue([&](store::Tx& tx) -> Result<DocumentFile> {
    auto d = LooksLikeId(id) ? TRY(policy_repo::FindDocument(tx, id)) : std::nullopt;
    if (!d || d->content_type.empty()) return Fail(NotFound());
    if (publicly) {
      auto item = TRY(policy_repo::FindItem(tx, d->item_id));
      if (!item || !item->published) return Fail(NotFound());
    }
    DocumentFile f{.document = *d, .content = TRY(policy_repo::DocumentContent(tx, d->id))};
    return f;
  });
}

// -- scorecard -----------------------------------------------------------------------------------

Result<std::vector<Criterion>> PolicyService::Criteria(const security::Actor& actor,
                                                       bool with_retired) {
  TRY(RequireSignedIn(actor));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Criterion>> {
    auto all = TRY(policy_repo::Criteria(tx));
    if (!with_retired) {
      std::erase_if(all, [](const Criterion& c) { return c.retired; });
    }
    return all;
  });
}

Result<Criterion> PolicyService::CreateCriterion(const security::Actor& actor,
                                                 const Criterion& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  Error bad = Invalid();
  if (!IsCriterionKey(in.key)) bad.Field("key", "policy.bad_key");
  if (Blank(in.label_ko)) bad.Field("label_ko", "field.required");
  if (Blank(in.label_en)) bad.Field("label_en", "field.required");
  if (!IsOneOf(CriterionKinds(), in.kind)) bad.Field("kind", "field.unknown_value");
  if (!bad.fields.empty()) return Fail(bad);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Criterion> {
    auto all = TRY(policy_repo::Criteria(tx));
    int64_t last = 0;
    for (const auto& c : all) {
      if (c.key == in.key) return Fail(Conflict("policy.duplicate_criterion"));
      last = std::max(last, c.position);
    }
    Criterion c = in;
    c.retired = false;
    if (c.position == 0) c.position = last + 10;
    TRY(policy_repo::InsertCriterion(tx, c));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "policy.criterion.create", "policy_criterion", c.key,
                                 {"label_ko", "label_en", "kind", "position"})));
    return c;
  });
}

Result<Criterion> PolicyService::UpdateCriterion(const security::Actor& actor,
                                                 const std::string& key,
                                                 const std::optional<std::string>& label_ko,
                                                 const std::optional<std::string>& label_en,
                                                 std::optional<int64_t> position,
                                                 std::optional<bool> retired) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Criterion> {
    std::optional<Criterion> found;
    for (auto& c : TRY(policy_repo::Criteria(tx))) {
      if (c.key == key) found = std::move(c);
    }
    if (!found) return Fail(NotFound());
    Error bad = Invalid();
    if (label_ko && Blank(*label_ko)) bad.Field("label_ko", "field.required");
    if (label_en && Blank(*label_en)) bad.Field("label_en", "field.required");
    if (!bad.fields.empty()) return Fail(bad);
    std::vector<std::string> changed;
    Changed(changed, "label_ko", found->label_ko, label_ko);
    Changed(changed, "label_en", found->label_en, label_en);
    if (position && *position != found->position) changed.emplace_back("position");
    if (retired && *retired != found->retired) changed.emplace_back("retired");
    if (changed.empty()) return *found;
    if (label_ko) found->label_ko = *label_ko;
    if (label_en) found->label_en = *label_en;
    if (position) found->position = *position;
    if (retired) found->retired = *retired;
    TRY(policy_repo::UpdateCriterion(tx, *found));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "policy.criterion.update", "policy_criterion",
                                               found->key, changed)));
    return *found;
  });
}

Result<ItemDetail> PolicyService::SetScores(const security::Actor& actor,
                                            const std::string& item_id,
                                            const std::vector<ScoreInput>& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  const std::string now = Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<ItemDetail> {
    auto item = LooksLikeId(item_id) ? TRY(policy_repo::FindItem(tx, item_id)) : std::nullopt;
    if (!item) return Fail(NotFound());
    if (item->kind != "ordinance") return Fail(Conflict("policy.not_an_ordinance"));
    auto criteria = TRY(policy_repo::Criteria(tx));
    auto stored = TRY(policy_repo::ScoresOf(tx, item->id));
    Error bad = Invalid();
    std::set<std::string> seen;
    for (size_t i = 0; i < in.size(); ++i) {
      const std::string at = "scores." + std::to_string(i);
      auto c = std::find_if(criteria.begin(), criteria.end(),
                            [&](const Criterion& k) { return k.key == in[i].criterion; });
      if (c == criteria.end() || c->retired) {
        bad.Field(at + ".criterion", "policy.unknown_criterion");
        continue;
      }
      if (!seen.insert(in[i].criterion).second) {
        bad.Field(at + ".criterion", "policy.criterion_twice");
        continue;
      }
      if (in[i].value && c->kind == "yes_no" && *in[i].value != 0 && *in[i].value != 1) {
        bad.Field(at + ".value", "field.wrong_type");
      }
      if (in[i].value && c->kind != "yes_no" && *in[i].value < 0) {
        bad.Field(at + ".value", "field.out_of_range");
      }
    }
    if (!bad.fields.empty()) return Fail(bad);
    std::vector<std::string> changed;
    for (const auto& s : in) {
      policy_repo::Score next{.criterion = s.criterion, .value = s.value, .note = s.note};
      for (const auto& st : stored) {
        if (st.criterion == s.criterion && !s.value_given) next.value = st.value;
      }
      TRY(policy_repo::SetScore(tx, item->id, next, now, actor.user_id));
      changed.push_back(s.criterion);
    }
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "policy.score.set", "policy_item", item->id, changed)));
    return Detail(tx, std::move(*item));
  });
}

Result<Comparison> PolicyService::Compare(const security::Actor& actor,
                                          const std::vector<std::string>& ids) {
  TRY(RequireSignedIn(actor));
  if (ids.size() < 2 || ids.size() > 10) {
    return Fail(Invalid().Field("items", "policy.compare_count"));
  }
  return db_.ReadValue([&](store::Tx& tx) -> Result<Comparison> {
    Comparison out;
    auto all = TRY(policy_repo::Criteria(tx));
    for (auto& c : all) {
      if (!c.retired) out.criteria.push_back(c);
    }
    auto scores = TRY(policy_repo::AllScores(tx));
    for (const auto& id : ids) {
      auto item = LooksLikeId(id) ? TRY(policy_repo::FindItem(tx, id)) : std::nullopt;
      if (!item) return Fail(NotFound());
      if (item->kind != "ordinance") return Fail(Conflict("policy.not_an_ordinance"));
      CompareRow row;
      if (auto it = scores.find(item->id); it != scores.end()) row.values = it->second;
      row.view.score = Score(out.criteria, row.values);
      row.gaps = Gaps(out.criteria, row.values);
      for (const auto& c : out.criteria) {
        if (c.kind == "yes_no") continue;
        auto v = row.values.find(c.key);
        if (v == row.values.end()) continue;
        auto& best = out.best[c.key];
        best = std::max(best, v->second);
      }
      row.view.item = std::move(*item);
      out.rows.push_back(std::move(row));
    }
    return out;
  });
}

Result<std::vector<Amounts>> PolicyService::OrdinanceAmounts(const security::Actor& actor,
                                                             const std::string& region) {
  TRY(RequireSignedIn(actor));
  const Jurisdiction* j = FindJurisdiction(region);
  if (!j || j->level != "region") {
    return Fail(Invalid().Field("region", "policy.unknown_jurisdiction"));
  }
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Amounts>> {
    auto criteria = TRY(policy_repo::Criteria(tx));
    auto scores = TRY(policy_repo::AllScores(tx));
    policy_repo::ItemFilter f{.kind = "ordinance", .region = region, .limit = 100000};
    std::vector<Amounts> out;
    for (auto& item : TRY(policy_repo::ListItems(tx, f))) {
      if (!InForce(item.status)) continue;
      Amounts a;
      if (auto it = scores.find(item.id); it != scores.end()) {
        for (const auto& c : criteria) {
          if (c.kind == "yes_no" || c.retired) continue;
          if (auto v = it->second.find(c.key); v != it->second.end()) a.amounts[c.key] = v->second;
        }
      }
      a.item = std::move(item);
      out.push_back(std::move(a));
    }
    return out;
  });
}

// -- map -----------------------------------------------------------------------------------------

Result<std::vector<MapOrdinance>> PolicyService::MapInput(store::Tx& tx, bool publicly) {
  auto criteria = TRY(policy_repo::Criteria(tx));
  auto scores = TRY(policy_repo::AllScores(tx));
  std::vector<MapOrdinance> out;
  for (const auto& item : TRY(policy_repo::ItemsOfKinds(tx, {"ordinance"}, publicly))) {
    auto it = scores.find(item.id);
    out.push_back(
        {.jurisdiction = item.jurisdiction,
         .status = item.status,
         .score = Score(criteria, it == scores.end() ? decltype(it->second){} : it->second)});
  }
  return out;
}

Result<std::vector<MapCell>> PolicyService::Map(const security::Actor& actor, bool publicly) {
  if (!publicly) TRY(RequireSignedIn(actor));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<MapCell>> {
    auto input = TRY(MapInput(tx, publicly));
    return DeriveMap(input);
  });
}

Result<RegionView> PolicyService::RegionMap(const security::Actor& actor, const std::string& region,
                                            bool publicly) {
  if (!publicly) TRY(RequireSignedIn(actor));
  const Jurisdiction* j = FindJurisdiction(region);
  if (!j || j->level != "region") return Fail(NotFound());
  return db_.ReadValue([&](store::Tx& tx) -> Result<RegionView> {
    auto input = TRY(MapInput(tx, publicly));
    return RegionView{DeriveRegion(region, input), DeriveMunicipalities(region, input)};
  });
}

Result<std::vector<TimelineEntry>> PolicyService::Timeline(const security::Actor& actor,
                                                           bool publicly) {
  if (!publicly) TRY(RequireSignedIn(actor));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<TimelineEntry>> {
    auto items = TRY(policy_repo::ItemsOfKinds(tx, {"ordinance", "law", "decree"}, publicly));
    std::map<std::string, const policy_repo::Item*> by_id;
    for (const auto& i : items) by_id[i.id] = &i;
    auto rows = TRY(tx.Query(
        "SELECT item_id, status, on_date, seq FROM policy_status_history "
        "WHERE status IN ('enacted', 'amended', 'repealed') ORDER BY on_date DESC, seq DESC"));
    std::vector<TimelineEntry> out;
    for (const auto& r : rows) {
      auto it = by_id.find(r.Text(0));
      if (it == by_id.end()) continue;
      out.push_back({.on = r.Text(2), .status = r.Text(1), .item = *it->second});
    }
    return out;
  });
}

// -- work ----------------------------------------------------------------------------------------

}  // namespace dandelion::policy

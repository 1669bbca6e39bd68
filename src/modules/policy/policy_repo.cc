#include "modules/policy/policy_repo.h"

namespace dandelion::policy::policy_repo {
namespace {

constexpr const char* kItemColumns =
    "SELECT id, kind, jurisdiction, region, title, topic, stance, summary, external_id, "
    "published, status, status_on, created_at, updated_at FROM policy_items ";

Item ToItem(const store::Row& r) {
  return {.id = r.Text(0),
          .kind = r.Text(1),
          .jurisdiction = r.Text(2),
          .region = r.Text(3),
          .title = r.Text(4),
          .topic = r.Text(5),
          .stance = r.Text(6),
          .summary = r.Text(7),
          .external_id = r.Text(8),
          .published = r.Int(9) != 0,
          .status = r.Text(10),
          .status_on = r.Text(11),
          .created_at = r.Text(12),
          .updated_at = r.Text(13)};
}

std::vector<Item> ToItems(const store::Rows& rows) {
  std::vector<Item> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ToItem(r));
  return out;
}

constexpr const char* kDocumentColumns =
    "SELECT id, item_id, title, url, file_name, content_type, size, created_at "
    "FROM policy_documents ";

Document ToDocument(const store::Row& r) {
  return {.id = r.Text(0),
          .item_id = r.Text(1),
          .title = r.Text(2),
          .url = r.Text(3),
          .file_name = r.Text(4),
          .content_type = r.Text(5),
          .size = r.Int(6),
          .created_at = r.Text(7)};
}

}  // namespace

Result<std::optional<Item>> FindItem(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne(std::string(kItemColumns) + "WHERE id = ?", {id}));
  if (!row) return std::optional<Item>();
  return std::optional<Item>(ToItem(*row));
}

Result<void> InsertItem(store::Tx& tx, const Item& i, const std::string& user_id) {
  TRY(tx.Exec(
      "INSERT INTO policy_items (id, kind, jurisdiction, region, title, topic, stance, summary, "
      "external_id, published, status, status_on, created_at, created_by, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {i.id, i.kind, i.jurisdiction, store::TextOrNull(i.region), i.title,
       store::TextOrNull(i.topic), i.stance, store::TextOrNull(i.summary),
       store::TextOrNull(i.external_id), int64_t{i.published ? 1 : 0}, i.status, i.status_on,
       i.created_at, store::TextOrNull(user_id), i.updated_at}));
  return Ok();
}

Result<void> UpdateItem(store::Tx& tx, const Item& i) {
  TRY(tx.Exec(
      "UPDATE policy_items SET jurisdiction = ?, region = ?, title = ?, topic = ?, stance = ?, "
      "summary = ?, external_id = ?, published = ?, status = ?, status_on = ?, updated_at = ? "
      "WHERE id = ?",
      {i.jurisdiction, store::TextOrNull(i.region), i.title, store::TextOrNull(i.topic), i.stance,
       store::TextOrNull(i.summary), store::TextOrNull(i.external_id), int64_t{i.published ? 1 : 0},
       i.status, i.status_on, i.updated_at, i.id}));
  return Ok();
}

Result<bool> ExternalIdTaken(store::Tx& tx, const std::string& external_id,
                             const std::string& except_id) {
  auto row = TRY(tx.QueryOne("SELECT id FROM policy_items WHERE external_id = ? AND id <> ?",
                             {external_id, except_id}));
  return row.has_value();
}

Result<std::vector<Item>> ListItems(store::Tx& tx, const ItemFilter& f) {
  std::string sql = std::string(kItemColumns) + "WHERE 1 = 1";
  store::Params params;
  if (!f.kind.empty()) {
    sql += " AND kind = ?";
    params.emplace_back(f.kind);
  }
  if (!f.region.empty()) {
    sql += " AND region = ?";
    params.emplace_back(f.region);
  }
  if (!f.jurisdiction.empty()) {
    sql += " AND jurisdiction = ?";
    params.emplace_back(f.jurisdiction);
  }
  if (!f.status.empty()) {
    sql += " AND status = ?";
    params.emplace_back(f.status);
  }
  if (f.published) {
    sql += " AND published = ?";
    params.emplace_back(int64_t{*f.published ? 1 : 0});
  }
  if (!f.q.empty()) {
    sql += " AND title LIKE ?";
    params.emplace_back("%" + f.q + "%");
  }
  sql += " ORDER BY jurisdiction, title, id LIMIT ? OFFSET ?";
  params.emplace_back(f.limit);
  params.emplace_back(f.offset);
  return ToItems(TRY(tx.Query(sql, params)));
}

Result<std::vector<Item>> ItemsOfKinds(store::Tx& tx, const std::vector<std::string>& kinds,
                                       bool published_only) {
  std::string sql = std::string(kItemColumns) + "WHERE 1 = 1";
  store::Params params;
  if (!kinds.empty()) {
    sql += " AND kind IN (";
    for (size_t i = 0; i < kinds.size(); ++i) {
      sql += i ? ", ?" : "?";
      params.emplace_back(kinds[i]);
    }
    sql += ")";
  }
  if (published_only) sql += " AND published = 1";
  sql += " ORDER BY jurisdiction, title, id";
  return ToItems(TRY(tx.Query(sql, params)));
}

Result<std::vector<HistoryEntry>> History(store::Tx& tx, const std::string& item_id) {
  auto rows =
      TRY(tx.Query("SELECT seq, status, on_date, note, recorded_at FROM policy_status_history "
                   "WHERE item_id = ? ORDER BY seq",
                   {item_id}));
  std::vector<HistoryEntry> out;
  for (const auto& r : rows) {
    out.push_back({.entry = {.seq = r.Int(0), .status = r.Text(1), .on = r.Text(2)},
                   .note = r.Text(3),
                   .recorded_at = r.Text(4)});
  }
  return out;
}

Result<void> AppendStatus(store::Tx& tx, const std::string& item_id, int64_t seq,
                          const std::string& status, const std::string& on, const std::string& note,
                          const std::string& now, const std::string& user_id) {
  TRY(tx.Exec(
      "INSERT INTO policy_status_history (item_id, seq, status, on_date, note, recorded_at, "
      "recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {item_id, seq, status, on, store::TextOrNull(note), now, store::TextOrNull(user_id)}));
  return Ok();
}

Result<std::vector<Criterion>> Criteria(store::Tx& tx) {
  auto rows =
      TRY(tx.Query("SELECT key, label_ko, label_en, kind, position, retired FROM policy_criteria "
                   "ORDER BY position, key"));
  std::vector<Criterion> out;
  for (const auto& r : rows) {
    out.push_back({.key = r.Text(0),
                   .label_ko = r.Text(1),
                   .label_en = r.Text(2),
                   .kind = r.Text(3),
                   .position = r.Int(4),
                   .retired = r.Int(5) != 0});
  }
  return out;
}

Result<void> InsertCriterion(store::Tx& tx, const Criterion& c) {
  TRY(
      tx.Exec("INSERT INTO policy_criteria (key, label_ko, label_en, kind, position, retired) "
              "VALUES (?, ?, ?, ?, ?, ?)",
              {c.key, c.label_ko, c.label_en, c.kind, c.position, int64_t{c.retired ? 1 : 0}}));
  return Ok();
}

Result<void> UpdateCriterion(store::Tx& tx, const Criterion& c) {
  TRY(
      tx.Exec("UPDATE policy_criteria SET label_ko = ?, label_en = ?, position = ?, retired = ? "
              "WHERE key = ?",
              {c.label_ko, c.label_en, c.position, int64_t{c.retired ? 1 : 0}, c.key}));
  return Ok();
}

Result<std::vector<Score>> ScoresOf(store::Tx& tx, const std::string& item_id) {
  auto rows = TRY(
      tx.Query("SELECT criterion, value, note FROM policy_scores WHERE item_id = ?", {item_id}));
  std::vector<Score> out;
  for (const auto& r : rows) {
    out.push_back({.criterion = r.Text(0), .value = r.OptInt(1), .note = r.Text(2)});
  }
  return out;
}

Result<ScoreTable> AllScores(store::Tx& tx) {
  auto rows =
      TRY(tx.Query("SELECT item_id, criterion, value FROM policy_scores WHERE value IS NOT NULL"));
  ScoreTable out;
  for (const auto& r : rows) out[r.Text(0)][r.Text(1)] = r.Int(2);
  return out;
}

Result<void> SetScore(store::Tx& tx, const std::string& item_id, const Score& s,
                      const std::string& now, const std::string& user_id) {
  TRY(tx.Exec("DELETE FROM policy_scores WHERE item_id = ? AND criterion = ?",
              {item_id, s.criterion}));
  if (!s.value && s.note.empty()) return Ok();
  store::Value value = nullptr;
  if (s.value) value = *s.value;
  TRY(tx.Exec(
      "INSERT INTO policy_scores (item_id, criterion, value, note, updated_at, updated_by) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {item_id, s.criterion, value, store::TextOrNull(s.note), now, store::TextOrNull(user_id)}));
  return Ok();
}

Result<std::vector<Document>> DocumentsOf(store::Tx& tx, const std::string& item_id) {
  auto rows = TRY(tx.Query(
      std::string(kDocumentColumns) + "WHERE item_id = ? ORDER BY created_at, id", {item_id}));
  std::vector<Document> out;
  for (const auto& r : rows) out.push_back(ToDocument(r));
  return out;
}

Result<std::optional<Document>> FindDocument(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne(std::string(kDocumentColumns) + "WHERE id = ?", {id}));
  if (!row) return std::optional<Document>();
  return std::optional<Document>(ToDocument(*row));
}

Result<std::string> DocumentContent(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne("SELECT content FROM policy_documents WHERE id = ?", {id}));
  if (!row) return std::string();
  return row->BlobBytes(0);
}

Result<void> InsertDocument(store::Tx& tx, const Document& d, const std::string& content,
                            const std::string& user_id) {
  store::Value size = nullptr;
  if (!d.content_type.empty()) size = d.size;
  TRY(tx.Exec(
      "INSERT INTO policy_documents (id, item_id, title, url, file_name, content_type, size, "
      "content, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {d.id, d.item_id, d.title, store::TextOrNull(d.url), store::TextOrNull(d.file_name),
       store::TextOrNull(d.content_type), size, store::BlobOrNull(content), d.created_at,
       store::TextOrNull(user_id)}));
  return Ok();
}

Result<void> DeleteDocument(store::Tx& tx, const std::string& id) {
  TRY(tx.Exec("DELETE FROM policy_documents WHERE id = ?", {id}));
  return Ok();
}

Result<std::map<std::string, Known, std::less<>>> KnownByExternalId(store::Tx& tx) {
  std::map<std::string, Known, std::less<>> out;
  std::map<std::string, std::string> by_id;
  auto items = TRY(tx.Query(
      "SELECT id, external_id, title, topic FROM policy_items WHERE external_id IS NOT NULL"));
  for (const auto& r : items) {
    out[r.Text(1)] = Known{.id = r.Text(0), .title = r.Text(2), .topic = r.Text(3)};
    by_id[r.Text(0)] = r.Text(1);
  }
  auto rows =
      TRY(tx.Query("SELECT h.item_id, h.seq, h.status, h.on_date FROM policy_status_history h "
                   "JOIN policy_items i ON i.id = h.item_id WHERE i.external_id IS NOT NULL"));
  for (const auto& r : rows) {
    auto it = by_id.find(r.Text(0));
    if (it == by_id.end()) continue;
    Known& k = out[it->second];
    k.history.push_back({.seq = r.Int(1), .status = r.Text(2), .on = r.Text(3)});
    k.last_seq = std::max(k.last_seq, r.Int(1));
  }
  return out;
}

}  // namespace dandelion::policy::policy_repo

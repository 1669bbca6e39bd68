#include "modules/campaigns/campaign_repo.h"

namespace dandelion::campaigns::campaign_repo {
namespace {

using store::BlobOrNull;
using store::TextOrNull;

constexpr const char* kCampaignSelect =
    "SELECT c.id, c.org_id, c.title_ko, c.title_en, c.summary_ko, c.summary_en, c.goal_ko, "
    "c.goal_en, c.starts_on, c.ends_on, c.themes, c.status, c.published, c.created_at, "
    "c.created_by, c.updated_at, o.name FROM campaigns c JOIN organizations o ON o.id = c.org_id ";

StoredCampaign ToCampaign(const store::Row& row) {
  StoredCampaign c;
  size_t i = 0;
  auto text = [&] { return row.Text(i++); };
  c.id = text();
  c.org_id = text();
  c.title_ko = text();
  c.title_en = text();
  c.summary_ko = text();
  c.summary_en = text();
  c.goal_ko = text();
  c.goal_en = text();
  c.starts_on = text();
  c.ends_on = text();
  c.themes = text();
  c.status = text();
  c.published = row.Int(i++) != 0;
  c.created_at = text();
  c.created_by = text();
  c.updated_at = text();
  c.org_name = text();
  return c;
}

Result<std::vector<StoredCampaign>> SelectCampaigns(store::Tx& tx, const std::string& where,
                                                    const store::Params& params) {
  store::Rows rows = TRY(tx.Query(kCampaignSelect + where, params));
  std::vector<StoredCampaign> out;
  for (const auto& row : rows) out.push_back(ToCampaign(row));
  return out;
}

constexpr const char* kStopSelect =
    "SELECT s.id, s.campaign_id, s.position, s.day, s.region, s.city, s.venue, s.host_org_id, "
    "s.host_partner_id, s.activities, s.event_id, s.note, s.created_at, s.updated_at, "
    "COALESCE(ho.name, hp.name_ko, '') FROM campaign_stops s "
    "LEFT JOIN organizations ho ON ho.id = s.host_org_id "
    "LEFT JOIN partners hp ON hp.id = s.host_partner_id ";

StoredStop ToStop(const store::Row& row) {
  StoredStop s;
  size_t i = 0;
  auto text = [&] { return row.Text(i++); };
  s.id = text();
  s.campaign_id = text();
  s.position = static_cast<int>(row.Int(i++));
  s.day = text();
  s.region = text();
  s.city = text();
  s.venue = text();
  s.host_org_id = text();
  s.host_partner_id = text();
  s.activities = text();
  s.event_id = text();
  s.note = text();
  s.created_at = text();
  s.updated_at = text();
  s.host_name = text();
  return s;
}

Result<std::vector<StoredStop>> SelectStops(store::Tx& tx, const std::string& where,
                                            const store::Params& params) {
  store::Rows rows = TRY(tx.Query(kStopSelect + where, params));
  std::vector<StoredStop> out;
  for (const auto& row : rows) out.push_back(ToStop(row));
  return out;
}

constexpr const char* kMaterialSelect =
    "SELECT id, campaign_id, title, url, file_name, content_type, size, is_public, created_at "
    "FROM campaign_materials ";

StoredMaterial ToMaterial(const store::Row& row) {
  return {.id = row.Text(0),
          .campaign_id = row.Text(1),
          .title = row.Text(2),
          .url = row.Text(3),
          .file_name = row.Text(4),
          .content_type = row.Text(5),
          .size = row.OptInt(6).value_or(0),
          .is_public = row.Int(7) != 0,
          .created_at = row.Text(8)};
}

constexpr const char* kPressSelect =
    "SELECT id, campaign_id, day, outlet, title, url, created_at FROM campaign_press ";

StoredPress ToPress(const store::Row& row) {
  return {.id = row.Text(0),
          .campaign_id = row.Text(1),
          .day = row.Text(2),
          .outlet = row.Text(3),
          .title = row.Text(4),
          .url = row.Text(5),
          .created_at = row.Text(6)};
}

}  // namespace

Result<void> InsertCampaign(store::Tx& tx, const StoredCampaign& c) {
  TRY(
      tx.Exec("INSERT INTO campaigns (id, org_id, title_ko, title_en, summary_ko, summary_en, "
              "goal_ko, goal_en, starts_on, ends_on, themes, status, published, created_at, "
              "created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {c.id, c.org_id, c.title_ko, c.title_en, c.summary_ko, c.summary_en, c.goal_ko,
               c.goal_en, c.starts_on, c.ends_on, c.themes, c.status, int64_t{c.published},
               c.created_at, TextOrNull(c.created_by), c.updated_at}));
  return Ok();
}

Result<void> UpdateCampaign(store::Tx& tx, const StoredCampaign& c) {
  TRY(tx.Exec(
      "UPDATE campaigns SET title_ko = ?, title_en = ?, summary_ko = ?, summary_en = ?, "
      "goal_ko = ?, goal_en = ?, starts_on = ?, ends_on = ?, themes = ?, status = ?, "
      "published = ?, updated_at = ? WHERE id = ?",
      {c.title_ko, c.title_en, c.summary_ko, c.summary_en, c.goal_ko, c.goal_en, c.starts_on,
       c.ends_on, c.themes, c.status, int64_t{c.published}, c.updated_at, c.id}));
  return Ok();
}

Result<void> LockCampaign(store::Tx& tx, const std::string& id) {
  if (tx.dialect() == store::Dialect::kPostgres) {
    TRY(tx.Query("SELECT id FROM campaigns WHERE id = ? FOR UPDATE", {id}));
  }
  return Ok();
}

Result<std::optional<StoredCampaign>> FindCampaign(store::Tx& tx, const std::string& id) {
  auto found = TRY(SelectCampaigns(tx, "WHERE c.id = ?", {id}));
  if (found.empty()) return std::optional<StoredCampaign>();
  return std::optional<StoredCampaign>(std::move(found.front()));
}

Result<std::vector<StoredCampaign>> Campaigns(store::Tx& tx, const std::string& org_id) {
  if (org_id.empty()) {
    return SelectCampaigns(tx, "ORDER BY c.starts_on DESC, c.id LIMIT 1000", {});
  }
  return SelectCampaigns(tx, "WHERE c.org_id = ? ORDER BY c.starts_on DESC, c.id LIMIT 1000",
                         {org_id});
}

Result<std::vector<StoredCampaign>> PublishedCampaigns(store::Tx& tx) {
  return SelectCampaigns(tx, "WHERE c.published = 1 ORDER BY c.starts_on DESC, c.id LIMIT 200", {});
}

Result<void> InsertStop(store::Tx& tx, const StoredStop& s) {
  TRY(
      tx.Exec("INSERT INTO campaign_stops (id, campaign_id, position, day, region, city, venue, "
              "host_org_id, host_partner_id, activities, event_id, note, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {s.id, s.campaign_id, int64_t{s.position}, s.day, s.region, s.city, s.venue,
               TextOrNull(s.host_org_id), TextOrNull(s.host_partner_id), s.activities,
               TextOrNull(s.event_id), s.note, s.created_at, s.updated_at}));
  return Ok();
}

Result<void> UpdateStop(store::Tx& tx, const StoredStop& s) {
  TRY(
      tx.Exec("UPDATE campaign_stops SET position = ?, day = ?, region = ?, city = ?, venue = ?, "
              "host_org_id = ?, host_partner_id = ?, activities = ?, event_id = ?, note = ?, "
              "updated_at = ? WHERE id = ?",
              {int64_t{s.position}, s.day, s.region, s.city, s.venue, TextOrNull(s.host_org_id),
               TextOrNull(s.host_partner_id), s.activities, TextOrNull(s.event_id), s.note,
               s.updated_at, s.id}));
  return Ok();
}

Result<void> DeleteStop(store::Tx& tx, const std::string& id) {
  TRY(tx.Exec("DELETE FROM campaign_stops WHERE id = ?", {id}));
  return Ok();
}

Result<std::vector<StoredStop>> StopsOf(store::Tx& tx, const std::string& campaign_id) {
  return SelectStops(tx, "WHERE s.campaign_id = ? ORDER BY s.position, s.day, s.id LIMIT 500",
                     {campaign_id});
}

Result<std::vector<StoredStop>> StopsHostedBy(store::Tx& tx, const std::string& partner_id) {
  return SelectStops(tx, "WHERE s.host_partner_id = ? ORDER BY s.day, s.id LIMIT 500",
                     {partner_id});
}

Result<void> SetPositions(store::Tx& tx, const std::vector<std::string>& ids_in_order,
                          const std::string& now) {
  for (size_t i = 0; i < ids_in_order.size(); ++i) {
    TRY(tx.Exec("UPDATE campaign_stops SET position = ?, updated_at = ? WHERE id = ?",
                {static_cast<int64_t>(i + 1), now, ids_in_order[i]}));
  }
  return Ok();
}

Result<void> ClearStopEvent(store::Tx& tx, const std::string& campaign_id,
                            const std::string& event_id) {
  TRY(tx.Exec("UPDATE campaign_stops SET event_id = NULL WHERE campaign_id = ? AND event_id = ?",
              {campaign_id, event_id}));
  return Ok();
}

Result<void> InsertMaterial(store::Tx& tx, const StoredMaterial& m, const std::string& content,
                            const std::string& user_id) {
  store::Value size = nullptr;
  if (!m.content_type.empty()) size = m.size;
  TRY(
      tx.Exec("INSERT INTO campaign_materials (id, campaign_id, title, url, file_name, "
              "content_type, size, content, is_public, created_at, created_by) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {m.id, m.campaign_id, m.title, TextOrNull(m.url), TextOrNull(m.file_name),
               TextOrNull(m.content_type), size, BlobOrNull(content), int64_t{m.is_public},
               m.created_at, TextOrNull(user_id)}));
  return Ok();
}

Result<std::vector<StoredMaterial>> MaterialsOf(store::Tx& tx, const std::string& campaign_id) {
  store::Rows rows = TRY(tx.Query(
      std::string(kMaterialSelect) + "WHERE campaign_id = ? ORDER BY created_at, id LIMIT 500",
      {campaign_id}));
  std::vector<StoredMaterial> out;
  for (const auto& row : rows) out.push_back(ToMaterial(row));
  return out;
}

Result<std::optional<StoredMaterial>> FindMaterial(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne(std::string(kMaterialSelect) + "WHERE id = ?", {id}));
  if (!row) return std::optional<StoredMaterial>();
  return std::optional<StoredMaterial>(ToMaterial(*row));
}

Result<std::string> MaterialContent(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne("SELECT content FROM campaign_materials WHERE id = ?", {id}));
  if (!row) return std::string();
  return row->BlobBytes(0);
}

Result<void> DeleteMaterial(store::Tx& tx, const std::string& id) {
  TRY(tx.Exec("DELETE FROM campaign_materials WHERE id = ?", {id}));
  return Ok();
}

Result<void> InsertPress(store::Tx& tx, const StoredPress& p, const std::string& user_id) {
  TRY(tx.Exec(
      "INSERT INTO campaign_press (id, campaign_id, day, outlet, title, url, created_at, "
      "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {p.id, p.campaign_id, p.day, p.outlet, p.title, p.url, p.created_at, TextOrNull(user_id)}));
  return Ok();
}

Result<std::vector<StoredPress>> PressOf(store::Tx& tx, const std::string& campaign_id) {
  store::Rows rows = TRY(
      tx.Query(std::string(kPressSelect) + "WHERE campaign_id = ? ORDER BY day DESC, id LIMIT 1000",
               {campaign_id}));
  std::vector<StoredPress> out;
  for (const auto& row : rows) out.push_back(ToPress(row));
  return out;
}

Result<std::optional<StoredPress>> FindPress(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne(std::string(kPressSelect) + "WHERE id = ?", {id}));
  if (!row) return std::optional<StoredPress>();
  return std::optional<StoredPress>(ToPress(*row));
}

Result<void> DeletePress(store::Tx& tx, const std::string& id) {
  TRY(tx.Exec("DELETE FROM campaign_press WHERE id = ?", {id}));
  return Ok();
}

Result<std::optional<Org>> FindOrg(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne("SELECT id, name, kind FROM organizations WHERE id = ?", {id}));
  if (!row) return std::optional<Org>();
  return std::optional<Org>(Org{row->Text(0), row->Text(1), row->Text(2)});
}

Result<std::vector<LinkedEvent>> EventsOf(store::Tx& tx, const std::string& campaign_id) {
  store::Rows rows = TRY(tx.Query(
      "SELECT e.id, e.org_id, o.name, e.kind, e.title_ko, e.title_en, e.starts_at, e.ends_at, "
      "e.venue, e.published FROM events e JOIN organizations o ON o.id = e.org_id "
      "WHERE e.campaign_id = ? ORDER BY e.starts_at, e.id LIMIT 500",
      {campaign_id}));
  std::vector<LinkedEvent> out;
  for (const auto& row : rows) {
    out.push_back({.id = row.Text(0),
                   .org_id = row.Text(1),
                   .org_name = row.Text(2),
                   .kind = row.Text(3),
                   .title_ko = row.Text(4),
                   .title_en = row.Text(5),
                   .starts_at = row.Text(6),
                   .ends_at = row.Text(7),
                   .venue = row.Text(8),
                   .published = row.Int(9) != 0});
  }
  return out;
}

Result<void> SetEventCampaign(store::Tx& tx, const std::string& event_id,
                              const std::string& campaign_id, const std::string& now) {
  TRY(tx.Exec("UPDATE events SET campaign_id = ?, updated_at = ? WHERE id = ?",
              {TextOrNull(campaign_id), now, event_id}));
  return Ok();
}

}  // namespace dandelion::campaigns::campaign_repo

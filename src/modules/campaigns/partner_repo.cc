#include "modules/campaigns/partner_repo.h"

namespace dandelion::campaigns::partner_repo {
namespace {

using store::BlobOrNull;
using store::TextOrNull;

constexpr const char* kPartnerSelect =
    "SELECT p.id, p.org_id, p.kind, p.name_ko, p.name_en, p.website, p.note, p.created_at, "
    "p.created_by, p.updated_at, o.name FROM partners p JOIN organizations o ON o.id = p.org_id ";

StoredPartner ToPartner(const store::Row& row) {
  StoredPartner p;
  size_t i = 0;
  auto text = [&] { return row.Text(i++); };
  p.id = text();
  p.org_id = text();
  p.kind = text();
  p.name_ko = text();
  p.name_en = text();
  p.website = text();
  p.note = text();
  p.created_at = text();
  p.created_by = text();
  p.updated_at = text();
  p.org_name = text();
  return p;
}

Result<std::vector<StoredPartner>> SelectPartners(store::Tx& tx, const std::string& where,
                                                  const store::Params& params) {
  store::Rows rows = TRY(tx.Query(kPartnerSelect + where, params));
  std::vector<StoredPartner> out;
  for (const auto& row : rows) out.push_back(ToPartner(row));
  return out;
}

constexpr const char* kContactSelect =
    "SELECT id, partner_id, org_id, name, role, phone, email, created_at FROM partner_contacts ";

StoredContact ToContact(const store::Row& row) {
  return {.id = row.Text(0),
          .partner_id = row.Text(1),
          .org_id = row.Text(2),
          .name = row.BlobBytes(3),
          .role = row.BlobBytes(4),
          .phone = row.BlobBytes(5),
          .email = row.BlobBytes(6),
          .created_at = row.Text(7)};
}

constexpr const char* kAgreementSelect =
    "SELECT id, partner_id, title, signed_on, expires_on, file_name, content_type, size, "
    "created_at FROM partner_agreements ";

Agreement ToAgreement(const store::Row& row) {
  return {.id = row.Text(0),
          .partner_id = row.Text(1),
          .title = row.Text(2),
          .signed_on = row.Text(3),
          .expires_on = row.Text(4),
          .file_name = row.Text(5),
          .content_type = row.Text(6),
          .size = row.OptInt(7).value_or(0),
          .created_at = row.Text(8)};
}

}  // namespace

Result<void> InsertPartner(store::Tx& tx, const StoredPartner& p) {
  TRY(
      tx.Exec("INSERT INTO partners (id, org_id, kind, name_ko, name_en, website, note, "
              "created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {p.id, p.org_id, p.kind, p.name_ko, p.name_en, p.website, p.note, p.created_at,
               TextOrNull(p.created_by), p.updated_at}));
  return Ok();
}

Result<void> UpdatePartner(store::Tx& tx, const StoredPartner& p) {
  TRY(
      tx.Exec("UPDATE partners SET kind = ?, name_ko = ?, name_en = ?, website = ?, note = ?, "
              "updated_at = ? WHERE id = ?",
              {p.kind, p.name_ko, p.name_en, p.website, p.note, p.updated_at, p.id}));
  return Ok();
}

Result<std::optional<StoredPartner>> FindPartner(store::Tx& tx, const std::string& id) {
  auto found = TRY(SelectPartners(tx, "WHERE p.id = ?", {id}));
  if (found.empty()) return std::optional<StoredPartner>();
  return std::optional<StoredPartner>(std::move(found.front()));
}

Result<std::vector<StoredPartner>> Partners(store::Tx& tx, const std::string& org_id,
                                            const std::string& kind) {
  std::string where = "WHERE 1 = 1";
  store::Params params;
  if (!org_id.empty()) {
    where += " AND p.org_id = ?";
    params.emplace_back(org_id);
  }
  if (!kind.empty()) {
    where += " AND p.kind = ?";
    params.emplace_back(kind);
  }
  return SelectPartners(tx, where + " ORDER BY p.name_ko, p.id LIMIT 2000", params);
}

Result<void> InsertContact(store::Tx& tx, const StoredContact& c, const std::string& user_id) {
  TRY(
      tx.Exec("INSERT INTO partner_contacts (id, partner_id, org_id, name, role, phone, email, "
              "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {c.id, c.partner_id, c.org_id, store::Blob{c.name}, BlobOrNull(c.role),
               BlobOrNull(c.phone), BlobOrNull(c.email), c.created_at, TextOrNull(user_id)}));
  return Ok();
}

Result<std::vector<StoredContact>> ContactsOf(store::Tx& tx, const std::string& partner_id) {
  store::Rows rows = TRY(tx.Query(
      std::string(kContactSelect) + "WHERE partner_id = ? ORDER BY created_at, id LIMIT 500",
      {partner_id}));
  std::vector<StoredContact> out;
  for (const auto& row : rows) out.push_back(ToContact(row));
  return out;
}

Result<std::optional<StoredContact>> FindContact(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne(std::string(kContactSelect) + "WHERE id = ?", {id}));
  if (!row) return std::optional<StoredContact>();
  return std::optional<StoredContact>(ToContact(*row));
}

Result<void> DeleteContact(store::Tx& tx, const std::string& id) {
  TRY(tx.Exec("DELETE FROM partner_contacts WHERE id = ?", {id}));
  return Ok();
}

Result<void> InsertAlliance(store::Tx& tx, const Alliance& a, const std::string& now) {
  TRY(
      tx.Exec("INSERT INTO partner_alliances (id, partner_id, name, since, until, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?)",
              {a.id, a.partner_id, a.name, a.since, TextOrNull(a.until), now}));
  return Ok();
}

Result<std::vector<Alliance>> AlliancesOf(store::Tx& tx, const std::string& partner_id) {
  store::Rows rows =
      TRY(tx.Query("SELECT id, partner_id, name, since, until FROM partner_alliances "
                   "WHERE partner_id = ? ORDER BY since, id LIMIT 500",
                   {partner_id}));
  std::vector<Alliance> out;
  for (const auto& row : rows) {
    out.push_back({row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4)});
  }
  return out;
}

Result<std::optional<Alliance>> FindAlliance(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne(
      "SELECT id, partner_id, name, since, until FROM partner_alliances WHERE id = ?", {id}));
  if (!row) return std::optional<Alliance>();
  return std::optional<Alliance>(
      Alliance{row->Text(0), row->Text(1), row->Text(2), row->Text(3), row->Text(4)});
}

Result<void> DeleteAlliance(store::Tx& tx, const std::string& id) {
  TRY(tx.Exec("DELETE FROM partner_alliances WHERE id = ?", {id}));
  return Ok();
}

Result<void> InsertAgreement(store::Tx& tx, const Agreement& a, const std::string& user_id) {
  TRY(
      tx.Exec("INSERT INTO partner_agreements (id, partner_id, title, signed_on, expires_on, "
              "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
              {a.id, a.partner_id, a.title, a.signed_on, TextOrNull(a.expires_on), a.created_at,
               TextOrNull(user_id)}));
  return Ok();
}

Result<std::vector<Agreement>> AgreementsOf(store::Tx& tx, const std::string& partner_id) {
  store::Rows rows = TRY(tx.Query(
      std::string(kAgreementSelect) + "WHERE partner_id = ? ORDER BY signed_on DESC, id LIMIT 500",
      {partner_id}));
  std::vector<Agreement> out;
  for (const auto& row : rows) out.push_back(ToAgreement(row));
  return out;
}

Result<std::optional<Agreement>> FindAgreement(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne(std::string(kAgreementSelect) + "WHERE id = ?", {id}));
  if (!row) return std::optional<Agreement>();
  return std::optional<Agreement>(ToAgreement(*row));
}

Result<void> SetAgreementFile(store::Tx& tx, const Agreement& a, const std::string& content) {
  TRY(
      tx.Exec("UPDATE partner_agreements SET file_name = ?, content_type = ?, size = ?, "
              "content = ? WHERE id = ?",
              {a.file_name, a.content_type, a.size, store::Blob{content}, a.id}));
  return Ok();
}

Result<std::string> AgreementContent(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne("SELECT content FROM partner_agreements WHERE id = ?", {id}));
  if (!row) return std::string();
  return row->BlobBytes(0);
}

Result<void> DeleteAgreement(store::Tx& tx, const std::string& id) {
  TRY(tx.Exec("DELETE FROM partner_agreements WHERE id = ?", {id}));
  return Ok();
}

Result<void> InsertInteraction(store::Tx& tx, const Interaction& i) {
  TRY(
      tx.Exec("INSERT INTO partner_interactions (id, partner_id, day, kind, summary, by_user, "
              "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              {i.id, i.partner_id, i.day, i.kind, i.summary, TextOrNull(i.by_user), i.created_at}));
  return Ok();
}

Result<std::vector<Interaction>> InteractionsOf(store::Tx& tx, const std::string& partner_id) {
  store::Rows rows =
      TRY(tx.Query("SELECT i.id, i.partner_id, i.day, i.kind, i.summary, i.by_user, "
                   "COALESCE(u.display_name, u.username, ''), i.created_at "
                   "FROM partner_interactions i LEFT JOIN users u ON u.id = i.by_user "
                   "WHERE i.partner_id = ? ORDER BY i.day DESC, i.created_at DESC, i.id LIMIT 1000",
                   {partner_id}));
  std::vector<Interaction> out;
  for (const auto& row : rows) {
    out.push_back({row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5),
                   row.Text(6), row.Text(7)});
  }
  return out;
}

Result<std::vector<StoredPartner>> CoOrganizersOf(store::Tx& tx, const std::string& event_id) {
  return SelectPartners(tx,
                        "JOIN event_co_organizers x ON x.partner_id = p.id WHERE x.event_id = ? "
                        "ORDER BY p.name_ko, p.id",
                        {event_id});
}

Result<void> AddCoOrganizer(store::Tx& tx, const std::string& event_id,
                            const std::string& partner_id, const std::string& now,
                            const std::string& user_id) {
  TRY(
      tx.Exec("INSERT INTO event_co_organizers (event_id, partner_id, created_at, created_by) "
              "VALUES (?, ?, ?, ?)",
              {event_id, partner_id, now, TextOrNull(user_id)}));
  return Ok();
}

Result<bool> RemoveCoOrganizer(store::Tx& tx, const std::string& event_id,
                               const std::string& partner_id) {
  const int64_t n =
      TRY(tx.Exec("DELETE FROM event_co_organizers WHERE event_id = ? AND partner_id = ?",
                  {event_id, partner_id}));
  return n > 0;
}

Result<std::vector<CoOrganized>> EventsCoOrganizedBy(store::Tx& tx, const std::string& partner_id) {
  store::Rows rows =
      TRY(tx.Query("SELECT e.id, e.org_id, e.title_ko, e.starts_at FROM events e "
                   "JOIN event_co_organizers x ON x.event_id = e.id WHERE x.partner_id = ? "
                   "ORDER BY e.starts_at DESC, e.id LIMIT 500",
                   {partner_id}));
  std::vector<CoOrganized> out;
  for (const auto& row : rows) {
    out.push_back({row.Text(0), row.Text(1), row.Text(2), row.Text(3)});
  }
  return out;
}

}  // namespace dandelion::campaigns::partner_repo

#include "modules/case_records/consent_repo.h"

namespace dandelion::case_records::consent_repo {
namespace {

constexpr const char* kColumns =
    "id, person_id, kind, scope_fields, scope_org_id, method, given_at, expires_at, revoked_at, "
    "recorded_by, scope_external";

StoredConsent ToConsent(const store::Row& row) {
  return {.id = row.Text(0),
          .person_id = row.Text(1),
          .kind = row.Text(2),
          .scope_fields = row.Text(3),
          .scope_org_id = row.Text(4),
          .scope_external = row.Text(10),
          .method = row.Text(5),
          .given_at = row.Text(6),
          .expires_at = row.Text(7),
          .revoked_at = row.Text(8),
          .recorded_by = row.Text(9)};
}

}  // namespace

Result<void> Insert(store::Tx& tx, const StoredConsent& c) {
  TRY(
      tx.Exec("INSERT INTO consents (id, person_id, org_id, kind, scope_fields, scope_org_id, "
              "scope_external, method, given_at, expires_at, recorded_by) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {c.id, c.person_id, c.org_id, c.kind, c.scope_fields,
               store::TextOrNull(c.scope_org_id), store::TextOrNull(c.scope_external), c.method,
               c.given_at, store::TextOrNull(c.expires_at), c.recorded_by}));
  return Ok();
}

Result<std::vector<StoredConsent>> ListByPerson(store::Tx& tx, const std::string& person_id) {
  store::Rows rows = TRY(tx.Query(std::string("SELECT ") + kColumns +
                                      " FROM consents WHERE person_id = ? "
                                      "ORDER BY given_at DESC, id DESC",
                                  {person_id}));
  std::vector<StoredConsent> out;
  for (const auto& row : rows) out.push_back(ToConsent(row));
  return out;
}

Result<std::string> PersonOf(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne("SELECT person_id FROM consents WHERE id = ?", {id}));
  return row ? row->Text(0) : std::string();
}

Result<std::optional<StoredConsent>> Find(store::Tx& tx, const std::string& id,
                                          const std::string& person_id) {
  auto row = TRY(tx.QueryOne(
      std::string("SELECT ") + kColumns + " FROM consents WHERE id = ? AND person_id = ?",
      {id, person_id}));
  if (!row) return std::optional<StoredConsent>();
  return std::optional<StoredConsent>(ToConsent(*row));
}

Result<void> Revoke(store::Tx& tx, const std::string& id, const std::string& revoked_at,
                    const std::string& reason, const std::string& revoked_by) {
  TRY(tx.Exec("UPDATE consents SET revoked_at = ?, revoke_reason = ?, revoked_by = ? WHERE id = ?",
              {revoked_at, store::BlobOrNull(reason), revoked_by, id}));
  return Ok();
}

Result<bool> OrganizationExists(store::Tx& tx, const std::string& org_id) {
  auto row = TRY(tx.QueryOne("SELECT 1 FROM organizations WHERE id = ?", {org_id}));
  return row.has_value();
}

Result<std::vector<std::pair<std::string, std::string>>> OpenCasesOf(store::Tx& tx,
                                                                     const std::string& person_id,
                                                                     const std::string& org_id) {
  store::Rows rows = TRY(tx.Query(
      "SELECT id, number FROM cases WHERE person_id = ? AND org_id = ? AND status = 'open'",
      {person_id, org_id}));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& row : rows) out.emplace_back(row.Text(0), row.Text(1));
  return out;
}

}  // namespace dandelion::case_records::consent_repo

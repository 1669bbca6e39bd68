#include "modules/case_records/legal_repo.h"

namespace dandelion::case_records::legal_repo {

Result<void> InsertMatter(store::Tx& tx, const StoredMatter& m) {
  TRY(
      tx.Exec("INSERT INTO legal_matters (id, case_id, org_id, kind, authority, case_number, "
              "status, outcome, created_by, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {m.id, m.case_id, m.org_id, m.kind, store::BlobOrNull(m.authority),
               store::BlobOrNull(m.case_number), m.status, m.outcome, m.created_by, m.created_at,
               m.updated_at}));
  return Ok();
}

Result<void> UpdateMatter(store::Tx& tx, const StoredMatter& m) {
  TRY(
      tx.Exec("UPDATE legal_matters SET authority = ?, case_number = ?, status = ?, outcome = ?, "
              "updated_at = ? WHERE id = ?",
              {store::BlobOrNull(m.authority), store::BlobOrNull(m.case_number), m.status,
               m.outcome, m.updated_at, m.id}));
  return Ok();
}

Result<std::vector<StoredMatter>> Matters(store::Tx& tx, const std::string& case_id,
                                          const std::string& id) {
  std::string sql =
      "SELECT id, kind, authority, case_number, status, outcome, created_at, updated_at "
      "FROM legal_matters WHERE case_id = ?";
  store::Params params = {case_id};
  if (!id.empty()) {
    sql += " AND id = ?";
    params.emplace_back(id);
  }
  store::Rows rows = TRY(tx.Query(sql + " ORDER BY created_at, id", params));
  std::vector<StoredMatter> out;
  for (const auto& row : rows) {
    out.push_back({.id = row.Text(0),
                   .case_id = case_id,
                   .kind = row.Text(1),
                   .authority = row.BlobBytes(2),
                   .case_number = row.BlobBytes(3),
                   .status = row.Text(4),
                   .outcome = row.Text(5),
                   .created_at = row.Text(6),
                   .updated_at = row.Text(7)});
  }
  return out;
}

Result<void> InsertHearing(store::Tx& tx, const StoredHearing& h) {
  TRY(
      tx.Exec("INSERT INTO hearings (id, legal_matter_id, case_id, org_id, at, court, kind, notes, "
              "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {h.id, h.legal_matter_id, h.case_id, h.org_id, h.at, store::BlobOrNull(h.court),
               h.kind, store::BlobOrNull(h.notes), h.created_by, h.created_at}));
  return Ok();
}

Result<std::vector<StoredHearing>> HearingsOf(store::Tx& tx, const std::string& legal_matter_id) {
  store::Rows rows =
      TRY(tx.Query("SELECT id, at, court, kind, notes FROM hearings WHERE legal_matter_id = ? "
                   "ORDER BY at, id",
                   {legal_matter_id}));
  std::vector<StoredHearing> out;
  for (const auto& h : rows) {
    out.push_back({.id = h.Text(0),
                   .legal_matter_id = legal_matter_id,
                   .at = h.Text(1),
                   .court = h.BlobBytes(2),
                   .kind = h.Text(3),
                   .notes = h.BlobBytes(4)});
  }
  return out;
}

}  // namespace dandelion::case_records::legal_repo

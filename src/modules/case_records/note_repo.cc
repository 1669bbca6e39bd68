#include "modules/case_records/note_repo.h"

namespace dandelion::case_records::note_repo {

Result<void> Insert(store::Tx& tx, const StoredNote& n) {
  TRY(
      tx.Exec("INSERT INTO case_notes (id, case_id, org_id, text, amends, author_id, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)",
              {n.id, n.case_id, n.org_id, store::Blob{n.text}, store::TextOrNull(n.amends),
               n.author_id, n.created_at}));
  return Ok();
}

Result<std::vector<StoredNote>> ListByCase(store::Tx& tx, const std::string& case_id) {
  store::Rows rows =
      TRY(tx.Query("SELECT n.id, n.text, n.amends, n.author_id, u.display_name, "
                   "n.created_at FROM case_notes n LEFT JOIN users u ON u.id = n.author_id "
                   "WHERE n.case_id = ? ORDER BY n.created_at, n.id",
                   {case_id}));
  std::vector<StoredNote> out;
  for (const auto& row : rows) {
    out.push_back({.id = row.Text(0),
                   .case_id = case_id,
                   .text = row.BlobBytes(1),
                   .amends = row.Text(2),
                   .author_id = row.Text(3),
                   .created_at = row.Text(5),
                   .author_name = row.Text(4)});
  }
  return out;
}

Result<bool> InCase(store::Tx& tx, const std::string& id, const std::string& case_id) {
  auto row =
      TRY(tx.QueryOne("SELECT id FROM case_notes WHERE id = ? AND case_id = ?", {id, case_id}));
  return row.has_value();
}

Result<std::string> DisplayName(store::Tx& tx, const std::string& user_id) {
  auto row = TRY(tx.QueryOne("SELECT display_name FROM users WHERE id = ?", {user_id}));
  return row ? row->Text(0) : std::string();
}

}  // namespace dandelion::case_records::note_repo

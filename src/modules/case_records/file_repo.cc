#include "modules/case_records/file_repo.h"

namespace dandelion::case_records::file_repo {

Result<void> Insert(store::Tx& tx, const StoredFile& f) {
  TRY(
      tx.Exec("INSERT INTO case_files (id, case_id, org_id, kind, name, size, file_key, content, "
              "uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {f.id, f.case_id, f.org_id, f.kind, store::Blob{f.name}, f.size,
               store::Blob{f.file_key}, store::Blob{f.content}, f.uploaded_by, f.created_at}));
  return Ok();
}

Result<std::vector<StoredFile>> ListByCase(store::Tx& tx, const std::string& case_id) {
  store::Rows rows =
      TRY(tx.Query("SELECT id, kind, name, size, created_at FROM case_files WHERE case_id = ? "
                   "ORDER BY created_at, id",
                   {case_id}));
  std::vector<StoredFile> out;
  for (const auto& row : rows) {
    out.push_back({.id = row.Text(0),
                   .case_id = case_id,
                   .kind = row.Text(1),
                   .name = row.BlobBytes(2),
                   .size = row.Int(3),
                   .created_at = row.Text(4)});
  }
  return out;
}

Result<std::optional<StoredFile>> FindById(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne(
      "SELECT kind, name, size, created_at, file_key, content FROM case_files WHERE id = ?", {id}));
  if (!row) return std::optional<StoredFile>();
  return std::optional<StoredFile>(StoredFile{.id = id,
                                              .kind = row->Text(0),
                                              .name = row->BlobBytes(1),
                                              .size = row->Int(2),
                                              .file_key = row->BlobBytes(4),
                                              .content = row->BlobBytes(5),
                                              .created_at = row->Text(3)});
}

}  // namespace dandelion::case_records::file_repo

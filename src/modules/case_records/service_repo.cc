#include "modules/case_records/service_repo.h"

namespace dandelion::case_records::service_repo {

Result<void> Insert(store::Tx& tx, const StoredService& s) {
  TRY(tx.Exec(
      "INSERT INTO case_services (id, case_id, org_id, type, date, minutes, provider, "
      "outcome, notes, amount, recorded_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.case_id, s.org_id, s.type, s.date, s.minutes, s.provider,
       store::BlobOrNull(s.outcome), store::BlobOrNull(s.notes),
       s.amount ? store::Value(*s.amount) : store::Value(nullptr), s.recorded_by, s.created_at}));
  return Ok();
}

Result<std::vector<StoredService>> ListByCase(store::Tx& tx, const std::string& case_id) {
  store::Rows rows =
      TRY(tx.Query("SELECT id, type, date, minutes, provider, outcome, notes, amount, recorded_by, "
                   "created_at FROM case_services WHERE case_id = ? ORDER BY date, created_at, id",
                   {case_id}));
  std::vector<StoredService> out;
  for (const auto& row : rows) {
    out.push_back({.id = row.Text(0),
                   .case_id = case_id,
                   .type = row.Text(1),
                   .date = row.Text(2),
                   .minutes = row.Int(3),
                   .provider = row.Text(4),
                   .outcome = row.BlobBytes(5),
                   .notes = row.BlobBytes(6),
                   .amount = row.OptInt(7),
                   .recorded_by = row.Text(8),
                   .created_at = row.Text(9)});
  }
  return out;
}

}  // namespace dandelion::case_records::service_repo

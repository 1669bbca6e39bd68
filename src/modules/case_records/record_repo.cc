#include "modules/case_records/record_repo.h"

namespace dandelion::case_records::record_repo {

Result<std::optional<Owner>> OwnerOf(store::Tx& tx, std::string_view table, const std::string& id) {
  auto row =
      TRY(tx.QueryOne("SELECT case_id, org_id FROM " + std::string(table) + " WHERE id = ?", {id}));
  if (!row) return std::optional<Owner>();
  return std::optional<Owner>(Owner{.case_id = row->Text(0), .org_id = row->Text(1)});
}

}  // namespace dandelion::case_records::record_repo

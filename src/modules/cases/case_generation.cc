#include "modules/cases/case_generation.h"

#include "security/account_repo.h"
#include "security/session_confirmation.h"

namespace dandelion::cases {

Result<std::optional<int64_t>> GenerationOf(store::Tx& tx, const std::string& org_id) {
  auto row = TRY(tx.QueryOne("SELECT n FROM list_generations WHERE org_id = ?", {org_id}));
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

Result<std::optional<int64_t>> GenerationConfirming(store::Tx& tx, const std::string& org_id,
                                                    const security::Actor& reader) {
  static const std::string sql =
      "SELECT g.n, " + security::account_repo::SessionAndAccountColumns("ms", "mu") +
      " FROM sessions ms JOIN users mu ON mu.id = ms.user_id"
      " LEFT JOIN list_generations g ON g.org_id = ? WHERE ms.token_hash = ?";
  auto row = TRY(tx.QueryOne(sql, {org_id, store::Blob{reader.unconfirmed_session}}));
  std::optional<security::account_repo::SessionAndAccount> session;
  if (row) session = security::account_repo::SessionAndAccountAt(*row, 1);
  TRY(security::ConfirmSession(reader, session));  // fails when there is no row
  if (row->IsNull(0)) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

Result<std::optional<int64_t>> GenerationFor(store::Tx& tx, const std::string& org_id,
                                             const security::Actor& reader) {
  return reader.unconfirmed_session.empty() ? GenerationOf(tx, org_id)
                                            : GenerationConfirming(tx, org_id, reader);
}

Result<std::map<std::string, int64_t>> Generations(store::Database& db) {
  return db.ReadValue([](store::Tx& tx) -> Result<std::map<std::string, int64_t>> {
    std::map<std::string, int64_t> out;
    for (const auto& r : TRY(tx.Query("SELECT org_id, n FROM list_generations"))) {
      out[r.Text(0)] = r.Int(1);
    }
    return out;
  });
}

}  // namespace dandelion::cases

#include "modules/cases/case_generation.h"

#include "security/account_repo.h"
#include "security/session_confirmation.h"

namespace dandelion::cases {

Result<std::optional<int64_t>> GenerationOf(store::Tx& tx, const std::string& org_id) {
  // Remembered on a SQLite reader while nothing commits (every change moves it by a commit).
  auto row =
      TRY(tx.QueryOneRemembered("SELECT n FROM list_generations WHERE org_id = ?", {org_id}));
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
  if (tx.Remembers()) {
    // Two remembered answers instead of one statement that joins them: while nothing commits,
    // no statement at all.
    TRY(security::ConfirmSessionIn(tx, reader));
    return GenerationOf(tx, org_id);
  }
  return reader.unconfirmed_session.empty() ? GenerationOf(tx, org_id)
                                            : GenerationConfirming(tx, org_id, reader);
}

namespace {

// StillCurrent on a connection that remembers small answers (a SQLite reader): the session and
// the organization's generation are remembered while nothing has committed, so a read of a kept
// case while the organization is unchanged runs no statement of its own; her stamp is read only
// when something in the organization changed since. Her n is never above the organization's
// (migration 0027: every stamp is the organization's n just after her change).
Result<bool> StillCurrentRemembered(store::Tx& tx, const std::string& org_id,
                                    const std::string& person_id, int64_t generation,
                                    const security::Actor& reader) {
  TRY(security::ConfirmSessionIn(tx, reader));
  auto organization = TRY(
      tx.QueryOneRemembered("SELECT n, wide_at FROM list_generations WHERE org_id = ?", {org_id}));
  if (!organization) return false;  // no generation: nothing is current
  if (organization->Int(0) <= generation) return true;
  if (organization->Int(1) > generation) return false;
  auto her = TRY(tx.QueryOne("SELECT n FROM person_generations WHERE org_id = ? AND person_id = ?",
                             {org_id, person_id}));
  return !her || her->Int(0) <= generation;
}

}  // namespace

Result<bool> StillCurrent(store::Tx& tx, const std::string& org_id, const std::string& person_id,
                          int64_t generation, const security::Actor& reader) {
  if (tx.Remembers()) return StillCurrentRemembered(tx, org_id, person_id, generation, reader);
  // One statement: on PostgreSQL each is a round trip.
  static const std::string stamps =
      " LEFT JOIN person_generations pg ON pg.org_id = g.org_id AND pg.person_id = ?";
  static const std::string sql =
      "SELECT g.wide_at, pg.n FROM list_generations g" + stamps + " WHERE g.org_id = ?";
  static const std::string sql_confirming =
      "SELECT g.wide_at, pg.n, " + security::account_repo::SessionAndAccountColumns("ms", "mu") +
      " FROM sessions ms JOIN users mu ON mu.id = ms.user_id" +
      " LEFT JOIN list_generations g ON g.org_id = ?" + stamps + " WHERE ms.token_hash = ?";
  std::optional<store::Row> row;
  if (reader.unconfirmed_session.empty()) {
    row = TRY(tx.QueryOne(sql, {person_id, org_id}));
  } else {
    row = TRY(
        tx.QueryOne(sql_confirming, {org_id, person_id, store::Blob{reader.unconfirmed_session}}));
    std::optional<security::account_repo::SessionAndAccount> session;
    if (row) session = security::account_repo::SessionAndAccountAt(*row, 2);
    TRY(security::ConfirmSession(reader, session));  // fails when there is no row
  }
  if (!row || row->IsNull(0)) return false;  // no generation: nothing is current
  return row->Int(0) <= generation && (row->IsNull(1) || row->Int(1) <= generation);
}

Result<std::map<std::string, OrgChanges>> ChangesSince(
    store::Database& db, const std::map<std::string, int64_t>& since) {
  return db.ReadValue([&](store::Tx& tx) -> Result<std::map<std::string, OrgChanges>> {
    std::map<std::string, OrgChanges> out;
    for (const auto& r : TRY(tx.Query("SELECT org_id, n, wide_at FROM list_generations"))) {
      out[r.Text(0)] = OrgChanges{.generation = r.Int(1), .wide_at = r.Int(2)};
    }
    for (auto& [org, changes] : out) {
      auto seen = since.find(org);
      if (seen == since.end()) continue;
      changes.known = true;
      if (changes.generation <= seen->second) continue;
      for (const auto& r :
           TRY(tx.Query("SELECT person_id, n FROM person_generations WHERE org_id = ? AND n > ?",
                        {org, seen->second}))) {
        changes.changed[r.Text(0)] = r.Int(1);
      }
    }
    return out;
  });
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

#include "modules/supervision/supervision_repo.h"

namespace dandelion::supervision::supervision_repo {
namespace {

// Break-glass grants and closings share one row shape, so the two lists merge in SQL.
constexpr const char* kActs = R"(
  SELECT 'break_glass' AS kind, b.id AS subject_id, c.id AS case_id, c.number, c.person_id,
         b.user_id AS actor_id, u.display_name, b.granted_at AS at, '' AS reason_code,
         b.reason AS sealed_reason, c.org_id
    FROM break_glass b JOIN cases c ON c.id = b.case_id JOIN users u ON u.id = b.user_id
  UNION ALL
  SELECT 'closure', t.id, c.id, c.number, c.person_id, t.actor_id, COALESCE(u.display_name, ''),
         t.at, t.label, NULL, c.org_id
    FROM case_timeline t JOIN cases c ON c.id = t.case_id LEFT JOIN users u ON u.id = t.actor_id
   WHERE t.kind = 'case_closed')";

PendingAct ToAct(const store::Row& r) {
  return {.kind = r.Text(0),
          .subject_id = r.Text(1),
          .case_id = r.Text(2),
          .case_number = r.Text(3),
          .person_id = r.Text(4),
          .actor_id = r.Text(5),
          .actor_name = r.Text(6),
          .at = r.Text(7),
          .reason_code = r.Text(8),
          .sealed_reason = r.BlobBytes(9)};
}

}  // namespace

Result<std::vector<WorkerLoad>> Workload(store::Tx& tx, const std::string& org_id,
                                         const std::string& no_contact_since) {
  store::Rows rows = TRY(
      tx.Query("SELECT u.id, u.display_name, u.roles, COUNT(c.id), "
               "SUM(CASE WHEN c.risk_rank >= 2 THEN 1 ELSE 0 END), "
               "SUM(CASE WHEN c.id IS NOT NULL AND COALESCE(c.last_contact_at, c.opened_at) < ? "
               "THEN 1 ELSE 0 END) "
               "FROM users u LEFT JOIN case_workers w ON w.user_id = u.id "
               "LEFT JOIN cases c ON c.id = w.case_id AND c.status = 'open' "
               "WHERE u.org_id = ? AND u.disabled_at IS NULL "
               "GROUP BY u.id, u.display_name, u.roles ORDER BY u.display_name, u.id",
               {no_contact_since, org_id}));
  std::vector<WorkerLoad> out;
  for (const auto& r : rows) {
    const std::string roles = "," + r.Text(2) + ",";
    if (roles.find(",case_worker,") == std::string::npos &&
        roles.find(",supervisor,") == std::string::npos) {
      continue;
    }
    out.push_back({.user_id = r.Text(0),
                   .display_name = r.Text(1),
                   .roles = r.Text(2),
                   .open_cases = r.Int(3),
                   .high_risk = r.Int(4),
                   .no_contact = r.Int(5)});
  }
  return out;
}

Result<int64_t> UnassignedOpenCases(store::Tx& tx, const std::string& org_id) {
  auto row = TRY(tx.QueryOne(
      "SELECT COUNT(*) FROM cases c WHERE c.org_id = ? AND c.status = 'open' AND NOT EXISTS "
      "(SELECT 1 FROM case_workers w JOIN users u ON u.id = w.user_id "
      "WHERE w.case_id = c.id AND u.disabled_at IS NULL)",
      {org_id}));
  return row ? row->Int(0) : 0;
}

Result<std::vector<PendingAct>> Pending(store::Tx& tx, const std::string& org_id,
                                        const std::string& since, int limit) {
  store::Rows rows =
      TRY(tx.Query(std::string("SELECT * FROM (") + kActs +
                       ") a WHERE a.org_id = ? AND a.at >= ? AND NOT EXISTS (SELECT 1 FROM "
                       "supervision_reviews r WHERE r.kind = a.kind AND r.subject_id = "
                       "a.subject_id) ORDER BY a.at DESC LIMIT " +
                       std::to_string(limit),
                   {org_id, since}));
  std::vector<PendingAct> out;
  for (const auto& r : rows) out.push_back(ToAct(r));
  return out;
}

Result<std::optional<PendingAct>> FindAct(store::Tx& tx, const std::string& org_id,
                                          const std::string& kind, const std::string& subject_id) {
  auto row = TRY(tx.QueryOne(std::string("SELECT * FROM (") + kActs +
                                 ") a WHERE a.org_id = ? AND a.kind = ? AND a.subject_id = ?",
                             {org_id, kind, subject_id}));
  if (!row) return std::optional<PendingAct>();
  return std::optional<PendingAct>(ToAct(*row));
}

Result<bool> InsertReview(store::Tx& tx, const Review& review) {
  auto taken =
      TRY(tx.QueryOne("SELECT 1 FROM supervision_reviews WHERE kind = ? AND subject_id = ?",
                      {review.kind, review.subject_id}));
  if (taken) return false;
  TRY(tx.Exec(
      "INSERT INTO supervision_reviews (id, org_id, kind, subject_id, case_id, reviewed_by, "
      "reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {review.id, review.org_id, review.kind, review.subject_id, review.case_id, review.reviewed_by,
       review.reviewed_at}));
  return true;
}

}  // namespace dandelion::supervision::supervision_repo

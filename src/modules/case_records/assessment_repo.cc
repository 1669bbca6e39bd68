#include "modules/case_records/assessment_repo.h"

namespace dandelion::case_records::assessment_repo {

Result<void> InsertAssessment(store::Tx& tx, const StoredAssessment& a) {
  TRY(
      tx.Exec("INSERT INTO assessments (id, case_id, org_id, assessed_by, created_at) "
              "VALUES (?, ?, ?, ?, ?)",
              {a.id, a.case_id, a.org_id, a.assessed_by, a.created_at}));
  return Ok();
}

Result<void> InsertRating(store::Tx& tx, const StoredRating& r) {
  TRY(
      tx.Exec("INSERT INTO assessment_ratings (assessment_id, domain, rating, notes) "
              "VALUES (?, ?, ?, ?)",
              {r.assessment_id, r.domain, r.rating, store::BlobOrNull(r.notes)}));
  return Ok();
}

Result<std::vector<RatedAssessment>> RatingsOf(store::Tx& tx, const std::string& case_id) {
  store::Rows rows =
      TRY(tx.Query("SELECT a.id, a.assessed_by, a.created_at, r.domain, r.rating, r.notes "
                   "FROM assessments a JOIN assessment_ratings r ON r.assessment_id = a.id "
                   "WHERE a.case_id = ? ORDER BY a.created_at, a.id, r.domain",
                   {case_id}));
  std::vector<RatedAssessment> out;
  for (const auto& row : rows) {
    out.push_back({.assessment = {.id = row.Text(0),
                                  .case_id = case_id,
                                  .assessed_by = row.Text(1),
                                  .created_at = row.Text(2)},
                   .rating = {.assessment_id = row.Text(0),
                              .domain = row.Text(3),
                              .rating = row.Int(4),
                              .notes = row.BlobBytes(5)}});
  }
  return out;
}

Result<void> InsertGoal(store::Tx& tx, const StoredGoal& g) {
  TRY(
      tx.Exec("INSERT INTO plan_goals (id, case_id, org_id, title, target_date, status, "
              "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {g.id, g.case_id, g.org_id, store::Blob{g.title}, store::TextOrNull(g.target_date),
               g.status, g.created_by, g.created_at, g.updated_at}));
  return Ok();
}

Result<void> UpdateGoal(store::Tx& tx, const StoredGoal& g) {
  TRY(tx.Exec(
      "UPDATE plan_goals SET title = ?, target_date = ?, status = ?, updated_at = ? "
      "WHERE id = ?",
      {store::Blob{g.title}, store::TextOrNull(g.target_date), g.status, g.updated_at, g.id}));
  return Ok();
}

Result<std::vector<StoredGoal>> Goals(store::Tx& tx, const std::string& case_id,
                                      const std::string& id) {
  std::string sql =
      "SELECT id, title, target_date, status, created_at, updated_at FROM plan_goals "
      "WHERE case_id = ?";
  store::Params params = {case_id};
  if (!id.empty()) {
    sql += " AND id = ?";
    params.emplace_back(id);
  }
  store::Rows rows = TRY(tx.Query(sql + " ORDER BY created_at, id", params));
  std::vector<StoredGoal> out;
  for (const auto& row : rows) {
    out.push_back({.id = row.Text(0),
                   .case_id = case_id,
                   .title = row.BlobBytes(1),
                   .target_date = row.Text(2),
                   .status = row.Text(3),
                   .created_at = row.Text(4),
                   .updated_at = row.Text(5)});
  }
  return out;
}

}  // namespace dandelion::case_records::assessment_repo

#include "modules/case_records/appointment_repo.h"

namespace dandelion::case_records::appointment_repo {
namespace {

constexpr const char* kSelect =
    "SELECT a.id, a.case_id, c.number, c.person_id, c.restricted, a.starts_at, a.ends_at, "
    "a.kind, a.with_whom, a.place, a.notes, a.status, a.worker_id, a.org_id "
    "FROM appointments a JOIN cases c ON c.id = a.case_id ";

Listed ToListed(const store::Row& row) {
  return {.appointment = {.id = row.Text(0),
                          .case_id = row.Text(1),
                          .org_id = row.Text(13),
                          .worker_id = row.Text(12),
                          .starts_at = row.Text(5),
                          .ends_at = row.Text(6),
                          .kind = row.Text(7),
                          .status = row.Text(11),
                          .with_whom = row.BlobBytes(8),
                          .place = row.BlobBytes(9),
                          .notes = row.BlobBytes(10)},
          .case_number = row.Text(2),
          .person_id = row.Text(3),
          .restricted = row.Int(4) != 0};
}

Result<std::vector<Listed>> Select(store::Tx& tx, const std::string& where,
                                   const store::Params& params) {
  store::Rows rows = TRY(tx.Query(kSelect + where, params));
  std::vector<Listed> out;
  for (const auto& row : rows) out.push_back(ToListed(row));
  return out;
}

}  // namespace

Result<void> Insert(store::Tx& tx, const StoredAppointment& a) {
  TRY(
      tx.Exec("INSERT INTO appointments (id, case_id, org_id, worker_id, starts_at, ends_at, kind, "
              "status, with_whom, place, notes, created_by, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {a.id, a.case_id, a.org_id, a.worker_id, a.starts_at, store::TextOrNull(a.ends_at),
               a.kind, a.status, store::BlobOrNull(a.with_whom), store::BlobOrNull(a.place),
               store::BlobOrNull(a.notes), a.created_by, a.created_at, a.updated_at}));
  return Ok();
}

Result<std::optional<Listed>> FindById(store::Tx& tx, const std::string& id) {
  auto found = TRY(Select(tx, "WHERE a.id = ?", {id}));
  if (found.empty()) return std::optional<Listed>();
  return std::optional<Listed>(std::move(found.front()));
}

Result<std::vector<Listed>> ListByCase(store::Tx& tx, const std::string& case_id, int limit) {
  return Select(tx, "WHERE a.case_id = ? ORDER BY a.starts_at, a.id LIMIT " + std::to_string(limit),
                {case_id});
}

Result<std::vector<Listed>> Calendar(store::Tx& tx, const CalendarFilter& f) {
  // An erased person's cases are gone for everyone (cases::LoadCase).
  std::string where =
      "JOIN people p ON p.id = c.person_id AND p.erased_at IS NULL "
      "WHERE a.org_id = ? AND a.starts_at >= ? AND a.starts_at < ?";
  store::Params params = {f.org_id, f.from, f.to};
  if (!f.worker_id.empty()) {
    where += " AND a.worker_id = ?";
    params.emplace_back(f.worker_id);
  }
  where += " ORDER BY a.starts_at, a.id LIMIT " + std::to_string(f.limit);
  return Select(tx, where, params);
}

Result<void> Finish(store::Tx& tx, const std::string& id, const std::string& status,
                    const std::string& cancel_reason, const std::string& updated_at) {
  TRY(tx.Exec("UPDATE appointments SET status = ?, cancel_reason = ?, updated_at = ? WHERE id = ?",
              {status, store::BlobOrNull(cancel_reason), updated_at, id}));
  return Ok();
}

Result<bool> AssignedOrGranted(store::Tx& tx, const std::string& case_id,
                               const std::string& user_id, const std::string& now) {
  auto row = TRY(
      tx.QueryOne("SELECT 1 FROM case_workers WHERE case_id = ? AND user_id = ? UNION ALL "
                  "SELECT 1 FROM break_glass WHERE case_id = ? AND user_id = ? AND expires_at > ?",
                  {case_id, user_id, case_id, user_id, now}));
  return row.has_value();
}

}  // namespace dandelion::case_records::appointment_repo

#include "modules/case_records/appointment_repo.h"

namespace dandelion::case_records::appointment_repo {
namespace {

constexpr const char* kColumns =
    "SELECT a.id, a.case_id, c.number, c.person_id, c.restricted, a.starts_at, a.ends_at, "
    "a.kind, a.with_whom, a.place, a.notes, a.status, a.worker_id, a.org_id";
constexpr const char* kFrom = " FROM appointments a JOIN cases c ON c.id = a.case_id ";
// The calendar's columns of her (Her), after kColumns, from kHer on.
constexpr const char* kHerColumns =
    ", p.code, p.alias, p.safe_contact, k.version, k.wrapped, k.org_key_version";
constexpr int kHer = 14;

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
  store::Rows rows = TRY(tx.Query(std::string(kColumns) + kFrom + where, params));
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
  // She is read with her appointments: on PostgreSQL her key and her row read apart for each
  // woman of the week were a round trip each, most of the caseload home's time.
  static const std::string select =
      std::string(kColumns) + kHerColumns +
      people::person_repo::HasRestrictedCaseColumn("c.person_id", "c.org_id") + kFrom;
  // An erased person's cases are gone for everyone (cases::LoadCase).
  std::string sql = select + "JOIN people p ON p.id = c.person_id AND p.erased_at IS NULL" +
                    people::person_repo::NewestKeyJoin("c.person_id") +
                    " WHERE a.org_id = ? AND a.starts_at >= ? AND a.starts_at < ?";
  store::Params params = {f.org_id, f.from, f.to};
  if (!f.worker_id.empty()) {
    sql += " AND a.worker_id = ?";
    params.emplace_back(f.worker_id);
  }
  sql += " ORDER BY a.starts_at, a.id LIMIT " + std::to_string(f.limit);
  store::Rows rows = TRY(tx.Query(sql, params));
  std::vector<Listed> out;
  for (const auto& row : rows) {
    Listed listed = ToListed(row);
    Her& her = listed.her.emplace(Her{.code = row.Text(kHer),
                                      .alias = row.BlobBytes(kHer + 1),
                                      .safe_contact = row.BlobBytes(kHer + 2),
                                      .has_restricted_case = row.Int(kHer + 6) != 0});
    if (!row.IsNull(kHer + 3)) {
      her.key = people::person_repo::StoredPersonKey{row.Int(kHer + 3), row.BlobBytes(kHer + 4),
                                                     row.Int(kHer + 5)};
    }
    out.push_back(std::move(listed));
  }
  return out;
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

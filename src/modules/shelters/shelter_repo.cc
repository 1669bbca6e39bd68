#include "modules/shelters/shelter_repo.h"

#include "core/ids.h"

namespace dandelion::shelters::shelter_repo {
namespace {

using store::BlobOrNull;

constexpr const char* kBedColumns =
    "SELECT b.id, b.org_id, b.room_id, r.name, b.label, b.kind, b.status, b.created_at "
    "FROM shelter_beds b JOIN shelter_rooms r ON r.id = b.room_id ";

Bed ToBed(const store::Row& r) {
  return {.id = r.Text(0),
          .org_id = r.Text(1),
          .room_id = r.Text(2),
          .room_name = r.Text(3),
          .label = r.Text(4),
          .kind = r.Text(5),
          .status = r.Text(6),
          .created_at = r.Text(7)};
}

constexpr const char* kStayColumns =
    "SELECT s.id, s.org_id, s.person_id, p.code, s.bed_id, s.source, s.admitted_on, "
    "s.planned_end_on, s.max_end_on, s.house_rules_agreed_on, s.exited_on, s.exit_reason, "
    "s.exit_destination, s.destination_safe, s.exit_note, s.created_by, s.created_at "
    "FROM shelter_stays s JOIN people p ON p.id = s.person_id ";

StoredStay ToStay(const store::Row& r) {
  StoredStay s{.id = r.Text(0),
               .org_id = r.Text(1),
               .person_id = r.Text(2),
               .person_code = r.Text(3),
               .bed_id = r.Text(4),
               .source = r.Text(5),
               .admitted_on = r.Text(6),
               .planned_end_on = r.Text(7),
               .max_end_on = r.Text(8),
               .house_rules_agreed_on = r.Text(9),
               .exited_on = r.Text(10),
               .exit_reason = r.Text(11),
               .exit_destination = r.Text(12),
               .sealed_exit_note = r.BlobBytes(14),
               .created_by = r.Text(15),
               .created_at = r.Text(16)};
  if (!r.IsNull(13)) s.destination_safe = r.Int(13) != 0;
  return s;
}

std::vector<StoredStay> ToStays(const store::Rows& rows) {
  std::vector<StoredStay> out;
  for (const auto& r : rows) out.push_back(ToStay(r));
  return out;
}

constexpr const char* kOutingColumns =
    "SELECT o.id, o.org_id, o.stay_id, o.kind, o.left_at, o.planned_return_at, o.returned_at, "
    "o.destination, o.alerted_at, o.created_by FROM shelter_outings o ";

StoredOuting ToOuting(const store::Row& r) {
  return {.id = r.Text(0),
          .org_id = r.Text(1),
          .stay_id = r.Text(2),
          .kind = r.Text(3),
          .left_at = r.Text(4),
          .planned_return_at = r.Text(5),
          .returned_at = r.Text(6),
          .sealed_destination = r.BlobBytes(7),
          .alerted_at = r.Text(8),
          .created_by = r.Text(9)};
}

std::vector<StoredOuting> ToOutings(const store::Rows& rows) {
  std::vector<StoredOuting> out;
  for (const auto& r : rows) out.push_back(ToOuting(r));
  return out;
}

constexpr const char* kFollowUpColumns =
    "SELECT f.id, f.org_id, f.stay_id, f.months, f.due_on, f.done_on, f.outcome, f.note, p.code "
    "FROM shelter_follow_ups f JOIN shelter_stays s ON s.id = f.stay_id "
    "JOIN people p ON p.id = s.person_id ";

FollowUp ToFollowUp(const store::Row& r) {
  return {.id = r.Text(0),
          .org_id = r.Text(1),
          .stay_id = r.Text(2),
          .months = int(r.Int(3)),
          .due_on = r.Text(4),
          .done_on = r.Text(5),
          .outcome = r.Text(6),
          .sealed_note = r.BlobBytes(7),
          .person_code = r.Text(8)};
}

std::vector<FollowUp> ToFollowUps(const store::Rows& rows) {
  std::vector<FollowUp> out;
  for (const auto& r : rows) out.push_back(ToFollowUp(r));
  return out;
}

}  // namespace

Result<void> InsertRoom(store::Tx& tx, const Room& room) {
  TRY(
      tx.Exec("INSERT INTO shelter_rooms (id, org_id, name, created_at, created_by) "
              "VALUES (?, ?, ?, ?, ?)",
              {room.id, room.org_id, room.name, room.created_at, room.created_by}));
  return Ok();
}

Result<void> InsertBed(store::Tx& tx, const Bed& bed, const std::string& actor_id) {
  TRY(
      tx.Exec("INSERT INTO shelter_beds (id, org_id, room_id, label, kind, status, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)",
              {bed.id, bed.org_id, bed.room_id, bed.label, bed.kind, bed.status, bed.created_at}));
  TRY(tx.Exec(
      "INSERT INTO shelter_bed_events (id, bed_id, kind, at, actor_id) VALUES (?, ?, ?, ?, ?)",
      {NewId(), bed.id, std::string("added"), bed.created_at, actor_id}));
  return Ok();
}

Result<void> SetBedStatus(store::Tx& tx, const std::string& bed_id, const std::string& status,
                          const std::string& at, const std::string& actor_id) {
  TRY(tx.Exec("UPDATE shelter_beds SET status = ? WHERE id = ?", {status, bed_id}));
  TRY(tx.Exec(
      "INSERT INTO shelter_bed_events (id, bed_id, kind, at, actor_id) VALUES (?, ?, ?, ?, ?)",
      {NewId(), bed_id, status, at, actor_id}));
  return Ok();
}

Result<std::optional<Bed>> FindBed(store::Tx& tx, const std::string& org_id,
                                   const std::string& bed_id) {
  auto row = TRY(
      tx.QueryOne(std::string(kBedColumns) + "WHERE b.id = ? AND b.org_id = ?", {bed_id, org_id}));
  if (!row) return std::optional<Bed>();
  return std::optional<Bed>(ToBed(*row));
}

Result<std::vector<Bed>> ListBeds(store::Tx& tx, const std::string& org_id) {
  store::Rows rows =
      TRY(tx.Query(std::string(kBedColumns) +
                       "WHERE b.org_id = ? AND b.status <> 'removed' ORDER BY r.name, b.label",
                   {org_id}));
  std::vector<Bed> out;
  for (const auto& r : rows) out.push_back(ToBed(r));
  return out;
}

Result<std::vector<BedEvent>> BedHistory(store::Tx& tx, const std::string& bed_id) {
  store::Rows rows = TRY(
      tx.Query("SELECT kind, at, actor_id FROM shelter_bed_events WHERE bed_id = ? ORDER BY at, id",
               {bed_id}));
  std::vector<BedEvent> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2)});
  return out;
}

Result<void> InsertStay(store::Tx& tx, const StoredStay& s) {
  TRY(tx.Exec(
      "INSERT INTO shelter_stays (id, org_id, person_id, bed_id, open_bed, open_person, source, "
      "admitted_on, planned_end_on, max_end_on, house_rules_agreed_on, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.org_id, s.person_id, s.bed_id, s.bed_id, s.person_id, s.source, s.admitted_on,
       s.planned_end_on, s.max_end_on, s.house_rules_agreed_on, s.created_by, s.created_at}));
  TRY(
      tx.Exec("INSERT INTO shelter_stay_beds (id, stay_id, bed_id, from_on, moved_by) "
              "VALUES (?, ?, ?, ?, ?)",
              {NewId(), s.id, s.bed_id, s.admitted_on, s.created_by}));
  return Ok();
}

Result<std::optional<StoredStay>> FindStay(store::Tx& tx, const std::string& org_id,
                                           const std::string& stay_id) {
  auto row = TRY(tx.QueryOne(std::string(kStayColumns) + "WHERE s.id = ? AND s.org_id = ?",
                             {stay_id, org_id}));
  if (!row) return std::optional<StoredStay>();
  return std::optional<StoredStay>(ToStay(*row));
}

Result<std::vector<StoredStay>> OpenStays(store::Tx& tx, const std::string& org_id) {
  return ToStays(
      TRY(tx.Query(std::string(kStayColumns) + "WHERE s.org_id = ? AND s.exited_on IS NULL "
                                               "ORDER BY s.admitted_on, s.id",
                   {org_id})));
}

Result<std::vector<StoredStay>> StaysBetween(store::Tx& tx, const std::string& org_id,
                                             const std::string& from, const std::string& until) {
  return ToStays(
      TRY(tx.Query(std::string(kStayColumns) + "WHERE s.org_id = ? AND s.admitted_on < ? AND "
                                               "(s.exited_on IS NULL OR s.exited_on >= ?) "
                                               "ORDER BY s.admitted_on, s.id",
                   {org_id, until, from})));
}

Result<void> MoveStay(store::Tx& tx, const std::string& stay_id, const std::string& bed_id,
                      const std::string& on, const std::string& actor_id) {
  TRY(tx.Exec("UPDATE shelter_stays SET bed_id = ?, open_bed = ? WHERE id = ?",
              {bed_id, bed_id, stay_id}));
  TRY(tx.Exec("UPDATE shelter_stay_beds SET until_on = ? WHERE stay_id = ? AND until_on IS NULL",
              {on, stay_id}));
  TRY(
      tx.Exec("INSERT INTO shelter_stay_beds (id, stay_id, bed_id, from_on, moved_by) "
              "VALUES (?, ?, ?, ?, ?)",
              {NewId(), stay_id, bed_id, on, actor_id}));
  return Ok();
}

Result<bool> ExitStay(store::Tx& tx, const StoredStay& s) {
  store::Params params = {
      s.exited_on, s.exit_reason, s.exit_destination, nullptr, BlobOrNull(s.sealed_exit_note),
      s.id};
  if (s.destination_safe) params[3] = int64_t(*s.destination_safe ? 1 : 0);
  const int64_t changed =
      TRY(tx.Exec("UPDATE shelter_stays SET exited_on = ?, exit_reason = ?, exit_destination = ?, "
                  "destination_safe = ?, exit_note = ?, open_bed = NULL, open_person = NULL "
                  "WHERE id = ? AND exited_on IS NULL",
                  params));
  if (changed == 0) return false;
  TRY(tx.Exec("UPDATE shelter_stay_beds SET until_on = ? WHERE stay_id = ? AND until_on IS NULL",
              {s.exited_on, s.id}));
  return true;
}

Result<void> InsertOuting(store::Tx& tx, const StoredOuting& o) {
  TRY(
      tx.Exec("INSERT INTO shelter_outings (id, org_id, stay_id, kind, left_at, planned_return_at, "
              "destination, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {o.id, o.org_id, o.stay_id, o.kind, o.left_at, o.planned_return_at,
               BlobOrNull(o.sealed_destination), o.created_by}));
  return Ok();
}

Result<std::optional<StoredOuting>> FindOuting(store::Tx& tx, const std::string& org_id,
                                               const std::string& outing_id) {
  auto row = TRY(tx.QueryOne(std::string(kOutingColumns) + "WHERE o.id = ? AND o.org_id = ?",
                             {outing_id, org_id}));
  if (!row) return std::optional<StoredOuting>();
  return std::optional<StoredOuting>(ToOuting(*row));
}

Result<bool> MarkReturned(store::Tx& tx, const std::string& outing_id,
                          const std::string& returned_at) {
  const int64_t changed =
      TRY(tx.Exec("UPDATE shelter_outings SET returned_at = ? WHERE id = ? AND returned_at IS NULL",
                  {returned_at, outing_id}));
  return changed > 0;
}

Result<std::vector<StoredOuting>> OpenOutings(store::Tx& tx, const std::string& org_id) {
  return ToOutings(
      TRY(tx.Query(std::string(kOutingColumns) + "WHERE o.org_id = ? AND o.returned_at IS NULL "
                                                 "ORDER BY o.planned_return_at, o.id",
                   {org_id})));
}

Result<std::vector<StoredOuting>> OvernightLeave(store::Tx& tx, const std::string& org_id,
                                                 const std::string& from,
                                                 const std::string& until) {
  return ToOutings(
      TRY(tx.Query(std::string(kOutingColumns) + "WHERE o.org_id = ? AND o.kind = 'overnight' AND "
                                                 "o.left_at < ? AND (o.returned_at IS NULL OR "
                                                 "o.returned_at >= ?) ORDER BY o.left_at, o.id",
                   {org_id, until, from})));
}

Result<bool> MarkAlerted(store::Tx& tx, const std::string& outing_id, const std::string& at) {
  const int64_t changed =
      TRY(tx.Exec("UPDATE shelter_outings SET alerted_at = ? WHERE id = ? AND alerted_at IS NULL",
                  {at, outing_id}));
  return changed > 0;
}

Result<void> InsertFollowUp(store::Tx& tx, const FollowUp& f) {
  TRY(
      tx.Exec("INSERT INTO shelter_follow_ups (id, org_id, stay_id, months, due_on) "
              "VALUES (?, ?, ?, ?, ?)",
              {f.id, f.org_id, f.stay_id, int64_t(f.months), f.due_on}));
  return Ok();
}

Result<std::optional<FollowUp>> FindFollowUp(store::Tx& tx, const std::string& org_id,
                                             const std::string& id) {
  auto row = TRY(
      tx.QueryOne(std::string(kFollowUpColumns) + "WHERE f.id = ? AND f.org_id = ?", {id, org_id}));
  if (!row) return std::optional<FollowUp>();
  return std::optional<FollowUp>(ToFollowUp(*row));
}

Result<std::vector<FollowUp>> FollowUpsOfStay(store::Tx& tx, const std::string& stay_id) {
  return ToFollowUps(TRY(tx.Query(
      std::string(kFollowUpColumns) + "WHERE f.stay_id = ? ORDER BY f.months", {stay_id})));
}

Result<std::vector<FollowUp>> FollowUpsDue(store::Tx& tx, const std::string& org_id,
                                           const std::string& through) {
  return ToFollowUps(TRY(tx.Query(std::string(kFollowUpColumns) +
                                      "WHERE f.org_id = ? AND f.done_on IS NULL AND f.due_on <= ? "
                                      "ORDER BY f.due_on, f.id",
                                  {org_id, through})));
}

Result<bool> RecordFollowUp(store::Tx& tx, const FollowUp& f) {
  const int64_t changed =
      TRY(tx.Exec("UPDATE shelter_follow_ups SET done_on = ?, outcome = ?, note = ? "
                  "WHERE id = ? AND done_on IS NULL",
                  {f.done_on, f.outcome, BlobOrNull(f.sealed_note), f.id}));
  return changed > 0;
}

Result<std::vector<std::string>> UsersWithRole(store::Tx& tx, const std::string& org_id,
                                               const std::string& role) {
  store::Rows rows = TRY(
      tx.Query("SELECT id, roles FROM users WHERE org_id = ? AND disabled_at IS NULL ORDER BY id",
               {org_id}));
  std::vector<std::string> out;
  for (const auto& r : rows) {
    if (("," + r.Text(1) + ",").find("," + role + ",") != std::string::npos) {
      out.push_back(r.Text(0));
    }
  }
  return out;
}

Result<void> Notify(store::Tx& tx, const std::string& org_id, const std::string& user_id,
                    const std::string& kind, const std::string& at) {
  TRY(
      tx.Exec("INSERT INTO notifications (id, org_id, user_id, kind, case_id, actor_id, at) "
              "VALUES (?, ?, ?, ?, NULL, NULL, ?)",
              {NewId(), org_id, user_id, kind, at}));
  return Ok();
}

}  // namespace dandelion::shelters::shelter_repo

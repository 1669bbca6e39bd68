#include "modules/survivors/survivor_repo.h"

#include "security/account_repo.h"
#include "store/select.h"

namespace dandelion::survivors::repo {
namespace {

using store::BlobOrNull;
using store::TextOrNull;

using store::Select;
using store::SelectOne;

Result<int> Count(store::Tx& tx, const std::string& sql, const store::Params& params) {
  auto row = TRY(tx.QueryOne(sql, params));
  return row ? static_cast<int>(row->Int(0)) : 0;
}

constexpr const char* kGroupSelect =
    "SELECT id, org_id, name, region, created_at FROM survivor_groups ";
StoredGroup ToGroup(const store::Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)};
}

constexpr const char* kMemberSelect =
    "SELECT id, org_id, group_id, alias, legal_name, contact, safe_contact, joined_on, roles, "
    "vouched_by, user_id, status, created_at FROM survivor_members ";
StoredMember ToMember(const store::Row& r) {
  return {.id = r.Text(0),
          .org_id = r.Text(1),
          .group_id = r.Text(2),
          .alias = r.Text(3),
          .legal_name = r.BlobBytes(4),
          .contact = r.BlobBytes(5),
          .safe_contact = r.BlobBytes(6),
          .joined_on = r.Text(7),
          .roles = r.Text(8),
          .vouched_by = r.Text(9),
          .user_id = r.Text(10),
          .status = r.Text(11),
          .created_at = r.Text(12)};
}

constexpr const char* kMeetingSelect =
    "SELECT id, org_id, group_id, starts_at, topic, place, facilitator_id, anonymous_count, "
    "created_at FROM survivor_meetings ";
StoredMeeting ToMeeting(const store::Row& r) {
  return {.id = r.Text(0),
          .org_id = r.Text(1),
          .group_id = r.Text(2),
          .starts_at = r.Text(3),
          .topic = r.Text(4),
          .place = r.BlobBytes(5),
          .facilitator_id = r.Text(6),
          .anonymous_count = static_cast<int>(r.Int(7)),
          .created_at = r.Text(8)};
}

constexpr const char* kStatementSelect =
    "SELECT id, org_id, title_ko, title_en, body_ko, body_en, status, created_at, created_by, "
    "published_at FROM survivor_statements ";
StoredStatement ToStatement(const store::Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4),
          r.Text(5), r.Text(6), r.Text(7), r.Text(8), r.Text(9)};
}

}  // namespace

Result<std::string> OrgKind(store::Tx& tx, const std::string& org_id) {
  auto row = TRY(tx.QueryOne("SELECT kind FROM organizations WHERE id = ?", {org_id}));
  return row ? row->Text(0) : std::string();
}

Result<int> StatementMinimum(store::Tx& tx, const std::string& org_id) {
  auto row = TRY(
      tx.QueryOne("SELECT statement_minimum FROM survivor_settings WHERE org_id = ?", {org_id}));
  return row ? static_cast<int>(row->Int(0)) : -1;
}

Result<void> SetStatementMinimum(store::Tx& tx, const std::string& org_id, int minimum,
                                 const std::string& now) {
  int64_t changed =
      TRY(tx.Exec("UPDATE survivor_settings SET statement_minimum = ?, updated_at = ? "
                  "WHERE org_id = ?",
                  {int64_t{minimum}, now, org_id}));
  if (changed == 0) {
    TRY(
        tx.Exec("INSERT INTO survivor_settings (org_id, statement_minimum, updated_at) "
                "VALUES (?, ?, ?)",
                {org_id, int64_t{minimum}, now}));
  }
  return Ok();
}

// ---- Groups -------------------------------------------------------------------------------------

Result<void> InsertGroup(store::Tx& tx, const StoredGroup& g) {
  TRY(
      tx.Exec("INSERT INTO survivor_groups (id, org_id, name, region, created_at) "
              "VALUES (?, ?, ?, ?, ?)",
              {g.id, g.org_id, g.name, g.region, g.created_at}));
  return Ok();
}

Result<void> UpdateGroup(store::Tx& tx, const StoredGroup& g) {
  TRY(tx.Exec("UPDATE survivor_groups SET name = ?, region = ? WHERE id = ?",
              {g.name, g.region, g.id}));
  return Ok();
}

Result<std::optional<StoredGroup>> FindGroup(store::Tx& tx, const std::string& id) {
  return SelectOne<StoredGroup>(tx, std::string(kGroupSelect) + "WHERE id = ?", {id}, ToGroup);
}

Result<std::vector<StoredGroup>> GroupsOf(store::Tx& tx, const std::string& org_id) {
  return Select<StoredGroup>(tx, std::string(kGroupSelect) + "WHERE org_id = ? ORDER BY name, id",
                             {org_id}, ToGroup);
}

// ---- Members ------------------------------------------------------------------------------------

Result<void> InsertMember(store::Tx& tx, const StoredMember& m) {
  TRY(
      tx.Exec("INSERT INTO survivor_members (id, org_id, group_id, alias, legal_name, contact, "
              "safe_contact, joined_on, roles, vouched_by, user_id, status, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {m.id, m.org_id, m.group_id, m.alias, BlobOrNull(m.legal_name), BlobOrNull(m.contact),
               BlobOrNull(m.safe_contact), m.joined_on, m.roles, TextOrNull(m.vouched_by),
               TextOrNull(m.user_id), m.status, m.created_at}));
  return Ok();
}

Result<void> UpdateMember(store::Tx& tx, const StoredMember& m) {
  TRY(
      tx.Exec("UPDATE survivor_members SET group_id = ?, alias = ?, legal_name = ?, contact = ?, "
              "safe_contact = ?, roles = ?, user_id = ? WHERE id = ?",
              {m.group_id, m.alias, BlobOrNull(m.legal_name), BlobOrNull(m.contact),
               BlobOrNull(m.safe_contact), m.roles, TextOrNull(m.user_id), m.id}));
  return Ok();
}

Result<std::optional<StoredMember>> FindMember(store::Tx& tx, const std::string& id) {
  return SelectOne<StoredMember>(tx, std::string(kMemberSelect) + "WHERE id = ?", {id}, ToMember);
}

Result<std::optional<StoredMember>> MemberOfUser(store::Tx& tx, const std::string& user_id) {
  return SelectOne<StoredMember>(
      tx, std::string(kMemberSelect) + "WHERE user_id = ? AND status = 'active'", {user_id},
      ToMember);
}

Result<std::vector<StoredMember>> MembersOf(store::Tx& tx, const std::string& org_id,
                                            const std::string& group_id) {
  std::string sql = std::string(kMemberSelect) + "WHERE org_id = ? AND status = 'active' ";
  store::Params params{org_id};
  if (!group_id.empty()) {
    sql += "AND group_id = ? ";
    params.push_back(group_id);
  }
  return Select<StoredMember>(tx, sql + "ORDER BY alias, id", params, ToMember);
}

Result<bool> AliasTaken(store::Tx& tx, const std::string& org_id, const std::string& alias,
                        const std::string& except_id) {
  int n = TRY(Count(tx,
                    "SELECT COUNT(*) FROM survivor_members WHERE org_id = ? AND alias = ? "
                    "AND status = 'active' AND id <> ?",
                    {org_id, alias, except_id}));
  return n > 0;
}

Result<void> InsertMemberKey(store::Tx& tx, const std::string& member_id,
                             const std::string& wrapped) {
  TRY(tx.Exec("INSERT INTO survivor_member_keys (member_id, wrapped_key) VALUES (?, ?)",
              {member_id, store::Blob{wrapped}}));
  return Ok();
}

Result<std::string> MemberKey(store::Tx& tx, const std::string& member_id) {
  auto row = TRY(
      tx.QueryOne("SELECT wrapped_key FROM survivor_member_keys WHERE member_id = ?", {member_id}));
  return row ? row->BlobBytes(0) : std::string();
}

Result<std::string> EraseMember(store::Tx& tx, const std::string& member_id, TimePoint now) {
  auto linked = TRY(tx.QueryOne("SELECT user_id FROM survivor_members WHERE id = ?", {member_id}));
  const std::string user_id = linked && !linked->IsNull(0) ? linked->Text(0) : "";
  if (!user_id.empty()) {
    TRY(security::account_repo::SetDisabled(tx, user_id, FormatRfc3339(now)));
    TRY(security::account_repo::EndSessionsOfUser(tx, user_id, UnixSeconds(now)));
  }
  TRY(tx.Exec("DELETE FROM survivor_member_keys WHERE member_id = ?", {member_id}));
  TRY(
      tx.Exec("UPDATE survivor_meetings SET anonymous_count = anonymous_count + 1 WHERE id IN "
              "(SELECT meeting_id FROM survivor_attendance WHERE member_id = ?)",
              {member_id}));
  TRY(tx.Exec("DELETE FROM survivor_attendance WHERE member_id = ?", {member_id}));
  TRY(tx.Exec("DELETE FROM survivor_signatures WHERE member_id = ?", {member_id}));
  TRY(tx.Exec("UPDATE survivor_meetings SET facilitator_id = NULL WHERE facilitator_id = ?",
              {member_id}));
  TRY(
      tx.Exec("UPDATE survivor_members SET alias = '', legal_name = NULL, contact = NULL, "
              "safe_contact = NULL, user_id = NULL, vouched_by = NULL, status = 'erased', "
              "erased_at = ? WHERE id = ?",
              {FormatRfc3339(now), member_id}));
  return user_id;
}

// ---- Meetings -----------------------------------------------------------------------------------

Result<void> InsertMeeting(store::Tx& tx, const StoredMeeting& m) {
  TRY(
      tx.Exec("INSERT INTO survivor_meetings (id, org_id, group_id, starts_at, topic, place, "
              "facilitator_id, anonymous_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
              {m.id, m.org_id, m.group_id, m.starts_at, m.topic, store::Blob{m.place},
               TextOrNull(m.facilitator_id), m.created_at}));
  return Ok();
}

Result<void> UpdateMeeting(store::Tx& tx, const StoredMeeting& m) {
  TRY(
      tx.Exec("UPDATE survivor_meetings SET starts_at = ?, topic = ?, place = ?, "
              "facilitator_id = ? WHERE id = ?",
              {m.starts_at, m.topic, store::Blob{m.place}, TextOrNull(m.facilitator_id), m.id}));
  return Ok();
}

Result<std::optional<StoredMeeting>> FindMeeting(store::Tx& tx, const std::string& id) {
  return SelectOne<StoredMeeting>(tx, std::string(kMeetingSelect) + "WHERE id = ?", {id},
                                  ToMeeting);
}

Result<std::vector<StoredMeeting>> MeetingsOf(store::Tx& tx, const std::string& group_id,
                                              const std::string& from, int limit) {
  return Select<StoredMeeting>(tx,
                               std::string(kMeetingSelect) +
                                   "WHERE group_id = ? AND starts_at >= ? "
                                   "ORDER BY starts_at, id LIMIT ?",
                               {group_id, from, int64_t{limit}}, ToMeeting);
}

Result<std::vector<std::pair<std::string, std::string>>> AttendanceOf(store::Tx& tx,
                                                                      const std::string& meeting) {
  auto rows =
      TRY(tx.Query("SELECT m.id, m.alias FROM survivor_attendance a "
                   "JOIN survivor_members m ON m.id = a.member_id "
                   "WHERE a.meeting_id = ? ORDER BY m.alias, m.id",
                   {meeting}));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.Text(0), r.Text(1));
  return out;
}

Result<int> AttendanceCount(store::Tx& tx, const std::string& meeting_id) {
  return Count(tx,
               "SELECT (SELECT COUNT(*) FROM survivor_attendance WHERE meeting_id = ?) + "
               "(SELECT anonymous_count FROM survivor_meetings WHERE id = ?)",
               {meeting_id, meeting_id});
}

Result<void> MarkAttendance(store::Tx& tx, const std::string& meeting_id,
                            const std::string& member_id, const std::string& now) {
  int n = TRY(Count(tx,
                    "SELECT COUNT(*) FROM survivor_attendance WHERE meeting_id = ? AND "
                    "member_id = ?",
                    {meeting_id, member_id}));
  if (n > 0) return Ok();
  TRY(
      tx.Exec("INSERT INTO survivor_attendance (meeting_id, member_id, marked_at) "
              "VALUES (?, ?, ?)",
              {meeting_id, member_id, now}));
  return Ok();
}

Result<int64_t> UnmarkAttendance(store::Tx& tx, const std::string& meeting_id,
                                 const std::string& member_id) {
  return tx.Exec("DELETE FROM survivor_attendance WHERE meeting_id = ? AND member_id = ?",
                 {meeting_id, member_id});
}

// ---- Peer contacts ------------------------------------------------------------------------------

Result<void> InsertPeerContact(store::Tx& tx, const StoredPeerContact& c) {
  TRY(
      tx.Exec("INSERT INTO survivor_peer_contacts (id, org_id, supporter_id, contact_date, "
              "region, mode, minutes, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {c.id, c.org_id, c.supporter_id, c.date, c.region, c.mode, int64_t{c.minutes},
               BlobOrNull(c.note), c.created_at}));
  return Ok();
}

Result<std::vector<StoredPeerContact>> PeerContactsOf(store::Tx& tx, const std::string& org_id,
                                                      const std::string& supporter_id) {
  std::string sql =
      "SELECT id, org_id, supporter_id, contact_date, region, mode, minutes, note, created_at "
      "FROM survivor_peer_contacts WHERE org_id = ? ";
  store::Params params{org_id};
  if (!supporter_id.empty()) {
    sql += "AND supporter_id = ? ";
    params.push_back(supporter_id);
  }
  return Select<StoredPeerContact>(tx, sql + "ORDER BY contact_date DESC, created_at DESC, id",
                                   params, [](const store::Row& r) {
                                     return StoredPeerContact{.id = r.Text(0),
                                                              .org_id = r.Text(1),
                                                              .supporter_id = r.Text(2),
                                                              .date = r.Text(3),
                                                              .region = r.Text(4),
                                                              .mode = r.Text(5),
                                                              .minutes = static_cast<int>(r.Int(6)),
                                                              .note = r.BlobBytes(7),
                                                              .created_at = r.Text(8)};
                                   });
}

// ---- Statements ---------------------------------------------------------------------------------

Result<void> InsertStatement(store::Tx& tx, const StoredStatement& s) {
  TRY(
      tx.Exec("INSERT INTO survivor_statements (id, org_id, title_ko, title_en, body_ko, "
              "body_en, status, created_at, created_by, published_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {s.id, s.org_id, s.title_ko, s.title_en, s.body_ko, s.body_en, s.status, s.created_at,
               s.created_by, TextOrNull(s.published_at)}));
  return Ok();
}

Result<void> UpdateStatement(store::Tx& tx, const StoredStatement& s) {
  TRY(tx.Exec(
      "UPDATE survivor_statements SET title_ko = ?, title_en = ?, body_ko = ?, "
      "body_en = ?, status = ?, published_at = ? WHERE id = ?",
      {s.title_ko, s.title_en, s.body_ko, s.body_en, s.status, TextOrNull(s.published_at), s.id}));
  return Ok();
}

Result<std::optional<StoredStatement>> FindStatement(store::Tx& tx, const std::string& id) {
  return SelectOne<StoredStatement>(tx, std::string(kStatementSelect) + "WHERE id = ?", {id},
                                    ToStatement);
}

Result<std::vector<StoredStatement>> StatementsOf(store::Tx& tx, const std::string& org_id) {
  return Select<StoredStatement>(
      tx, std::string(kStatementSelect) + "WHERE org_id = ? ORDER BY created_at DESC, id", {org_id},
      ToStatement);
}

Result<std::vector<StoredStatement>> PublishedStatements(store::Tx& tx) {
  return Select<StoredStatement>(
      tx,
      std::string(kStatementSelect) + "WHERE status = 'published' ORDER BY published_at DESC, id",
      {}, ToStatement);
}

Result<int> SignatureCount(store::Tx& tx, const std::string& statement_id) {
  return Count(tx, "SELECT COUNT(*) FROM survivor_signatures WHERE statement_id = ?",
               {statement_id});
}

Result<bool> HasSigned(store::Tx& tx, const std::string& statement_id,
                       const std::string& member_id) {
  int n = TRY(Count(tx,
                    "SELECT COUNT(*) FROM survivor_signatures WHERE statement_id = ? AND "
                    "member_id = ?",
                    {statement_id, member_id}));
  return n > 0;
}

Result<void> Sign(store::Tx& tx, const std::string& statement_id, const std::string& member_id,
                  const std::string& now) {
  if (TRY(HasSigned(tx, statement_id, member_id))) return Ok();
  TRY(
      tx.Exec("INSERT INTO survivor_signatures (statement_id, member_id, signed_at) "
              "VALUES (?, ?, ?)",
              {statement_id, member_id, now}));
  return Ok();
}

Result<int64_t> Unsign(store::Tx& tx, const std::string& statement_id,
                       const std::string& member_id) {
  return tx.Exec("DELETE FROM survivor_signatures WHERE statement_id = ? AND member_id = ?",
                 {statement_id, member_id});
}

}  // namespace dandelion::survivors::repo

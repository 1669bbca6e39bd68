#include "modules/cases/case_repo.h"

#include "modules/cases/model.h"
#include "store/select.h"

namespace dandelion::cases::case_repo {
namespace {

using store::BlobOrNull;
using store::TextOrNull;

constexpr const char* kColumns =
    "id, org_id, person_id, number, number_year, number_seq, status, intake_channel, situation, "
    "risk_level, risk_rank, summary, safety_plan, restricted, opened_at, closed_at, "
    "closure_reason, "
    "closure_note, reopen_reason, last_contact_at, created_by, updated_at";

StoredCase ToCase(const store::Row& r) {
  StoredCase c;
  c.id = r.Text(0);
  c.org_id = r.Text(1);
  c.person_id = r.Text(2);
  c.number = r.Text(3);
  c.number_year = r.Int(4);
  c.number_seq = r.Int(5);
  c.status = r.Text(6);
  c.intake_channel = r.Text(7);
  c.situation = r.Text(8);
  c.risk_level = r.Text(9);
  c.summary = r.BlobBytes(11);
  c.safety_plan = r.BlobBytes(12);
  c.restricted = r.Int(13) != 0;
  c.opened_at = r.Text(14);
  c.closed_at = r.Text(15);
  c.closure_reason = r.Text(16);
  c.closure_note = r.BlobBytes(17);
  c.reopen_reason = r.BlobBytes(18);
  c.last_contact_at = r.Text(19);
  c.created_by = r.Text(20);
  c.updated_at = r.Text(21);
  return c;
}

// "?, ?, …" with n placeholders.
std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

}  // namespace

Result<void> Insert(store::Tx& tx, const StoredCase& c) {
  TRY(tx.Exec(std::string("INSERT INTO cases (") + kColumns + ") VALUES (" + Placeholders(22) + ")",
              {c.id,
               c.org_id,
               c.person_id,
               c.number,
               c.number_year,
               c.number_seq,
               c.status,
               c.intake_channel,
               c.situation,
               c.risk_level,
               int64_t{RiskRank(c.risk_level)},
               BlobOrNull(c.summary),
               BlobOrNull(c.safety_plan),
               int64_t{c.restricted ? 1 : 0},
               c.opened_at,
               TextOrNull(c.closed_at),
               TextOrNull(c.closure_reason),
               BlobOrNull(c.closure_note),
               BlobOrNull(c.reopen_reason),
               TextOrNull(c.last_contact_at),
               c.created_by,
               c.updated_at}));
  return Ok();
}

Result<void> Update(store::Tx& tx, const StoredCase& c) {
  TRY(tx.Exec(
      "UPDATE cases SET status = ?, intake_channel = ?, situation = ?, risk_level = ?, "
      "risk_rank = ?, summary = ?, safety_plan = ?, restricted = ?, opened_at = ?, closed_at = ?, "
      "closure_reason = ?, closure_note = ?, reopen_reason = ?, last_contact_at = ?, "
      "updated_at = ? WHERE id = ?",
      {c.status, c.intake_channel, c.situation, c.risk_level, int64_t{RiskRank(c.risk_level)},
       BlobOrNull(c.summary), BlobOrNull(c.safety_plan), int64_t{c.restricted ? 1 : 0}, c.opened_at,
       TextOrNull(c.closed_at), TextOrNull(c.closure_reason), BlobOrNull(c.closure_note),
       BlobOrNull(c.reopen_reason), TextOrNull(c.last_contact_at), c.updated_at, c.id}));
  return Ok();
}

Result<std::optional<StoredCase>> FindById(store::Tx& tx, const std::string& id) {
  auto row = TRY(tx.QueryOne(std::string("SELECT ") + kColumns + " FROM cases WHERE id = ?", {id}));
  if (!row) return std::optional<StoredCase>();
  return std::optional<StoredCase>(ToCase(*row));
}

Result<bool> PersonErased(store::Tx& tx, const std::string& person_id) {
  auto row = TRY(tx.QueryOne("SELECT erased_at FROM people WHERE id = ?", {person_id}));
  return !row || !row->Text(0).empty();
}

Result<int64_t> NextNumberSeq(store::Tx& tx, const std::string& org_id, int64_t year) {
  auto row = TRY(tx.QueryOne(
      "SELECT COALESCE(MAX(number_seq), 0) FROM cases WHERE org_id = ? AND number_year = ?",
      {org_id, year}));
  return (row ? row->Int(0) : 0) + 1;
}

// kColumns of the cases table named c.
const std::string& CaseColumnsOfC() {
  static const std::string qualified = store::Qualified(kColumns, "c");
  return qualified;
}

// CaseColumnsOfC with NULL for the sealed fields, which no list shows: a list of two hundred
// cases then neither reads nor opens them (ListedView).
const std::string& ListedCaseColumnsOfC() {
  static const std::string columns = [] {
    std::string out = CaseColumnsOfC();
    for (const char* sealed :
         {"c.summary,", "c.safety_plan,", "c.closure_note,", "c.reopen_reason,"}) {
      out.replace(out.find(sealed), std::string_view(sealed).size(), "NULL,");
    }
    return out;
  }();
  return columns;
}

// Her row's columns a list shows and her newest wrapped key, after the case's columns: her card,
// or, on a row not yet given one, the three fields it holds (migration 0028).
constexpr const char* kListedPersonColumns =
    ", CASE WHEN p.id IS NULL OR p.erased_at IS NOT NULL THEN 1 ELSE 0 END, p.code, "
    "CASE WHEN p.card IS NULL THEN p.legal_name END, CASE WHEN p.card IS NULL THEN p.alias END, "
    "CASE WHEN p.card IS NULL THEN p.safe_contact END, p.card, k.version, k.wrapped, "
    "k.org_key_version";
const std::string& ListedPersonJoins() {
  static const std::string joins = " LEFT JOIN people p ON p.id = c.person_id" +
                                   people::person_repo::NewestKeyJoin("c.person_id");
  return joins;
}

// Whether her person has a restricted case in the case's organization: one index probe per row
// here, where it was one statement per row after the list or the read (on PostgreSQL, a round
// trip each).
const std::string& PersonRestrictedColumn() {
  static const std::string column =
      people::person_repo::HasRestrictedCaseColumn("c.person_id", "c.org_id");
  return column;
}

// How many columns ToListedCase reads: the case's 22, then the person's 9.
constexpr size_t kListedColumns = 31;

ListedCase ToListedCase(const store::Row& r) {
  constexpr size_t kFirst = 22;  // the columns of kColumns come first
  ListedCase out{.c = ToCase(r),
                 .person_erased = r.Int(kFirst) != 0,
                 .person_code = r.Text(kFirst + 1),
                 .legal_name = r.BlobBytes(kFirst + 2),
                 .alias = r.BlobBytes(kFirst + 3),
                 .safe_contact = r.BlobBytes(kFirst + 4),
                 .card = r.BlobBytes(kFirst + 5)};
  if (!r.IsNull(kFirst + 6)) {
    out.key = people::person_repo::StoredPersonKey{r.Int(kFirst + 6), r.BlobBytes(kFirst + 7),
                                                   r.Int(kFirst + 8)};
  }
  return out;
}

Result<std::vector<ListedCase>> List(store::Tx& tx, const ListFilter& f) {
  // One's own caseload starts from one's assignments (a handful) rather than from every case of
  // the organization; the organization's list walks cases_by_org_status, riskiest first.
  // (SQLite's CROSS JOIN keeps that join order; PostgreSQL's planner finds it by itself and has
  // no CROSS JOIN ... ON.)
  const std::string join = tx.dialect() == store::Dialect::kSqlite ? " CROSS JOIN " : " JOIN ";
  const std::string restricted_column =
      f.with_person_restricted ? PersonRestrictedColumn() : std::string();
  std::string sql =
      "SELECT " + ListedCaseColumnsOfC() + kListedPersonColumns + restricted_column +
      (f.assigned_to.empty() ? std::string(" FROM cases c")
                             : " FROM case_workers w" + join + "cases c ON c.id = w.case_id") +
      ListedPersonJoins() +
      (f.assigned_to.empty() ? " WHERE c.org_id = ?" : " WHERE w.user_id = ? AND c.org_id = ?");
  store::Params params;
  if (!f.assigned_to.empty()) params.emplace_back(f.assigned_to);
  params.emplace_back(f.org_id);
  if (!f.status.empty()) {
    sql += " AND c.status = ?";
    params.emplace_back(f.status);
  }
  if (!f.person_id.empty()) {
    sql += " AND c.person_id = ?";
    params.emplace_back(f.person_id);
  }
  if (!f.no_contact_since.empty()) {
    sql += " AND COALESCE(c.last_contact_at, c.opened_at) < ?";
    params.emplace_back(f.no_contact_since);
  }
  if (f.unassigned) {
    sql +=
        " AND NOT EXISTS (SELECT 1 FROM case_workers cw JOIN users u ON u.id = cw.user_id WHERE "
        "cw.case_id = c.id AND u.disabled_at IS NULL)";
  }
  if (!f.risk_level.empty()) {
    sql += " AND c.risk_level = ?";
    params.emplace_back(f.risk_level);
  }
  sql += " ORDER BY c.risk_rank DESC, c.opened_at DESC, c.number LIMIT " + std::to_string(f.limit);
  store::Rows rows = TRY(tx.Query(sql, params));
  std::vector<ListedCase> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back(ToListedCase(r));
    if (f.with_person_restricted) out.back().person_restricted = r.Int(kListedColumns) != 0;
  }
  return out;
}

Result<std::optional<CaseForCaller>> FindForCaller(store::Tx& tx, const std::string& id,
                                                   const std::string& user_id,
                                                   const std::string& session_token_hash) {
  // One row per worker of the case (one row with no worker when none is), in the order WorkersOf
  // gives them; then its organization's list generation (case_generation.h), and the session's
  // columns when asked for.
  static const std::string select = "SELECT " + CaseColumnsOfC() + kListedPersonColumns +
                                    PersonRestrictedColumn() + ", w.user_id, u.display_name, g.n";
  static const std::string from =
      " FROM cases c" + ListedPersonJoins() +
      " LEFT JOIN case_workers w ON w.case_id = c.id LEFT JOIN users u ON u.id = w.user_id"
      " LEFT JOIN list_generations g ON g.org_id = c.org_id";
  static const std::string where = " WHERE c.id = ? ORDER BY w.assigned_at, u.display_name";
  static const std::string sql = select + from + where;
  static const std::string sql_with_session =
      select + ", " + security::account_repo::SessionAndAccountColumns("ms", "mu") + from +
      " JOIN sessions ms ON ms.token_hash = ? JOIN users mu ON mu.id = ms.user_id" + where;
  store::Rows rows = TRY(session_token_hash.empty()
                             ? tx.Query(sql, {id})
                             : tx.Query(sql_with_session, {store::Blob{session_token_hash}, id}));
  if (rows.empty()) return std::optional<CaseForCaller>();
  CaseForCaller out{.listed = ToListedCase(rows.front())};
  if (!rows.front().IsNull(kListedColumns + 3))
    out.generation = rows.front().Int(kListedColumns + 3);
  if (!session_token_hash.empty()) {
    out.session = security::account_repo::SessionAndAccountAt(rows.front(), kListedColumns + 4);
  }
  out.listed.person_restricted = rows.front().Int(kListedColumns) != 0;
  for (const auto& r : rows) {
    if (r.IsNull(kListedColumns + 2)) continue;  // no worker (or, impossibly, no such user)
    out.workers.emplace_back(r.Text(kListedColumns + 1), r.Text(kListedColumns + 2));
    if (out.workers.back().first == user_id) out.assigned = true;
  }
  return std::optional<CaseForCaller>(std::move(out));
}

Result<std::map<std::string, std::vector<std::pair<std::string, std::string>>>> WorkersOf(
    store::Tx& tx, const std::vector<std::string>& case_ids) {
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> out;
  // In slices, so that a long caseload stays within every backend's parameter limit.
  constexpr size_t kSlice = 200;
  for (size_t start = 0; start < case_ids.size(); start += kSlice) {
    const size_t end = std::min(case_ids.size(), start + kSlice);
    const std::vector<std::string> slice(case_ids.begin() + static_cast<long>(start),
                                         case_ids.begin() + static_cast<long>(end));
    store::Params params;
    const std::string which = store::OneOf(tx.dialect(), "w.case_id", slice, params);
    store::Rows rows = TRY(
        tx.Query("SELECT w.case_id, w.user_id, u.display_name FROM case_workers w JOIN users u ON "
                 "u.id = w.user_id WHERE " +
                     which + " ORDER BY w.assigned_at, u.display_name",
                 params));
    for (const auto& r : rows) out[r.Text(0)].emplace_back(r.Text(1), r.Text(2));
  }
  return out;
}

Result<void> SetWorkers(store::Tx& tx, const std::string& case_id,
                        const std::vector<std::string>& user_ids, const std::string& at) {
  TRY(tx.Exec("DELETE FROM case_workers WHERE case_id = ?", {case_id}));
  for (const auto& user_id : user_ids) {
    TRY(tx.Exec("INSERT INTO case_workers (case_id, user_id, assigned_at) VALUES (?, ?, ?)",
                {case_id, user_id, at}));
  }
  return Ok();
}

Result<void> InsertBreakGlass(store::Tx& tx, const BreakGlassGrant& g) {
  TRY(
      tx.Exec("INSERT INTO break_glass (id, case_id, user_id, reason, granted_at, expires_at) "
              "VALUES (?, ?, ?, ?, ?, ?)",
              {g.id, g.case_id, g.user_id, store::Blob{g.reason}, g.granted_at, g.expires_at}));
  return Ok();
}

Result<bool> HasBreakGlass(store::Tx& tx, const std::string& case_id, const std::string& user_id,
                           const std::string& now) {
  auto row = TRY(tx.QueryOne(
      "SELECT 1 FROM break_glass WHERE case_id = ? AND user_id = ? AND expires_at > ? LIMIT 1",
      {case_id, user_id, now}));
  return row.has_value();
}

Result<void> InsertNotification(store::Tx& tx, const Notification& n) {
  TRY(tx.Exec(
      "INSERT INTO notifications (id, org_id, user_id, kind, case_id, actor_id, at, referral_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {n.id, n.org_id, n.user_id, n.kind, TextOrNull(n.case_id), TextOrNull(n.actor_id), n.at,
       TextOrNull(n.referral_id)}));
  return Ok();
}

Result<std::vector<Notification>> NotificationsOf(store::Tx& tx, const std::string& user_id,
                                                  int limit) {
  store::Rows rows = TRY(tx.Query(
      "SELECT n.id, n.org_id, n.user_id, n.kind, n.case_id, n.actor_id, n.at, n.read_at, "
      "u.display_name, n.referral_id FROM notifications n LEFT JOIN users u ON u.id = n.actor_id "
      "WHERE n.user_id = ? ORDER BY n.at DESC, n.id LIMIT " +
          std::to_string(limit),
      {user_id}));
  std::vector<Notification> out;
  for (const auto& r : rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6),
                   r.Text(7), r.Text(8), r.Text(9)});
  }
  return out;
}

Result<bool> MarkRead(store::Tx& tx, const std::string& id, const std::string& user_id,
                      const std::string& at) {
  const int64_t changed = TRY(tx.Exec(
      "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?",
      {at, id, user_id}));
  return changed > 0;
}

Result<void> InsertTimeline(store::Tx& tx, const TimelineEvent& e) {
  TRY(
      tx.Exec("INSERT INTO case_timeline (id, case_id, at, kind, entity_id, label, actor_id) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)",
              {e.id, e.case_id, e.at, e.kind, e.entity_id, e.label, TextOrNull(e.actor_id)}));
  return Ok();
}

Result<std::vector<TimelineEvent>> Timeline(store::Tx& tx, const std::string& case_id, int limit) {
  store::Rows rows = TRY(tx.Query(
      "SELECT t.id, t.case_id, t.at, t.kind, t.entity_id, t.label, t.actor_id, u.display_name "
      "FROM case_timeline t LEFT JOIN users u ON u.id = t.actor_id "
      "WHERE t.case_id = ? ORDER BY t.at DESC, t.id DESC LIMIT " +
          std::to_string(limit),
      {case_id}));
  std::vector<TimelineEvent> out;
  for (const auto& r : rows) {
    out.push_back(
        {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)});
  }
  return out;
}

Result<void> TouchContact(store::Tx& tx, const std::string& case_id, const std::string& at) {
  TRY(
      tx.Exec("UPDATE cases SET last_contact_at = ? WHERE id = ? AND "
              "(last_contact_at IS NULL OR last_contact_at < ?)",
              {at, case_id, at}));
  return Ok();
}

}  // namespace dandelion::cases::case_repo

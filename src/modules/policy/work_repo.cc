#include "modules/policy/work_repo.h"

#include "security/policy.h"

namespace dandelion::policy::work_repo {
namespace {

using store::TextOrNull;

constexpr const char* kTaskColumns =
    "SELECT t.id, t.title, t.item_id, t.assignee_id, u.username, t.due_on, t.done, t.done_at, "
    "t.note, t.created_at FROM policy_tasks t LEFT JOIN users u ON u.id = t.assignee_id ";

Task ToTask(const store::Row& r) {
  return {.id = r.Text(0),
          .title = r.Text(1),
          .item_id = r.Text(2),
          .assignee_id = r.Text(3),
          .assignee_username = r.Text(4),
          .due_on = r.Text(5),
          .done = r.Int(6) != 0,
          .done_at = r.Text(7),
          .note = r.Text(8),
          .created_at = r.Text(9)};
}

constexpr const char* kEventColumns =
    "SELECT id, kind, title, on_date, at_time, jurisdiction, item_id, place, note, created_at "
    "FROM policy_events ";

Event ToEvent(const store::Row& r) {
  return {.id = r.Text(0),
          .kind = r.Text(1),
          .title = r.Text(2),
          .on = r.Text(3),
          .time = r.Text(4),
          .jurisdiction = r.Text(5),
          .item_id = r.Text(6),
          .place = r.Text(7),
          .note = r.Text(8),
          .created_at = r.Text(9)};
}

constexpr const char* kSubmissionColumns =
    "SELECT id, kind, item_id, title, addressee, submitted_on, body, response_on, "
    "response_summary, created_at FROM policy_submissions ";

Submission ToSubmission(const store::Row& r) {
  return {.id = r.Text(0),
          .kind = r.Text(1),
          .item_id = r.Text(2),
          .title = r.Text(3),
          .addressee = r.Text(4),
          .submitted_on = r.Text(5),
          .body = r.Text(6),
          .response_on = r.Text(7),
          .response_summary = r.Text(8),
          .created_at = r.Text(9)};
}

constexpr const char* kStatementColumns =
    "SELECT id, title_ko, title_en, body_ko, body_en, item_id, published, published_at, "
    "created_at, updated_at FROM policy_statements ";

Statement ToStatement(const store::Row& r) {
  return {.id = r.Text(0),
          .title_ko = r.Text(1),
          .title_en = r.Text(2),
          .body_ko = r.Text(3),
          .body_en = r.Text(4),
          .item_id = r.Text(5),
          .published = r.Int(6) != 0,
          .published_at = r.Text(7),
          .created_at = r.Text(8),
          .updated_at = r.Text(9)};
}

template <class T, class Convert>
Result<std::optional<T>> One(store::Tx& tx, const std::string& sql, const std::string& id,
                             Convert convert) {
  auto row = TRY(tx.QueryOne(sql, {id}));
  if (!row) return std::optional<T>();
  return std::optional<T>(convert(*row));
}

template <class T, class Convert>
Result<std::vector<T>> Many(store::Tx& tx, const std::string& sql, const store::Params& params,
                            Convert convert) {
  auto rows = TRY(tx.Query(sql, params));
  std::vector<T> out;
  for (const auto& r : rows) out.push_back(convert(r));
  return out;
}

}  // namespace

Result<void> InsertTask(store::Tx& tx, const Task& t, const std::string& user_id) {
  TRY(tx.Exec(
      "INSERT INTO policy_tasks (id, title, item_id, assignee_id, due_on, done, done_at, note, "
      "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {t.id, t.title, TextOrNull(t.item_id), TextOrNull(t.assignee_id), TextOrNull(t.due_on),
       int64_t{t.done ? 1 : 0}, TextOrNull(t.done_at), TextOrNull(t.note), t.created_at,
       TextOrNull(user_id)}));
  return Ok();
}

Result<void> UpdateTask(store::Tx& tx, const Task& t) {
  TRY(tx.Exec(
      "UPDATE policy_tasks SET title = ?, item_id = ?, assignee_id = ?, due_on = ?, done = ?, "
      "done_at = ?, note = ? WHERE id = ?",
      {t.title, TextOrNull(t.item_id), TextOrNull(t.assignee_id), TextOrNull(t.due_on),
       int64_t{t.done ? 1 : 0}, TextOrNull(t.done_at), TextOrNull(t.note), t.id}));
  return Ok();
}

Result<std::optional<Task>> FindTask(store::Tx& tx, const std::string& id) {
  return One<Task>(tx, std::string(kTaskColumns) + "WHERE t.id = ?", id, ToTask);
}

Result<std::vector<Task>> Tasks(store::Tx& tx, std::optional<bool> done,
                                const std::string& assignee_id) {
  std::string sql = std::string(kTaskColumns) + "WHERE 1 = 1";
  store::Params params;
  if (done) {
    sql += " AND t.done = ?";
    params.emplace_back(int64_t{*done ? 1 : 0});
  }
  if (!assignee_id.empty()) {
    sql += " AND t.assignee_id = ?";
    params.emplace_back(assignee_id);
  }
  sql += " ORDER BY t.due_on IS NULL, t.due_on, t.created_at, t.id";
  return Many<Task>(tx, sql, params, ToTask);
}

Result<void> InsertEvent(store::Tx& tx, const Event& e, const std::string& user_id) {
  TRY(tx.Exec(
      "INSERT INTO policy_events (id, kind, title, on_date, at_time, jurisdiction, item_id, "
      "place, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.id, e.kind, e.title, e.on, TextOrNull(e.time), e.jurisdiction, TextOrNull(e.item_id),
       TextOrNull(e.place), TextOrNull(e.note), e.created_at, TextOrNull(user_id)}));
  return Ok();
}

Result<void> UpdateEvent(store::Tx& tx, const Event& e) {
  TRY(tx.Exec(
      "UPDATE policy_events SET kind = ?, title = ?, on_date = ?, at_time = ?, jurisdiction = ?, "
      "item_id = ?, place = ?, note = ? WHERE id = ?",
      {e.kind, e.title, e.on, TextOrNull(e.time), e.jurisdiction, TextOrNull(e.item_id),
       TextOrNull(e.place), TextOrNull(e.note), e.id}));
  return Ok();
}

Result<std::optional<Event>> FindEvent(store::Tx& tx, const std::string& id) {
  return One<Event>(tx, std::string(kEventColumns) + "WHERE id = ?", id, ToEvent);
}

Result<std::vector<Event>> Events(store::Tx& tx, const std::string& from, const std::string& to) {
  std::string sql = std::string(kEventColumns) + "WHERE 1 = 1";
  store::Params params;
  if (!from.empty()) {
    sql += " AND on_date >= ?";
    params.emplace_back(from);
  }
  if (!to.empty()) {
    sql += " AND on_date <= ?";
    params.emplace_back(to);
  }
  sql += " ORDER BY on_date, at_time, id";
  return Many<Event>(tx, sql, params, ToEvent);
}

Result<void> InsertSubmission(store::Tx& tx, const Submission& s, const std::string& user_id) {
  TRY(tx.Exec(
      "INSERT INTO policy_submissions (id, kind, item_id, title, addressee, submitted_on, body, "
      "response_on, response_summary, created_at, created_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.kind, TextOrNull(s.item_id), s.title, TextOrNull(s.addressee), s.submitted_on,
       TextOrNull(s.body), TextOrNull(s.response_on), TextOrNull(s.response_summary), s.created_at,
       TextOrNull(user_id)}));
  return Ok();
}

Result<void> UpdateSubmission(store::Tx& tx, const Submission& s) {
  TRY(tx.Exec(
      "UPDATE policy_submissions SET kind = ?, item_id = ?, title = ?, addressee = ?, "
      "submitted_on = ?, body = ?, response_on = ?, response_summary = ? WHERE id = ?",
      {s.kind, TextOrNull(s.item_id), s.title, TextOrNull(s.addressee), s.submitted_on,
       TextOrNull(s.body), TextOrNull(s.response_on), TextOrNull(s.response_summary), s.id}));
  return Ok();
}

Result<std::optional<Submission>> FindSubmission(store::Tx& tx, const std::string& id) {
  return One<Submission>(tx, std::string(kSubmissionColumns) + "WHERE id = ?", id, ToSubmission);
}

Result<std::vector<Submission>> Submissions(store::Tx& tx, const std::string& item_id) {
  std::string sql = std::string(kSubmissionColumns);
  store::Params params;
  if (!item_id.empty()) {
    sql += "WHERE item_id = ? ";
    params.emplace_back(item_id);
  }
  sql += "ORDER BY submitted_on DESC, id";
  return Many<Submission>(tx, sql, params, ToSubmission);
}

Result<void> InsertStatement(store::Tx& tx, const Statement& s, const std::string& user_id) {
  TRY(
      tx.Exec("INSERT INTO policy_statements (id, title_ko, title_en, body_ko, body_en, item_id, "
              "published, published_at, created_at, created_by, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {s.id, s.title_ko, TextOrNull(s.title_en), s.body_ko, TextOrNull(s.body_en),
               TextOrNull(s.item_id), int64_t{s.published ? 1 : 0}, TextOrNull(s.published_at),
               s.created_at, TextOrNull(user_id), s.updated_at}));
  return Ok();
}

Result<void> UpdateStatement(store::Tx& tx, const Statement& s) {
  TRY(tx.Exec(
      "UPDATE policy_statements SET title_ko = ?, title_en = ?, body_ko = ?, body_en = ?, "
      "item_id = ?, published = ?, published_at = ?, updated_at = ? WHERE id = ?",
      {s.title_ko, TextOrNull(s.title_en), s.body_ko, TextOrNull(s.body_en), TextOrNull(s.item_id),
       int64_t{s.published ? 1 : 0}, TextOrNull(s.published_at), s.updated_at, s.id}));
  return Ok();
}

Result<std::optional<Statement>> FindStatement(store::Tx& tx, const std::string& id) {
  return One<Statement>(tx, std::string(kStatementColumns) + "WHERE id = ?", id, ToStatement);
}

Result<std::vector<Statement>> Statements(store::Tx& tx, bool published_only) {
  std::string sql = std::string(kStatementColumns);
  if (published_only) sql += "WHERE published = 1 ";
  sql += "ORDER BY COALESCE(published_at, created_at) DESC, id";
  return Many<Statement>(tx, sql, {}, ToStatement);
}

Result<std::optional<std::string>> SecretariatUsername(store::Tx& tx, const std::string& user_id) {
  auto row = TRY(
      tx.QueryOne("SELECT u.username, u.roles FROM users u JOIN organizations o ON o.id = u.org_id "
                  "WHERE u.id = ? AND u.disabled_at IS NULL AND o.kind = 'secretariat'",
                  {user_id}));
  if (!row) return std::optional<std::string>();
  const auto roles = security::SplitRoles(row->Text(1));
  if (!security::HasRole(roles, "advocate") && !security::HasRole(roles, "network_admin")) {
    return std::optional<std::string>();
  }
  return std::optional<std::string>(row->Text(0));
}

}  // namespace dandelion::policy::work_repo

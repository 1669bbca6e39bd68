#include "modules/emergency/request_repo.h"

namespace dandelion::emergency::request_repo {
namespace {

using store::BlobOrNull;
using store::TextOrNull;

store::Value IntOrNull(const std::optional<int64_t>& v) {
  if (!v) return nullptr;
  return *v;
}

// How a column is stored: text (NOT NULL), text or NULL, ciphertext or NULL, integer, integer
// or NULL.
enum class Kind { kText, kOptText, kBlob, kInt, kOptInt };
// Whether an update rewrites the column (the rest are fixed when the request comes in).
constexpr bool kChangeable = true;
constexpr bool kFixed = false;

// Every column of help_requests, in one place: visit(name, member, kind, changeable) for each,
// in table order. Row is StoredHelpRequest, const or not. row_version is kept by the SQL itself.
template <class Row, class Visit>
void EachColumn(Row& h, Visit&& visit) {
  visit("id", h.id, Kind::kText, kFixed);
  visit("reference", h.reference, Kind::kText, kFixed);
  visit("channel", h.channel, Kind::kText, kFixed);
  visit("region", h.region, Kind::kText, kFixed);
  visit("urgency", h.urgency, Kind::kText, kChangeable);
  visit("language", h.language, Kind::kOptText, kFixed);
  visit("status", h.status, Kind::kText, kChangeable);
  visit("assigned_org_id", h.assigned_org_id, Kind::kText, kChangeable);
  visit("escalation_level", h.escalation_level, Kind::kInt, kChangeable);
  visit("ack_due_at", h.ack_due_at, Kind::kOptInt, kChangeable);
  visit("situation", h.situation, Kind::kBlob, kChangeable);
  visit("location", h.location, Kind::kBlob, kChangeable);
  visit("contact", h.contact, Kind::kBlob, kChangeable);
  visit("safe_contact", h.safe_contact, Kind::kBlob, kChangeable);
  visit("dispatch_note", h.dispatch_note, Kind::kBlob, kChangeable);
  visit("resolve_note", h.resolve_note, Kind::kBlob, kChangeable);
  visit("police_station", h.police_station, Kind::kBlob, kChangeable);
  visit("police_notified_at", h.police_notified_at, Kind::kOptText, kChangeable);
  visit("police_officer", h.police_officer, Kind::kBlob, kChangeable);
  visit("police_report_number", h.police_report_number, Kind::kBlob, kChangeable);
  visit("police_outcome", h.police_outcome, Kind::kBlob, kChangeable);
  visit("outcome", h.outcome, Kind::kOptText, kChangeable);
  visit("person_id", h.person_id, Kind::kOptText, kChangeable);
  visit("case_id", h.case_id, Kind::kOptText, kChangeable);
  visit("received_at", h.received_at, Kind::kText, kFixed);
  visit("acknowledged_at", h.acknowledged_at, Kind::kOptText, kChangeable);
  visit("dispatched_at", h.dispatched_at, Kind::kOptText, kChangeable);
  visit("resolved_at", h.resolved_at, Kind::kOptText, kChangeable);
  visit("closed_at", h.closed_at, Kind::kOptText, kChangeable);
  visit("created_by", h.created_by, Kind::kOptText, kFixed);
  visit("updated_at", h.updated_at, Kind::kText, kChangeable);
}

store::Value ValueOf(const std::string& member, Kind kind) {
  if (kind == Kind::kBlob) return BlobOrNull(member);
  if (kind == Kind::kOptText) return TextOrNull(member);
  return member;
}
store::Value ValueOf(int64_t member, Kind) { return member; }
store::Value ValueOf(const std::optional<int64_t>& member, Kind) { return IntOrNull(member); }

void Take(const store::Row& r, size_t i, std::string& member, Kind kind) {
  member = kind == Kind::kBlob ? r.BlobBytes(i) : r.Text(i);
}
void Take(const store::Row& r, size_t i, int64_t& member, Kind) { member = r.Int(i); }
void Take(const store::Row& r, size_t i, std::optional<int64_t>& member, Kind) {
  member = r.OptInt(i);
}

// "id, reference, ..., row_version": the select list.
const std::string& ColumnList() {
  static const std::string list = [] {
    std::string out;
    StoredHelpRequest h;
    EachColumn(h, [&](const char* name, auto&, Kind, bool) { (out += name) += ", "; });
    return out + "row_version";
  }();
  return list;
}

StoredHelpRequest ToRequest(const store::Row& r) {
  StoredHelpRequest h;
  size_t i = 0;
  EachColumn(h, [&](const char*, auto& member, Kind kind, bool) { Take(r, i++, member, kind); });
  h.row_version = r.Int(i);
  return h;
}

Result<std::vector<StoredHelpRequest>> Select(store::Tx& tx, const std::string& where,
                                              const store::Params& params) {
  auto rows =
      TRY(tx.Query("SELECT " + ColumnList() + " FROM help_requests WHERE " + where, params));
  std::vector<StoredHelpRequest> out;
  for (const auto& r : rows) out.push_back(ToRequest(r));
  return out;
}

}  // namespace

Result<void> Insert(store::Tx& tx, const StoredHelpRequest& h) {
  std::string marks;
  store::Params params;
  EachColumn(h, [&](const char*, const auto& member, Kind kind, bool) {
    marks += "?, ";
    params.push_back(ValueOf(member, kind));
  });
  params.emplace_back(h.row_version);
  TRY(tx.Exec("INSERT INTO help_requests (" + ColumnList() + ") VALUES (" + marks + "?)", params));
  return Ok();
}

Result<bool> Update(store::Tx& tx, const StoredHelpRequest& h) {
  std::string sql = "UPDATE help_requests SET ";
  store::Params params;
  EachColumn(h, [&](const char* name, const auto& member, Kind kind, bool changeable) {
    if (!changeable) return;
    (sql += name) += " = ?, ";
    params.push_back(ValueOf(member, kind));
  });
  sql += "row_version = row_version + 1 WHERE id = ? AND row_version = ?";
  params.emplace_back(h.id);
  params.emplace_back(h.row_version);
  auto n = TRY(tx.Exec(sql, params));
  return n == 1;
}

Result<std::optional<StoredHelpRequest>> FindById(store::Tx& tx, const std::string& id) {
  auto found = TRY(Select(tx, "id = ?", {id}));
  if (found.empty()) return std::optional<StoredHelpRequest>();
  return std::optional<StoredHelpRequest>(std::move(found.front()));
}

Result<std::vector<StoredHelpRequest>> ListByOrg(store::Tx& tx, const std::string& org_id,
                                                 const std::vector<std::string>& statuses,
                                                 int limit) {
  std::string where = "assigned_org_id = ?";
  store::Params params{org_id};
  if (!statuses.empty()) {
    where += " AND status IN (";
    for (size_t i = 0; i < statuses.size(); ++i) {
      where += i == 0 ? "?" : ", ?";
      params.emplace_back(statuses[i]);
    }
    where += ")";
  }
  where += " ORDER BY received_at DESC, id DESC LIMIT " + std::to_string(limit);
  return Select(tx, where, params);
}

Result<std::vector<std::string>> Overdue(store::Tx& tx, int64_t now, int limit) {
  auto rows = TRY(
      tx.Query("SELECT id FROM help_requests WHERE status = 'new' AND ack_due_at IS NOT NULL AND "
               "ack_due_at <= ? ORDER BY ack_due_at LIMIT " +
                   std::to_string(limit),
               {now}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

Result<void> AddRoute(store::Tx& tx, const std::string& request_id, int64_t level,
                      const std::string& org_id, const std::string& reason, const std::string& at) {
  TRY(
      tx.Exec("INSERT INTO help_request_routes (request_id, level, org_id, reason, routed_at) "
              "VALUES (?, ?, ?, ?, ?)",
              {request_id, level, org_id, reason, at}));
  return Ok();
}

Result<std::vector<std::string>> RoutedOrgs(store::Tx& tx, const std::string& request_id) {
  auto rows = TRY(tx.Query(
      "SELECT org_id FROM help_request_routes WHERE request_id = ? ORDER BY level", {request_id}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

namespace {

// The columns that say whether someone at organization o can see a request now: shifts covering
// now, active dispatchers, shifts ending within the last week or later.
constexpr const char* kReachColumns =
    "(SELECT COUNT(*) FROM emergency_on_call oc WHERE oc.org_id = o.id AND oc.starts_at <= ? "
    "AND oc.ends_at > ?), "
    "(SELECT COUNT(*) FROM users u WHERE u.org_id = o.id AND u.disabled_at IS NULL AND "
    "(',' || u.roles || ',') LIKE '%,dispatcher,%'), "
    "(SELECT COUNT(*) FROM emergency_on_call oc WHERE oc.org_id = o.id AND oc.ends_at > ?), ";
constexpr int64_t kRosterInUseSeconds = 7 * 24 * 3600;

Candidate ToCandidate(const store::Row& r) {
  return {.org_id = r.Text(0),
          .priority = r.Int(1),
          .on_call = r.Int(2) > 0,
          .dispatchers = r.Int(3) > 0,
          .keeps_roster = r.Int(4) > 0,
          .created_at = r.Text(5)};
}

}  // namespace

Result<std::vector<Candidate>> Candidates(store::Tx& tx, const std::string& region, int64_t now) {
  auto rows = TRY(tx.Query(std::string("SELECT o.id, COALESCE(c.priority, 1), ") + kReachColumns +
                               "o.created_at "
                               "FROM organizations o "
                               "LEFT JOIN emergency_settings s ON s.org_id = o.id "
                               "LEFT JOIN emergency_coverage c ON c.org_id = o.id AND c.region = ? "
                               "WHERE o.kind <> 'secretariat' AND (c.org_id IS NOT NULL OR "
                               "(COALESCE(s.coverage_explicit, 0) = 0 AND o.region = ?))",
                           {now, now, now - kRosterInUseSeconds, region, region}));
  std::vector<Candidate> out;
  for (const auto& r : rows) out.push_back(ToCandidate(r));
  return out;
}

Result<std::vector<Candidate>> Reachability(store::Tx& tx, int64_t now) {
  auto rows = TRY(tx.Query(std::string("SELECT o.id, 1, ") + kReachColumns +
                               "o.created_at FROM organizations o ORDER BY o.id",
                           {now, now, now - kRosterInUseSeconds}));
  std::vector<Candidate> out;
  for (const auto& r : rows) out.push_back(ToCandidate(r));
  return out;
}

Result<std::optional<std::string>> Secretariat(store::Tx& tx) {
  auto row = TRY(tx.QueryOne(
      "SELECT id FROM organizations WHERE kind = 'secretariat' ORDER BY created_at, id LIMIT 1"));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

Result<int64_t> AckLimitSeconds(store::Tx& tx, const std::string& org_id) {
  auto row = TRY(
      tx.QueryOne("SELECT ack_limit_seconds FROM emergency_settings WHERE org_id = ?", {org_id}));
  return row ? row->Int(0) : kDefaultAckLimitSeconds;
}

Result<std::vector<CoverageRow>> AllCoverage(store::Tx& tx) {
  auto rows =
      TRY(tx.Query("SELECT c.org_id, o.name, c.region, c.priority FROM emergency_coverage c "
                   "JOIN organizations o ON o.id = c.org_id "
                   "UNION ALL "
                   "SELECT o.id, o.name, o.region, 1 FROM organizations o "
                   "LEFT JOIN emergency_settings s ON s.org_id = o.id "
                   "WHERE o.kind <> 'secretariat' AND COALESCE(s.coverage_explicit, 0) = 0 "
                   "ORDER BY 3, 4, 2"));
  std::vector<CoverageRow> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Int(3)});
  return out;
}

Result<void> SetCoverage(store::Tx& tx, const std::string& org_id, const std::string& own_region,
                         const std::vector<std::string>& regions,
                         std::optional<int64_t> ack_limit_seconds) {
  TRY(tx.Exec("DELETE FROM emergency_coverage WHERE org_id = ?", {org_id}));
  for (const auto& region : regions) {
    TRY(tx.Exec("INSERT INTO emergency_coverage (org_id, region, priority) VALUES (?, ?, ?)",
                {org_id, region, static_cast<int64_t>(region == own_region ? 1 : 2)}));
  }
  auto existing = TRY(tx.QueryOne("SELECT 1 FROM emergency_settings WHERE org_id = ?", {org_id}));
  if (existing) {
    TRY(tx.Exec("UPDATE emergency_settings SET coverage_explicit = 1 WHERE org_id = ?", {org_id}));
  } else {
    TRY(
        tx.Exec("INSERT INTO emergency_settings (org_id, coverage_explicit, ack_limit_seconds) "
                "VALUES (?, 1, ?)",
                {org_id, kDefaultAckLimitSeconds}));
  }
  if (ack_limit_seconds) {
    TRY(tx.Exec("UPDATE emergency_settings SET ack_limit_seconds = ? WHERE org_id = ?",
                {*ack_limit_seconds, org_id}));
  }
  return Ok();
}

Result<std::vector<OnCallShift>> OnCall(store::Tx& tx, const std::string& org_id, int64_t from,
                                        int64_t to) {
  auto rows = TRY(tx.Query(
      "SELECT s.id, s.org_id, s.user_id, u.display_name, s.starts_at, s.ends_at "
      "FROM emergency_on_call s JOIN users u ON u.id = s.user_id "
      "WHERE s.org_id = ? AND s.starts_at < ? AND s.ends_at > ? ORDER BY s.starts_at, s.id "
      "LIMIT 500",
      {org_id, to, from}));
  std::vector<OnCallShift> out;
  for (const auto& r : rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5)});
  }
  return out;
}

Result<void> InsertOnCall(store::Tx& tx, const OnCallShift& s, const std::string& created_by,
                          const std::string& created_at) {
  TRY(tx.Exec(
      "INSERT INTO emergency_on_call (id, org_id, user_id, starts_at, ends_at, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.org_id, s.user_id, s.starts_at, s.ends_at, TextOrNull(created_by), created_at}));
  return Ok();
}

Result<bool> PersonOf(store::Tx& tx, const std::string& person_id, const std::string& org_id) {
  auto row =
      TRY(tx.QueryOne("SELECT 1 FROM people WHERE id = ? AND org_id = ? AND erased_at IS NULL",
                      {person_id, org_id}));
  return row.has_value();
}

Result<bool> CaseOf(store::Tx& tx, const std::string& case_id, const std::string& person_id,
                    const std::string& org_id) {
  auto row = TRY(tx.QueryOne("SELECT 1 FROM cases WHERE id = ? AND person_id = ? AND org_id = ?",
                             {case_id, person_id, org_id}));
  return row.has_value();
}

Result<std::vector<CaseStub>> OpenCasesOf(store::Tx& tx, const std::string& person_id,
                                          const std::string& org_id) {
  auto rows = TRY(tx.Query(
      "SELECT id, number FROM cases WHERE person_id = ? AND org_id = ? AND status = 'open' "
      "ORDER BY opened_at DESC, id DESC",
      {person_id, org_id}));
  std::vector<CaseStub> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1)});
  return out;
}

Result<std::vector<Timing>> Timings(store::Tx& tx) {
  auto rows =
      TRY(tx.Query("SELECT assigned_org_id, region, received_at, acknowledged_at, resolved_at "
                   "FROM help_requests"));
  std::vector<Timing> out;
  for (const auto& r : rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)});
  }
  return out;
}

}  // namespace dandelion::emergency::request_repo

#include "modules/emergency/request_repo.h"

namespace dandelion::emergency::request_repo {
namespace {

using store::BlobOrNull;
using store::TextOrNull;

constexpr const char* kColumns =
    "id, reference, channel, region, urgency, language, status, assigned_org_id, "
    "escalation_level, ack_due_at, situation, location, contact, safe_contact, dispatch_note, "
    "resolve_note, police_station, police_notified_at, police_officer, police_report_number, "
    "police_outcome, outcome, person_id, case_id, received_at, acknowledged_at, dispatched_at, "
    "resolved_at, closed_at, created_by, updated_at, row_version";

store::Value IntOrNull(const std::optional<int64_t>& v) {
  if (!v) return nullptr;
  return *v;
}

HelpRequest ToRequest(const store::Row& r) {
  HelpRequest h;
  h.id = r.Text(0);
  h.reference = r.Text(1);
  h.channel = r.Text(2);
  h.region = r.Text(3);
  h.urgency = r.Text(4);
  h.language = r.Text(5);
  h.status = r.Text(6);
  h.assigned_org_id = r.Text(7);
  h.escalation_level = r.Int(8);
  h.ack_due_at = r.OptInt(9);
  h.situation = r.BlobBytes(10);
  h.location = r.BlobBytes(11);
  h.contact = r.BlobBytes(12);
  h.safe_contact = r.BlobBytes(13);
  h.dispatch_note = r.BlobBytes(14);
  h.resolve_note = r.BlobBytes(15);
  h.police.station = r.BlobBytes(16);
  h.police.notified_at = r.Text(17);
  h.police.officer = r.BlobBytes(18);
  h.police.report_number = r.BlobBytes(19);
  h.police.outcome = r.BlobBytes(20);
  h.outcome = r.Text(21);
  h.person_id = r.Text(22);
  h.case_id = r.Text(23);
  h.received_at = r.Text(24);
  h.acknowledged_at = r.Text(25);
  h.dispatched_at = r.Text(26);
  h.resolved_at = r.Text(27);
  h.closed_at = r.Text(28);
  h.created_by = r.Text(29);
  h.updated_at = r.Text(30);
  h.row_version = r.Int(31);
  return h;
}

Result<std::vector<HelpRequest>> Select(store::Tx& tx, const std::string& where,
                                        const store::Params& params) {
  auto rows =
      tx.Query(std::string("SELECT ") + kColumns + " FROM help_requests WHERE " + where, params);
  if (!rows) return Fail(rows.error());
  std::vector<HelpRequest> out;
  for (const auto& r : *rows) out.push_back(ToRequest(r));
  return out;
}

Result<void> Done(const Result<int64_t>& n) {
  if (!n) return Fail(n.error());
  return Ok();
}

}  // namespace

Result<void> Insert(store::Tx& tx, const HelpRequest& h) {
  return Done(tx.Exec(
      std::string("INSERT INTO help_requests (") + kColumns +
          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?)",
      {h.id,
       h.reference,
       h.channel,
       h.region,
       h.urgency,
       TextOrNull(h.language),
       h.status,
       h.assigned_org_id,
       h.escalation_level,
       IntOrNull(h.ack_due_at),
       BlobOrNull(h.situation),
       BlobOrNull(h.location),
       BlobOrNull(h.contact),
       BlobOrNull(h.safe_contact),
       BlobOrNull(h.dispatch_note),
       BlobOrNull(h.resolve_note),
       BlobOrNull(h.police.station),
       TextOrNull(h.police.notified_at),
       BlobOrNull(h.police.officer),
       BlobOrNull(h.police.report_number),
       BlobOrNull(h.police.outcome),
       TextOrNull(h.outcome),
       TextOrNull(h.person_id),
       TextOrNull(h.case_id),
       h.received_at,
       TextOrNull(h.acknowledged_at),
       TextOrNull(h.dispatched_at),
       TextOrNull(h.resolved_at),
       TextOrNull(h.closed_at),
       TextOrNull(h.created_by),
       h.updated_at,
       h.row_version}));
}

Result<bool> Update(store::Tx& tx, const HelpRequest& h) {
  auto n = tx.Exec(
      "UPDATE help_requests SET urgency = ?, status = ?, assigned_org_id = ?, "
      "escalation_level = ?, ack_due_at = ?, situation = ?, location = ?, contact = ?, "
      "safe_contact = ?, dispatch_note = ?, resolve_note = ?, police_station = ?, "
      "police_notified_at = ?, police_officer = ?, police_report_number = ?, police_outcome = ?, "
      "outcome = ?, person_id = ?, case_id = ?, acknowledged_at = ?, dispatched_at = ?, "
      "resolved_at = ?, closed_at = ?, updated_at = ?, row_version = row_version + 1 "
      "WHERE id = ? AND row_version = ?",
      {h.urgency,
       h.status,
       h.assigned_org_id,
       h.escalation_level,
       IntOrNull(h.ack_due_at),
       BlobOrNull(h.situation),
       BlobOrNull(h.location),
       BlobOrNull(h.contact),
       BlobOrNull(h.safe_contact),
       BlobOrNull(h.dispatch_note),
       BlobOrNull(h.resolve_note),
       BlobOrNull(h.police.station),
       TextOrNull(h.police.notified_at),
       BlobOrNull(h.police.officer),
       BlobOrNull(h.police.report_number),
       BlobOrNull(h.police.outcome),
       TextOrNull(h.outcome),
       TextOrNull(h.person_id),
       TextOrNull(h.case_id),
       TextOrNull(h.acknowledged_at),
       TextOrNull(h.dispatched_at),
       TextOrNull(h.resolved_at),
       TextOrNull(h.closed_at),
       h.updated_at,
       h.id,
       h.row_version});
  if (!n) return Fail(n.error());
  return *n == 1;
}

Result<std::optional<HelpRequest>> FindById(store::Tx& tx, const std::string& id) {
  auto found = Select(tx, "id = ?", {id});
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<HelpRequest>();
  return std::optional<HelpRequest>(std::move(found->front()));
}

Result<std::vector<HelpRequest>> ListByOrg(store::Tx& tx, const std::string& org_id,
                                           const std::vector<std::string>& statuses, int limit) {
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
  auto rows = tx.Query(
      "SELECT id FROM help_requests WHERE status = 'new' AND ack_due_at IS NOT NULL AND "
      "ack_due_at <= ? ORDER BY ack_due_at LIMIT " +
          std::to_string(limit),
      {now});
  if (!rows) return Fail(rows.error());
  std::vector<std::string> out;
  for (const auto& r : *rows) out.push_back(r.Text(0));
  return out;
}

Result<void> AddRoute(store::Tx& tx, const std::string& request_id, int64_t level,
                      const std::string& org_id, const std::string& reason, const std::string& at) {
  return Done(
      tx.Exec("INSERT INTO help_request_routes (request_id, level, org_id, reason, routed_at) "
              "VALUES (?, ?, ?, ?, ?)",
              {request_id, level, org_id, reason, at}));
}

Result<std::vector<std::string>> RoutedOrgs(store::Tx& tx, const std::string& request_id) {
  auto rows = tx.Query("SELECT org_id FROM help_request_routes WHERE request_id = ? ORDER BY level",
                       {request_id});
  if (!rows) return Fail(rows.error());
  std::vector<std::string> out;
  for (const auto& r : *rows) out.push_back(r.Text(0));
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
  auto rows = tx.Query(std::string("SELECT o.id, COALESCE(c.priority, 1), ") + kReachColumns +
                           "o.created_at "
                           "FROM organizations o "
                           "LEFT JOIN emergency_settings s ON s.org_id = o.id "
                           "LEFT JOIN emergency_coverage c ON c.org_id = o.id AND c.region = ? "
                           "WHERE o.kind <> 'secretariat' AND (c.org_id IS NOT NULL OR "
                           "(COALESCE(s.coverage_explicit, 0) = 0 AND o.region = ?))",
                       {now, now, now - kRosterInUseSeconds, region, region});
  if (!rows) return Fail(rows.error());
  std::vector<Candidate> out;
  for (const auto& r : *rows) out.push_back(ToCandidate(r));
  return out;
}

Result<std::vector<Candidate>> Reachability(store::Tx& tx, int64_t now) {
  auto rows = tx.Query(std::string("SELECT o.id, 1, ") + kReachColumns +
                           "o.created_at FROM organizations o ORDER BY o.id",
                       {now, now, now - kRosterInUseSeconds});
  if (!rows) return Fail(rows.error());
  std::vector<Candidate> out;
  for (const auto& r : *rows) out.push_back(ToCandidate(r));
  return out;
}

Result<std::optional<std::string>> Secretariat(store::Tx& tx) {
  auto row = tx.QueryOne(
      "SELECT id FROM organizations WHERE kind = 'secretariat' ORDER BY created_at, id LIMIT 1");
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>((*row)->Text(0));
}

Result<int64_t> AckLimitSeconds(store::Tx& tx, const std::string& org_id) {
  auto row =
      tx.QueryOne("SELECT ack_limit_seconds FROM emergency_settings WHERE org_id = ?", {org_id});
  if (!row) return Fail(row.error());
  return *row ? (*row)->Int(0) : kDefaultAckLimitSeconds;
}

Result<std::vector<CoverageRow>> AllCoverage(store::Tx& tx) {
  auto rows = tx.Query(
      "SELECT c.org_id, o.name, c.region, c.priority FROM emergency_coverage c "
      "JOIN organizations o ON o.id = c.org_id "
      "UNION ALL "
      "SELECT o.id, o.name, o.region, 1 FROM organizations o "
      "LEFT JOIN emergency_settings s ON s.org_id = o.id "
      "WHERE o.kind <> 'secretariat' AND COALESCE(s.coverage_explicit, 0) = 0 "
      "ORDER BY 3, 4, 2");
  if (!rows) return Fail(rows.error());
  std::vector<CoverageRow> out;
  for (const auto& r : *rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Int(3)});
  return out;
}

Result<void> SetCoverage(store::Tx& tx, const std::string& org_id, const std::string& own_region,
                         const std::vector<std::string>& regions,
                         std::optional<int64_t> ack_limit_seconds) {
  auto cleared = tx.Exec("DELETE FROM emergency_coverage WHERE org_id = ?", {org_id});
  if (!cleared) return Fail(cleared.error());
  for (const auto& region : regions) {
    auto n = tx.Exec("INSERT INTO emergency_coverage (org_id, region, priority) VALUES (?, ?, ?)",
                     {org_id, region, static_cast<int64_t>(region == own_region ? 1 : 2)});
    if (!n) return Fail(n.error());
  }
  auto existing = tx.QueryOne("SELECT 1 FROM emergency_settings WHERE org_id = ?", {org_id});
  if (!existing) return Fail(existing.error());
  if (*existing) {
    auto n =
        tx.Exec("UPDATE emergency_settings SET coverage_explicit = 1 WHERE org_id = ?", {org_id});
    if (!n) return Fail(n.error());
  } else {
    auto n = tx.Exec(
        "INSERT INTO emergency_settings (org_id, coverage_explicit, ack_limit_seconds) "
        "VALUES (?, 1, ?)",
        {org_id, kDefaultAckLimitSeconds});
    if (!n) return Fail(n.error());
  }
  if (ack_limit_seconds) {
    return Done(tx.Exec("UPDATE emergency_settings SET ack_limit_seconds = ? WHERE org_id = ?",
                        {*ack_limit_seconds, org_id}));
  }
  return Ok();
}

Result<std::vector<OnCallShift>> OnCall(store::Tx& tx, const std::string& org_id, int64_t from,
                                        int64_t to) {
  auto rows = tx.Query(
      "SELECT s.id, s.org_id, s.user_id, u.display_name, s.starts_at, s.ends_at "
      "FROM emergency_on_call s JOIN users u ON u.id = s.user_id "
      "WHERE s.org_id = ? AND s.starts_at < ? AND s.ends_at > ? ORDER BY s.starts_at, s.id "
      "LIMIT 500",
      {org_id, to, from});
  if (!rows) return Fail(rows.error());
  std::vector<OnCallShift> out;
  for (const auto& r : *rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5)});
  }
  return out;
}

Result<void> InsertOnCall(store::Tx& tx, const OnCallShift& s, const std::string& created_by,
                          const std::string& created_at) {
  return Done(tx.Exec(
      "INSERT INTO emergency_on_call (id, org_id, user_id, starts_at, ends_at, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.org_id, s.user_id, s.starts_at, s.ends_at, TextOrNull(created_by), created_at}));
}

Result<bool> PersonOf(store::Tx& tx, const std::string& person_id, const std::string& org_id) {
  auto row = tx.QueryOne("SELECT 1 FROM people WHERE id = ? AND org_id = ? AND erased_at IS NULL",
                         {person_id, org_id});
  if (!row) return Fail(row.error());
  return row->has_value();
}

Result<bool> CaseOf(store::Tx& tx, const std::string& case_id, const std::string& person_id,
                    const std::string& org_id) {
  auto row = tx.QueryOne("SELECT 1 FROM cases WHERE id = ? AND person_id = ? AND org_id = ?",
                         {case_id, person_id, org_id});
  if (!row) return Fail(row.error());
  return row->has_value();
}

Result<std::vector<Timing>> Timings(store::Tx& tx) {
  auto rows = tx.Query(
      "SELECT assigned_org_id, region, received_at, acknowledged_at, resolved_at "
      "FROM help_requests");
  if (!rows) return Fail(rows.error());
  std::vector<Timing> out;
  for (const auto& r : *rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)});
  }
  return out;
}

}  // namespace dandelion::emergency::request_repo

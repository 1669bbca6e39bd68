#include "modules/funds/fund_repo.h"

namespace dandelion::funds::fund_repo {
namespace {

constexpr const char* kSourceColumns =
    "SELECT s.id, s.org_id, s.name, s.year, s.budget, s.version, v.rules, s.created_at "
    "FROM fund_sources s JOIN fund_rule_versions v ON v.source_id = s.id AND v.version = "
    "s.version ";

Result<Source> ToSource(const store::Row& r) {
  auto rules = ParseRules(r.Text(6));
  if (!rules) return Fail(ErrorCode::kInternal, "error.internal", "unreadable fund rules");
  return Source{.id = r.Text(0),
                .org_id = r.Text(1),
                .name = r.Text(2),
                .year = r.Int(3),
                .budget = r.Int(4),
                .version = r.Int(5),
                .rules = std::move(*rules),
                .created_at = r.Text(7)};
}

constexpr const char* kApplicationColumns =
    "SELECT id, org_id, person_id, source_id, kind, amount, months, children, reason, status, "
    "approved_amount, committee_on, rule_version, applied_by, applied_at, decided_by, decided_at "
    "FROM fund_applications ";

Application ToApplication(const store::Row& r) {
  return {.id = r.Text(0),
          .org_id = r.Text(1),
          .person_id = r.Text(2),
          .source_id = r.Text(3),
          .kind = r.Text(4),
          .amount = r.Int(5),
          .months = r.Int(6),
          .children = r.Int(7),
          .sealed_reason = r.BlobBytes(8),
          .status = r.Text(9),
          .approved_amount = r.OptInt(10),
          .committee_on = r.Text(11),
          .rule_version = r.Int(12),
          .applied_by = r.Text(13),
          .applied_at = r.Text(14),
          .decided_by = r.Text(15),
          .decided_at = r.Text(16)};
}

constexpr const char* kEntryColumns =
    "SELECT e.id, e.org_id, e.person_id, e.source_id, e.kind, e.amount, e.paid_on, e.month, "
    "e.children, e.application_id, e.reverses, e.reversal_reason, e.needs_approval, "
    "e.rule_version, e.entered_by, e.entered_at, a.decision, a.decided_by, a.decided_at "
    "FROM fund_entries e LEFT JOIN fund_entry_approvals a ON a.entry_id = e.id ";

// Entries that count: paid, or waiting for their second approval.
constexpr const char* kCounts = "(a.decision IS NULL OR a.decision = 'approved')";

Entry ToEntry(const store::Row& r) {
  return {.id = r.Text(0),
          .org_id = r.Text(1),
          .person_id = r.Text(2),
          .source_id = r.Text(3),
          .kind = r.Text(4),
          .amount = r.Int(5),
          .paid_on = r.Text(6),
          .month = r.Text(7),
          .children = r.Int(8),
          .application_id = r.Text(9),
          .reverses = r.Text(10),
          .reversal_reason = r.Text(11),
          .needs_approval = r.Int(12) != 0,
          .rule_version = r.Int(13),
          .entered_by = r.Text(14),
          .entered_at = r.Text(15),
          .decision = r.Text(16),
          .decided_by = r.Text(17),
          .decided_at = r.Text(18)};
}

}  // namespace

Result<void> InsertSource(store::Tx& tx, const Source& s, const std::string& user_id) {
  TRY(tx.Exec(
      "INSERT INTO fund_sources (id, org_id, name, year, budget, version, created_at, created_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.org_id, s.name, s.year, s.budget, s.version, s.created_at, user_id}));
  return AddVersion(tx, s, user_id, s.created_at);
}

Result<void> AddVersion(store::Tx& tx, const Source& s, const std::string& user_id,
                        const std::string& at) {
  TRY(
      tx.Exec("INSERT INTO fund_rule_versions (source_id, version, name, year, budget, rules, "
              "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {s.id, s.version, s.name, s.year, s.budget, FormatRules(s.rules), at, user_id}));
  TRY(tx.Exec("UPDATE fund_sources SET name = ?, year = ?, budget = ?, version = ? WHERE id = ?",
              {s.name, s.year, s.budget, s.version, s.id}));
  return Ok();
}

Result<std::optional<Source>> FindSource(store::Tx& tx, const std::string& org_id,
                                         const std::string& id, bool lock) {
  if (lock && tx.dialect() == store::Dialect::kPostgres) {
    TRY(tx.Query("SELECT id FROM fund_sources WHERE id = ? AND org_id = ? FOR UPDATE",
                 {id, org_id}));
  }
  auto row = TRY(
      tx.QueryOne(std::string(kSourceColumns) + "WHERE s.id = ? AND s.org_id = ?", {id, org_id}));
  if (!row) return std::optional<Source>();
  return std::optional<Source>(TRY(ToSource(*row)));
}

Result<std::vector<Source>> ListSources(store::Tx& tx, const std::string& org_id) {
  std::vector<Source> out;
  for (const auto& r : TRY(tx.Query(
           std::string(kSourceColumns) + "WHERE s.org_id = ? ORDER BY s.year DESC, s.name, s.id",
           {org_id}))) {
    out.push_back(TRY(ToSource(r)));
  }
  return out;
}

Result<std::vector<RuleVersion>> Versions(store::Tx& tx, const std::string& source_id) {
  std::vector<RuleVersion> out;
  for (const auto& r :
       TRY(tx.Query("SELECT version, name, year, budget, rules, created_at, created_by "
                    "FROM fund_rule_versions WHERE source_id = ? ORDER BY version",
                    {source_id}))) {
    auto rules = ParseRules(r.Text(4));
    if (!rules) return Fail(ErrorCode::kInternal, "error.internal", "unreadable fund rules");
    out.push_back({.version = r.Int(0),
                   .name = r.Text(1),
                   .year = r.Int(2),
                   .budget = r.Int(3),
                   .rules = std::move(*rules),
                   .created_at = r.Text(5),
                   .created_by = r.Text(6)});
  }
  return out;
}

Result<Totals> SourceTotals(store::Tx& tx, const std::string& source_id) {
  auto row =
      TRY(tx.QueryOne("SELECT CAST(COALESCE(SUM(CASE WHEN e.needs_approval = 0 OR "
                      "a.decision = 'approved' THEN e.amount ELSE 0 END), 0) AS BIGINT), "
                      "CAST(COALESCE(SUM(CASE WHEN e.needs_approval = 1 AND a.decision IS NULL "
                      "THEN e.amount ELSE 0 END), 0) AS BIGINT) "
                      "FROM fund_entries e LEFT JOIN fund_entry_approvals a ON a.entry_id = e.id "
                      "WHERE e.source_id = ?",
                      {source_id}));
  return Totals{.paid = row->Int(0), .pending = row->Int(1)};
}

Result<std::vector<MonthTotal>> Monthly(store::Tx& tx, const std::string& source_id) {
  std::vector<MonthTotal> out;
  for (const auto& r :
       TRY(tx.Query("SELECT SUBSTR(e.paid_on, 1, 7) AS m, e.kind, CAST(SUM(e.amount) AS BIGINT) "
                    "FROM fund_entries e LEFT JOIN fund_entry_approvals a ON a.entry_id = e.id "
                    "WHERE e.source_id = ? AND (e.needs_approval = 0 OR a.decision = 'approved') "
                    "GROUP BY SUBSTR(e.paid_on, 1, 7), e.kind ORDER BY m, e.kind",
                    {source_id}))) {
    out.push_back({.month = r.Text(0), .kind = r.Text(1), .paid = r.Int(2)});
  }
  return out;
}

Result<void> InsertApplication(store::Tx& tx, const Application& a) {
  TRY(tx.Exec(
      "INSERT INTO fund_applications (id, org_id, person_id, source_id, kind, amount, months, "
      "children, reason, status, rule_version, applied_by, applied_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
      {a.id, a.org_id, a.person_id, a.source_id, a.kind, a.amount, a.months, a.children,
       store::Blob{a.sealed_reason}, a.rule_version, a.applied_by, a.applied_at}));
  return Ok();
}

Result<std::optional<Application>> FindApplication(store::Tx& tx, const std::string& org_id,
                                                   const std::string& id) {
  auto row = TRY(
      tx.QueryOne(std::string(kApplicationColumns) + "WHERE id = ? AND org_id = ?", {id, org_id}));
  if (!row) return std::optional<Application>();
  return std::optional<Application>(ToApplication(*row));
}

Result<std::vector<Application>> ApplicationsOf(store::Tx& tx, const std::string& person_id) {
  std::vector<Application> out;
  for (const auto& r : TRY(tx.Query(
           std::string(kApplicationColumns) + "WHERE person_id = ? ORDER BY applied_at, id",
           {person_id}))) {
    out.push_back(ToApplication(r));
  }
  return out;
}

Result<std::vector<Application>> PendingApplications(store::Tx& tx, const std::string& org_id) {
  std::vector<Application> out;
  for (const auto& r :
       TRY(tx.Query(std::string(kApplicationColumns) + "WHERE org_id = ? AND status = 'pending' "
                                                       "ORDER BY applied_at, id",
                    {org_id}))) {
    out.push_back(ToApplication(r));
  }
  return out;
}

Result<void> DecideApplication(store::Tx& tx, const Application& a) {
  TRY(tx.Exec(
      "UPDATE fund_applications SET status = ?, approved_amount = ?, committee_on = ?, "
      "decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'",
      {a.status, a.approved_amount ? store::Value(*a.approved_amount) : store::Value(nullptr),
       store::TextOrNull(a.committee_on), a.decided_by, a.decided_at, a.id}));
  return Ok();
}

Result<int64_t> PaidAgainst(store::Tx& tx, const std::string& application_id) {
  auto row =
      TRY(tx.QueryOne("SELECT CAST(COALESCE(SUM(e.amount), 0) AS BIGINT) FROM fund_entries e "
                      "LEFT JOIN fund_entry_approvals a ON a.entry_id = e.id "
                      "WHERE e.application_id = ? AND " +
                          std::string(kCounts),
                      {application_id}));
  return row->Int(0);
}

Result<void> InsertEntry(store::Tx& tx, const Entry& e) {
  TRY(tx.Exec(
      "INSERT INTO fund_entries (id, org_id, person_id, source_id, kind, amount, paid_on, month, "
      "children, application_id, reverses, reversal_reason, needs_approval, rule_version, "
      "entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.id, e.org_id, e.person_id, e.source_id, e.kind, e.amount, e.paid_on, e.month, e.children,
       store::TextOrNull(e.application_id), store::TextOrNull(e.reverses),
       store::TextOrNull(e.reversal_reason), int64_t(e.needs_approval ? 1 : 0), e.rule_version,
       e.entered_by, e.entered_at}));
  return Ok();
}

Result<std::optional<Entry>> FindEntry(store::Tx& tx, const std::string& org_id,
                                       const std::string& id) {
  auto row = TRY(
      tx.QueryOne(std::string(kEntryColumns) + "WHERE e.id = ? AND e.org_id = ?", {id, org_id}));
  if (!row) return std::optional<Entry>();
  return std::optional<Entry>(ToEntry(*row));
}

Result<std::vector<Entry>> EntriesOf(store::Tx& tx, const std::string& person_id,
                                     const std::string& source_id) {
  std::vector<Entry> out;
  std::string sql = std::string(kEntryColumns) + "WHERE e.person_id = ? ";
  store::Params params{person_id};
  if (!source_id.empty()) {
    sql += "AND e.source_id = ? ";
    params.push_back(source_id);
  }
  for (const auto& r : TRY(tx.Query(sql + "ORDER BY e.entered_at, e.id", params))) {
    out.push_back(ToEntry(r));
  }
  return out;
}

Result<std::vector<Entry>> PendingEntries(store::Tx& tx, const std::string& org_id) {
  std::vector<Entry> out;
  for (const auto& r :
       TRY(tx.Query(std::string(kEntryColumns) + "WHERE e.org_id = ? AND e.needs_approval = 1 AND "
                                                 "a.decision IS NULL ORDER BY e.entered_at, e.id",
                    {org_id}))) {
    out.push_back(ToEntry(r));
  }
  return out;
}

Result<int64_t> ReversedOf(store::Tx& tx, const std::string& entry_id) {
  auto row = TRY(tx.QueryOne(
      "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM fund_entries WHERE reverses = ?",
      {entry_id}));
  return -row->Int(0);
}

Result<void> InsertApproval(store::Tx& tx, const std::string& entry_id, const std::string& decision,
                            const std::string& user_id, const std::string& at) {
  TRY(
      tx.Exec("INSERT INTO fund_entry_approvals (entry_id, decision, decided_by, decided_at) "
              "VALUES (?, ?, ?, ?)",
              {entry_id, decision, user_id, at}));
  return Ok();
}

Result<void> InsertMark(store::Tx& tx, const Mark& m) {
  TRY(
      tx.Exec("INSERT INTO support_marks (entry_id, token, kind, year, org_id, amount) "
              "VALUES (?, ?, ?, ?, ?, ?)",
              {m.entry_id, m.token, m.kind, m.year, m.org_id, m.amount}));
  return Ok();
}

Result<std::optional<std::string>> MarkToken(store::Tx& tx, const std::string& entry_id) {
  auto row = TRY(tx.QueryOne("SELECT token FROM support_marks WHERE entry_id = ?", {entry_id}));
  if (!row) return std::optional<std::string>{};
  return std::optional<std::string>{row->Text(0)};
}

Result<std::vector<MarkElsewhere>> MarksElsewhere(store::Tx& tx, const std::string& token,
                                                  const std::string& kind, int64_t year,
                                                  const std::string& asking_org_id,
                                                  const std::string& now) {
  std::vector<MarkElsewhere> out;
  for (const auto& r : TRY(tx.Query(
           "SELECT m.org_id, o.name FROM support_marks m JOIN organizations o ON o.id = m.org_id "
           "WHERE m.token = ? AND m.kind = ? AND m.year = ? AND m.org_id <> ? "
           "GROUP BY m.org_id, o.name HAVING SUM(m.amount) > 0 ORDER BY m.org_id",
           {token, kind, year, asking_org_id}))) {
    MarkElsewhere e{.org_id = r.Text(0), .org_name = r.Text(1)};
    // Her consent, recorded where she was supported, to share with the asking organization.
    auto consent =
        TRY(tx.QueryOne("SELECT 1 FROM support_marks m JOIN fund_entries f ON f.id = m.entry_id "
                        "JOIN consents c ON c.person_id = f.person_id AND c.org_id = m.org_id "
                        "WHERE m.token = ? AND m.org_id = ? AND c.kind = 'referral_sharing' "
                        "AND c.scope_org_id = ? AND c.revoked_at IS NULL "
                        "AND (c.expires_at IS NULL OR c.expires_at > ?) LIMIT 1",
                        {token, e.org_id, asking_org_id, now}));
    e.named = consent.has_value();
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<std::pair<std::string, int64_t>>> DoubleSupportCounts(store::Tx& tx,
                                                                         int64_t year) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& r :
       TRY(tx.Query("SELECT kind, CAST(COUNT(*) AS BIGINT) FROM ("
                    "  SELECT token, kind FROM ("
                    "    SELECT token, kind, org_id FROM support_marks WHERE year = ? "
                    "    GROUP BY token, kind, org_id HAVING SUM(amount) > 0) standing "
                    "  GROUP BY token, kind HAVING COUNT(*) >= 2) doubled "
                    "GROUP BY kind ORDER BY kind",
                    {year}))) {
    out.emplace_back(r.Text(0), r.Int(1));
  }
  return out;
}

Result<void> InsertReceipt(store::Tx& tx, const Receipt& r) {
  TRY(tx.Exec(
      "INSERT INTO fund_receipts (id, entry_id, org_id, person_id, name, content_type, size, "
      "file_key, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id, r.entry_id, r.org_id, r.person_id, store::Blob{r.name}, r.content_type, r.size,
       store::Blob{r.file_key}, store::Blob{r.content}, r.uploaded_by, r.uploaded_at}));
  return Ok();
}

namespace {

constexpr const char* kReceiptColumns =
    "SELECT id, entry_id, org_id, person_id, name, content_type, size, file_key, uploaded_by, "
    "uploaded_at, withdrawn_at ";

Receipt ToReceipt(const store::Row& r) {
  return {.id = r.Text(0),
          .entry_id = r.Text(1),
          .org_id = r.Text(2),
          .person_id = r.Text(3),
          .name = r.BlobBytes(4),
          .content_type = r.Text(5),
          .size = r.Int(6),
          .file_key = r.BlobBytes(7),
          .uploaded_by = r.Text(8),
          .uploaded_at = r.Text(9),
          .withdrawn_at = r.Text(10)};
}

}  // namespace

Result<std::vector<Receipt>> ReceiptsOf(store::Tx& tx, const std::string& entry_id) {
  std::vector<Receipt> out;
  for (const auto& r : TRY(tx.Query(std::string(kReceiptColumns) +
                                        "FROM fund_receipts WHERE entry_id = ? AND withdrawn_at "
                                        "IS NULL ORDER BY uploaded_at, id",
                                    {entry_id}))) {
    out.push_back(ToReceipt(r));
  }
  return out;
}

Result<std::optional<Receipt>> FindReceipt(store::Tx& tx, const std::string& org_id,
                                           const std::string& id) {
  auto row = TRY(tx.QueryOne(
      std::string(kReceiptColumns) + ", content FROM fund_receipts WHERE id = ? AND org_id = ?",
      {id, org_id}));
  if (!row) return std::optional<Receipt>();
  Receipt r = ToReceipt(*row);
  r.content = row->BlobBytes(11);
  return std::optional<Receipt>(std::move(r));
}

Result<void> WithdrawReceipt(store::Tx& tx, const std::string& id, const std::string& user_id,
                             const std::string& at, const std::string& sealed_reason) {
  TRY(
      tx.Exec("UPDATE fund_receipts SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ? "
              "WHERE id = ? AND withdrawn_at IS NULL",
              {at, user_id, store::Blob{sealed_reason}, id}));
  return Ok();
}

Result<std::map<std::string, int64_t>> ReceiptCounts(store::Tx& tx, const std::string& person_id) {
  std::map<std::string, int64_t> out;
  for (const auto& r :
       TRY(tx.Query("SELECT entry_id, CAST(COUNT(*) AS BIGINT) FROM fund_receipts "
                    "WHERE person_id = ? AND withdrawn_at IS NULL GROUP BY entry_id",
                    {person_id}))) {
    out[r.Text(0)] = r.Int(1);
  }
  return out;
}

}  // namespace dandelion::funds::fund_repo

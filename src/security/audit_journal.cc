#include "security/audit_journal.h"

#include <charconv>

#include "core/ids.h"
#include "security/policy.h"

namespace dandelion::security {
namespace {

// AUTOINCREMENT: an id is never given twice, even after every row was deleted, so the filed-up-to
// marker cannot cover a new entry.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS journal_identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  identity TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS read_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at_ms INTEGER NOT NULL,
  actor_user_id TEXT NOT NULL,
  actor_org_id TEXT NOT NULL,
  org_id TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  request_id TEXT NOT NULL,
  remote TEXT NOT NULL,
  fields TEXT NOT NULL
);
)sql";

constexpr const char* kMarkerKey = "audit_journal_filed";

// How far the database has filed this journal: the last id, or 0 when the marker names another
// journal (or none).
Result<int64_t> FiledUpTo(store::Tx& tx, const std::string& identity) {
  auto row = TRY(tx.QueryOne("SELECT value FROM kv_settings WHERE key = ?", {kMarkerKey}));
  if (!row) return int64_t{0};
  const std::string value = row->Text(0);
  const size_t space = value.find(' ');
  if (space == std::string::npos || value.substr(0, space) != identity) return int64_t{0};
  int64_t last = 0;
  const char* begin = value.data() + space + 1;
  const char* end = value.data() + value.size();
  if (auto [ptr, ec] = std::from_chars(begin, end, last); ec != std::errc() || ptr != end) {
    return Fail(ErrorCode::kInternal, "security.audit_broken",
                "the audit journal's marker in the database is malformed: " + value);
  }
  return last;
}

}  // namespace

std::string AuditJournal::PathFor(const std::string& database_path) {
  return database_path + "-audit";
}

Result<std::unique_ptr<AuditJournal>> AuditJournal::Open(const std::string& path) {
  auto file = TRY(store::Open("sqlite:" + path, 1, store::Create::kYes));
  TRY(file->ExecScript(kSchema));
  auto identity = TRY(file->WriteValue([](store::Tx& tx) -> Result<std::string> {
    TRY(tx.Exec("INSERT INTO journal_identity (id, identity) VALUES (1, ?) ON CONFLICT DO NOTHING",
                {RandomHex(16)}));
    auto row = TRY(tx.QueryOne("SELECT identity FROM journal_identity WHERE id = 1"));
    return row->Text(0);
  }));
  return std::make_unique<AuditJournal>(std::move(file), std::move(identity));
}

Result<void> AuditJournal::Append(std::span<const FiledAuditEvent> events) {
  return file_->Write([&](store::Tx& tx) -> Result<void> {
    for (const auto& [e, at_ms] : events) {
      TRY(
          tx.Exec("INSERT INTO read_entries (at_ms, actor_user_id, actor_org_id, org_id, action, "
                  "entity_type, entity_id, outcome, request_id, remote, fields) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {at_ms, e.actor_user_id, e.actor_org_id, e.org_id, e.action, e.entity_type,
                   e.entity_id, e.outcome, e.request_id, e.remote, JoinRoles(e.fields)}));
    }
    return Ok();
  });
}

Result<int64_t> AuditJournal::Waiting() {
  return file_->ReadValue([](store::Tx& tx) -> Result<int64_t> {
    auto row = TRY(tx.QueryOne("SELECT COUNT(*) FROM read_entries"));
    return row->Int(0);
  });
}

Result<int64_t> AuditJournal::FileInto(store::Database& db, const AuditLog& audit) {
  std::lock_guard lock(filing_);
  int64_t total = 0;
  for (;;) {
    const int64_t n = TRY(FileBatch(db, audit));
    total += n;
    if (n < kFileBatch) return total;
  }
}

Result<int64_t> AuditJournal::FileBatch(store::Database& db, const AuditLog& audit) {
  int64_t last_filed = 0;
  int64_t count = 0;
  // The journal is read inside the database's write transaction, after its marker: another
  // process filing at the same time waits for the write lock and then sees the new marker.
  TRY(db.Write([&](store::Tx& tx) -> Result<void> {
    const int64_t after = TRY(FiledUpTo(tx, identity_));
    std::vector<FiledAuditEvent> events;
    TRY(file_->Read([&](store::Tx& journal) -> Result<void> {
      auto rows = TRY(journal.Query(
          "SELECT id, at_ms, actor_user_id, actor_org_id, org_id, action, entity_type, "
          "entity_id, outcome, request_id, remote, fields FROM read_entries WHERE id > ? "
          "ORDER BY id LIMIT ?",
          {after, kFileBatch}));
      for (const auto& r : rows) {
        FiledAuditEvent f;
        f.at_ms = r.Int(1);
        f.event.actor_user_id = r.Text(2);
        f.event.actor_org_id = r.Text(3);
        f.event.org_id = r.Text(4);
        f.event.action = r.Text(5);
        f.event.entity_type = r.Text(6);
        f.event.entity_id = r.Text(7);
        f.event.outcome = r.Text(8);
        f.event.request_id = r.Text(9);
        f.event.remote = r.Text(10);
        f.event.fields = SplitRoles(r.Text(11));
        events.push_back(std::move(f));
        last_filed = r.Int(0);
      }
      return Ok();
    }));
    if (events.empty()) return Ok();
    TRY(audit.AppendFiled(tx, events));
    count = static_cast<int64_t>(events.size());
    TRY(
        tx.Exec("INSERT INTO kv_settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                {kMarkerKey, identity_ + " " + std::to_string(last_filed)}));
    return Ok();
  }));
  if (count == 0) return count;
  // Filed entries leave the journal. Should this fail, the marker still keeps them from being
  // filed twice, and the next round deletes them.
  TRY(file_->Write([&](store::Tx& journal) -> Result<void> {
    TRY(journal.Exec("DELETE FROM read_entries WHERE id <= ?", {last_filed}));
    return Ok();
  }));
  return count;
}

}  // namespace dandelion::security

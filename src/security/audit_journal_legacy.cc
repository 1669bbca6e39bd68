#include "security/audit_journal_legacy.h"

#include <filesystem>
#include <vector>

#include "security/audit_journal.h"
#include "security/policy.h"

namespace dandelion::security {
namespace {

constexpr int64_t kBatch = 5000;

// Files one transaction's worth of rows; returns how many.
Result<int64_t> FileBatch(store::Database& journal, const std::string& identity,
                          store::Database& db, const AuditLog& audit) {
  int64_t count = 0;
  TRY(db.Write([&](store::Tx& tx) -> Result<void> {
    const int64_t after = TRY(JournalFiledUpTo(tx, identity));
    std::vector<FiledAuditEvent> events;
    int64_t last_filed = 0;
    TRY(journal.Read([&](store::Tx& rows_tx) -> Result<void> {
      auto rows = TRY(rows_tx.Query(
          "SELECT id, at_ms, actor_user_id, actor_org_id, org_id, action, entity_type, "
          "entity_id, outcome, request_id, remote, fields FROM read_entries WHERE id > ? "
          "ORDER BY id LIMIT ?",
          {after, kBatch}));
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
    TRY(MarkJournalFiled(tx, identity, last_filed));
    return Ok();
  }));
  return count;
}

}  // namespace

std::string EarlierJournalPathFor(const std::string& database_path) {
  return database_path + "-audit";
}

Result<int64_t> FileEarlierJournal(const std::string& database_path, store::Database& db,
                                   const AuditLog& audit) {
  namespace fs = std::filesystem;
  const std::string path = EarlierJournalPathFor(database_path);
  std::error_code ec;
  if (!fs::exists(path, ec)) return int64_t{0};
  int64_t total = 0;
  {
    auto journal = TRY(store::Open("sqlite:" + path, 1, store::Create::kNo));
    // A journal whose creation a crash cut short has no tables, and no entries.
    const bool made = TRY(journal->ReadValue([](store::Tx& tx) -> Result<bool> {
      auto row = TRY(tx.QueryOne(
          "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('journal_identity', 'read_entries')"));
      return row->Int(0) == 2;
    }));
    std::string identity;
    if (made) {
      identity = TRY(journal->ReadValue([](store::Tx& tx) -> Result<std::string> {
        auto row = TRY(tx.QueryOne("SELECT identity FROM journal_identity WHERE id = 1"));
        return row ? row->Text(0) : std::string();
      }));
    }
    while (made) {
      const int64_t n = TRY(FileBatch(*journal, identity, db, audit));
      total += n;
      if (n < kBatch) break;
    }
  }
  // Everything in it is in the chain now, the marker says so: a crash before these removals
  // files nothing twice when the next start finds the file again.
  for (const char* suffix : {"-wal", "-shm", "-journal", ""}) {
    fs::remove(path + suffix, ec);
    if (ec) {
      return Fail(
          ErrorCode::kInternal, "error.internal",
          "could not remove the earlier audit journal " + path + suffix + ": " + ec.message());
    }
  }
  return total;
}

}  // namespace dandelion::security

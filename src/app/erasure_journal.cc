#include "app/erasure_journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/clock.h"
#include "core/durable_file.h"
#include "core/ids.h"
#include "modules/people/person_repo.h"
#include "modules/survivors/survivor_repo.h"
#include "security/actor.h"

namespace dandelion::app {
namespace {

Failure JournalError(const std::string& detail) {
  return Fail(ErrorCode::kInternal, "error.internal", detail);
}

}  // namespace

std::string ErasureJournalPath(const Config& config) {
  return (std::filesystem::path(config.data_dir) / "erasures.journal").string();
}

Result<void> AppendErasure(const std::string& journal_path, const std::string& person_id,
                           const std::string& erased_at) {
  if (!LooksLikeId(person_id) || erased_at.find_first_of(" \n") != std::string::npos) {
    return JournalError("erasure journal: not an id: " + person_id);
  }
  const std::string line = person_id + " " + erased_at + "\n";
  const int fd = ::open(journal_path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return JournalError("cannot open " + journal_path);
  const bool ok = durable_file::WriteAll(fd, line) && ::fsync(fd) == 0;
  ::close(fd);
  // The first erasure creates the journal: its name must be as durable as its line.
  if (!ok || !durable_file::SyncDirectoryOf(journal_path)) {
    return JournalError("cannot append to " + journal_path);
  }
  return Ok();
}

Result<std::set<std::string>> ReadErasures(const std::string& journal_path) {
  std::set<std::string> ids;
  std::error_code ec;
  if (!std::filesystem::exists(journal_path, ec)) return ids;
  std::ifstream in(journal_path, std::ios::binary);
  if (!in) return JournalError("cannot read " + journal_path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    const std::string id = line.substr(0, line.find(' '));
    if (!LooksLikeId(id)) {
      return JournalError(journal_path + " line " + std::to_string(number) +
                          " is not \"<person id> <erased_at>\"");
    }
    ids.insert(id);
  }
  return ids;
}

Result<int> SyncErasureJournal(Services& services) {
  const std::string path = ErasureJournalPath(services.config);
  const auto known = TRY(ReadErasures(path));
  store::Rows rows;
  TRY(services.db->Read([&](store::Tx& tx) -> Result<void> {
    rows = TRY(tx.Query(
        "SELECT id, erased_at FROM people WHERE erased_at IS NOT NULL UNION ALL SELECT id, "
        "erased_at FROM survivor_members WHERE status = 'erased' ORDER BY 1"));
    return Ok();
  }));
  int added = 0;
  for (const auto& row : rows) {
    if (known.contains(row.Text(0))) continue;
    TRY(AppendErasure(path, row.Text(0), row.Text(1)));
    ++added;
  }
  return added;
}

Result<int> ReapplyErasures(Services& services, const std::set<std::string>& ids) {
  if (ids.empty()) return 0;
  int erased = 0;
  TRY(services.db->Write([&](store::Tx& tx) -> Result<void> {
    erased = 0;
    const std::string now = FormatRfc3339(services.clock->Now());
    for (const auto& id : ids) {
      if (auto person = TRY(
              tx.QueryOne("SELECT org_id FROM people WHERE id = ? AND erased_at IS NULL", {id}))) {
        TRY(people::person_repo::Erase(tx, id, now));
        security::AuditEvent e =
            security::ActorEvent(security::Actor::Console(), "person.erase_reapplied", "person", id,
                                 {}, person->Text(0));
        e.fields = {"person_key",   "legal_name",  "alias",     "birth_date", "phone",
                    "safe_contact", "nationality", "languages", "categories"};
        TRY(services.audit->Append(tx, e));
        ++erased;
      } else if (auto member = TRY(tx.QueryOne(
                     "SELECT org_id FROM survivor_members WHERE id = ? AND status = 'active'",
                     {id}))) {
        // A member of the survivors' network: erased exactly as SurvivorService::Erase does.
        const std::string account =
            TRY(survivors::repo::EraseMember(tx, id, services.clock->Now()));
        std::vector<std::string> fields{"key", "sealed_fields", "signatures"};
        if (!account.empty()) fields.emplace_back("account");
        TRY(services.audit->Append(
            tx, security::ActorEvent(security::Actor::Console(), "survivor.member.erase_reapplied",
                                     "survivor_member", id, fields, member->Text(0))));
        ++erased;
      }
    }
    return Ok();
  }));
  // Her deleted key must not stay readable in the restored files either.
  TRY(services.db->ScrubDeleted());
  return erased;
}

}  // namespace dandelion::app

#include "app/private_files.h"

#include <sys/stat.h>

#include <filesystem>

#include "core/messages.h"
#include "security/audit_journal.h"
#include "security/audit_journal_legacy.h"

namespace dandelion::app {
namespace fs = std::filesystem;
namespace {

void RegisterPrivateFileMessages() {
  static const bool registered = [] {
    static constexpr Message kMessages[] = {
        {"error.data_dir_permissions",
         "데이터 디렉터리나 그 안의 파일을 그룹이나 다른 사용자가 읽을 수 있습니다. "
         "chmod 700 (디렉터리), chmod 600 (파일)으로 고친 뒤 다시 시작하세요.",
         "The data dir or a file in it can be read by group or others. Fix it with chmod 700 "
         "(directories) or chmod 600 (files), then start again."},
    };
    RegisterMessages(kMessages);
    return true;
  }();
  (void)registered;
}

}  // namespace

void MakeCreatedFilesPrivate() { ::umask(077); }

Result<void> CheckDataDirPrivate(const Config& config) {
  RegisterPrivateFileMessages();
  const fs::path dir = config.data_dir;
  struct Item {
    fs::path path;
    bool directory;
  };
  std::vector<Item> items = {{dir, true}, {dir / "keys", true}};
  items.push_back({config.MasterKeyPath(), false});
  const std::string url = config.DatabaseUrl();
  if (url.starts_with("sqlite:")) {
    const std::string db = url.substr(std::string_view("sqlite:").size());
    for (const std::string& file : {db, security::EarlierJournalPathFor(db)}) {
      for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        items.push_back({file + suffix, false});
    }
    items.push_back({security::AuditJournal::PathFor(db), false});
  }
  for (const auto& item : items) {
    std::error_code ec;
    const fs::file_status status = fs::status(item.path, ec);
    if (ec || !fs::exists(status)) continue;  // absent: nothing to leak (open reports it)
    const fs::perms others = fs::perms::group_all | fs::perms::others_all;
    if ((status.permissions() & others) == fs::perms::none) continue;
    const std::string fix =
        std::string("chmod ") + (item.directory ? "700 " : "600 ") + item.path.string();
    return Fail(
        ErrorCode::kUnavailable, "error.data_dir_permissions",
        item.path.string() +
            " can be read or entered by group or others; it holds survivors' data or "
            "keys. Run: " +
            fix + "  (그룹이나 다른 사용자가 접근할 수 있습니다. 다음을 실행하세요: " + fix + ")");
  }
  return Ok();
}

}  // namespace dandelion::app

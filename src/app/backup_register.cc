#include "app/backup_register.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/durable_file.h"
#include "core/ids.h"
#include "core/messages.h"
#include "security/file_cipher.h"

namespace dandelion::app {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kFileMagic = "Dandelion backup 1\n";
constexpr std::string_view kKeyMagic = "Dandelion backup key 1\n";
constexpr size_t kMaxHeader = 512;

Failure IoError(const std::string& detail) {
  return Fail(ErrorCode::kInternal, "error.internal", detail);
}

std::string KeyAad(const std::string& id) { return "backup:" + id; }

std::string EntryPath(const Config& config, const std::string& id) {
  return (fs::path(BackupKeysDir(config)) / (id + ".key")).string();
}

// Backup ids are 32 hex digits: nothing else may name a register file.
bool LooksLikeBackupId(std::string_view id) {
  return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Result<void> FsyncParent(const std::string& path) {
  if (!durable_file::SyncDirectoryOf(path)) return IoError("fsync the directory of " + path);
  return Ok();
}

// Writes text to path (0600) so that a crash leaves the old text or the new.
Result<void> WriteDurably(const std::string& path, const std::string& text) {
  if (!durable_file::Replace(path, text)) return IoError("cannot write " + path);
  return Ok();
}

// Overwrites a register entry with zeros before removing it, so the wrapped key is not simply
// left in a free block of the file system (best effort, see the header).
Result<void> Shred(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd >= 0) {
    const std::string zeros(ec ? 0 : size, '\0');
    [[maybe_unused]] const bool written = durable_file::WriteAll(fd, zeros);
    ::fsync(fd);
    ::close(fd);
  }
  if (::unlink(path.c_str()) != 0) return IoError("cannot remove " + path);
  return FsyncParent(path);
}

// "key value" lines of a header, up to its blank line.
std::string Field(const std::string& text, std::string_view name) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > name.size() && line.compare(0, name.size(), name) == 0 &&
        line[name.size()] == ' ') {
      return line.substr(name.size() + 1);
    }
  }
  return "";
}

struct Entry {
  RegisteredBackup backup;
  std::string wrapped;  // the wrapped key's bytes
};

Result<Entry> ReadEntry(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kNotFound, "backup.expired", "no key at " + path);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  Entry entry;
  entry.backup.id = Field(s, "id");
  const std::string hex = Field(s, "key");
  std::string bytes(hex.size() / 2, '\0');
  size_t length = 0;
  if (!s.starts_with(kKeyMagic) || !LooksLikeBackupId(entry.backup.id) ||
      !ParseRfc3339(Field(s, "made"), &entry.backup.made) ||
      sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(),
                     hex.size(), nullptr, &length, nullptr) != 0 ||
      length != security::kWrappedKeySize) {
    return IoError(path + " is not a backup key of the register");
  }
  bytes.resize(length);
  entry.wrapped = std::move(bytes);
  return entry;
}

// The header of a sealed backup and the stream positioned after it.
Result<std::string> ReadFileHeader(std::istream& in, const std::string& path) {
  std::string header;
  std::string line;
  while (header.size() < kMaxHeader && std::getline(in, line)) {
    header += line + "\n";
    if (line.empty()) return header;
  }
  return IoError(path + " is not a Dandelion backup (no header)");
}

}  // namespace

void RegisterBackupMessages() {
  static const bool registered = [] {
    static constexpr Message kMessages[] = {
        {"backup.expired",
         "이 백업은 보관 기간이 지나 키가 폐기되었거나 이 데이터 디렉터리의 백업이 아닙니다. "
         "더 이상 열 수 없습니다. 아무것도 바꾸지 않았습니다.",
         "This backup has expired and its key was destroyed, or it was not made from this data "
         "dir: it can no longer be opened. Nothing was changed."},
    };
    RegisterMessages(kMessages);
    return true;
  }();
  (void)registered;
}

std::string BackupKeysDir(const Config& config) {
  return (fs::path(config.data_dir) / "backup-keys").string();
}

Result<RegisteredBackup> SealBackup(const Config& config, const security::SecretKey& master,
                                    uint32_t master_version, const std::string& plain_file,
                                    const std::string& out_file, TimePoint now) {
  std::error_code ec;
  const std::string dir = BackupKeysDir(config);
  fs::create_directory(dir, ec);
  if (ec) return IoError("create " + dir + ": " + ec.message());
  fs::permissions(dir, fs::perms::owner_all, ec);
  RegisteredBackup backup{RandomHex(16), now};
  const std::string made = FormatRfc3339(now);
  auto key = security::SecretKey::Random();
  // The entry first: a backup file whose key was never kept could not be restored.
  const std::string entry_path = EntryPath(config, backup.id);
  TRY(WriteDurably(entry_path,
                   std::string(kKeyMagic) + "id " + backup.id + "\nmade " + made + "\nkey " +
                       ToHex(security::WrapKey(master, master_version, key, KeyAad(backup.id))) +
                       "\n"));
  const std::string tmp = out_file + ".tmp";
  ::unlink(tmp.c_str());
  auto sealed = [&]() -> Result<void> {
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return IoError("create " + tmp);
    ::close(fd);
    std::ifstream in(plain_file, std::ios::binary);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!in || !out) return IoError("open " + plain_file + " or " + tmp);
    out << kFileMagic << "id " << backup.id << "\nmade " << made << "\n\n";
    TRY(security::EncryptStream(key, in, out));
    out.flush();
    if (!out) return IoError("write " + tmp);
    out.close();
    if (!durable_file::Sync(tmp)) return IoError("fsync " + tmp);
    // link(2) never replaces an existing file, unlike rename(2).
    if (::link(tmp.c_str(), out_file.c_str()) != 0) return IoError("cannot create " + out_file);
    ::unlink(tmp.c_str());
    return FsyncParent(out_file);
  }();
  if (!sealed) {
    ::unlink(tmp.c_str());
    ::unlink(entry_path.c_str());
    return Fail(sealed.error());
  }
  return backup;
}

Result<bool> IsSealedBackup(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("restore: cannot read " + path);
  std::string start(kFileMagic.size(), '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  return in.gcount() == static_cast<std::streamsize>(start.size()) && start == kFileMagic;
}

Result<RegisteredBackup> OpenSealedBackup(const Config& config, const security::SecretKey& master,
                                          const std::string& from_file,
                                          const std::string& plain_out) {
  std::ifstream in(from_file, std::ios::binary);
  if (!in) return IoError("restore: cannot read " + from_file);
  const std::string header = TRY(ReadFileHeader(in, from_file));
  const std::string id = Field(header, "id");
  if (!header.starts_with(kFileMagic) || !LooksLikeBackupId(id)) {
    return IoError(from_file + " is not a Dandelion backup (bad header)");
  }
  std::error_code ec;
  const std::string entry_path = EntryPath(config, id);
  if (!fs::exists(entry_path, ec)) {
    return Fail(ErrorCode::kNotFound, "backup.expired",
                "the register " + BackupKeysDir(config) + " has no key for backup " + id +
                    " (made " + Field(header, "made") +
                    "): it expired and its key was destroyed, or it was made from another data "
                    "dir");
  }
  const Entry entry = TRY(ReadEntry(entry_path));
  auto key = security::UnwrapKey(master, entry.wrapped, KeyAad(id));
  if (!key) {
    Error e = key.error();
    e.detail = "the data dir's master key does not open the key of backup " + id +
               " (was it made before a `keys rotate`?): " + e.detail;
    return Fail(e);
  }
  auto opened = [&]() -> Result<void> {
    ::unlink(plain_out.c_str());
    const int fd = ::open(plain_out.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return IoError("create " + plain_out);
    ::close(fd);
    std::ofstream out(plain_out, std::ios::binary | std::ios::trunc);
    if (auto r = security::DecryptStream(*key, in, out); !r) {
      Error e = r.error();
      e.detail = from_file + " was altered or cut short: " + e.detail;
      return Fail(e);
    }
    out.flush();
    if (!out) return IoError("write " + plain_out);
    return Ok();
  }();
  if (!opened) {
    ::unlink(plain_out.c_str());
    return Fail(opened.error());
  }
  return entry.backup;
}

Result<std::vector<RegisteredBackup>> ListBackups(const Config& config) {
  std::vector<RegisteredBackup> out;
  std::error_code ec;
  const std::string dir = BackupKeysDir(config);
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& file : fs::directory_iterator(dir, ec)) {
    const std::string name = file.path().filename().string();
    if (!name.ends_with(".key")) continue;  // e.g. a leftover .key.tmp
    const Entry entry = TRY(ReadEntry(file.path().string()));
    out.push_back(entry.backup);
  }
  if (ec) return IoError("read " + dir + ": " + ec.message());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.made < b.made || (a.made == b.made && a.id < b.id);
  });
  return out;
}

Result<std::vector<RegisteredBackup>> PruneExpiredBackups(const Config& config, TimePoint now) {
  std::vector<RegisteredBackup> destroyed;
  if (config.backup_keep_days <= 0) return destroyed;
  const TimePoint cutoff = now - std::chrono::hours(24) * config.backup_keep_days;
  for (const auto& backup : TRY(ListBackups(config))) {
    if (backup.made >= cutoff) continue;
    TRY(Shred(EntryPath(config, backup.id)));
    destroyed.push_back(backup);
  }
  return destroyed;
}

}  // namespace dandelion::app

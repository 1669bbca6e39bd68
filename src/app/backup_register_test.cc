// The backup register and the erasure journal: a backup opens only with its own key, an expired
// key is destroyed for good, and the journal holds ids that a restore can trust.
#include "app/backup_register.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/erasure_journal.h"
#include "core/ids.h"
#include "security/keys.h"
#include "testing/test_world.h"

namespace dandelion::app {
namespace {

namespace fs = std::filesystem;
using testing::Must;

std::string FileBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteBytes(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

class BackupRegisterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RegisterBackupMessages();
    dir_ = fs::temp_directory_path() / ("dandelion-register-" + RandomHex(6));
    fs::create_directories(dir_);
    config_.data_dir = dir_.string();
    config_.backup_keep_days = 35;
    // More than one chunk of the stream, and not a multiple of it.
    plain_ = std::string(200 * 1024 + 7, 'x');
    plain_.replace(0, 16, "SQLite format 3\0", 16);
    WriteBytes(dir_ / "plain.db", plain_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  RegisteredBackup Seal(const std::string& name, TimePoint made) {
    return Must(SealBackup(config_, master_, 1, (dir_ / "plain.db").string(),
                           (dir_ / name).string(), made));
  }

  Result<RegisteredBackup> Open(const std::string& name) {
    return OpenSealedBackup(config_, master_, (dir_ / name).string(),
                            (dir_ / "opened.db").string());
  }

  fs::path dir_;
  Config config_;
  security::SecretKey master_ = security::SecretKey::Random();
  std::string plain_;
  TimePoint now_ = std::chrono::system_clock::now();
};

TEST_F(BackupRegisterTest, ABackupOpensWithItsOwnKeyAndHoldsNoPlainText) {
  const auto backup = Seal("b1", now_);
  EXPECT_TRUE(Must(IsSealedBackup((dir_ / "b1").string())));
  EXPECT_FALSE(Must(IsSealedBackup((dir_ / "plain.db").string())));
  EXPECT_EQ(FileBytes(dir_ / "b1").find("xxxxxxxx"), std::string::npos);
  EXPECT_EQ(fs::status(dir_ / "b1").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  // The key is in the register, never in the backup.
  const fs::path entry = fs::path(BackupKeysDir(config_)) / (backup.id + ".key");
  EXPECT_TRUE(fs::exists(entry));
  EXPECT_EQ(fs::status(BackupKeysDir(config_)).permissions() & fs::perms::all,
            fs::perms::owner_all);
  const auto opened = Must(Open("b1"));
  EXPECT_EQ(opened.id, backup.id);
  EXPECT_EQ(FileBytes(dir_ / "opened.db"), plain_);
  // Never overwrites an existing file.
  EXPECT_FALSE(
      SealBackup(config_, master_, 1, (dir_ / "plain.db").string(), (dir_ / "b1").string(), now_));
}

TEST_F(BackupRegisterTest, AnAlteredOrCutBackupOrAnotherMasterKeyOpensNothing) {
  Seal("b1", now_);
  std::string bytes = FileBytes(dir_ / "b1");
  std::string altered = bytes;
  altered[altered.size() / 2] ^= 1;
  WriteBytes(dir_ / "altered", altered);
  EXPECT_FALSE(Open("altered"));
  EXPECT_FALSE(fs::exists(dir_ / "opened.db"));
  WriteBytes(dir_ / "cut", bytes.substr(0, bytes.size() - 100));
  EXPECT_FALSE(Open("cut"));
  auto other = security::SecretKey::Random();
  auto wrong =
      OpenSealedBackup(config_, other, (dir_ / "b1").string(), (dir_ / "opened.db").string());
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().message_key, "security.key_unwrap_failed");
}

TEST_F(BackupRegisterTest, AnExpiredBackupsKeyIsDestroyedAndItNeverOpensAgain) {
  const auto old = Seal("old", now_ - std::chrono::hours(24 * 36));
  const auto fresh = Seal("fresh", now_ - std::chrono::hours(24 * 34));
  EXPECT_EQ(Must(ListBackups(config_)).size(), 2u);
  const auto destroyed = Must(PruneExpiredBackups(config_, now_));
  ASSERT_EQ(destroyed.size(), 1u);
  EXPECT_EQ(destroyed[0].id, old.id);
  auto refused = Open("old");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message_key, "backup.expired");
  EXPECT_EQ(Must(Open("fresh")).id, fresh.id);
  // keep_days = 0 keeps every key.
  config_.backup_keep_days = 0;
  EXPECT_TRUE(Must(PruneExpiredBackups(config_, now_ + std::chrono::hours(24 * 3650))).empty());
}

TEST_F(BackupRegisterTest, TheErasureJournalKeepsIdsAndRefusesAMangledLine) {
  const std::string journal = (dir_ / "erasures.journal").string();
  EXPECT_TRUE(Must(ReadErasures(journal)).empty());
  const std::string a = NewId(), b = NewId();
  Must(AppendErasure(journal, a, "2026-12-01T10:00:00Z"));
  Must(AppendErasure(journal, b, "2026-12-02T10:00:00Z"));
  Must(AppendErasure(journal, a, "2026-12-02T10:00:00Z"));
  EXPECT_EQ(Must(ReadErasures(journal)), (std::set<std::string>{a, b}));
  EXPECT_EQ(fs::status(journal).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_FALSE(AppendErasure(journal, "김민지", "2026-12-02T10:00:00Z"));
  std::ofstream(journal, std::ios::app) << "not an id!\n";
  EXPECT_FALSE(ReadErasures(journal));
}

}  // namespace
}  // namespace dandelion::app

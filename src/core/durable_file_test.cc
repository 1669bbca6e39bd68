#include "core/durable_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dandelion::durable_file {
namespace {

namespace fs = std::filesystem;

class DurableFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ = (fs::temp_directory_path() / "dandelion-durable-XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = templ;
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string Contents(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  static unsigned Mode(const fs::path& path) {
    struct stat st {};
    EXPECT_EQ(lstat(path.c_str(), &st), 0);
    return st.st_mode & 0777;
  }

  fs::path dir_;
};

TEST_F(DurableFileTest, ReplaceWritesTheWholeTextPrivatelyAndLeavesNoTemporary) {
  const fs::path file = dir_ / "checkpoint.txt";
  ASSERT_TRUE(Replace(file, "first\n"));
  EXPECT_EQ(Contents(file), "first\n");
  EXPECT_EQ(Mode(file), 0600u);
  ASSERT_TRUE(Replace(file, std::string(100000, 'x')));
  EXPECT_EQ(Contents(file), std::string(100000, 'x'));
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename(), "checkpoint.txt") << "a temporary was left";
  }
}

TEST_F(DurableFileTest, ReplaceNeitherReusesALeftoverTemporaryNorWritesThroughALink) {
  const fs::path file = dir_ / "register";
  const fs::path elsewhere = dir_ / "elsewhere";
  { std::ofstream(elsewhere) << "not to be touched"; }
  const std::string tmp = "register.tmp." + std::to_string(getpid());
  fs::create_symlink(elsewhere, dir_ / tmp);
  ASSERT_TRUE(Replace(file, "entry"));
  EXPECT_EQ(Contents(file), "entry");
  EXPECT_EQ(Mode(file), 0600u);
  EXPECT_EQ(Contents(elsewhere), "not to be touched");

  // A world-readable leftover: the new file is created afresh, 0600.
  { std::ofstream(dir_ / tmp) << "leftover"; }
  fs::permissions(dir_ / tmp, fs::perms(0644));
  ASSERT_TRUE(Replace(file, "again"));
  EXPECT_EQ(Mode(file), 0600u);
  EXPECT_EQ(Contents(file), "again");
}

TEST_F(DurableFileTest, ReplaceFailsWithErrnoAndKeepsTheOldContents) {
  EXPECT_FALSE(Replace(dir_ / "no-such-dir" / "file", "text"));
  EXPECT_EQ(errno, ENOENT);

  // path is a directory: the rename fails, the temporary goes, the directory stays.
  fs::create_directory(dir_ / "a-dir");
  { std::ofstream(dir_ / "a-dir" / "inside") << "kept"; }
  EXPECT_FALSE(Replace(dir_ / "a-dir", "text"));
  EXPECT_NE(errno, 0);
  EXPECT_FALSE(fs::exists(dir_ / ("a-dir.tmp." + std::to_string(getpid()))));
  EXPECT_EQ(Contents(dir_ / "a-dir" / "inside"), "kept");
}

TEST_F(DurableFileTest, PositionedWritesAndReadsRoundTripAndAShortFileIsNotRead) {
  const fs::path file = dir_ / "journal";
  const int fd = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(WriteAll(fd, "head"));
  ASSERT_TRUE(WriteAllAt(fd, "record", 10));
  char out[6] = {};
  ASSERT_TRUE(ReadAllAt(fd, out, sizeof out, 10));
  EXPECT_EQ(std::string(out, sizeof out), "record");
  ASSERT_TRUE(ReadAllAt(fd, out, 4, 0));
  EXPECT_EQ(std::string(out, 4), "head");
  // The gap between is zeros; past the end there is nothing whole to read.
  ASSERT_TRUE(ReadAllAt(fd, out, 6, 4));
  EXPECT_EQ(std::string(out, 6), std::string(6, '\0'));
  EXPECT_FALSE(ReadAllAt(fd, out, 6, 12));
  close(fd);
  EXPECT_EQ(fs::file_size(file), 16u);
}

TEST_F(DurableFileTest, SyncsFilesAndDirectoriesByName) {
  const fs::path file = dir_ / "backup";
  { std::ofstream(file) << "bytes"; }
  EXPECT_TRUE(Sync(file));
  EXPECT_TRUE(Sync(dir_));
  EXPECT_TRUE(SyncDirectoryOf(file));
  EXPECT_FALSE(Sync(dir_ / "missing"));
  EXPECT_EQ(errno, ENOENT);
  EXPECT_FALSE(SyncDirectoryOf(dir_ / "missing-dir" / "file"));
  // A bare name: the current directory.
  EXPECT_TRUE(SyncDirectoryOf("bare-name"));
}

}  // namespace
}  // namespace dandelion::durable_file

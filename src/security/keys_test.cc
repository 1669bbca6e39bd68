#include "security/keys.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace dandelion::security {
namespace {

namespace fs = std::filesystem;

class MasterKeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dandelion-keys-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = dir_ / "master.key";
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  fs::path path_;
};

std::string Raw(const SecretKey& key) {
  return std::string(reinterpret_cast<const char*>(key.data()), key.size());
}

TEST(SecretKeyTest, RandomKeysDiffer) {
  SecretKey a = SecretKey::Random();
  SecretKey b = SecretKey::Random();
  EXPECT_NE(Raw(a), Raw(b));
}

TEST(SecretKeyTest, MovingLeavesTheSourceEmpty) {
  SecretKey a = SecretKey::Random();
  std::string bytes = Raw(a);
  SecretKey b = std::move(a);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the point of the test
  EXPECT_EQ(Raw(b), bytes);
  SecretKey c = SecretKey::Random();
  c = std::move(b);
  EXPECT_EQ(Raw(c), bytes);
}

TEST(SecretKeyTest, FromBytesAcceptsOnlyThirtyTwoBytes) {
  EXPECT_FALSE(SecretKey::FromBytes("short").has_value());
  EXPECT_FALSE(SecretKey::FromBytes(std::string(33, 'x')).has_value());
  auto key = SecretKey::FromBytes(std::string(32, 'x'));
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(Raw(*key), std::string(32, 'x'));
}

TEST_F(MasterKeyFileTest, CreatesAPrivateThirtyTwoByteFileThatLoads) {
  ASSERT_TRUE(CreateMasterKeyFile(path_));
  struct stat st {};
  ASSERT_EQ(stat(path_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(st.st_size, 32);
  auto key = LoadMasterKey(path_);
  ASSERT_TRUE(key) << key.error().detail;
  std::ifstream in(path_, std::ios::binary);
  std::string on_disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(Raw(*key), on_disk);
}

TEST_F(MasterKeyFileTest, RefusesToOverwriteAnExistingKey) {
  ASSERT_TRUE(CreateMasterKeyFile(path_));
  auto before = LoadMasterKey(path_);
  ASSERT_TRUE(before);
  auto again = CreateMasterKeyFile(path_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message_key, "security.master_key_exists");
  auto after = LoadMasterKey(path_);
  ASSERT_TRUE(after);
  EXPECT_EQ(Raw(*before), Raw(*after));
}

TEST_F(MasterKeyFileTest, RefusesAGroupReadableFile) {
  ASSERT_TRUE(CreateMasterKeyFile(path_));
  fs::permissions(path_, fs::perms::group_read, fs::perm_options::add);
  auto key = LoadMasterKey(path_);
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().message_key, "security.master_key_permissions");
}

TEST_F(MasterKeyFileTest, RefusesAWorldReadableFile) {
  ASSERT_TRUE(CreateMasterKeyFile(path_));
  fs::permissions(path_, fs::perms::others_read, fs::perm_options::add);
  EXPECT_EQ(LoadMasterKey(path_).error().message_key, "security.master_key_permissions");
}

TEST_F(MasterKeyFileTest, RefusesAFileOfTheWrongSize) {
  {
    std::ofstream out(path_, std::ios::binary);
    out << std::string(31, 'k');
  }
  fs::permissions(path_, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  EXPECT_EQ(LoadMasterKey(path_).error().message_key, "security.master_key_size");
}

TEST_F(MasterKeyFileTest, ReportsAMissingFile) {
  EXPECT_EQ(LoadMasterKey(path_).error().message_key, "security.master_key_unreadable");
}

TEST_F(MasterKeyFileTest, RefusesToFollowASymlink) {
  ASSERT_TRUE(CreateMasterKeyFile(path_));
  fs::create_symlink(path_, dir_ / "link.key");
  EXPECT_FALSE(LoadMasterKey(dir_ / "link.key"));
  EXPECT_FALSE(CreateMasterKeyFile(dir_ / "link.key"));
}

TEST(KeyWrapTest, UnwrapsWhatItWrapped) {
  SecretKey master = SecretKey::Random();
  SecretKey org = SecretKey::Random();
  std::string blob = WrapKey(master, 3, org, OrgKeyAad("org1", 1));
  EXPECT_EQ(blob.size(), kWrappedKeySize);
  EXPECT_EQ(*WrappingKeyVersion(blob), 3u);
  auto back = UnwrapKey(master, blob, OrgKeyAad("org1", 1));
  ASSERT_TRUE(back);
  EXPECT_EQ(Raw(*back), Raw(org));
}

TEST(KeyWrapTest, WrappingTwiceGivesDifferentBlobs) {
  SecretKey master = SecretKey::Random();
  SecretKey org = SecretKey::Random();
  EXPECT_NE(WrapKey(master, 1, org, "a"), WrapKey(master, 1, org, "a"));
}

TEST(KeyWrapTest, RefusesAnotherKeysIdentity) {
  SecretKey org = SecretKey::Random();
  SecretKey person = SecretKey::Random();
  std::string blob = WrapKey(org, 1, person, PersonKeyAad("alice", 1));
  EXPECT_FALSE(UnwrapKey(org, blob, PersonKeyAad("bob", 1)));
  EXPECT_FALSE(UnwrapKey(org, blob, PersonKeyAad("alice", 2)));
  EXPECT_EQ(UnwrapKey(org, blob, OrgKeyAad("alice", 1)).error().message_key,
            "security.key_unwrap_failed");
}

TEST(KeyWrapTest, RefusesTheWrongParentKey) {
  SecretKey person = SecretKey::Random();
  std::string blob = WrapKey(SecretKey::Random(), 1, person, "p");
  EXPECT_FALSE(UnwrapKey(SecretKey::Random(), blob, "p"));
}

TEST(KeyWrapTest, RefusesAnyAlteredByte) {
  SecretKey parent = SecretKey::Random();
  std::string blob = WrapKey(parent, 1, SecretKey::Random(), "p");
  for (size_t i = 0; i < blob.size(); ++i) {
    std::string bad = blob;
    bad[i] ^= 0x01;
    EXPECT_FALSE(UnwrapKey(parent, bad, "p")) << "byte " << i;
  }
  EXPECT_FALSE(UnwrapKey(parent, blob.substr(0, blob.size() - 1), "p"));
  EXPECT_FALSE(UnwrapKey(parent, "", "p"));
}

TEST(KeyWrapTest, NamesWrappedKeysReadably) {
  EXPECT_EQ(OrgKeyAad("abc", 2), "org:abc:v2");
  EXPECT_EQ(PersonKeyAad("xyz", 1), "person:xyz:v1");
  EXPECT_EQ(FileKeyAad("f1"), "file:f1");
}

}  // namespace
}  // namespace dandelion::security

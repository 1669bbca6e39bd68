#include "security/file_cipher.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dandelion::security {
namespace {

constexpr size_t kSealed = kFileChunkSize + 17;  // plaintext chunk + secretstream overhead
constexpr size_t kHeader = 1 + 24;

std::string Pattern(size_t size) {
  std::string s(size, '\0');
  for (size_t i = 0; i < size; ++i) s[i] = static_cast<char>((i * 131) ^ (i >> 8));
  return s;
}

std::string Encrypt(const SecretKey& key, const std::string& plain) {
  std::istringstream in(plain);
  std::ostringstream out;
  EXPECT_TRUE(EncryptStream(key, in, out));
  return out.str();
}

Result<std::string> Decrypt(const SecretKey& key, const std::string& sealed) {
  std::istringstream in(sealed);
  std::ostringstream out;
  auto result = DecryptStream(key, in, out);
  if (!result) return Fail(result.error());
  return out.str();
}

TEST(FileCipherTest, RoundTripsSizesAroundChunkBoundaries) {
  SecretKey key = SecretKey::Random();
  for (size_t size : {size_t{0}, size_t{1}, kFileChunkSize - 1, kFileChunkSize, kFileChunkSize + 1,
                      3 * kFileChunkSize, 3 * kFileChunkSize + 7}) {
    std::string plain = Pattern(size);
    auto back = Decrypt(key, Encrypt(key, plain));
    ASSERT_TRUE(back) << size << ": " << back.error().detail;
    EXPECT_EQ(*back, plain) << size;
  }
}

TEST(FileCipherTest, WritesOneSealedChunkPerSixtyFourKibibytes) {
  SecretKey key = SecretKey::Random();
  EXPECT_EQ(Encrypt(key, "").size(), kHeader + 17);
  EXPECT_EQ(Encrypt(key, Pattern(kFileChunkSize)).size(), kHeader + kSealed);
  EXPECT_EQ(Encrypt(key, Pattern(2 * kFileChunkSize + 5)).size(), kHeader + 2 * kSealed + 5 + 17);
}

TEST(FileCipherTest, DetectsTruncationAtAChunkBoundary) {
  SecretKey key = SecretKey::Random();
  std::string sealed = Encrypt(key, Pattern(3 * kFileChunkSize + 100));
  // Dropping the whole last chunk leaves a stream of valid chunks without TAG_FINAL.
  auto back = Decrypt(key, sealed.substr(0, kHeader + 3 * kSealed));
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().message_key, "security.file_truncated");
  EXPECT_FALSE(Decrypt(key, sealed.substr(0, kHeader)));
  EXPECT_FALSE(Decrypt(key, sealed.substr(0, 10)));
}

TEST(FileCipherTest, DetectsTruncationInsideAChunk) {
  SecretKey key = SecretKey::Random();
  std::string sealed = Encrypt(key, Pattern(2 * kFileChunkSize));
  EXPECT_FALSE(Decrypt(key, sealed.substr(0, sealed.size() - 1)));
  EXPECT_FALSE(Decrypt(key, sealed.substr(0, kHeader + kSealed + 20)));
}

TEST(FileCipherTest, DetectsTamperingAnywhere) {
  SecretKey key = SecretKey::Random();
  std::string sealed = Encrypt(key, Pattern(2 * kFileChunkSize + 10));
  for (size_t at :
       {size_t{0}, size_t{1}, kHeader - 1, kHeader, kHeader + kSealed + 3, sealed.size() - 1}) {
    std::string bad = sealed;
    bad[at] ^= 0x01;
    EXPECT_FALSE(Decrypt(key, bad)) << "byte " << at;
  }
}

TEST(FileCipherTest, DetectsReorderedChunks) {
  SecretKey key = SecretKey::Random();
  std::string sealed = Encrypt(key, Pattern(3 * kFileChunkSize + 1));
  std::string swapped = sealed.substr(0, kHeader) + sealed.substr(kHeader + kSealed, kSealed) +
                        sealed.substr(kHeader, kSealed) + sealed.substr(kHeader + 2 * kSealed);
  EXPECT_FALSE(Decrypt(key, swapped));
}

TEST(FileCipherTest, RefusesDataAfterTheFinalChunk) {
  SecretKey key = SecretKey::Random();
  auto back = Decrypt(key, Encrypt(key, "hello") + "x");
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().message_key, "security.file_corrupt");
}

TEST(FileCipherTest, FailsWithTheWrongKey) {
  std::string sealed = Encrypt(SecretKey::Random(), "hello");
  EXPECT_FALSE(Decrypt(SecretKey::Random(), sealed));
}

class FileCipherPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("dandelion-files-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void WriteFile(const std::filesystem::path& p, const std::string& s) {
    std::ofstream(p, std::ios::binary) << s;
  }
  std::string ReadFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  size_t FileCount() {
    return std::distance(std::filesystem::directory_iterator(dir_),
                         std::filesystem::directory_iterator());
  }
  std::filesystem::path dir_;
};

TEST_F(FileCipherPathTest, RoundTripsThroughFiles) {
  SecretKey key = SecretKey::Random();
  std::string plain = Pattern(kFileChunkSize * 2 + 3);
  WriteFile(dir_ / "plain", plain);
  ASSERT_TRUE(EncryptFile(key, dir_ / "plain", dir_ / "sealed"));
  ASSERT_TRUE(DecryptFile(key, dir_ / "sealed", dir_ / "back"));
  EXPECT_EQ(ReadFile(dir_ / "back"), plain);
}

TEST_F(FileCipherPathTest, LeavesNoOutputWhenDecryptionFails) {
  SecretKey key = SecretKey::Random();
  WriteFile(dir_ / "plain", Pattern(kFileChunkSize * 2));
  ASSERT_TRUE(EncryptFile(key, dir_ / "plain", dir_ / "sealed"));
  std::string sealed = ReadFile(dir_ / "sealed");
  WriteFile(dir_ / "truncated", sealed.substr(0, kHeader + kSealed));
  EXPECT_FALSE(DecryptFile(key, dir_ / "truncated", dir_ / "back"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "back"));
  EXPECT_EQ(FileCount(), 3u);  // plain, sealed, truncated: no partial file left behind
}

TEST_F(FileCipherPathTest, RefusesToReplaceAnExistingFile) {
  SecretKey key = SecretKey::Random();
  WriteFile(dir_ / "plain", "x");
  WriteFile(dir_ / "sealed", "keep me");
  EXPECT_FALSE(EncryptFile(key, dir_ / "plain", dir_ / "sealed"));
  EXPECT_EQ(ReadFile(dir_ / "sealed"), "keep me");
}

}  // namespace
}  // namespace dandelion::security

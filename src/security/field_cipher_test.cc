#include "security/field_cipher.h"

#include <gtest/gtest.h>

#include <string>

namespace dandelion::security {
namespace {

const FieldContext kPhone{"org1", "person", "phone", "row1"};

TEST(FieldCipherTest, DecryptsWhatItEncrypted) {
  SecretKey key = SecretKey::Random();
  std::string blob = EncryptField(key, 1, kPhone, "010-1234-5678");
  EXPECT_EQ(blob.size(), kFieldOverhead + 13);
  auto plain = DecryptField(key, kPhone, blob);
  ASSERT_TRUE(plain) << plain.error().detail;
  EXPECT_EQ(*plain, "010-1234-5678");
}

TEST(FieldCipherTest, EncryptsTheSameValueDifferentlyEachTime) {
  SecretKey key = SecretKey::Random();
  EXPECT_NE(EncryptField(key, 1, kPhone, "x"), EncryptField(key, 1, kPhone, "x"));
}

TEST(FieldCipherTest, HandlesAnEmptyString) {
  SecretKey key = SecretKey::Random();
  std::string blob = EncryptField(key, 1, kPhone, "");
  EXPECT_EQ(blob.size(), kFieldOverhead);
  auto plain = DecryptField(key, kPhone, blob);
  ASSERT_TRUE(plain);
  EXPECT_EQ(*plain, "");
}

TEST(FieldCipherTest, HandlesOneMebibyte) {
  SecretKey key = SecretKey::Random();
  std::string big(1 << 20, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 31);
  auto plain = DecryptField(key, kPhone, EncryptField(key, 1, kPhone, big));
  ASSERT_TRUE(plain);
  EXPECT_EQ(*plain, big);
}

TEST(FieldCipherTest, FailsWhenAnyByteIsAltered) {
  SecretKey key = SecretKey::Random();
  std::string blob = EncryptField(key, 1, kPhone, "김민지");
  for (size_t i = 0; i < blob.size(); ++i) {
    std::string bad = blob;
    bad[i] ^= 0x40;
    auto plain = DecryptField(key, kPhone, bad);
    ASSERT_FALSE(plain) << "byte " << i;
    EXPECT_EQ(plain.error().message_key, "security.decrypt_failed");
  }
  EXPECT_FALSE(DecryptField(key, kPhone, blob.substr(0, blob.size() - 1)));
  EXPECT_FALSE(DecryptField(key, kPhone, blob + "x"));
  EXPECT_FALSE(DecryptField(key, kPhone, ""));
}

TEST(FieldCipherTest, FailsWhenMovedToAnotherRow) {
  SecretKey key = SecretKey::Random();
  std::string blob = EncryptField(key, 1, kPhone, "secret");
  EXPECT_FALSE(DecryptField(key, {"org1", "person", "phone", "row2"}, blob));
}

TEST(FieldCipherTest, FailsWhenMovedToAnotherColumnTableOrOrganization) {
  SecretKey key = SecretKey::Random();
  std::string blob = EncryptField(key, 1, kPhone, "secret");
  EXPECT_FALSE(DecryptField(key, {"org1", "person", "legal_name", "row1"}, blob));
  EXPECT_FALSE(DecryptField(key, {"org1", "contact", "phone", "row1"}, blob));
  EXPECT_FALSE(DecryptField(key, {"org2", "person", "phone", "row1"}, blob));
}

TEST(FieldCipherTest, KeepsContextPartsApart) {
  // "ab"+"c" and "a"+"bc" must not be the same context.
  SecretKey key = SecretKey::Random();
  std::string blob = EncryptField(key, 1, {"o", "ab", "c", "r"}, "secret");
  EXPECT_FALSE(DecryptField(key, {"o", "a", "bc", "r"}, blob));
}

TEST(FieldCipherTest, FailsWithTheWrongKey) {
  std::string blob = EncryptField(SecretKey::Random(), 1, kPhone, "secret");
  EXPECT_FALSE(DecryptField(SecretKey::Random(), kPhone, blob));
}

TEST(FieldCipherTest, RecordsAndBindsTheKeyVersion) {
  SecretKey key = SecretKey::Random();
  std::string blob = EncryptField(key, 7, kPhone, "secret");
  EXPECT_EQ(*FieldKeyVersion(blob), 7u);
  blob[4] = 8;  // relabel as version 8
  EXPECT_FALSE(DecryptField(key, kPhone, blob));
}

TEST(FieldCipherTest, RefusesAnUnknownFormat) {
  SecretKey key = SecretKey::Random();
  std::string blob = EncryptField(key, 1, kPhone, "secret");
  blob[0] = 2;
  EXPECT_FALSE(FieldKeyVersion(blob));
}

}  // namespace
}  // namespace dandelion::security

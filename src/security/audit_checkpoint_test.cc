#include "security/audit_checkpoint.h"

#include <gtest/gtest.h>

#include "security/audit_chain.h"

namespace dandelion::security {
namespace {

const std::string kHead(32, '\x5a');

TEST(AuditCheckpointTest, DerivesTheSameKeyPairFromTheSameMasterKey) {
  SecretKey master = SecretKey::Random();
  auto bytes = std::string(reinterpret_cast<const char*>(master.data()), master.size());
  auto again = SecretKey::FromBytes(bytes);
  EXPECT_EQ(AuditSigningKey::FromMasterKey(master).public_key(),
            AuditSigningKey::FromMasterKey(*again).public_key());
  EXPECT_NE(AuditSigningKey::FromMasterKey(master).public_key(),
            AuditSigningKey::FromMasterKey(SecretKey::Random()).public_key());
  EXPECT_EQ(AuditSigningKey::FromMasterKey(master).public_key().size(), 32u);
}

TEST(AuditCheckpointTest, VerifiesWithTheSignersPublicKey) {
  auto key = AuditSigningKey::FromMasterKey(SecretKey::Random());
  AuditCheckpoint cp = SignCheckpoint(key, 42, kHead, 1772357400000);
  EXPECT_EQ(cp.signature.size(), 64u);
  EXPECT_TRUE(VerifyCheckpoint(key.public_key(), cp));
}

TEST(AuditCheckpointTest, RefusesAnotherKey) {
  auto key = AuditSigningKey::FromMasterKey(SecretKey::Random());
  auto other = AuditSigningKey::FromMasterKey(SecretKey::Random());
  AuditCheckpoint cp = SignCheckpoint(key, 42, kHead, 1772357400000);
  auto result = VerifyCheckpoint(other.public_key(), cp);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message_key, "security.audit_checkpoint_invalid");
}

TEST(AuditCheckpointTest, RefusesAnyChangedPart) {
  auto key = AuditSigningKey::FromMasterKey(SecretKey::Random());
  const AuditCheckpoint cp = SignCheckpoint(key, 42, kHead, 1772357400000);
  AuditCheckpoint c = cp;
  c.seq = 43;
  EXPECT_FALSE(VerifyCheckpoint(key.public_key(), c));
  c = cp;
  c.head_hash[31] ^= 1;
  EXPECT_FALSE(VerifyCheckpoint(key.public_key(), c));
  c = cp;
  c.at_ms += 1;
  EXPECT_FALSE(VerifyCheckpoint(key.public_key(), c));
  c = cp;
  c.signature[0] ^= 1;
  EXPECT_FALSE(VerifyCheckpoint(key.public_key(), c));
}

TEST(AuditCheckpointTest, IgnoresThePublicKeyWrittenInTheCheckpoint) {
  // A forger signs with her own key and writes her own public key into the checkpoint.
  auto real = AuditSigningKey::FromMasterKey(SecretKey::Random());
  auto forger = AuditSigningKey::FromMasterKey(SecretKey::Random());
  AuditCheckpoint forged = SignCheckpoint(forger, 42, kHead, 1772357400000);
  EXPECT_FALSE(VerifyCheckpoint(real.public_key(), forged));
}

TEST(AuditCheckpointTest, SurvivesTheTextFormRoundTrip) {
  auto key = AuditSigningKey::FromMasterKey(SecretKey::Random());
  AuditCheckpoint cp = SignCheckpoint(key, 1042, kHead, 1772357400123);
  std::string text = CheckpointText(cp);
  EXPECT_TRUE(
      text.starts_with("Dandelion audit checkpoint v1\nseq: 1042\nat_ms: 1772357400123\n"
                       "time: 2026-03-01T09:30:00Z\nhead: 5a5a"))
      << text;
  auto parsed = ParseCheckpointText(text);
  ASSERT_TRUE(parsed) << parsed.error().detail;
  EXPECT_EQ(parsed->seq, 1042);
  EXPECT_EQ(parsed->at_ms, 1772357400123);
  EXPECT_EQ(parsed->head_hash, kHead);
  EXPECT_EQ(parsed->public_key, key.public_key());
  EXPECT_TRUE(VerifyCheckpoint(key.public_key(), *parsed));
}

TEST(AuditCheckpointTest, DetectsAnEditedPrintout) {
  auto key = AuditSigningKey::FromMasterKey(SecretKey::Random());
  std::string text = CheckpointText(SignCheckpoint(key, 1042, kHead, 1772357400123));
  text.replace(text.find("seq: 1042"), 9, "seq: 1041");
  auto parsed = ParseCheckpointText(text);
  ASSERT_TRUE(parsed);
  EXPECT_FALSE(VerifyCheckpoint(key.public_key(), *parsed));
}

TEST(AuditCheckpointTest, RefusesMalformedText) {
  for (std::string_view text : {"", "hello", "Dandelion audit checkpoint v1\nseq: 1\n",
                                "Dandelion audit checkpoint v1\nseq: x\nat_ms: 1\nhead: 00\n"
                                "public_key: 00\nsignature: 00\n",
                                "Dandelion audit checkpoint v1\nseq: 1\nat_ms: 1\nhead: zz\n"
                                "public_key: 00\nsignature: 00\n"}) {
    auto parsed = ParseCheckpointText(text);
    ASSERT_FALSE(parsed) << text;
    EXPECT_EQ(parsed.error().message_key, "security.audit_checkpoint_malformed");
  }
}

TEST(AuditCheckpointTest, SignsARealChainHead) {
  AuditEntry e;
  e.seq = 1;
  e.action = "auth.login";
  std::string head = *ChainHash(GenesisHash(), e);
  auto key = AuditSigningKey::FromMasterKey(SecretKey::Random());
  EXPECT_TRUE(VerifyCheckpoint(key.public_key(), SignCheckpoint(key, 1, head, 0)));
}

}  // namespace
}  // namespace dandelion::security

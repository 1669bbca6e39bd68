#include "security/audit_chain.h"

#include <gtest/gtest.h>

#include <vector>

namespace dandelion::security {
namespace {

AuditEntry Entry(int64_t seq) {
  AuditEntry e;
  e.seq = seq;
  e.at_ms = 1772357400000 + seq;
  e.actor_user_id = "user1";
  e.actor_org_id = "org1";
  e.org_id = "org1";
  e.action = "person.read";
  e.entity_type = "person";
  e.entity_id = "person" + std::to_string(seq);
  e.outcome = "ok";
  e.request_id = "req" + std::to_string(seq);
  e.remote = "192.0.2.1";
  e.fields = {"legal_name", "phone"};
  return e;
}

std::vector<ChainedAuditEntry> Chain(int n) {
  std::vector<ChainedAuditEntry> chain;
  std::string prev = GenesisHash();
  for (int i = 1; i <= n; ++i) {
    AuditEntry e = Entry(i);
    std::string hash = *ChainHash(prev, e);
    chain.push_back({e, hash});
    prev = hash;
  }
  return chain;
}

TEST(AuditChainTest, HashesAreThirtyTwoBytesAndDeterministic) {
  auto a = ChainHash(GenesisHash(), Entry(1));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->size(), 32u);
  EXPECT_EQ(*a, *ChainHash(GenesisHash(), Entry(1)));
}

TEST(AuditChainTest, EveryFieldChangesTheHash) {
  const std::string base = *ChainHash(GenesisHash(), Entry(1));
  std::vector<void (*)(AuditEntry&)> edits = {
      [](AuditEntry& e) { e.seq = 2; },
      [](AuditEntry& e) { e.at_ms += 1; },
      [](AuditEntry& e) { e.actor_user_id = "user2"; },
      [](AuditEntry& e) { e.actor_org_id = "org2"; },
      [](AuditEntry& e) { e.org_id = "org2"; },
      [](AuditEntry& e) { e.org_id = ""; },
      [](AuditEntry& e) { e.action = "person.update"; },
      [](AuditEntry& e) { e.entity_type = "case"; },
      [](AuditEntry& e) { e.entity_id = "other"; },
      [](AuditEntry& e) { e.outcome = "denied"; },
      [](AuditEntry& e) { e.request_id = "req9"; },
      [](AuditEntry& e) { e.remote = "192.0.2.2"; },
      [](AuditEntry& e) { e.fields.pop_back(); },
      [](AuditEntry& e) { e.fields.push_back(""); },
  };
  for (size_t i = 0; i < edits.size(); ++i) {
    AuditEntry e = Entry(1);
    edits[i](e);
    EXPECT_NE(*ChainHash(GenesisHash(), e), base) << "edit " << i;
  }
}

TEST(AuditChainTest, EncodingLeavesNoAmbiguityBetweenFields) {
  AuditEntry a = Entry(1);
  AuditEntry b = Entry(1);
  a.entity_type = "person";
  a.entity_id = "x";
  b.entity_type = "personx";
  b.entity_id = "";
  EXPECT_NE(EncodeAuditEntry(a), EncodeAuditEntry(b));
  a.fields = {"ab", "c"};
  b = a;
  b.fields = {"a", "bc"};
  EXPECT_NE(EncodeAuditEntry(a), EncodeAuditEntry(b));
}

TEST(AuditChainTest, DependsOnThePreviousHash) {
  std::string other(32, '\x01');
  EXPECT_NE(*ChainHash(GenesisHash(), Entry(1)), *ChainHash(other, Entry(1)));
}

TEST(AuditChainTest, RefusesAMalformedPreviousHash) {
  auto hash = ChainHash("short", Entry(1));
  ASSERT_FALSE(hash);
  EXPECT_EQ(hash.error().message_key, "security.audit_hash_malformed");
}

TEST(AuditChainTest, FindsNothingWrongWithAnIntactChain) {
  auto chain = Chain(5);
  EXPECT_EQ(FirstBrokenEntry(GenesisHash(), chain), std::nullopt);
}

TEST(AuditChainTest, FindsTheFirstEditedRow) {
  auto chain = Chain(5);
  chain[2].entry.outcome = "ok-but-edited";
  EXPECT_EQ(FirstBrokenEntry(GenesisHash(), chain), 2u);
}

TEST(AuditChainTest, FindsADeletedRow) {
  auto chain = Chain(5);
  chain.erase(chain.begin() + 3);
  EXPECT_EQ(FirstBrokenEntry(GenesisHash(), chain), 3u);
}

TEST(AuditChainTest, FindsARowWhoseStoredHashWasRewritten) {
  auto chain = Chain(5);
  chain[1].hash[0] ^= 1;
  EXPECT_EQ(FirstBrokenEntry(GenesisHash(), chain), 1u);
}

TEST(AuditChainTest, VerifiesAChainSegmentFromItsPredecessor) {
  auto chain = Chain(5);
  std::vector<ChainedAuditEntry> tail(chain.begin() + 2, chain.end());
  EXPECT_EQ(FirstBrokenEntry(chain[1].hash, tail), std::nullopt);
}

}  // namespace
}  // namespace dandelion::security

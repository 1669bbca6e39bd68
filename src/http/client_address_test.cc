#include "http/client_address.h"

#include <gtest/gtest.h>

namespace dandelion::http {
namespace {

TEST(ClientAddressTest, WithNoTrustedProxyTheHeaderIsNeverBelieved) {
  TrustedProxies none;
  EXPECT_EQ(none.Resolve("127.0.0.1", "203.0.113.5"), "127.0.0.1");
  EXPECT_TRUE(none.Ignored("127.0.0.1", "203.0.113.5"));
  EXPECT_FALSE(none.Ignored("127.0.0.1", ""));
}

TEST(ClientAddressTest, OnlyAListedPeerNamesTheVisitor) {
  auto proxies = TrustedProxies::Parse({"127.0.0.1", "::1"});
  ASSERT_TRUE(proxies);
  EXPECT_EQ(proxies->Resolve("127.0.0.1", "203.0.113.5"), "203.0.113.5");
  EXPECT_EQ(proxies->Resolve("::1", "2001:db8::7"), "2001:db8::7");
  EXPECT_EQ(proxies->Resolve("::ffff:127.0.0.1", "203.0.113.5"), "203.0.113.5");
  // Another loopback address is not the configured proxy.
  EXPECT_EQ(proxies->Resolve("127.0.0.2", "203.0.113.5"), "127.0.0.2");
  EXPECT_EQ(proxies->Resolve("198.51.100.9", "203.0.113.5"), "198.51.100.9");
  EXPECT_FALSE(proxies->Ignored("127.0.0.1", "203.0.113.5"));
}

TEST(ClientAddressTest, AHeaderThatIsNotOneAddressIsNotBelieved) {
  auto proxies = TrustedProxies::Parse({"127.0.0.1"});
  ASSERT_TRUE(proxies);
  EXPECT_EQ(proxies->Resolve("127.0.0.1", "203.0.113.5, 10.0.0.1"), "127.0.0.1");
  EXPECT_EQ(proxies->Resolve("127.0.0.1", "<script>"), "127.0.0.1");
  EXPECT_EQ(proxies->Resolve("127.0.0.1", std::string(60, '1')), "127.0.0.1");
  EXPECT_EQ(proxies->Resolve("127.0.0.1", "::ffff:203.0.113.5"), "203.0.113.5");
}

TEST(ClientAddressTest, ASettingThatIsNotAnAddressIsRefused) {
  auto bad = TrustedProxies::Parse({"127.0.0.0/8"});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().detail.find("127.0.0.0/8"), std::string::npos);
}

}  // namespace
}  // namespace dandelion::http

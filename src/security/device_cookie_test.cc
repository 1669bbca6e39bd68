#include "security/device_cookie.h"

#include <gtest/gtest.h>

namespace dandelion::security {
namespace {

constexpr int64_t kNow = 1'800'000'000;

TEST(DeviceCookieTest, AnIssuedCookieMatchesOnlyItsUsername) {
  DeviceCookies devices(SecretKey::Random());
  std::string cookie = devices.Issue("", "minji", kNow);
  auto nonce = devices.Match(cookie, "minji", kNow + 10);
  ASSERT_TRUE(nonce);
  EXPECT_EQ(nonce->size(), 32u);
  EXPECT_FALSE(devices.Match(cookie, "jiwoo", kNow + 10));
  EXPECT_EQ(cookie.find("minji"), std::string::npos);  // the cookie names nobody
}

TEST(DeviceCookieTest, AnotherKeyOrATamperedCookieIsRefused) {
  DeviceCookies devices(SecretKey::Random());
  DeviceCookies other(SecretKey::Random());
  std::string cookie = devices.Issue("", "minji", kNow);
  EXPECT_FALSE(other.Match(cookie, "minji", kNow));
  std::string tampered = cookie;
  tampered[0] = tampered[0] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(devices.Match(tampered, "minji", kNow));
  EXPECT_FALSE(devices.Match("", "minji", kNow));
  EXPECT_FALSE(devices.Match("garbage.1.2~..", "minji", kNow));
}

TEST(DeviceCookieTest, ACookieExpiresAfterAYear) {
  DeviceCookies devices(SecretKey::Random());
  std::string cookie = devices.Issue("", "minji", kNow);
  EXPECT_TRUE(devices.Match(cookie, "minji", kNow + kDeviceCookieSeconds));
  EXPECT_FALSE(devices.Match(cookie, "minji", kNow + kDeviceCookieSeconds + 1));
  EXPECT_FALSE(devices.Match(cookie, "minji", kNow - 1));  // issued in the future
}

TEST(DeviceCookieTest, OneBrowserRemembersSeveralAccountsAndReplacesHerOldEntry) {
  DeviceCookies devices(SecretKey::Random());
  std::string cookie = devices.Issue("", "a-one", kNow);
  auto first = devices.Match(cookie, "a-one", kNow);
  cookie = devices.Issue(cookie, "b-two", kNow);
  cookie = devices.Issue(cookie, "a-one", kNow + 5);
  auto again = devices.Match(cookie, "a-one", kNow + 5);
  ASSERT_TRUE(first && again);
  EXPECT_NE(*first, *again);  // a new nonce: the old entry was replaced, not kept beside it
  EXPECT_TRUE(devices.Match(cookie, "b-two", kNow + 5));
  for (const char* name : {"c-3", "d-4", "e-5"}) cookie = devices.Issue(cookie, name, kNow);
  // Four entries at most: the oldest account is forgotten.
  EXPECT_TRUE(devices.Match(cookie, "e-5", kNow));
  EXPECT_TRUE(devices.Match(cookie, "c-3", kNow));
  EXPECT_FALSE(devices.Match(cookie, "b-two", kNow));
}

}  // namespace
}  // namespace dandelion::security

#include "store/pg_channel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "core/ids.h"

namespace dandelion::store {
namespace {

// What one listener heard.
struct Heard {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::string> payloads;  // GUARDED_BY(mu)

  PgChannel::Handler Handler() {
    return [this](const std::string& payload) {
      std::lock_guard lock(mu);
      payloads.push_back(payload);
      cv.notify_all();
    };
  }
  bool WaitFor(const std::string& payload) {
    std::unique_lock lock(mu);
    return cv.wait_for(lock, std::chrono::seconds(5), [&] {
      return std::find(payloads.begin(), payloads.end(), payload) != payloads.end();
    });
  }
};

TEST(PgChannel, EveryListenerHearsEveryNotificationItsOwnToo) {
  const char* url = std::getenv("DANDELION_TEST_PG_URL");
  if (url == nullptr || *url == '\0') GTEST_SKIP() << "DANDELION_TEST_PG_URL is not set";
  const std::string channel = "t_" + RandomHex(6);
  Heard first, second;
  auto a = PgChannel::Open(url, channel, first.Handler());
  ASSERT_TRUE(a) << a.error().detail;
  auto b = PgChannel::Open(url, channel, second.Handler());
  ASSERT_TRUE(b) << b.error().detail;
  ASSERT_TRUE((*a)->Notify(R"({"event":"request"})"));
  EXPECT_TRUE(first.WaitFor(R"({"event":"request"})"));
  EXPECT_TRUE(second.WaitFor(R"({"event":"request"})"));
  ASSERT_TRUE((*b)->Notify("second"));
  EXPECT_TRUE(first.WaitFor("second"));
}

TEST(PgChannel, AnUnreachableDatabaseIsRefusedAtOpen) {
  auto c = PgChannel::Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", "t_x",
                           [](const std::string&) {});
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace dandelion::store

#include "http/metrics.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "http/access_log.h"

namespace dandelion::http {
namespace {

TEST(MetricsTest, RendersCountersHistogramAndGaugesInPrometheusText) {
  Metrics m;
  m.Record("/api/v1/cases/{id}", "GET", 200, 0.003);
  m.Record("/api/v1/cases/{id}", "GET", 200, 0.2);
  m.Record("/api/v1/cases/{id}", "BREW", 404, 20);
  m.RequestStarted();
  std::string text = m.RenderText();
  EXPECT_NE(text.find("# TYPE dandelion_http_requests_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("dandelion_http_requests_total{route=\"/api/v1/cases/{id}\",method=\"GET\","
                      "status=\"200\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("method=\"OTHER\",status=\"404\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE dandelion_http_request_duration_seconds histogram\n"),
            std::string::npos);
  EXPECT_NE(text.find("dandelion_http_request_duration_seconds_bucket{route=\"/api/v1/cases/"
                      "{id}\",le=\"0.005\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("le=\"0.25\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("le=\"10\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("le=\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("dandelion_http_request_duration_seconds_count{route=\"/api/v1/cases/{id}\"}"
                      " 3\n"),
            std::string::npos);
  EXPECT_NE(text.find("dandelion_http_requests_in_flight 1\n"), std::string::npos);
}

TEST(MetricsTest, CountsFromManyThreadsAddUp) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&m] {
      for (int i = 0; i < 1000; ++i) m.Record("/healthz", "GET", 200, 0.001);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_NE(
      m.RenderText().find(
          "dandelion_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 8000\n"),
      std::string::npos);
}

TEST(AccessLogTest, LogsTheRouteTemplateAndOnlyTheClientNetwork) {
  std::string line = FormatAccessLine({.time = std::chrono::system_clock::from_time_t(0),
                                       .request_id = "r1",
                                       .method = "GET",
                                       .route = "/api/v1/people/{id}",
                                       .status = 200,
                                       .duration_ms = 1.23456,
                                       .bytes = 42,
                                       .remote_address = "203.0.113.77"});
  EXPECT_EQ(line, R"({"time":"1970-01-01T00:00:00.000Z","request_id":"r1","method":"GET",)"
                  R"("route":"/api/v1/people/{id}","status":200,"duration_ms":1.235E0,"bytes":42,)"
                  R"("client_net":"203.0.113.0/24"})");
}

TEST(AccessLogTest, TruncatesAddressesToTheirNetwork) {
  EXPECT_EQ(ClientNetwork("10.1.2.3"), "10.1.2.0/24");
  EXPECT_EQ(ClientNetwork("2001:db8:1:2:3:4:5:6"), "2001:db8:1::/48");
  EXPECT_EQ(ClientNetwork("::ffff:192.168.7.9"), "192.168.7.0/24");
  EXPECT_EQ(ClientNetwork("not an address"), "");
}

TEST(MetricsTest, RendersGaugesAddedByModulesAsTheyAreNow) {
  Metrics m;
  int64_t value = 3;
  m.AddGauge("dandelion_test_table", "A table.", [&value] { return value; });
  EXPECT_NE(m.RenderText().find("# TYPE dandelion_test_table gauge\ndandelion_test_table 3\n"),
            std::string::npos);
  value = 7;
  EXPECT_NE(m.RenderText().find("dandelion_test_table 7\n"), std::string::npos);
}

TEST(MetricsTest, RendersCountersAddedByModulesAsCounters) {
  Metrics m;
  int64_t hits = 0;
  m.AddGauge("dandelion_test_table", "A table.", [] { return 1; });
  m.AddCounter("dandelion_test_hits_total", "Hits.", [&hits] { return hits; });
  hits = 41;
  const std::string text = m.RenderText();
  EXPECT_NE(text.find("# HELP dandelion_test_hits_total Hits.\n"
                      "# TYPE dandelion_test_hits_total counter\ndandelion_test_hits_total 41\n"),
            std::string::npos);
  EXPECT_NE(text.find("# TYPE dandelion_test_table gauge\n"), std::string::npos);
}

}  // namespace
}  // namespace dandelion::http

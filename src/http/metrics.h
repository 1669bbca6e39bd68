// Metrics: request counters, a latency histogram and gauges, rendered as Prometheus text.
//
//   dandelion_http_requests_total{route,method,status}      counter
//   dandelion_http_request_duration_seconds{route}          histogram, fixed buckets
//   dandelion_http_requests_in_flight                       gauge
//   dandelion_http_connections_open                         gauge
//   gauges and counters added by modules (AddGauge, AddCounter), read when rendered
//
// Labels are bounded: route is a template ("/api/v1/cases/{id}", "unmatched", "static"),
// never a raw path, and methods outside the standard set count as "OTHER".
//
// Thread-safe and cheap on the request path: counts go to one of several shards chosen by
// thread, each with its own mutex, so IO threads rarely meet; rendering sums the shards.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace dandelion::http {

class Metrics {
 public:
  // Upper bounds of the histogram buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 11> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                      0.5,   1.0,  2.5,   5.0,  10.0};

  void Record(std::string_view route, std::string_view method, int status, double seconds);

  void RequestStarted() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void RequestFinished() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }
  void ConnectionOpened() { connections_.fetch_add(1, std::memory_order_relaxed); }
  void ConnectionClosed() { connections_.fetch_sub(1, std::memory_order_relaxed); }

  // A gauge read at every rendering, e.g. the size of a module's in-memory table. Call before
  // the server starts (not synchronized with RenderText).
  void AddGauge(std::string name, std::string help, std::function<int64_t()> read);
  // A count that only grows while the server runs, kept by a module and read at every
  // rendering, e.g. how many reads a cache answered. The same rule as AddGauge.
  void AddCounter(std::string name, std::string help, std::function<int64_t()> read);

  // The Prometheus text exposition format (version 0.0.4).
  std::string RenderText() const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> counts{};  // not cumulative; summed when rendered
    uint64_t count = 0;
    double sum = 0;
  };
  struct Shard {
    mutable std::mutex mu;
    // "route\x1fmethod\x1fstatus" -> count.
    std::map<std::string, uint64_t, std::less<>> requests;    // GUARDED_BY(mu)
    std::map<std::string, Histogram, std::less<>> durations;  // GUARDED_BY(mu), by route
  };
  static constexpr size_t kShards = 16;

  struct Read {
    std::string name;
    std::string help;
    const char* type;  // "gauge" or "counter"
    std::function<int64_t()> read;
  };
  std::vector<Read> reads_;
  std::array<Shard, kShards> shards_;
  std::atomic<int64_t> in_flight_{0};
  std::atomic<int64_t> connections_{0};
};

// The method as a metrics/log label: itself when standard, else "OTHER".
std::string_view MethodLabel(std::string_view method);

}  // namespace dandelion::http

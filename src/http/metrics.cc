#include "http/metrics.h"

#include <fmt/format.h>

#include <functional>
#include <thread>

namespace dandelion::http {
namespace {

// Label values are route templates and method names, but escape anyway (\, ", newline).
std::string Escape(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

constexpr char kSep = '\x1f';

}  // namespace

std::string_view MethodLabel(std::string_view method) {
  static constexpr std::string_view kKnown[] = {"GET",    "HEAD",    "POST",  "PUT",
                                                "DELETE", "OPTIONS", "PATCH", "TRACE"};
  for (std::string_view m : kKnown) {
    if (m == method) return m;
  }
  return "OTHER";
}

void Metrics::Record(std::string_view route, std::string_view method, int status, double seconds) {
  size_t index = std::hash<std::thread::id>{}(std::this_thread::get_id()) % kShards;
  Shard& shard = shards_[index];
  std::string key = fmt::format("{}{}{}{}{}", route, kSep, MethodLabel(method), kSep, status);
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  std::lock_guard lock(shard.mu);
  ++shard.requests[key];
  auto it = shard.durations.find(route);
  if (it == shard.durations.end())
    it = shard.durations.emplace(std::string(route), Histogram{}).first;
  Histogram& h = it->second;
  if (bucket < kBuckets.size()) ++h.counts[bucket];
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::RenderText() const {
  std::map<std::string, uint64_t> requests;
  std::map<std::string, Histogram> durations;
  for (const Shard& shard : shards_) {
    std::lock_guard lock(shard.mu);
    for (const auto& [k, v] : shard.requests) requests[k] += v;
    for (const auto& [route, h] : shard.durations) {
      Histogram& total = durations[route];
      for (size_t i = 0; i < h.counts.size(); ++i) total.counts[i] += h.counts[i];
      total.count += h.count;
      total.sum += h.sum;
    }
  }

  std::string out;
  out += "# HELP dandelion_http_requests_total HTTP requests answered.\n";
  out += "# TYPE dandelion_http_requests_total counter\n";
  for (const auto& [key, count] : requests) {
    size_t a = key.find(kSep);
    size_t b = key.find(kSep, a + 1);
    out += fmt::format(
        "dandelion_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
        Escape(key.substr(0, a)), Escape(key.substr(a + 1, b - a - 1)), key.substr(b + 1), count);
  }
  out += "# HELP dandelion_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE dandelion_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : durations) {
    std::string label = Escape(route);
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.counts[i];
      out += fmt::format(
          "dandelion_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label,
          kBuckets[i], cumulative);
    }
    out += fmt::format(
        "dandelion_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label,
        h.count);
    out += fmt::format("dandelion_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label,
                       h.sum);
    out += fmt::format("dandelion_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label,
                       h.count);
  }
  out += "# HELP dandelion_http_requests_in_flight Requests being handled now.\n";
  out += "# TYPE dandelion_http_requests_in_flight gauge\n";
  out += fmt::format("dandelion_http_requests_in_flight {}\n", in_flight_.load());
  out += "# HELP dandelion_http_connections_open Client connections open now.\n";
  out += "# TYPE dandelion_http_connections_open gauge\n";
  out += fmt::format("dandelion_http_connections_open {}\n", connections_.load());
  for (const auto& r : reads_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n{} {}\n", r.name, r.help, r.name, r.type,
                       r.name, r.read());
  }
  return out;
}

void Metrics::AddGauge(std::string name, std::string help, std::function<int64_t()> read) {
  reads_.push_back({std::move(name), std::move(help), "gauge", std::move(read)});
}

void Metrics::AddCounter(std::string name, std::string help, std::function<int64_t()> read) {
  reads_.push_back({std::move(name), std::move(help), "counter", std::move(read)});
}

}  // namespace dandelion::http

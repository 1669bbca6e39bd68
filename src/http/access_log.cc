#include "http/access_log.h"

#include <arpa/inet.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cmath>

#include "http/metrics.h"

namespace dandelion::http {

std::string ClientNetwork(std::string_view address) {
  std::string text(address);
  char buf[INET6_ADDRSTRLEN];
  in_addr v4;
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
    v4.s_addr &= htonl(0xFFFFFF00u);
    if (inet_ntop(AF_INET, &v4, buf, sizeof buf) == nullptr) return {};
    return std::string(buf) + "/24";
  }
  in6_addr v6;
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
    // An IPv4 client seen through a dual-stack socket keeps the IPv4 rule.
    if (IN6_IS_ADDR_V4MAPPED(&v6)) {
      char v4text[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, &v6.s6_addr[12], v4text, sizeof v4text);
      return ClientNetwork(v4text);
    }
    for (int i = 6; i < 16; ++i) v6.s6_addr[i] = 0;
    if (inet_ntop(AF_INET6, &v6, buf, sizeof buf) == nullptr) return {};
    return std::string(buf) + "/48";
  }
  return {};
}

std::string FormatAccessLine(const AccessRecord& r) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(r.time.time_since_epoch());
  std::string time = FormatRfc3339(r.time);
  // Milliseconds help order lines of one second; inserted before the trailing "Z".
  if (!time.empty() && time.back() == 'Z') {
    char frac[8];
    std::snprintf(frac, sizeof frac, ".%03d", static_cast<int>(ms.count() % 1000));
    time.insert(time.size() - 1, frac);
  }
  boost::json::object line;
  line["time"] = time;
  line["request_id"] = r.request_id;
  line["method"] = MethodLabel(r.method);
  line["route"] = r.route;
  line["status"] = r.status;
  line["duration_ms"] = std::round(r.duration_ms * 1000) / 1000;
  line["bytes"] = r.bytes;
  std::string net = ClientNetwork(r.remote_address);
  if (!net.empty()) line["client_net"] = net;
  return boost::json::serialize(line);
}

void WriteAccessLog(const AccessRecord& record) {
  static std::shared_ptr<spdlog::logger> logger = [] {
    if (auto existing = spdlog::get("access")) return existing;
    auto created = spdlog::stderr_logger_mt("access");
    created->set_pattern("%v");
    return created;
  }();
  // Formatting a line costs more than answering /healthz: only when it will be written.
  if (!logger->should_log(spdlog::level::info)) return;
  logger->info(FormatAccessLine(record));
}

}  // namespace dandelion::http

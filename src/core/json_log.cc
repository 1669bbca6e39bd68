#include "core/json_log.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace dandelion {
namespace {

std::string Rfc3339Millis(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count() % 1000;
  const size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(text + n, sizeof text - n, ".%03dZ", static_cast<int>(ms));
  return text;
}

class JsonLineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    const auto level = spdlog::level::to_string_view(msg.level);
    std::string line =
        JsonLogLine(Rfc3339Millis(msg.time), std::string_view(level.data(), level.size()),
                    std::string_view(msg.payload.data(), msg.payload.size()));
    line += '\n';
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonLineFormatter>();
  }
};

}  // namespace

std::string JsonLogLine(std::string_view time, std::string_view level, std::string_view message) {
  boost::json::object line;
  line["time"] = time;
  line["level"] = level;
  if (message.starts_with('{')) {
    boost::system::error_code ec;
    boost::json::value parsed = boost::json::parse(message, ec);
    if (!ec && parsed.is_object()) {
      for (const auto& [key, value] : parsed.as_object()) line[key] = value;
      return boost::json::serialize(line);
    }
  }
  line["message"] = message;
  return boost::json::serialize(line);
}

void UseJsonLogging(const std::string& level) {
  auto logger = spdlog::get("dandelion");
  if (!logger) logger = spdlog::stderr_logger_mt("dandelion");
  spdlog::set_default_logger(logger);
  spdlog::set_formatter(std::make_unique<JsonLineFormatter>());
  spdlog::set_level(spdlog::level::from_str(level));
}

}  // namespace dandelion

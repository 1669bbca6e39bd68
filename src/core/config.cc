#include "core/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string_view>

namespace dandelion {

std::string Config::DatabaseUrl() const {
  if (!database_url.empty()) return database_url;
  return "sqlite:" + (std::filesystem::path(data_dir) / "dandelion.db").string();
}

std::string Config::MasterKeyPath() const {
  if (const char* env = std::getenv("DANDELION_MASTER_KEY_FILE"); env && *env) return env;
  if (!master_key_path.empty()) return master_key_path;
  return (std::filesystem::path(data_dir) / "keys" / "master.key").string();
}

std::string Config::PublicUrl() const {
  std::string url = public_url.empty() ? "http://" + listen : public_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

namespace {

Failure ConfigError(std::string detail) {
  return Fail(ErrorCode::kInvalid, "error.invalid", "config.toml: " + std::move(detail));
}

// Copies table[key] into *out when present; false (with *error set) on a wrong type.
template <class T>
bool Read(const toml::table& table, const char* section, const char* key, T* out,
          std::string* error) {
  const toml::node* node = table.get(key);
  if (!node) return true;
  if constexpr (std::is_same_v<T, std::string>) {
    if (auto v = node->value<std::string>()) return *out = *v, true;
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    if (const toml::array* list = node->as_array()) {
      std::vector<std::string> items;
      for (const auto& item : *list) {
        auto v = item.value<std::string>();
        if (!v) break;
        items.push_back(*v);
      }
      if (items.size() == list->size()) return *out = std::move(items), true;
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    if (auto v = node->value<bool>()) return *out = *v, true;
  } else {
    if (auto v = node->value<int64_t>(); v && *v >= 0) return *out = static_cast<T>(*v), true;
  }
  *error = std::string(section) + "." + key + " has the wrong type";
  return false;
}

}  // namespace

Result<Config> LoadConfig(const std::string& data_dir) {
  Config config;
  std::error_code ec;
  config.data_dir = std::filesystem::absolute(data_dir, ec).lexically_normal().string();
  if (!config.data_dir.empty() && config.data_dir.back() == '/') config.data_dir.pop_back();
  auto path = std::filesystem::path(config.data_dir) / "config.toml";
  if (!std::filesystem::exists(path)) {
    return ConfigError("not found in " + config.data_dir + " (run `dandelion init` first)");
  }
  toml::table root;
  try {
    root = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    return ConfigError(std::string(e.description()));
  }
  static const std::map<std::string, std::set<std::string>> kKnown = {
      {"server",
       {"listen", "io_threads", "worker_threads", "web_root", "trusted_proxies", "public_url"}},
      {"limits",
       {"body_limit_bytes", "header_limit_bytes", "header_timeout_seconds", "body_timeout_seconds",
        "keepalive_timeout_seconds", "anonymous_body_limit_bytes", "max_connections",
        "max_connections_per_address", "public_help_per_minute"}},
      {"metrics", {"token"}},
      {"database", {"url", "readers"}},
      {"security", {"master_key_path", "demo", "test_mode"}},
      {"log", {"level"}},
      {"backup", {"keep_days"}},
      {"exports", {"font_path"}},
  };
  std::string error;
  for (const auto& [section_name, node] : root) {
    std::string section(section_name.str());
    auto known = kKnown.find(section);
    const toml::table* table = node.as_table();
    if (known == kKnown.end() || !table) return ConfigError("unknown section [" + section + "]");
    for (const auto& [key, value] : *table) {
      if (!known->second.contains(std::string(key.str()))) {
        return ConfigError("unknown setting " + section + "." + std::string(key.str()));
      }
    }
  }
  auto section = [&](const char* name) -> const toml::table& {
    static const toml::table kEmpty;
    const toml::table* t = root.get_as<toml::table>(name);
    return t ? *t : kEmpty;
  };
  bool ok =
      Read(section("server"), "server", "listen", &config.listen, &error) &&
      Read(section("server"), "server", "io_threads", &config.io_threads, &error) &&
      Read(section("server"), "server", "worker_threads", &config.worker_threads, &error) &&
      Read(section("server"), "server", "web_root", &config.web_root, &error) &&
      Read(section("server"), "server", "trusted_proxies", &config.trusted_proxies, &error) &&
      Read(section("server"), "server", "public_url", &config.public_url, &error) &&
      Read(section("limits"), "limits", "body_limit_bytes", &config.body_limit_bytes, &error) &&
      Read(section("limits"), "limits", "header_limit_bytes", &config.header_limit_bytes, &error) &&
      Read(section("limits"), "limits", "header_timeout_seconds", &config.header_timeout_seconds,
           &error) &&
      Read(section("limits"), "limits", "body_timeout_seconds", &config.body_timeout_seconds,
           &error) &&
      Read(section("limits"), "limits", "keepalive_timeout_seconds",
           &config.keepalive_timeout_seconds, &error) &&
      Read(section("limits"), "limits", "anonymous_body_limit_bytes",
           &config.anonymous_body_limit_bytes, &error) &&
      Read(section("limits"), "limits", "max_connections", &config.max_connections, &error) &&
      Read(section("limits"), "limits", "max_connections_per_address",
           &config.max_connections_per_address, &error) &&
      Read(section("limits"), "limits", "public_help_per_minute", &config.public_help_per_minute,
           &error) &&
      Read(section("metrics"), "metrics", "token", &config.metrics_token, &error) &&
      Read(section("database"), "database", "url", &config.database_url, &error) &&
      Read(section("database"), "database", "readers", &config.database_readers, &error) &&
      Read(section("security"), "security", "master_key_path", &config.master_key_path, &error) &&
      Read(section("security"), "security", "demo", &config.demo, &error) &&
      Read(section("security"), "security", "test_mode", &config.test_mode, &error) &&
      Read(section("log"), "log", "level", &config.log_level, &error) &&
      Read(section("backup"), "backup", "keep_days", &config.backup_keep_days, &error) &&
      Read(section("exports"), "exports", "font_path", &config.export_font_path, &error);
  if (!ok) return ConfigError(error);
  if (config.io_threads < 1 || config.worker_threads < 0 || config.database_readers < 1) {
    return ConfigError("io_threads and readers must be at least 1, worker_threads at least 0");
  }
  if (config.max_connections < 1 || config.max_connections_per_address < 1 ||
      config.public_help_per_minute < 1) {
    return ConfigError(
        "max_connections, max_connections_per_address and public_help_per_minute must be at "
        "least 1");
  }
  if (!config.public_url.empty() &&
      ((!config.public_url.starts_with("https://") && !config.public_url.starts_with("http://")) ||
       config.public_url.find_first_of(" \t\r\n\"<>\\?#") != std::string::npos)) {
    return ConfigError(
        "server.public_url must be an http:// or https:// address without spaces, "
        "query or fragment (e.g. \"https://dandelion.example.kr\")");
  }
  // spdlog reads any other word as "off": a typo would silence every log line.
  static constexpr std::string_view kLevels[] = {"trace", "debug", "info", "warn", "error"};
  if (std::find(std::begin(kLevels), std::end(kLevels), config.log_level) == std::end(kLevels)) {
    return ConfigError("log.level \"" + config.log_level +
                       "\" is not one of trace, debug, info, warn, error (lower case)");
  }
  if (!config.metrics_token.empty() && config.metrics_token.size() < 32) {
    return ConfigError("metrics.token must be at least 32 characters (e.g. openssl rand -hex 32)");
  }
  return config;
}

std::string DefaultConfigText() {
  return R"(# Dandelion (민들레) configuration.
# Every setting below shows its default; uncomment a line to change it.

[server]
# Address and port to listen on. Put a TLS-terminating proxy in front for anything but localhost.
# listen = "127.0.0.1:8080"
# Threads that serve connections (ordinary handlers run on them), and threads for CPU-heavy
# handlers such as password checks (0: run those on the connection threads too).
# io_threads = 4
# worker_threads = 4
# Directory of the built web app. Empty: web/dist next to the binary's checkout, else
# /usr/share/dandelion/web for the Debian package's /usr/bin/dandelion.
# web_root = ""
# Addresses of reverse proxies whose X-Real-IP header names the visitor (sign-in throttling and
# the public help form's flood control key on it). Behind nginx on this machine:
#   trusted_proxies = ["127.0.0.1", "::1"]
# Empty: the header is ignored and every connection is its TCP peer.
# trusted_proxies = []
# The address the public reaches this server at, printed into documents that link back to it (a
# training certificate's verification URL and its QR code), e.g. "https://dandelion.example.kr".
# Empty: "http://" followed by listen, which is right only on a test machine.
# public_url = ""

[limits]
# Largest JSON body accepted, in bytes (1 MiB).
# body_limit_bytes = 1048576
# Largest request head (request line and headers), in bytes.
# header_limit_bytes = 16384
# Seconds a client has to send its headers, then its body; idle seconds before a kept-alive
# connection is closed.
# header_timeout_seconds = 10
# body_timeout_seconds = 30
# keepalive_timeout_seconds = 60
# A request body larger than this (64 KiB) is read only when the route is public or the
# request's session cookie is valid: an anonymous upload is refused (401) before it is read.
# anonymous_body_limit_bytes = 65536
# Open connections at once, in total and from one client address (a trusted proxy counts as
# many clients). Beyond either, a new connection is answered 503 and closed at once.
# max_connections = 1024
# max_connections_per_address = 64
# Public help-form posts per minute, network-wide, before they are treated as a flood: later
# posts are still stored, but held at the secretariat under one alert (docs/emergency.md).
# public_help_per_minute = 30

[metrics]
# GET /metrics (Prometheus) answers only with "Authorization: Bearer <token>"; empty: 404.
# At least 32 characters, e.g. the output of `openssl rand -hex 32`.
# token = ""

[database]
# Empty: SQLite in this data dir (dandelion.db). For PostgreSQL:
#   url = "postgresql://dandelion@localhost/dandelion"
# url = ""
# SQLite reader connections, or the PostgreSQL connection pool size.
# readers = 4

[security]
# Master key file (32 bytes). Empty: keys/master.key in this data dir. The environment variable
# DANDELION_MASTER_KEY_FILE overrides this. Losing the key loses the data: back it up offline.
# master_key_path = ""
# Marks this data dir as a synthetic demo network.
# demo = false
# Test mode enables test-only routes (a movable clock, probe writes) and hashes passwords at the
# minimum cost. Never in production.
# test_mode = false

[log]
# trace, debug, info, warn or error. Logs never contain personal data.
# level = "info"

[backup]
# Days a backup made by `dandelion backup` can be restored. Each backup is encrypted under its
# own key, kept in backup-keys/ in this data dir; the key of an older backup is destroyed by the
# next `dandelion backup`, `dandelion backups prune` or `dandelion restore`, and the file can
# then never be opened again, wherever copies of it are. 0: never destroy (not recommended).
# keep_days = 35

[exports]
# The Korean TrueType font embedded in PDF exports (Debian package fonts-nanum). When it is
# missing, a PDF export fails with a message naming the package; CSV and XLSX still work.
# font_path = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"
)";
}

}  // namespace dandelion

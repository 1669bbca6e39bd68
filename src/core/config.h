// Config: the settings of one data dir, read from <data>/config.toml.
//
// Every setting has a safe default, so a config file may be empty; `dandelion init` writes one
// with every setting present and commented. Unknown keys are refused, so a typo is not silently
// ignored.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.h"

namespace dandelion {

struct Config {
  std::string data_dir;  // absolute path of the data dir

  // [server]
  std::string listen = "127.0.0.1:8080";
  int io_threads = 4;      // threads serving connections; ordinary handlers run on them
  int worker_threads = 4;  // threads for CPU-heavy handlers such as password checks
  std::string web_root;    // built web app; empty = <binary dir>/../web/dist,
                           // <binary dir>/../share/dandelion/web, then ./web/dist
  // Peers whose X-Real-IP header names the client (a reverse proxy); none by default.
  std::vector<std::string> trusted_proxies;
  // The address the public reaches this server at (no trailing slash), printed into documents
  // that link back to it: a training certificate's verification URL and QR code. Empty:
  // "http://" + listen, right only on a test machine.
  std::string public_url;

  // [limits]
  size_t body_limit_bytes = 1 << 20;  // JSON bodies
  size_t header_limit_bytes = 16 << 10;
  int header_timeout_seconds = 10;  // a client must finish its headers within this
  int body_timeout_seconds = 30;
  int keepalive_timeout_seconds = 60;
  // A body larger than this is read only for a public route or a caller whose session the
  // server has checked from the headers; anyone else is refused before the body is read.
  size_t anonymous_body_limit_bytes = 64 << 10;
  int max_connections = 1024;            // open connections in total
  int max_connections_per_address = 64;  // from one client address (a proxy is exempt)
  int public_help_per_minute = 30;       // help-form posts network-wide before a flood

  // [metrics]
  std::string metrics_token;  // empty: GET /metrics answers 404; else a Bearer token for it

  // [database]
  std::string database_url;  // empty = sqlite:<data>/dandelion.db
  int database_readers = 4;  // SQLite reader connections / PostgreSQL pool size

  // [security]
  std::string master_key_path;  // empty = <data>/keys/master.key; env DANDELION_MASTER_KEY_FILE
  bool demo = false;            // a synthetic demo network; shown as a banner in the web app
  bool test_mode = false;       // allows the test-only clock control; never in production

  // [log]
  std::string log_level = "info";

  // [exports]: the Korean TrueType font embedded in PDF exports (Debian package fonts-nanum).
  std::string export_font_path = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";

  // [backup]: days a backup's own key is kept (app/backup_register.h); 0 = forever.
  int64_t backup_keep_days = 35;

  // Paths derived from data_dir.
  std::string DatabaseUrl() const;
  std::string MasterKeyPath() const;
  // public_url, or "http://" + listen when it is empty; without a trailing slash.
  std::string PublicUrl() const;
};

// Reads <data_dir>/config.toml. Errors name the offending key.
Result<Config> LoadConfig(const std::string& data_dir);

// The text `init` writes: every setting, commented, with its default.
std::string DefaultConfigText();

}  // namespace dandelion

// The access log: one JSON line per answered request, through spdlog's "access" logger.
//
// What is logged is chosen for a service whose users are survivors of sexual exploitation:
// the route TEMPLATE, never the raw path or query (ids and search terms such as a name or a
// phone number live there); no bodies, headers or cookies; the client address only as its
// network (/24 for IPv4, /48 for IPv6). The network is enough to see abuse coming from one
// place and to correlate with rate limiting, but not to locate the person who sent a help
// request — a full address in a log that is kept, copied and shipped elsewhere could.
// The request id ties a line to the audit log, which records the actor where that is needed.
// Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace dandelion::http {

struct AccessRecord {
  TimePoint time;
  std::string_view request_id;
  std::string_view method;
  std::string_view route;  // template, "unmatched" or "static"
  int status = 0;
  double duration_ms = 0;
  size_t bytes = 0;  // response body bytes
  std::string_view remote_address;
};

// The JSON line, e.g. {"time":"…","request_id":"…","method":"GET","route":"/healthz",
// "status":200,"duration_ms":0.2,"bytes":15,"client_net":"203.0.113.0/24"}.
std::string FormatAccessLine(const AccessRecord& record);

// Writes the line to the "access" logger (created on first use, stdout, message only).
void WriteAccessLog(const AccessRecord& record);

// "203.0.113.9" -> "203.0.113.0/24"; "2001:db8:1:2::5" -> "2001:db8:1::/48"; "" otherwise.
std::string ClientNetwork(std::string_view address);

}  // namespace dandelion::http

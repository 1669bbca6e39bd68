// Probe writes: a test-mode-only capability that stores and reads back small records.
//
// The black-box durability test (kill -9 while clients write) and the bad-input tests need a
// write path that goes through the real HTTP, validation and storage layers before the survivor
// modules exist to carry them. The routes are added only when the data dir's config says
// `security.test_mode = true`; a production server never has them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "http/router.h"
#include "store/database.h"

namespace dandelion::probe {

struct ProbeWrite {
  std::string id;
  std::string payload;
  std::string created_at;
};

// The one door to probe writes. Thread-safe (the database is).
class ProbeService {
 public:
  explicit ProbeService(store::Database& db) : db_(db) {}
  Result<ProbeWrite> Write(const std::string& payload);
  Result<ProbeWrite> Read(const std::string& id);
  Result<int64_t> Count();

 private:
  store::Database& db_;
};

// POST /api/v1/test/clock/advance {"seconds": n}: moves the server's clock forward, for
// black-box tests of expiry and lockout.
void AddClockRoute(http::Router& router, OffsetClock& clock);

// POST/GET /api/v1/test/probe-writes and GET /api/v1/test/probe-writes/{id}.
void AddRoutes(http::Router& router, ProbeService& service);

}  // namespace dandelion::probe

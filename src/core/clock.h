// Clock: the only source of "now" for services, so tests can control time.
//
// SystemClock reads the real clock. ManualClock is set and advanced by unit tests. A data dir
// whose config says `security.test_mode = true` runs on an OffsetClock that black-box tests
// move forward over HTTP (POST /api/v1/test/clock/advance), for expiry and lockout tests.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace dandelion {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// Real time plus an offset that only moves forward. Thread-safe.
class OffsetClock final : public Clock {
 public:
  TimePoint Now() const override {
    return std::chrono::system_clock::now() + std::chrono::seconds(offset_seconds_.load());
  }
  void Advance(std::chrono::seconds by) { offset_seconds_ += by.count(); }

 private:
  std::atomic<int64_t> offset_seconds_{0};
};

// A clock that stands still until told otherwise. For unit tests; not thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start) {}
  TimePoint Now() const override { return now_; }
  void Set(TimePoint t) { now_ = t; }
  void Advance(std::chrono::seconds by) { now_ += by; }

 private:
  TimePoint now_;
};

// Unix seconds of a time point, and back.
int64_t UnixSeconds(TimePoint t);
TimePoint FromUnixSeconds(int64_t s);

// RFC 3339 UTC with seconds, e.g. "2026-03-01T09:30:00Z".
std::string FormatRfc3339(TimePoint t);

// Parses RFC 3339 ("Z" or a numeric offset; fractional seconds ignored). False when invalid.
bool ParseRfc3339(std::string_view text, TimePoint* out);

// Parses a calendar date "YYYY-MM-DD", rejecting impossible dates such as 2026-02-30.
bool ParseDate(std::string_view text, int* year, int* month, int* day);

}  // namespace dandelion

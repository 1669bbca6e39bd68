#include "app/ticker.h"

#include <spdlog/spdlog.h>

namespace dandelion::app {

void Ticker::Start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { Loop(); });
}

void Ticker::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Ticker::Loop() {
  while (true) {
    auto moved = work_();
    if (!moved) {
      // The database may be briefly unavailable; the deadlines are still there next time.
      spdlog::error("{} failed: {}", name_, moved.error().detail);
    } else if (*moved > 0) {
      spdlog::info("{}: {} moved on", name_, *moved);
    }
    std::unique_lock lock(mu_);
    if (wake_.wait_for(lock, period_, [this] { return stopping_; })) return;
  }
}

}  // namespace dandelion::app

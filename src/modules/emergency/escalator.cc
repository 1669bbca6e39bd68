#include "modules/emergency/escalator.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace dandelion::emergency {

void Escalator::Start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { Loop(); });
}

void Escalator::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Escalator::Loop() {
  const auto pause = std::chrono::duration<double>(poll_seconds_);
  while (true) {
    auto moved = service_.EscalateOverdue();
    if (!moved) {
      // The database may be briefly unavailable; the deadlines are still there next time.
      spdlog::error("emergency escalation failed: {}", moved.error().detail);
    } else if (*moved > 0) {
      spdlog::info("emergency escalation: {} request(s) moved on", *moved);
    }
    std::unique_lock lock(mu_);
    if (wake_.wait_for(lock, pause, [this] { return stopping_; })) return;
  }
}

}  // namespace dandelion::emergency

// Ticker: a background task that keeps deadlines. Every period (and at once on start, which
// catches deadlines that passed while the server was down) it runs work — escalate help requests
// nobody acknowledged, remind supervisors of referrals nobody answered — and logs what it did.
// Deadlines live in the database, so a restart loses none; the services read the injected clock,
// so tests that move the test clock see the work done within a period.
//
// A short poll rather than a timer per deadline: each run is one indexed query, it notices the
// test clock jumping and other servers' changes alike, and there is no timer state to rebuild.
//
// Start() once; Stop() (or the destructor) joins the thread. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/result.h"

namespace dandelion::app {

class Ticker {
 public:
  // work returns how many things it moved on (logged when more than none).
  Ticker(std::string name, std::chrono::duration<double> period, std::function<Result<int>()> work)
      : name_(std::move(name)), period_(period), work_(std::move(work)) {}
  ~Ticker() { Stop(); }
  Ticker(const Ticker&) = delete;
  Ticker& operator=(const Ticker&) = delete;

  void Start();
  void Stop();

 private:
  void Loop();

  const std::string name_;
  const std::chrono::duration<double> period_;
  const std::function<Result<int>()> work_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace dandelion::app

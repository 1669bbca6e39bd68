// Escalator: the background task that keeps requests from waiting. Every second (and at once on
// start, which catches deadlines that passed while the server was down) it asks
// EmergencyService to escalate requests whose ack_due_at has passed on the service's clock.
// Deadlines live in the database, so a restart loses none; the clock is the injected one, so
// tests that move the test clock see escalation within a second.
//
// A short poll rather than a timer per request: it is one indexed query, it notices the test
// clock jumping and other servers' changes alike, and there is no timer state to rebuild.
//
// Start() once; Stop() (or the destructor) joins the thread. Thread-safe.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "modules/emergency/emergency_service.h"

namespace dandelion::emergency {

class Escalator {
 public:
  explicit Escalator(EmergencyService& service, double poll_seconds = 1.0)
      : service_(service), poll_seconds_(poll_seconds) {}
  ~Escalator() { Stop(); }
  Escalator(const Escalator&) = delete;
  Escalator& operator=(const Escalator&) = delete;

  void Start();
  void Stop();

 private:
  void Loop();

  EmergencyService& service_;
  const double poll_seconds_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace dandelion::emergency

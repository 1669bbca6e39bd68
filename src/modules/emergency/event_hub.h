// EventHub: the live feed of the dispatch board. Each signed-in dispatcher's browser holds one
// server-sent event stream (http/event_stream.h) for her organization; every change to a
// request routed to that organization is pushed to all of its streams after the change commits.
//
// Events carry no sealed field — only what the board needs to fetch the request again (id,
// status, region, received time, urgency, escalation level) — so a stream never holds more than
// the list already shows. A session may hold at most kMaxStreamsPerSession streams (tabs); the
// oldest is closed to make room, so a reloading browser never locks itself out.
//
// Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http/event_stream.h"

namespace dandelion::emergency {

inline constexpr size_t kMaxStreamsPerSession = 4;

class EventHub {
 public:
  explicit EventHub(double heartbeat_seconds = 15) : heartbeat_seconds_(heartbeat_seconds) {}
  ~EventHub();

  // A new stream of org_id's events for session_id.
  std::shared_ptr<http::EventStream> Subscribe(const std::string& org_id,
                                               const std::string& session_id);
  // Sends event to every open stream of org_id, then hands it to the relay, if any.
  void Publish(const std::string& org_id, const std::string& event, const std::string& data);
  // Sends an event that came from another server to org_id's streams here (not relayed again).
  void Deliver(const std::string& org_id, const std::string& event, const std::string& data);

  // Where Publish also sends every event: the other servers on one PostgreSQL database
  // (event_relay.h). Empty: none.
  using Relay = std::function<void(const std::string& org_id, const std::string& event,
                                   const std::string& data)>;
  void SetRelay(Relay relay);
  // Closes every stream (shutdown).
  void CloseAll();
  // Open streams of org_id (for tests and metrics).
  size_t StreamCount(const std::string& org_id);

 private:
  struct Subscriber {
    std::string org_id;
    std::string session_id;
    std::shared_ptr<http::EventStream> stream;
  };
  void Prune();  // drops finished streams; needs mu_

  const double heartbeat_seconds_;
  std::mutex mu_;
  std::vector<Subscriber> subscribers_;  // GUARDED_BY(mu_), oldest first
  Relay relay_;                          // GUARDED_BY(mu_)
};

}  // namespace dandelion::emergency

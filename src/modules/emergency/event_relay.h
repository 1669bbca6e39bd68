// EventRelay: the dispatch board's events across several servers on one PostgreSQL database.
//
// Each server's EventHub knows only its own streams. The relay sends every event published here
// as a NOTIFY on the channel "dandelion_events" ({"origin","org","event","data"}: the same ids
// and statuses a stream carries, never a sealed field), and delivers what other servers sent to
// this server's streams, so a dispatcher sees a request that arrived through any server without
// reloading. Events are sent after their change committed; one sent while this server's
// listening connection was down is not replayed (the board catches up at its next fetch).
//
// Thread-safe. Detaches from the hub when destroyed.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "modules/emergency/event_hub.h"
#include "store/pg_channel.h"

namespace dandelion::emergency {

class EventRelay {
 public:
  static Result<std::unique_ptr<EventRelay>> Start(const std::string& database_url, EventHub& hub);
  ~EventRelay();

 private:
  EventRelay(EventHub& hub, std::string origin) : hub_(hub), origin_(std::move(origin)) {}
  void Received(const std::string& payload);

  EventHub& hub_;
  const std::string origin_;  // this process, so that it skips its own notifications
  std::unique_ptr<store::PgChannel> channel_;
};

}  // namespace dandelion::emergency

#include "modules/emergency/event_hub.h"

#include <algorithm>

namespace dandelion::emergency {

EventHub::~EventHub() { CloseAll(); }

void EventHub::Prune() {
  std::erase_if(subscribers_, [](const Subscriber& s) { return s.stream->finished(); });
}

std::shared_ptr<http::EventStream> EventHub::Subscribe(const std::string& org_id,
                                                       const std::string& session_id) {
  auto stream = std::make_shared<http::EventStream>(heartbeat_seconds_);
  std::shared_ptr<http::EventStream> evicted;
  {
    std::lock_guard lock(mu_);
    Prune();
    size_t held = 0;
    for (const auto& s : subscribers_) held += s.session_id == session_id ? 1 : 0;
    if (held >= kMaxStreamsPerSession) {
      auto oldest = std::find_if(subscribers_.begin(), subscribers_.end(),
                                 [&](const Subscriber& s) { return s.session_id == session_id; });
      evicted = oldest->stream;
      subscribers_.erase(oldest);
    }
    subscribers_.push_back({org_id, session_id, stream});
  }
  if (evicted) evicted->Close();  // outside the lock: Close() wakes the connection
  return stream;
}

void EventHub::Publish(const std::string& org_id, const std::string& event,
                       const std::string& data) {
  Deliver(org_id, event, data);
  Relay relay;
  {
    std::lock_guard lock(mu_);
    relay = relay_;
  }
  if (relay) relay(org_id, event, data);
}

void EventHub::SetRelay(Relay relay) {
  std::lock_guard lock(mu_);
  relay_ = std::move(relay);
}

void EventHub::Deliver(const std::string& org_id, const std::string& event,
                       const std::string& data) {
  std::vector<std::shared_ptr<http::EventStream>> targets;
  {
    std::lock_guard lock(mu_);
    Prune();
    for (const auto& s : subscribers_) {
      if (s.org_id == org_id) targets.push_back(s.stream);
    }
  }
  for (auto& stream : targets) stream->Push(event, data);
}

void EventHub::CloseAll() {
  std::vector<Subscriber> all;
  {
    std::lock_guard lock(mu_);
    all.swap(subscribers_);
  }
  for (auto& s : all) s.stream->Close();
}

size_t EventHub::StreamCount(const std::string& org_id) {
  std::lock_guard lock(mu_);
  Prune();
  return static_cast<size_t>(
      std::count_if(subscribers_.begin(), subscribers_.end(),
                    [&](const Subscriber& s) { return s.org_id == org_id; }));
}

}  // namespace dandelion::emergency

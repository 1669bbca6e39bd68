#include "modules/emergency/event_relay.h"

#include <spdlog/spdlog.h>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/ids.h"

namespace dandelion::emergency {
namespace {

constexpr const char* kChannel = "dandelion_events";

std::string Field(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

Result<std::unique_ptr<EventRelay>> EventRelay::Start(const std::string& database_url,
                                                      EventHub& hub) {
  std::unique_ptr<EventRelay> relay(new EventRelay(hub, RandomHex(8)));
  relay->channel_ = TRY(store::PgChannel::Open(
      database_url, kChannel, [raw = relay.get()](const std::string& p) { raw->Received(p); }));
  hub.SetRelay([raw = relay.get()](const std::string& org_id, const std::string& event,
                                   const std::string& data) {
    boost::json::object payload{
        {"origin", raw->origin_}, {"org", org_id}, {"event", event}, {"data", data}};
    if (auto sent = raw->channel_->Notify(boost::json::serialize(payload)); !sent) {
      spdlog::warn(R"({{"event":"event_not_relayed","cause":{}}})",
                   boost::json::serialize(boost::json::value(sent.error().detail)));
    }
  });
  return relay;
}

EventRelay::~EventRelay() {
  hub_.SetRelay(nullptr);
  channel_.reset();  // stops the listening thread before the hub may go
}

void EventRelay::Received(const std::string& payload) {
  boost::system::error_code ec;
  auto value = boost::json::parse(payload, ec);
  if (ec || !value.is_object()) return;
  const auto& o = value.as_object();
  if (Field(o, "origin") == origin_) return;  // delivered here when it was published
  const std::string org = Field(o, "org");
  const std::string event = Field(o, "event");
  if (org.empty() || event.empty()) return;
  hub_.Deliver(org, event, Field(o, "data"));
}

}  // namespace dandelion::emergency

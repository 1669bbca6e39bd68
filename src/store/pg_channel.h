// PgChannel: PostgreSQL's LISTEN/NOTIFY on one channel, so that several servers on one database
// hear of each other's events (docs/operations.md, "Scaling out").
//
// A thread holds its own connection, LISTENs on the channel and hands every notification's
// payload to the handler (on that thread); after a lost connection it reconnects once a second
// and LISTENs again (notifications sent meanwhile are not replayed). Notify() sends a payload on
// a second connection of its own, outside any transaction, so it is delivered at once; every
// listener hears it, this process's too.
//
// Thread-safe: Notify() may be called from any thread. The destructor stops the thread (within
// a quarter of a second).
#pragma once

#include <libpq-fe.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/result.h"

namespace dandelion::store {

class PgChannel {
 public:
  using Handler = std::function<void(const std::string& payload)>;

  // Connects and LISTENs before returning, so no notification sent afterwards is missed.
  // channel: a lower-case identifier.
  static Result<std::unique_ptr<PgChannel>> Open(const std::string& url, const std::string& channel,
                                                 Handler handler);
  ~PgChannel();
  PgChannel(const PgChannel&) = delete;
  PgChannel& operator=(const PgChannel&) = delete;

  // Sends payload (at most 7,999 bytes) to every listener. kUnavailable when the database
  // cannot be reached.
  Result<void> Notify(const std::string& payload);

 private:
  PgChannel(std::string url, std::string channel, Handler handler)
      : url_(std::move(url)), channel_(std::move(channel)), handler_(std::move(handler)) {}
  Result<PGconn*> Connect(bool listen);
  void Run();

  const std::string url_;
  const std::string channel_;
  const Handler handler_;
  PGconn* listener_ = nullptr;  // used by the thread only (after Open)
  std::mutex send_mu_;
  PGconn* sender_ = nullptr;  // GUARDED_BY(send_mu_)
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace dandelion::store

// EventStream: a server-sent event stream (text/event-stream) between a producer and the
// connection that carries it.
//
// A handler answers with a Response whose `stream` is set; the server then sends the headers
// and, until the stream is closed, the client goes away or the server shuts down, writes every
// frame producers Push() (from any thread), and a heartbeat comment when nothing was sent for
// heartbeat_seconds. A client too slow to take its frames (more than kMaxPendingBytes waiting)
// is cut off rather than letting memory grow. Thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace dandelion::http {

class EventStream {
 public:
  static constexpr size_t kMaxPendingBytes = 256 * 1024;

  explicit EventStream(double heartbeat_seconds = 15) : heartbeat_seconds_(heartbeat_seconds) {}

  // Queues one event ("event: <name>\ndata: <data>\n\n"); data must be a single line (JSON).
  void Push(std::string_view event, std::string_view data);
  // Ends the stream once what is queued has been sent.
  void Close();
  // True once the server is done with the stream (the client left, or it was closed and
  // flushed, or the server stopped): producers drop it.
  bool finished() const;

  double heartbeat_seconds() const { return heartbeat_seconds_; }

  // For the server. Waker is called (under no lock of ours held by the caller) after every
  // Push() and Close(); it must only schedule work, never write.
  void SetWaker(std::function<void()> waker);
  struct Batch {
    std::string text;     // frames to write now ("" = nothing new)
    bool closed = false;  // nothing more will come after text
  };
  Batch Take();
  // Marks the stream finished and drops the waker.
  void Finish();

 private:
  void Wake();

  const double heartbeat_seconds_;
  mutable std::mutex mu_;
  std::string pending_;          // GUARDED_BY(mu_)
  bool closed_ = false;          // GUARDED_BY(mu_)
  bool finished_ = false;        // GUARDED_BY(mu_)
  std::function<void()> waker_;  // GUARDED_BY(mu_)
};

}  // namespace dandelion::http

#include "http/event_stream.h"

namespace dandelion::http {

void EventStream::Push(std::string_view event, std::string_view data) {
  {
    std::lock_guard lock(mu_);
    if (closed_ || finished_) return;
    if (pending_.size() > kMaxPendingBytes) {
      // The client does not keep up: end its stream; it reconnects and reloads the list.
      closed_ = true;
    } else {
      pending_ += "event: ";
      pending_ += event;
      pending_ += "\ndata: ";
      pending_ += data;
      pending_ += "\n\n";
    }
  }
  Wake();
}

void EventStream::Close() {
  {
    std::lock_guard lock(mu_);
    closed_ = true;
  }
  Wake();
}

bool EventStream::finished() const {
  std::lock_guard lock(mu_);
  return finished_;
}

void EventStream::SetWaker(std::function<void()> waker) {
  std::lock_guard lock(mu_);
  waker_ = std::move(waker);
}

EventStream::Batch EventStream::Take() {
  std::lock_guard lock(mu_);
  Batch out;
  out.text.swap(pending_);
  out.closed = closed_;
  return out;
}

void EventStream::Finish() {
  std::lock_guard lock(mu_);
  finished_ = true;
  closed_ = true;
  pending_.clear();
  waker_ = nullptr;
}

void EventStream::Wake() {
  std::function<void()> waker;
  {
    std::lock_guard lock(mu_);
    waker = waker_;
  }
  if (waker) waker();
}

}  // namespace dandelion::http

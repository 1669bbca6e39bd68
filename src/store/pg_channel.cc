#include "store/pg_channel.h"

#include <poll.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace dandelion::store {
namespace {

constexpr int kPollMs = 250;
constexpr int kReconnectPolls = 4;  // a second between attempts

Failure Unavailable(const std::string& detail) {
  return Fail(ErrorCode::kUnavailable, "error.unavailable", detail);
}

bool CommandOk(PGconn* conn, const char* sql, std::string* error) {
  PGresult* r = PQexec(conn, sql);
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
  if (!ok) *error = PQerrorMessage(conn);
  PQclear(r);
  return ok;
}

}  // namespace

Result<PGconn*> PgChannel::Connect(bool listen) {
  PGconn* conn = PQconnectdb(url_.c_str());
  std::string error;
  const bool connected = conn != nullptr && PQstatus(conn) == CONNECTION_OK;
  if (!connected) error = conn != nullptr ? PQerrorMessage(conn) : "out of memory";
  if (connected && (!listen || CommandOk(conn, ("LISTEN " + channel_).c_str(), &error))) {
    return conn;
  }
  PQfinish(conn);
  return Unavailable("postgres " + std::string(listen ? "listen" : "notify") + ": " + error);
}

Result<std::unique_ptr<PgChannel>> PgChannel::Open(const std::string& url,
                                                   const std::string& channel, Handler handler) {
  std::unique_ptr<PgChannel> c(new PgChannel(url, channel, std::move(handler)));
  c->listener_ = TRY(c->Connect(true));
  c->thread_ = std::thread([raw = c.get()] { raw->Run(); });
  return c;
}

PgChannel::~PgChannel() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  PQfinish(listener_);
  PQfinish(sender_);
}

void PgChannel::Run() {
  int polls_until_retry = 0;
  while (!stop_) {
    if (listener_ == nullptr) {
      std::this_thread::sleep_for(std::chrono::milliseconds(kPollMs));
      if (--polls_until_retry > 0) continue;
      auto conn = Connect(true);
      if (!conn) {
        polls_until_retry = kReconnectPolls;
        continue;
      }
      listener_ = *conn;
      spdlog::info(R"({{"event":"event_channel_reconnected"}})");
    }
    pollfd p{PQsocket(listener_), POLLIN, 0};
    ::poll(&p, 1, kPollMs);
    if (PQconsumeInput(listener_) == 0) {
      spdlog::warn(R"({{"event":"event_channel_lost","note":"reconnecting"}})");
      PQfinish(listener_);
      listener_ = nullptr;
      polls_until_retry = kReconnectPolls;
      continue;
    }
    while (PGnotify* n = PQnotifies(listener_)) {
      std::string payload = n->extra != nullptr ? n->extra : "";
      PQfreemem(n);
      handler_(payload);
    }
  }
}

Result<void> PgChannel::Notify(const std::string& payload) {
  std::lock_guard lock(send_mu_);
  // One retry on a fresh connection: the first failure may be a connection the database closed.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (sender_ == nullptr) sender_ = TRY(Connect(false));
    const char* params[] = {channel_.c_str(), payload.c_str()};
    PGresult* r =
        PQexecParams(sender_, "SELECT pg_notify($1, $2)", 2, nullptr, params, nullptr, nullptr, 0);
    const bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
    PQclear(r);
    if (ok) return Ok();
    std::string error = PQerrorMessage(sender_);
    PQfinish(sender_);
    sender_ = nullptr;
    if (attempt == 1) return Unavailable("postgres notify: " + error);
  }
  return Ok();
}

}  // namespace dandelion::store

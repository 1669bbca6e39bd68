// The inside of http::Server, shared by its two files: server.cc (listening, the connection caps,
// start and shutdown) and server_connection.cc (one connection's requests, replies and event
// streams). Asio and Beast stay here, out of server.h.
#pragma once

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "http/access_log.h"
#include "http/server.h"

namespace dandelion::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;
using RequestParser = bhttp::request_parser<bhttp::string_body>;

inline constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

inline SteadyClock::duration Seconds(double s) {
  return std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(s));
}

// One client connection. Its socket and deadline timer belong to one io_context, which one
// thread runs, so the session coroutine and the timer's handler never run at once.
struct Connection {
  enum class State { kReading, kIdle, kBusy, kStreaming };

  explicit Connection(tcp::socket s) : socket(std::move(s)), timer(socket.get_executor()) {}

  // Cancels the socket's pending operation when d passes; a later Arm() or Disarm() supersedes
  // it (the generation check drops a stale expiry that was already queued).
  void Arm(double seconds) {
    uint64_t armed = ++generation;
    timed_out = false;
    timer.expires_after(Seconds(seconds));
    timer.async_wait([this, armed](const boost::system::error_code& ec) {
      if (ec || armed != generation) return;
      timed_out = true;
      boost::system::error_code ignored;
      socket.cancel(ignored);
    });
  }
  void Disarm() {
    ++generation;
    timer.cancel();
  }

  tcp::socket socket;
  asio::steady_timer timer;
  uint64_t generation = 0;
  bool timed_out = false;
  State state = State::kReading;
  // While streaming events: the timer the stream sleeps on, cancelled to wake it (a new event,
  // the client hanging up, shutdown).
  std::shared_ptr<asio::steady_timer> stream_timer;
  bool client_gone = false;
  // The peer address this connection counts against (empty: exempt from the per-address cap).
  std::string counted_address;
  // A request the transport refused (timeout, limit, malformed): answered once, in the language
  // of the last request whose header was read, and then the connection closes.
  std::optional<Error> refusal;
  Lang lang = Lang::kKo;
  std::string method = "OTHER";
};

struct Server::Impl {
  explicit Impl(Server& s);

  // server.cc
  asio::awaitable<void> Listen();
  // Why a new connection from peer must be refused, if it must; otherwise counts it.
  std::optional<Error> Admit(const std::string& peer, Connection& conn);
  void Release(const Connection& conn);
  void BeginShutdown();
  void WaitForConnections(SteadyClock::time_point deadline);

  // server_connection.cc
  asio::awaitable<void> Session(std::shared_ptr<Connection> conn);
  // Reads the next request's first bytes; false when the connection should close instead.
  asio::awaitable<bool> NextRequestBegins(Connection& conn, beast::flat_buffer& buffer);
  // Reads one request within its limits and deadlines; false when the connection ends (the
  // client left, or conn.refusal says why not).
  asio::awaitable<bool> ReadRequest(Connection& conn, beast::flat_buffer& buffer,
                                    RequestParser& parser, const std::string& remote);
  // For a body too large to read anonymously: the gate's refusal judged from the headers alone.
  std::optional<Error> CheckBeforeBody(const RequestParser& parser, const std::string& remote);
  // Answers one request; false when the connection must close afterwards.
  asio::awaitable<bool> Answer(const std::shared_ptr<Connection>& conn,
                               bhttp::request<bhttp::string_body>& message,
                               const std::string& remote);
  asio::awaitable<void> Handle(Connection& conn, bhttp::request<bhttp::string_body>& message,
                               const std::string& remote, Request& req, Response& res);
  asio::awaitable<void> Stream(std::shared_ptr<Connection> conn, Response& res, unsigned version);
  asio::awaitable<void> ReplyError(Connection& conn);
  asio::awaitable<void> LingeringClose(Connection& conn);
  // The client's address for the request (a trusted proxy's X-Real-IP) and its request id.
  void Identify(Request& req, const std::string& remote) const;
  // Every answered request is counted in the metrics and written to the access log here, once.
  void Log(AccessRecord record, SteadyClock::time_point start);

  Server& server;
  std::optional<Dispatcher> dispatcher;
  size_t max_body_limit = 0;  // the largest any route accepts; set by Start()
  // One io_context per IO thread, each run by its thread alone: a connection stays on the one it
  // was given, so its handlers need no strand, and each context's scheduler is told it has one
  // thread (fewer locks and wake-ups; docs/performance.md). The first also runs the acceptor,
  // the signals and shutdown.
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  asio::io_context& ioc;    // *contexts[0]
  size_t next_context = 0;  // round robin for new connections; only Listen() uses it
  asio::thread_pool pool;
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::signal_set> signals;
  std::optional<asio::steady_timer> shutdown_timer;
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::map<Connection*, std::weak_ptr<Connection>> connections;  // GUARDED_BY(mu)
  std::unordered_map<std::string, size_t> per_address;           // GUARDED_BY(mu)
};

}  // namespace dandelion::http

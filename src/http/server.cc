#include "http/server.h"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/access_log.h"
#include "http/event_stream.h"
#include "http/wire.h"

namespace dandelion::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

std::chrono::steady_clock::duration Seconds(double s) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(s));
}

// One client connection. Its socket and deadline timer share a strand, so the session
// coroutine and the timer's handler never run at once.
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
};

// The whole answer to a connection over the caps, sent without waiting: the socket is fresh, so
// its send buffer takes it, and a client that does not read cannot hold the server.
void RefuseConnection(tcp::socket& socket, const Error& error) {
  Response res = ErrorResponse(error, Lang::kKo, NewRequestId());
  std::string out = "HTTP/1.1 " + std::to_string(res.status) + " " +
                    std::string(bhttp::obsolete_reason(static_cast<bhttp::status>(res.status))) +
                    "\r\nContent-Type: " + res.content_type +
                    "\r\nContent-Length: " + std::to_string(res.body.size()) +
                    "\r\nRetry-After: 5\r\nConnection: close\r\n\r\n" + res.body;
  boost::system::error_code ec;
  socket.non_blocking(true, ec);
  socket.write_some(asio::buffer(out), ec);
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
}

// Runs on the worker pool; both references outlive it (the session awaits the result).
asio::awaitable<Response> HandleOnWorker(const Dispatcher& dispatcher, Request& request) {
  co_return dispatcher.Handle(request);
}

// Someone asking for help through the public form may be in danger from whoever could read the
// server's logs later: her address is used for flood control in memory, never logged.
bool IsPublicHelpPath(std::string_view path) { return path.starts_with("/api/v1/public/"); }

// An X-Real-IP from a peer that is not a configured proxy is ignored. Behind a proxy that means
// every visitor shares the proxy's address for throttling, so the operator is told, once.
// (The peer's address is not logged: it may be a visitor's.)
void WarnUntrustedProxyOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    spdlog::warn(
        R"({"event":"x_real_ip_ignored","note":"X-Real-IP from a peer not in server.trusted_proxies"})");
  });
}

// While a connection streams events the client sends nothing more; a read that completes
// means it hung up (or broke the protocol): either way the stream ends.
asio::awaitable<void> WatchForHangup(std::shared_ptr<Connection> conn) {
  char sink[512];
  while (true) {
    auto [ec, n] = co_await conn->socket.async_read_some(asio::buffer(sink), kTuple);
    if (ec || n > 0) break;
  }
  conn->client_gone = true;
  if (conn->stream_timer) conn->stream_timer->cancel();
}

}  // namespace

struct Server::Impl {
  Impl(Server& s) : server(s), pool(std::max(1, s.options_.worker_threads)) {}

  asio::awaitable<void> Listen();
  asio::awaitable<void> Session(std::shared_ptr<Connection> conn);
  asio::awaitable<void> ReplyError(Connection& conn, const Error& error, Lang lang,
                                   const std::string& method);
  asio::awaitable<void> LingeringClose(Connection& conn);
  // Why a new connection from peer must be refused, if it must; otherwise counts it.
  std::optional<Error> Admit(const std::string& peer, Connection& conn);
  void Release(const Connection& conn);
  // For a body too large to read anonymously: the gate's refusal judged from the headers alone.
  std::optional<Error> CheckBeforeBody(const bhttp::request_parser<bhttp::string_body>& parser,
                                       const std::string& remote);
  asio::awaitable<void> Stream(std::shared_ptr<Connection> conn, Response& res, unsigned version);
  void BeginShutdown();
  void WaitForConnections(Clock::time_point deadline);

  Server& server;
  std::optional<Dispatcher> dispatcher;
  asio::io_context ioc;
  asio::thread_pool pool;
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::signal_set> signals;
  std::optional<asio::steady_timer> shutdown_timer;
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::map<Connection*, std::weak_ptr<Connection>> connections;  // GUARDED_BY(mu)
  std::unordered_map<std::string, size_t> per_address;           // GUARDED_BY(mu)
};

std::optional<Error> Server::Impl::Admit(const std::string& peer, Connection& conn) {
  const ServerOptions& opt = server.options_;
  const bool exempt = peer.empty() || opt.trusted_proxies.Contains(peer);
  std::lock_guard lock(mu);
  if (connections.size() >= opt.max_connections) {
    return Error{ErrorCode::kUnavailable, "error.too_many_connections", {}, "max_connections"};
  }
  if (!exempt) {
    size_t& count = per_address[peer];
    if (count >= opt.max_connections_per_address) {
      return Error{
          ErrorCode::kRateLimited, "error.too_many_connections", {}, "max_connections_per_address"};
    }
    ++count;
    conn.counted_address = peer;
  }
  return std::nullopt;
}

void Server::Impl::Release(const Connection& conn) {
  if (conn.counted_address.empty()) return;
  auto it = per_address.find(conn.counted_address);
  if (it != per_address.end() && --it->second == 0) per_address.erase(it);
}

std::optional<Error> Server::Impl::CheckBeforeBody(
    const bhttp::request_parser<bhttp::string_body>& parser, const std::string& remote) {
  const auto& header = parser.get();
  RawRequest raw{std::string(header.method_string()), std::string(header.target()), {}, ""};
  for (const auto& field : header) {
    raw.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  auto req = BuildRequest(std::move(raw));
  if (!req) return req.error();
  Match match = server.router_.Find(req->method, req->path);
  // Public routes keep the server's ordinary limit; a path without a route is answered from
  // the dispatcher as usual (its limit is the ordinary one too).
  if (!match.route || match.route->permission == kPublic) return std::nullopt;
  if (!server.gate_) return Error{ErrorCode::kUnauthenticated, "error.unauthenticated"};
  req->path_params = std::move(match.params);
  req->remote_address = server.options_.trusted_proxies.Resolve(remote, req->Header("x-real-ip"));
  req->request_id = NewRequestId();
  return server.gate_(*req, *match.route);
}

asio::awaitable<void> Server::Impl::Listen() {
  while (!stopping) {
    auto [ec, socket] = co_await acceptor->async_accept(asio::make_strand(ioc), kTuple);
    if (stopping) co_return;
    if (ec) {
      // Out of descriptors and the like: pause instead of spinning, then keep serving.
      spdlog::warn("accept failed: {}", ec.message());
      asio::steady_timer pause(ioc, std::chrono::milliseconds(100));
      co_await pause.async_wait(kTuple);
      continue;
    }
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    std::string peer;
    if (auto endpoint = socket.remote_endpoint(ignored); !ignored) {
      peer = CanonicalAddress(endpoint.address().to_string());
    }
    auto conn = std::make_shared<Connection>(std::move(socket));
    if (auto refused = Admit(peer, *conn)) {
      server.metrics_.Record("unmatched", "OTHER", HttpStatus(refused->code), 0);
      RefuseConnection(conn->socket, *refused);
      continue;
    }
    {
      std::lock_guard lock(mu);
      connections.emplace(conn.get(), conn);
    }
    asio::co_spawn(conn->socket.get_executor(), Session(conn), asio::detached);
  }
}

asio::awaitable<void> Server::Impl::ReplyError(Connection& conn, const Error& error, Lang lang,
                                               const std::string& method) {
  auto start = Clock::now();
  std::string request_id = NewRequestId();
  Response res = ErrorResponse(error, lang, request_id);
  ApplyStandardHeaders(res, "", request_id);
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), 11};
  for (const auto& [name, value] : res.headers) out.set(name, value);
  out.set(bhttp::field::content_type, res.content_type);
  out.keep_alive(false);
  out.body() = res.body;
  out.prepare_payload();
  conn.Arm(server.options_.write_timeout_seconds);
  co_await bhttp::async_write(conn.socket, out, kTuple);
  conn.Disarm();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  server.metrics_.Record("unmatched", method, res.status, seconds);
  WriteAccessLog({.time = std::chrono::system_clock::now(),
                  .request_id = request_id,
                  .method = method,
                  .route = "unmatched",
                  .status = res.status,
                  .duration_ms = seconds * 1000,
                  .bytes = res.body.size()});
  spdlog::info("request refused request_id={} status={} reason={}", request_id, res.status,
               error.detail);
  co_await LingeringClose(conn);
}

// Closes after a reply the client may still be sending into (413, 408): reading what is left
// for a moment keeps the kernel from answering with a reset that would destroy the reply.
asio::awaitable<void> Server::Impl::LingeringClose(Connection& conn) {
  boost::system::error_code ec;
  conn.socket.shutdown(tcp::socket::shutdown_send, ec);
  conn.Arm(1.0);
  char sink[4096];
  size_t drained = 0;
  while (!ec && drained < 1024 * 1024) {
    auto [read_ec, n] = co_await conn.socket.async_read_some(asio::buffer(sink), kTuple);
    ec = read_ec;
    drained += n;
  }
  conn.Disarm();
  conn.socket.close(ec);
}

// Sends a server-sent event stream's headers, then its frames as they come, with a heartbeat
// comment whenever it has been quiet for heartbeat_seconds. Ends when the stream closes, the
// client hangs up, a write fails or the server shuts down; the caller then closes the
// connection (the body is delimited by the close: no Content-Length, no keep-alive).
asio::awaitable<void> Server::Impl::Stream(std::shared_ptr<Connection> conn, Response& res,
                                           unsigned version) {
  std::shared_ptr<EventStream> stream = res.stream;
  bhttp::response<bhttp::empty_body> head{static_cast<bhttp::status>(res.status), version};
  for (const auto& [name, value] : res.headers) head.set(name, value);
  head.set(bhttp::field::content_type, "text/event-stream; charset=utf-8");
  head.set("X-Accel-Buffering", "no");  // a reverse proxy must pass events on at once
  head.keep_alive(false);
  bhttp::response_serializer<bhttp::empty_body> serializer{head};
  conn->Arm(server.options_.write_timeout_seconds);
  auto [hec, hn] = co_await bhttp::async_write_header(conn->socket, serializer, kTuple);
  conn->Disarm();
  if (hec) {
    stream->Finish();
    co_return;
  }
  auto executor = conn->socket.get_executor();
  conn->stream_timer = std::make_shared<asio::steady_timer>(executor);
  conn->state = Connection::State::kStreaming;
  std::weak_ptr<asio::steady_timer> weak_timer = conn->stream_timer;
  stream->SetWaker([executor, weak_timer] {
    // Runs on the producer's thread: only schedule the wake-up on the connection's strand.
    asio::post(executor, [weak_timer] {
      if (auto timer = weak_timer.lock()) timer->cancel();
    });
  });
  asio::co_spawn(executor, WatchForHangup(conn), asio::detached);
  const auto heartbeat = Seconds(stream->heartbeat_seconds());
  // The first frame tells the browser how soon to reconnect and shows the stream is open.
  std::string out = "retry: 3000\n\n";
  auto last_write = Clock::now();
  while (!stopping && !conn->client_gone) {
    EventStream::Batch batch = stream->Take();
    out += batch.text;
    if (out.empty() && Clock::now() - last_write >= heartbeat) out = ": heartbeat\n\n";
    if (!out.empty()) {
      conn->Arm(server.options_.write_timeout_seconds);
      auto [wec, wn] = co_await asio::async_write(conn->socket, asio::buffer(out), kTuple);
      conn->Disarm();
      if (wec) break;
      out.clear();
      last_write = Clock::now();
    }
    if (batch.closed) break;
    if (!batch.text.empty()) continue;  // more may have come while writing
    conn->stream_timer->expires_at(last_write + heartbeat);
    co_await conn->stream_timer->async_wait(kTuple);
  }
  stream->Finish();
  conn->stream_timer.reset();
}

asio::awaitable<void> Server::Impl::Session(std::shared_ptr<Connection> conn) {
  const ServerOptions& opt = server.options_;
  server.metrics_.ConnectionOpened();
  std::string remote;
  {
    boost::system::error_code ec;
    auto endpoint = conn->socket.remote_endpoint(ec);
    if (!ec) remote = endpoint.address().to_string();
  }
  beast::flat_buffer buffer;
  bool first = true;
  // A request refused by the transport (timeout, limit, malformed): answered once after the
  // loop, then the connection closes. (Kept out of the loop's co_await expressions on purpose:
  // g++ 12 mishandles class-type temporaries there.)
  std::optional<Error> refusal;
  const size_t max_body_limit = server.router_.MaxBodyLimit(opt.body_limit_bytes);
  Lang lang = Lang::kKo;
  std::string method = "OTHER";
  try {
    while (true) {
      // Between requests: wait for the next one's first byte, or close quietly when idle.
      if (!first && buffer.size() == 0) {
        conn->state = Connection::State::kIdle;
        if (stopping) break;
        conn->Arm(opt.keepalive_timeout_seconds);
        auto [ec] = co_await conn->socket.async_wait(tcp::socket::wait_read, kTuple);
        conn->Disarm();
        if (ec || stopping) break;
      }
      first = false;
      conn->state = Connection::State::kReading;

      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(opt.header_limit_bytes));
      // Beast checks a declared length against this while parsing the header; the route's own
      // limit is applied below, once the target is known.
      parser.body_limit(max_body_limit);
      conn->Arm(opt.header_timeout_seconds);
      auto [hec, hn] = co_await bhttp::async_read_header(conn->socket, buffer, parser, kTuple);
      conn->Disarm();
      if (hec) {
        if (conn->timed_out) {
          refusal = Error{ErrorCode::kTimeout, "error.timeout", {}, "header timeout"};
        } else if (hec != bhttp::error::end_of_stream && hec != asio::error::eof &&
                   hec != asio::error::connection_reset && hec != asio::error::operation_aborted) {
          refusal = ParseError(hec);
        }
        break;
      }
      auto& header = parser.get();
      method = std::string(header.method_string());
      lang = LangFromAcceptLanguage(header[bhttp::field::accept_language]);
      // Refused from the declared length, before a byte of the body is read. Most routes take
      // the server's limit; a few (file uploads) declare a larger one.
      const size_t body_limit = server.router_.BodyLimit(
          method, std::string_view(header.target().data(), header.target().size()),
          opt.body_limit_bytes);
      parser.body_limit(body_limit);
      const auto length = parser.content_length();
      if (length && *length > body_limit) {
        refusal = Error{ErrorCode::kTooLarge, "error.too_large", {}, "content-length"};
        break;
      }
      // A body beyond the anonymous limit (or of unknown length) is read only for a caller the
      // gate accepts from the headers: an upload route's large limit is not anyone's to use.
      if (!parser.is_done() && opt.anonymous_body_limit_bytes > 0 &&
          (!length || *length > opt.anonymous_body_limit_bytes)) {
        if (auto refused = CheckBeforeBody(parser, remote)) {
          refusal = std::move(*refused);
          break;
        }
      }
      if (!parser.is_done()) {
        if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
          bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, header.version()};
          conn->Arm(opt.write_timeout_seconds);
          co_await bhttp::async_write(conn->socket, cont, kTuple);
          conn->Disarm();
        }
        conn->Arm(opt.body_timeout_seconds);
        auto [bec, bn] = co_await bhttp::async_read(conn->socket, buffer, parser, kTuple);
        conn->Disarm();
        if (bec) {
          // body_limit here is a chunked body that outgrew the limit while arriving.
          if (conn->timed_out) {
            refusal = Error{ErrorCode::kTimeout, "error.timeout", {}, "body timeout"};
          } else if (bec != asio::error::eof && bec != asio::error::connection_reset) {
            refusal = ParseError(bec);
          }
          break;
        }
      }

      conn->state = Connection::State::kBusy;
      auto start = Clock::now();
      server.metrics_.RequestStarted();
      auto message = parser.release();
      bool keep_alive = message.keep_alive();
      unsigned version = message.version();
      RawRequest raw{std::string(message.method_string()),
                     std::string(message.target()),
                     {},
                     std::move(message.body())};
      for (const auto& field : message) {
        raw.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
      }
      Response res;
      Request req;
      auto built = BuildRequest(std::move(raw));
      if (!built) {
        req.method = method;
        req.lang = lang;
        req.request_id = NewRequestId();
        req.route = "unmatched";
        res = ErrorResponse(built.error(), lang, req.request_id);
      } else {
        req = std::move(*built);
        std::string_view real_ip = req.Header("x-real-ip");
        req.remote_address = opt.trusted_proxies.Resolve(remote, real_ip);
        if (opt.trusted_proxies.Ignored(remote, real_ip)) WarnUntrustedProxyOnce();
        req.request_id = NewRequestId();
        if (server.options_.worker_threads == 0 || !dispatcher->ShouldOffload(req)) {
          // Most handlers are quick (an indexed SQLite read is microseconds): run them here and
          // save two thread hand-offs per request (see Route::offload).
          res = dispatcher->Handle(req);
        } else {
          // The handler may block on the database: run it on the worker pool and come back.
          asio::awaitable<Response> work = HandleOnWorker(*dispatcher, req);
          res = co_await asio::co_spawn(pool, std::move(work), asio::use_awaitable);
        }
      }
      if (res.await_commit) {
        // Hold the reply until what it owes is durable; the signal is posted to this
        // connection's strand, so it cannot fire before the wait begins.
        bool committed = false;
        asio::steady_timer signal(conn->socket.get_executor(),
                                  asio::steady_timer::time_point::max());
        auto wait = std::exchange(res.await_commit, nullptr);
        wait([&signal, &committed, ex = conn->socket.get_executor()](bool ok) {
          asio::post(ex, [&signal, &committed, ok] {
            committed = ok;
            signal.cancel();
          });
        });
        co_await signal.async_wait(kTuple);
        if (!committed) {
          res = ErrorResponse({ErrorCode::kInternal, "error.internal"}, lang, req.request_id);
        }
      }
      ApplyStandardHeaders(res, req.path, req.request_id);
      if (stopping) keep_alive = false;

      if (res.stream && res.status == 200 && req.method == "GET") {
        co_await Stream(conn, res, version);
        double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        server.metrics_.RequestFinished();
        server.metrics_.Record(req.route, req.method, res.status, seconds);
        WriteAccessLog({.time = std::chrono::system_clock::now(),
                        .request_id = req.request_id,
                        .method = req.method,
                        .route = req.route,
                        .status = res.status,
                        .duration_ms = seconds * 1000,
                        .bytes = 0,
                        .remote_address = req.remote_address});
        break;
      }
      if (res.stream) res.stream->Finish();  // HEAD, or not a success: no stream

      bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
      // insert, not set: a sign-in sends two Set-Cookie headers (session and device).
      for (const auto& [name, value] : res.headers) out.insert(name, value);
      if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
      size_t bytes = res.body.size();
      if (req.method == "HEAD") {
        out.content_length(bytes);  // the GET's length, without the body
      } else {
        out.body() = std::move(res.body);
        out.prepare_payload();
      }
      out.keep_alive(keep_alive);
      conn->Arm(opt.write_timeout_seconds);
      auto [wec, wn] = co_await bhttp::async_write(conn->socket, out, kTuple);
      conn->Disarm();

      double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      server.metrics_.RequestFinished();
      server.metrics_.Record(req.route, req.method, res.status, seconds);
      WriteAccessLog({.time = std::chrono::system_clock::now(),
                      .request_id = req.request_id,
                      .method = req.method,
                      .route = req.route,
                      .status = res.status,
                      .duration_ms = seconds * 1000,
                      .bytes = bytes,
                      .remote_address = IsPublicHelpPath(req.path) ? "" : req.remote_address});
      if (wec || !keep_alive) break;
    }
    if (refusal) co_await ReplyError(*conn, *refusal, lang, method);
  } catch (const std::exception& e) {
    spdlog::error("connection failed: {}", e.what());
  }
  boost::system::error_code ignored;
  conn->socket.shutdown(tcp::socket::shutdown_both, ignored);
  conn->socket.close(ignored);
  server.metrics_.ConnectionClosed();
  std::lock_guard lock(mu);
  Release(*conn);
  connections.erase(conn.get());
}

void Server::Impl::BeginShutdown() {
  if (stopping.exchange(true)) return;
  spdlog::info("http server shutting down");
  boost::system::error_code ignored;
  if (acceptor) acceptor->close(ignored);
  if (signals) signals->cancel(ignored);
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mu);
    for (auto& [ptr, weak] : connections) {
      if (auto conn = weak.lock()) open.push_back(std::move(conn));
    }
  }
  // Idle keep-alive connections close now; busy ones finish their request, answer it with
  // Connection: close and end. Each check runs on the connection's own strand.
  for (auto& conn : open) {
    asio::post(conn->socket.get_executor(), [conn] {
      if (conn->state == Connection::State::kIdle) {
        boost::system::error_code ec;
        conn->socket.cancel(ec);
      }
      // An event stream ends at once: wake it so it sees the server stopping.
      if (conn->state == Connection::State::kStreaming && conn->stream_timer) {
        conn->stream_timer->cancel();
      }
    });
  }
  WaitForConnections(Clock::now() + Seconds(server.options_.shutdown_grace_seconds));
}

void Server::Impl::WaitForConnections(Clock::time_point deadline) {
  bool done;
  {
    std::lock_guard lock(mu);
    done = connections.empty();
  }
  if (done || Clock::now() >= deadline) {
    if (!done) spdlog::warn("http shutdown: grace period over with connections still open");
    ioc.stop();
    return;
  }
  shutdown_timer.emplace(ioc, std::chrono::milliseconds(20));
  shutdown_timer->async_wait([this, deadline](const boost::system::error_code& ec) {
    if (!ec) WaitForConnections(deadline);
  });
}

Server::Server(ServerOptions options, const Router& router)
    : options_(std::move(options)), router_(router), impl_(std::make_unique<Impl>(*this)) {}

Server::~Server() {
  if (impl_) {
    impl_->pool.stop();
    impl_->pool.join();
  }
}

void Server::SetGate(Gate gate) { gate_ = std::move(gate); }

Result<int> Server::Start() {
  const std::string& listen = options_.listen;
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos) {
    return Fail(ErrorCode::kUnavailable, "error.unavailable", "listen needs host:port");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host == "localhost") host = "127.0.0.1";
  int port = -1;
  try {
    size_t used = 0;
    port = std::stoi(listen.substr(colon + 1), &used);
    if (used != listen.size() - colon - 1) port = -1;
  } catch (const std::exception&) {
  }
  boost::system::error_code ec;
  auto address = asio::ip::make_address(host, ec);
  if (ec || port < 0 || port > 65535) {
    return Fail(ErrorCode::kUnavailable, "error.unavailable", "bad listen address: " + listen);
  }
  tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
  auto& acceptor = impl_->acceptor.emplace(impl_->ioc);
  if (acceptor.open(endpoint.protocol(), ec) ||
      acceptor.set_option(tcp::acceptor::reuse_address(true), ec) || acceptor.bind(endpoint, ec) ||
      acceptor.listen(asio::socket_base::max_listen_connections, ec)) {
    impl_->acceptor.reset();
    return Fail(ErrorCode::kUnavailable, "error.unavailable",
                "cannot listen on " + listen + ": " + ec.message());
  }
  int bound = acceptor.local_endpoint().port();
  impl_->dispatcher.emplace(router_, gate_);
  if (options_.handle_signals) {
    impl_->signals.emplace(impl_->ioc, SIGINT, SIGTERM);
    impl_->signals->async_wait([this](const boost::system::error_code& e, int) {
      if (!e) Stop();
    });
  }
  asio::co_spawn(impl_->ioc, impl_->Listen(), asio::detached);
  spdlog::info("http server listening on {}:{}", host, bound);
  return bound;
}

void Server::Run() {
  if (!impl_->acceptor) return;
  std::vector<std::thread> threads;
  for (int i = 1; i < options_.io_threads; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
  impl_->pool.stop();
  impl_->pool.join();
  spdlog::info("http server stopped");
}

void Server::Stop() {
  asio::post(impl_->ioc, [this] { impl_->BeginShutdown(); });
}

}  // namespace dandelion::http

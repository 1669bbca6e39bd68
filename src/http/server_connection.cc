// One client connection's life (server_impl.h): reading each request within its limits and
// deadlines, answering it through the dispatcher, streaming events, and refusing what the
// transport cannot accept.
#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <mutex>
#include <utility>

#include "http/event_stream.h"
#include "http/server_impl.h"
#include "http/wire.h"

namespace dandelion::http {
namespace {

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

RawRequest ToRawRequest(const bhttp::request<bhttp::string_body>& message, std::string body) {
  RawRequest raw{
      std::string(message.method_string()), std::string(message.target()), {}, std::move(body)};
  for (const auto& field : message) {
    raw.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  return raw;
}

// The Beast message for a Response; a HEAD reply carries the GET's length without the body.
bhttp::response<bhttp::string_body> ToBeast(Response& res, unsigned version, bool keep_alive,
                                            bool head) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  // insert, not set: a sign-in sends two Set-Cookie headers (session and device).
  for (const auto& [name, value] : res.headers) out.insert(name, value);
  if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
  if (head) {
    out.content_length(res.body.size());
  } else {
    out.body() = std::move(res.body);
    out.prepare_payload();
  }
  out.keep_alive(keep_alive);
  return out;
}

// Runs on the worker pool; both references outlive it (the session awaits the result).
asio::awaitable<Response> HandleOnWorker(const Dispatcher& dispatcher, Request& request) {
  co_return dispatcher.Handle(request);
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

// (No co_await expression here holds a class-type temporary, on purpose: g++ 12 mishandles
// them. Messages and requests are named variables passed by reference.)
asio::awaitable<void> Server::Impl::Session(std::shared_ptr<Connection> conn) {
  server.metrics_.ConnectionOpened();
  std::string remote;
  {
    boost::system::error_code ec;
    auto endpoint = conn->socket.remote_endpoint(ec);
    if (!ec) remote = endpoint.address().to_string();
  }
  beast::flat_buffer buffer;
  try {
    for (bool first = true;; first = false) {
      if (!first && buffer.size() == 0) {
        bool next = co_await NextRequestBegins(*conn, buffer);
        if (!next) break;
      }
      conn->state = Connection::State::kReading;
      RequestParser parser;
      bool read = co_await ReadRequest(*conn, buffer, parser, remote);
      if (!read) break;
      auto message = parser.release();
      bool keep_alive = co_await Answer(conn, message, remote);
      if (!keep_alive) break;
    }
    if (conn->refusal) co_await ReplyError(*conn);
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

// Between requests: read the next one's first bytes into buffer, or close quietly when idle too
// long or shutting down. (Reading rather than waiting for readability: a wait cost the reactor
// one more system call per request, docs/performance.md.)
asio::awaitable<bool> Server::Impl::NextRequestBegins(Connection& conn,
                                                      beast::flat_buffer& buffer) {
  conn.state = Connection::State::kIdle;
  if (stopping) co_return false;
  conn.Arm(server.options_.keepalive_timeout_seconds);
  constexpr size_t kFirstRead = 4096;
  auto [ec, n] = co_await conn.socket.async_read_some(buffer.prepare(kFirstRead), kTuple);
  conn.Disarm();
  buffer.commit(n);
  co_return !ec && n > 0 && !stopping;
}

asio::awaitable<bool> Server::Impl::ReadRequest(Connection& conn, beast::flat_buffer& buffer,
                                                RequestParser& parser, const std::string& remote) {
  const ServerOptions& opt = server.options_;
  parser.header_limit(static_cast<std::uint32_t>(opt.header_limit_bytes));
  // Beast checks a declared length against this while parsing the header; the route's own
  // limit is applied below, once the target is known.
  parser.body_limit(max_body_limit);
  conn.Arm(opt.header_timeout_seconds);
  auto [hec, hn] = co_await bhttp::async_read_header(conn.socket, buffer, parser, kTuple);
  conn.Disarm();
  if (hec) {
    if (conn.timed_out) {
      conn.refusal = Error{ErrorCode::kTimeout, "error.timeout", {}, "header timeout"};
    } else if (hec != bhttp::error::end_of_stream && hec != asio::error::eof &&
               hec != asio::error::connection_reset && hec != asio::error::operation_aborted) {
      conn.refusal = ParseError(hec);
    }
    co_return false;
  }
  auto& header = parser.get();
  conn.method = std::string(header.method_string());
  conn.lang = LangFromAcceptLanguage(header[bhttp::field::accept_language]);
  // Refused from the declared length, before a byte of the body is read. Most routes take
  // the server's limit; a few (file uploads) declare a larger one.
  const size_t body_limit = server.router_.BodyLimit(
      conn.method, std::string_view(header.target().data(), header.target().size()),
      opt.body_limit_bytes);
  parser.body_limit(body_limit);
  const auto length = parser.content_length();
  if (length && *length > body_limit) {
    conn.refusal = Error{ErrorCode::kTooLarge, "error.too_large", {}, "content-length"};
    co_return false;
  }
  // A body beyond the anonymous limit (or of unknown length) is read only for a caller the
  // gate accepts from the headers: an upload route's large limit is not anyone's to use.
  if (!parser.is_done() && opt.anonymous_body_limit_bytes > 0 &&
      (!length || *length > opt.anonymous_body_limit_bytes)) {
    if (auto refused = CheckBeforeBody(parser, remote)) {
      conn.refusal = std::move(*refused);
      co_return false;
    }
  }
  if (parser.is_done()) co_return true;
  if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
    bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, header.version()};
    conn.Arm(opt.write_timeout_seconds);
    co_await bhttp::async_write(conn.socket, cont, kTuple);
    conn.Disarm();
  }
  conn.Arm(opt.body_timeout_seconds);
  auto [bec, bn] = co_await bhttp::async_read(conn.socket, buffer, parser, kTuple);
  conn.Disarm();
  if (!bec) co_return true;
  // body_limit here is a chunked body that outgrew the limit while arriving.
  if (conn.timed_out) {
    conn.refusal = Error{ErrorCode::kTimeout, "error.timeout", {}, "body timeout"};
  } else if (bec != asio::error::eof && bec != asio::error::connection_reset) {
    conn.refusal = ParseError(bec);
  }
  co_return false;
}

std::optional<Error> Server::Impl::CheckBeforeBody(const RequestParser& parser,
                                                   const std::string& remote) {
  auto req = BuildRequest(ToRawRequest(parser.get(), ""));
  if (!req) return req.error();
  Match match = server.router_.Find(req->method, req->path);
  // Public routes keep the server's ordinary limit; a path without a route is answered from
  // the dispatcher as usual (its limit is the ordinary one too).
  if (!match.route || match.route->permission == kPublic) return std::nullopt;
  if (!server.gate_) return Error{ErrorCode::kUnauthenticated, "error.unauthenticated"};
  req->path_params = std::move(match.params);
  Identify(*req, remote);
  return server.gate_(*req, *match.route);
}

asio::awaitable<bool> Server::Impl::Answer(const std::shared_ptr<Connection>& conn,
                                           bhttp::request<bhttp::string_body>& message,
                                           const std::string& remote) {
  conn->state = Connection::State::kBusy;
  const auto start = SteadyClock::now();
  server.metrics_.RequestStarted();
  bool keep_alive = message.keep_alive();
  const unsigned version = message.version();
  Request req;
  Response res;
  co_await Handle(*conn, message, remote, req, res);
  ApplyStandardHeaders(res, req.path, req.request_id);
  if (stopping) keep_alive = false;

  size_t bytes = 0;
  if (res.stream && res.status == 200 && req.method == "GET") {
    co_await Stream(conn, res, version);
    keep_alive = false;  // the stream's end is the body's end
  } else {
    if (res.stream) res.stream->Finish();  // HEAD, or not a success: no stream
    bytes = res.body.size();
    auto out = ToBeast(res, version, keep_alive, req.method == "HEAD");
    conn->Arm(server.options_.write_timeout_seconds);
    auto [wec, wn] = co_await bhttp::async_write(conn->socket, out, kTuple);
    conn->Disarm();
    if (wec) keep_alive = false;
  }
  server.metrics_.RequestFinished();
  Log({.request_id = req.request_id,
       .method = req.method,
       .route = req.route,
       .status = res.status,
       .bytes = bytes,
       .remote_address = req.hide_caller_address ? "" : req.remote_address},
      start);
  co_return keep_alive;
}

// The dispatcher's Response to the message: inline for quick handlers, on the worker pool for
// the rest, and held until what it owes (a read's audit entry) is durable.
asio::awaitable<void> Server::Impl::Handle(Connection& conn,
                                           bhttp::request<bhttp::string_body>& message,
                                           const std::string& remote, Request& req, Response& res) {
  auto built = BuildRequest(ToRawRequest(message, std::move(message.body())));
  if (!built) {
    req.method = conn.method;
    req.lang = conn.lang;
    req.request_id = NewRequestId();
    req.route = "unmatched";
    res = ErrorResponse(built.error(), conn.lang, req.request_id);
    co_return;
  }
  req = std::move(*built);
  Identify(req, remote);
  if (server.options_.trusted_proxies.Ignored(remote, req.Header("x-real-ip"))) {
    WarnUntrustedProxyOnce();
  }
  if (server.options_.worker_threads == 0 || !dispatcher->ShouldOffload(req)) {
    // Most handlers are quick (an indexed SQLite read is microseconds): run them here and
    // save two thread hand-offs per request (see Route::offload).
    res = dispatcher->Handle(req);
  } else {
    // The handler may block on the database: run it on the worker pool and come back.
    asio::awaitable<Response> work = HandleOnWorker(*dispatcher, req);
    res = co_await asio::co_spawn(pool, std::move(work), asio::use_awaitable);
  }
  if (!res.await_commit) co_return;
  // Hold the reply until what it owes is durable; the signal is posted to this connection's
  // context, so it cannot fire before the wait begins.
  bool committed = false;
  asio::steady_timer signal(conn.socket.get_executor(), asio::steady_timer::time_point::max());
  auto wait = std::exchange(res.await_commit, nullptr);
  wait([&signal, &committed, ex = conn.socket.get_executor()](bool ok) {
    asio::post(ex, [&signal, &committed, ok] {
      committed = ok;
      signal.cancel();
    });
  });
  co_await signal.async_wait(kTuple);
  if (!committed) {
    res = ErrorResponse({ErrorCode::kInternal, "error.internal"}, conn.lang, req.request_id);
  }
}

void Server::Impl::Identify(Request& req, const std::string& remote) const {
  req.remote_address = server.options_.trusted_proxies.Resolve(remote, req.Header("x-real-ip"));
  req.request_id = NewRequestId();
}

void Server::Impl::Log(AccessRecord record, SteadyClock::time_point start) {
  double seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
  server.metrics_.Record(record.route, record.method, record.status, seconds);
  record.time = std::chrono::system_clock::now();
  record.duration_ms = seconds * 1000;
  WriteAccessLog(record);
}

asio::awaitable<void> Server::Impl::ReplyError(Connection& conn) {
  auto start = SteadyClock::now();
  std::string request_id = NewRequestId();
  Response res = ErrorResponse(*conn.refusal, conn.lang, request_id);
  ApplyStandardHeaders(res, "", request_id);
  const size_t bytes = res.body.size();
  auto out = ToBeast(res, 11, false, false);
  conn.Arm(server.options_.write_timeout_seconds);
  co_await bhttp::async_write(conn.socket, out, kTuple);
  conn.Disarm();
  Log({.request_id = request_id,
       .method = conn.method,
       .route = "unmatched",
       .status = res.status,
       .bytes = bytes},
      start);
  spdlog::info("request refused request_id={} status={} reason={}", request_id, res.status,
               conn.refusal->detail);
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
    // Runs on the producer's thread: only schedule the wake-up on the connection's context.
    asio::post(executor, [weak_timer] {
      if (auto timer = weak_timer.lock()) timer->cancel();
    });
  });
  asio::co_spawn(executor, WatchForHangup(conn), asio::detached);
  const auto heartbeat = Seconds(stream->heartbeat_seconds());
  // The first frame tells the browser how soon to reconnect and shows the stream is open.
  std::string out = "retry: 3000\n\n";
  auto last_write = SteadyClock::now();
  while (!stopping && !conn->client_gone) {
    EventStream::Batch batch = stream->Take();
    out += batch.text;
    if (out.empty() && SteadyClock::now() - last_write >= heartbeat) out = ": heartbeat\n\n";
    if (!out.empty()) {
      conn->Arm(server.options_.write_timeout_seconds);
      auto [wec, wn] = co_await asio::async_write(conn->socket, asio::buffer(out), kTuple);
      conn->Disarm();
      if (wec) break;
      out.clear();
      last_write = SteadyClock::now();
    }
    if (batch.closed) break;
    if (!batch.text.empty()) continue;  // more may have come while writing
    conn->stream_timer->expires_at(last_write + heartbeat);
    co_await conn->stream_timer->async_wait(kTuple);
  }
  stream->Finish();
  conn->stream_timer.reset();
}

}  // namespace dandelion::http

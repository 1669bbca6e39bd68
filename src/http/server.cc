// The listener side of http::Server (server_impl.h): accepting connections within the caps,
// starting, and shutting down gracefully. What happens on a connection is server_connection.cc.
#include "http/server.h"

#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <thread>
#include <vector>

#include "http/server_impl.h"

namespace dandelion::http {
namespace {
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

// "host:port" or "[v6]:port" ("localhost" is 127.0.0.1); 503 with the reason in detail.
Result<tcp::endpoint> ParseListen(const std::string& listen) {
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
  return tcp::endpoint(address, static_cast<unsigned short>(port));
}

// One io_context per IO thread, each told it is run by one thread (the concurrency hint).
std::vector<std::unique_ptr<asio::io_context>> MakeContexts(int threads) {
  std::vector<std::unique_ptr<asio::io_context>> out;
  for (int i = 0; i < std::max(1, threads); ++i) {
    out.push_back(std::make_unique<asio::io_context>(1));
  }
  return out;
}

}  // namespace

Server::Impl::Impl(Server& s)
    : server(s),
      contexts(MakeContexts(s.options_.io_threads)),
      ioc(*contexts[0]),
      pool(std::max(1, s.options_.worker_threads)) {
  // A context with nothing to do would return from run() at once; each keeps running until
  // shutdown stops it.
  for (auto& context : contexts) keep_running.push_back(asio::make_work_guard(*context));
}

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

asio::awaitable<void> Server::Impl::Listen() {
  while (!stopping) {
    asio::io_context& context = *contexts[next_context++ % contexts.size()];
    auto [ec, socket] = co_await acceptor->async_accept(context, kTuple);
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
  // Connection: close and end. Each check runs on the connection's own context.
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
  WaitForConnections(SteadyClock::now() + Seconds(server.options_.shutdown_grace_seconds));
}

void Server::Impl::WaitForConnections(SteadyClock::time_point deadline) {
  bool done;
  {
    std::lock_guard lock(mu);
    done = connections.empty();
  }
  if (done || SteadyClock::now() >= deadline) {
    if (!done) spdlog::warn("http shutdown: grace period over with connections still open");
    keep_running.clear();
    for (auto& context : contexts) context->stop();
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
  tcp::endpoint endpoint = TRY(ParseListen(listen));
  boost::system::error_code ec;
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
  impl_->max_body_limit = router_.MaxBodyLimit(options_.body_limit_bytes);
  if (options_.handle_signals) {
    impl_->signals.emplace(impl_->ioc, SIGINT, SIGTERM);
    impl_->signals->async_wait([this](const boost::system::error_code& e, int) {
      if (!e) Stop();
    });
  }
  asio::co_spawn(impl_->ioc, impl_->Listen(), asio::detached);
  spdlog::info("http server listening on {}:{}", endpoint.address().to_string(), bound);
  return bound;
}

void Server::Run() {
  if (!impl_->acceptor) return;
  std::vector<std::thread> threads;
  for (size_t i = 1; i < impl_->contexts.size(); ++i) {
    threads.emplace_back([this, i] { impl_->contexts[i]->run(); });
  }
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

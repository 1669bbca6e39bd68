// Talks to a real Server over loopback sockets: keep-alive, limits, timeouts, malformed
// requests and graceful shutdown.
#include "http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "http/event_stream.h"
#include "http/platform_routes.h"

namespace dandelion::http {
namespace {

using std::chrono::milliseconds;

// A blocking client socket with a receive timeout, closed on destruction.
class Client {
 public:
  explicit Client(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  }
  ~Client() { ::close(fd_); }

  void Send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      data.remove_prefix(static_cast<size_t>(n));
    }
  }

  // Only a response's head (for HEAD requests, whose Content-Length has no body after it).
  std::string ReadHead(int timeout_ms = 5000) {
    while (buffer_.find("\r\n\r\n") == std::string::npos) {
      if (!ReadSome(timeout_ms)) return {};
    }
    size_t end = buffer_.find("\r\n\r\n") + 4;
    std::string out = buffer_.substr(0, end);
    buffer_.erase(0, end);
    return out;
  }

  // One response (headers and a Content-Length body), or "" on timeout or close.
  std::string ReadResponse(int timeout_ms = 5000) {
    while (true) {
      size_t end = buffer_.find("\r\n\r\n");
      if (end != std::string::npos) {
        size_t length = 0;
        std::string head = buffer_.substr(0, end);
        std::string lower = head;
        for (char& c : lower) c = static_cast<char>(std::tolower(c));
        if (size_t p = lower.find("content-length: "); p != std::string::npos) {
          length = std::stoul(head.substr(p + 16));
        }
        if (buffer_.size() >= end + 4 + length) {
          std::string out = buffer_.substr(0, end + 4 + length);
          buffer_.erase(0, end + 4 + length);
          return out;
        }
      }
      if (!ReadSome(timeout_ms)) return {};
    }
  }

  // Whatever was buffered and whatever arrives within the timeout.
  std::string ReadAny(int timeout_ms = 100) {
    ReadSome(timeout_ms);
    std::string out;
    out.swap(buffer_);
    return out;
  }

  // True when the server closed the connection within the timeout.
  bool Closed(int timeout_ms = 3000) {
    while (ReadSome(timeout_ms)) {
    }
    return closed_;
  }

 private:
  bool ReadSome(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    char buf[4096];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
      closed_ = true;
      return false;
    }
    buffer_.append(buf, static_cast<size_t>(n));
    return true;
  }

  int fd_;
  std::string buffer_;
  bool closed_ = false;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add({.method = "POST",
                 .path_template = "/api/v1/echo",
                 .permission = std::string(kPublic),
                 .handler = [](Request& r) {
                   return Response::Json(200, {{"bytes", r.body.size()}});
                 }});
    router_.Add({.method = "POST",
                 .path_template = "/api/v1/upload",
                 .permission = std::string(kPublic),
                 .handler =
                     [](Request& r) {
                       return Response::Json(200, {{"bytes", r.body.size()}});
                     },
                 .body_limit_bytes = 4096});
    router_.Add({.method = "GET",
                 .path_template = "/api/v1/slow",
                 .permission = std::string(kPublic),
                 .handler = [](Request&) {
                   std::this_thread::sleep_for(milliseconds(400));
                   return Response::Json(200, {{"done", true}});
                 }});
    router_.Add({.method = "GET",
                 .path_template = "/api/v1/events",
                 .permission = std::string(kPublic),
                 .handler =
                     [this](Request&) {
                       Response r;
                       r.stream = std::make_shared<EventStream>(0.2);
                       std::lock_guard lock(streams_mu_);
                       streams_.push_back(r.stream);
                       return r;
                     },
                 .streaming = true});
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.body_limit_bytes = 1024;
    options.header_limit_bytes = 2048;
    options.header_timeout_seconds = 0.5;
    options.body_timeout_seconds = 0.5;
    options.keepalive_timeout_seconds = 5;
    options.shutdown_grace_seconds = 3;
    options.handle_signals = false;
    options.anonymous_body_limit_bytes = 100;
    router_.Add({.method = "POST",
                 .path_template = "/api/v1/private-upload",
                 .permission = "files.write",
                 .handler =
                     [](Request& r) {
                       return Response::Json(200, {{"bytes", r.body.size()}});
                     },
                 .body_limit_bytes = 4096});
    Configure(options);
    server_ = std::make_unique<Server>(options, router_);
    AddPlatformRoutes(router_, server_->metrics(),
                      {.web_root = options.web_root, .metrics_token = kMetricsToken});
    auto port = server_->Start();
    ASSERT_TRUE(port) << port.error().detail;
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
  }
  virtual void Configure(ServerOptions&) {}
  static constexpr const char* kMetricsToken = "metrics-token-of-at-least-32-chars";

  void TearDown() override {
    server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  // The stream the n-th events request got, once the handler has run.
  std::shared_ptr<EventStream> Stream(size_t n = 0) {
    for (int i = 0; i < 200; ++i) {
      {
        std::lock_guard lock(streams_mu_);
        if (streams_.size() > n) return streams_[n];
      }
      std::this_thread::sleep_for(milliseconds(10));
    }
    return nullptr;
  }

  static bool Eventually(const std::function<bool()>& done) {
    for (int i = 0; i < 300; ++i) {
      if (done()) return true;
      std::this_thread::sleep_for(milliseconds(10));
    }
    return false;
  }

  Router router_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex streams_mu_;
  std::vector<std::shared_ptr<EventStream>> streams_;  // GUARDED_BY(streams_mu_)
};

// Reads from c until text has arrived (the socket gives no message boundaries).
bool Receive(Client& c, std::string& seen, std::string_view text) {
  for (int i = 0; i < 50 && seen.find(text) == std::string::npos; ++i) {
    seen += c.ReadAny();
  }
  return seen.find(text) != std::string::npos;
}

TEST_F(ServerTest, EventStreamsSendFramesAndHeartbeatsUntilClosed) {
  Client c(port_);
  c.Send("GET /api/v1/events HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string seen;
  ASSERT_TRUE(Receive(c, seen, "\r\n\r\n")) << seen;
  EXPECT_TRUE(seen.starts_with("HTTP/1.1 200")) << seen;
  EXPECT_NE(seen.find("Content-Type: text/event-stream"), std::string::npos) << seen;
  EXPECT_EQ(seen.find("Content-Length"), std::string::npos) << seen;
  EXPECT_TRUE(Receive(c, seen, "retry: 3000\n\n")) << seen;
  auto stream = Stream();
  ASSERT_TRUE(stream);
  stream->Push("request", "{\"id\":\"a\"}");
  EXPECT_TRUE(Receive(c, seen, "event: request\ndata: {\"id\":\"a\"}\n\n")) << seen;
  EXPECT_TRUE(Receive(c, seen, ": heartbeat\n\n")) << seen;  // after 0.2 s of quiet
  stream->Close();
  EXPECT_TRUE(c.Closed());
  EXPECT_TRUE(Eventually([&] { return stream->finished(); }));
}

TEST_F(ServerTest, AClientHangingUpFinishesItsStream) {
  std::shared_ptr<EventStream> stream;
  {
    Client c(port_);
    c.Send("GET /api/v1/events HTTP/1.1\r\nHost: t\r\n\r\n");
    stream = Stream();
    ASSERT_TRUE(stream);
  }
  EXPECT_TRUE(Eventually([&] { return stream->finished(); }));
}

TEST_F(ServerTest, ShutdownEndsEventStreamsAtOnce) {
  Client c(port_);
  c.Send("GET /api/v1/events HTTP/1.1\r\nHost: t\r\n\r\n");
  auto stream = Stream();
  ASSERT_TRUE(stream);
  auto start = std::chrono::steady_clock::now();
  server_->Stop();
  thread_.join();
  // Well within the 3 s grace period that a request in progress would get.
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(1500));
  EXPECT_TRUE(stream->finished());
  EXPECT_TRUE(c.Closed());
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  Client c(port_);
  c.Send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string first = c.ReadResponse();
  EXPECT_TRUE(first.starts_with("HTTP/1.1 200")) << first;
  EXPECT_NE(first.find("{\"status\":\"ok\"}"), std::string::npos);
  EXPECT_NE(first.find("X-Request-Id: "), std::string::npos);
  EXPECT_NE(first.find("X-Frame-Options: DENY"), std::string::npos);
  c.Send("POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello");
  std::string second = c.ReadResponse();
  EXPECT_TRUE(second.starts_with("HTTP/1.1 200")) << second;
  EXPECT_NE(second.find("{\"bytes\":5}"), std::string::npos);
  EXPECT_NE(second.find("Cache-Control: no-store"), std::string::npos);
  std::string metrics;
  c.Send(std::string("GET /metrics HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer ") + kMetricsToken +
         "\r\n\r\n");
  metrics = c.ReadResponse();
  EXPECT_NE(metrics.find("route=\"/api/v1/echo\",method=\"POST\",status=\"200\"} 1"),
            std::string::npos)
      << metrics;
}

TEST_F(ServerTest, AnAnonymousLargeBodyIsRefusedFromTheHeadersBeforeItIsRead) {
  Client c(port_);
  // Within the route's limit (4096) but over the anonymous one (100), and no session: the gate
  // refuses from the headers, so the answer comes while the body has not been sent at all.
  c.Send("POST /api/v1/private-upload HTTP/1.1\r\nHost: t\r\nContent-Length: 3000\r\n\r\n");
  std::string r = c.ReadResponse();
  EXPECT_TRUE(r.starts_with("HTTP/1.1 401")) << r;
  // A small body goes through to the gate as usual (and is refused there, after reading).
  Client small(port_);
  small.Send("POST /api/v1/private-upload HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_TRUE(small.ReadResponse().starts_with("HTTP/1.1 401"));
  // A public route's larger body is read as before.
  Client pub(port_);
  pub.Send("POST /api/v1/upload HTTP/1.1\r\nHost: t\r\nContent-Length: 3000\r\n\r\n" +
           std::string(3000, 'x'));
  std::string ok = pub.ReadResponse();
  EXPECT_TRUE(ok.starts_with("HTTP/1.1 200")) << ok;
}

class CappedServerTest : public ServerTest {
 protected:
  void Configure(ServerOptions& options) override {
    options.max_connections = 3;
    options.max_connections_per_address = 2;
  }
};

TEST_F(CappedServerTest, ConnectionsOverTheCapsAreAnsweredAndClosedAtOnce) {
  auto a = std::make_unique<Client>(port_);
  Client b(port_);
  a->Send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_TRUE(a->ReadResponse().starts_with("HTTP/1.1 200"));
  b.Send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_TRUE(b.ReadResponse().starts_with("HTTP/1.1 200"));
  Client third(port_);  // a third from the same address, while two are open
  std::string refused = third.ReadResponse();
  EXPECT_TRUE(refused.starts_with("HTTP/1.1 429")) << refused;
  EXPECT_NE(refused.find("연결이 너무 많습니다"), std::string::npos) << refused;
  EXPECT_TRUE(third.Closed());
  a.reset();  // closes its connection: room for another
  EXPECT_TRUE(Eventually([&] {
    Client again(port_);
    again.Send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    return again.ReadResponse().starts_with("HTTP/1.1 200");
  }));
}

TEST_F(ServerTest, DeclaredBodyOverTheLimitIsRefusedBeforeItIsRead) {
  Client c(port_);
  c.Send("POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n");
  std::string r = c.ReadResponse();
  EXPECT_TRUE(r.starts_with("HTTP/1.1 413")) << r;
  EXPECT_NE(r.find("\"code\":\"too_large\""), std::string::npos);
  EXPECT_TRUE(c.Closed());
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIsRefusedWhileArriving) {
  Client c(port_);
  c.Send("POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
  std::string chunk(800, 'x');
  c.Send("320\r\n" + chunk + "\r\n");
  c.Send("320\r\n" + chunk + "\r\n");
  std::string r = c.ReadResponse();
  EXPECT_TRUE(r.starts_with("HTTP/1.1 413")) << r;
}

TEST_F(ServerTest, ARouteWithItsOwnBodyLimitTakesMoreAndOnlyIt) {
  Client c(port_);
  std::string body(3000, 'x');
  c.Send("POST /api/v1/upload?name=a HTTP/1.1\r\nHost: t\r\nContent-Length: 3000\r\n\r\n" + body);
  std::string r = c.ReadResponse();
  EXPECT_TRUE(r.starts_with("HTTP/1.1 200")) << r;
  EXPECT_NE(r.find("\"bytes\":3000"), std::string::npos) << r;
  Client over(port_);
  over.Send("POST /api/v1/upload HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n");
  EXPECT_TRUE(over.ReadResponse().starts_with("HTTP/1.1 413"));
  // The other routes keep the server's limit although the parser now allows more.
  Client echo(port_);
  echo.Send("POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3000\r\n\r\n" + body);
  EXPECT_TRUE(echo.ReadResponse().starts_with("HTTP/1.1 413"));
}

TEST_F(ServerTest, SlowHeadersGet408AndTheConnectionCloses) {
  Client c(port_);
  auto start = std::chrono::steady_clock::now();
  c.Send("GET /healthz HTTP/1.1\r\nHost: t\r\n");  // never finished
  std::string r = c.ReadResponse(3000);
  EXPECT_TRUE(r.starts_with("HTTP/1.1 408")) << r;
  EXPECT_NE(r.find("\"code\":\"timeout\""), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(2500));
  EXPECT_TRUE(c.Closed());
}

TEST_F(ServerTest, MalformedRequestGets400JsonThenClose) {
  Client c(port_);
  c.Send("THIS IS NOT HTTP\r\n\r\n");
  std::string r = c.ReadResponse();
  EXPECT_TRUE(r.starts_with("HTTP/1.1 400")) << r;
  EXPECT_NE(r.find("\"code\":\"invalid\""), std::string::npos);
  EXPECT_NE(r.find("Content-Security-Policy"), std::string::npos);
  EXPECT_TRUE(c.Closed());
}

TEST_F(ServerTest, OversizedHeadersAreRefused) {
  Client c(port_);
  c.Send("GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(4000, 'a') + "\r\n\r\n");
  std::string r = c.ReadResponse();
  EXPECT_TRUE(r.starts_with("HTTP/1.1 400")) << r;
  EXPECT_NE(r.find("요청 헤더가 너무 큽니다."), std::string::npos) << r;
}

TEST_F(ServerTest, BadTargetsAndUnknownApiPathsAnswerJson) {
  Client c(port_);
  c.Send("GET /api/v1/%2e%2e/secret HTTP/1.1\r\nHost: t\r\nAccept-Language: en\r\n\r\n");
  std::string bad = c.ReadResponse();
  EXPECT_TRUE(bad.starts_with("HTTP/1.1 400")) << bad;
  EXPECT_NE(bad.find("The request address is not valid."), std::string::npos) << bad;
  c.Send("GET /api/v1/nothing HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string missing = c.ReadResponse();
  EXPECT_TRUE(missing.starts_with("HTTP/1.1 404")) << missing;
  EXPECT_NE(missing.find("\"not_found\""), std::string::npos);
}

TEST_F(ServerTest, HeadAnswersHeadersWithoutBody) {
  Client c(port_);
  c.Send("HEAD /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string r = c.ReadHead();
  EXPECT_TRUE(r.starts_with("HTTP/1.1 200")) << r;
  EXPECT_NE(r.find("Content-Length: 15"), std::string::npos);
  // Had a body followed, the next response would not start where it should.
  c.Send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string next = c.ReadResponse();
  EXPECT_TRUE(next.starts_with("HTTP/1.1 200")) << next;
}

TEST_F(ServerTest, GracefulStopFinishesInFlightRequestsAndClosesIdleOnes) {
  Client idle(port_);
  idle.Send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_TRUE(idle.ReadResponse().starts_with("HTTP/1.1 200"));

  Client busy(port_);
  busy.Send("GET /api/v1/slow HTTP/1.1\r\nHost: t\r\n\r\n");
  std::this_thread::sleep_for(milliseconds(100));
  auto start = std::chrono::steady_clock::now();
  server_->Stop();
  std::string r = busy.ReadResponse();
  EXPECT_TRUE(r.starts_with("HTTP/1.1 200")) << r;
  EXPECT_NE(r.find("Connection: close"), std::string::npos) << r;
  EXPECT_TRUE(idle.Closed());
  thread_.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(2000));
  // No longer accepting.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port_));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_NE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ::close(fd);
}

TEST(ServerStartTest, RefusesABadListenAddress) {
  Router router;
  Server server({.listen = "nonsense"}, router);
  auto r = server.Start();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace dandelion::http

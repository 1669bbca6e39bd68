#include "http/dispatch.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/wire.h"

namespace dandelion::http {
namespace {

class DispatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add({.method = "GET",
                 .path_template = "/api/v1/public/{id}",
                 .permission = std::string(kPublic),
                 .handler = [](Request& r) {
                   return Response::Json(200, {{"id", r.path_params.at("id")}});
                 }});
    router_.Add({.method = "GET",
                 .path_template = "/api/v1/private",
                 .permission = "case.read",
                 .handler = [](Request& r) {
                   return Response::Json(200, {{"user", r.principal.user_id}});
                 }});
    router_.Add({.method = "POST",
                 .path_template = "/api/v1/boom",
                 .permission = std::string(kPublic),
                 .handler = [](Request&) -> Response {
                   throw std::runtime_error("db password is hunter2");
                 }});
  }
  Response Call(const Dispatcher& d, std::string method, std::string target,
                Lang lang = Lang::kKo) {
    auto req = BuildRequest({std::move(method), std::move(target), {}, ""});
    if (!req) {
      ADD_FAILURE() << req.error().message_key << " " << req.error().detail;
      return {};
    }
    req->lang = lang;
    last_ = *req;
    Response r = d.Handle(last_);
    ApplyStandardHeaders(r, last_.path, last_.request_id);
    return r;
  }
  Router router_;
  Request last_;
};

TEST_F(DispatchTest, RunsTheMatchedHandlerWithDecodedParameters) {
  Dispatcher d(router_, nullptr);
  Response r = Call(d, "GET", "/api/v1/public/a%20b");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"id":"a b"})");
  EXPECT_EQ(last_.route, "/api/v1/public/{id}");
  EXPECT_EQ(last_.request_id.size(), 16u);
}

TEST_F(DispatchTest, DefaultGateRefusesNonPublicRoutes) {
  Dispatcher d(router_, nullptr);
  Response r = Call(d, "GET", "/api/v1/private");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("\"unauthenticated\""), std::string::npos);
}

TEST_F(DispatchTest, InstalledGateDecidesAndMayFillThePrincipal) {
  Dispatcher d(router_, [](Request& req, const Route& route) -> std::optional<Error> {
    if (route.permission == "case.read" && req.Header("x-user").empty()) {
      return Error{ErrorCode::kForbidden, "error.forbidden"};
    }
    req.principal.user_id = "u1";
    return std::nullopt;
  });
  EXPECT_EQ(Call(d, "GET", "/api/v1/private").status, 403);
  auto req = BuildRequest({"GET", "/api/v1/private", {{"X-User", "u1"}}, ""});
  Response ok = d.Handle(*req);
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, R"({"user":"u1"})");
}

// A read that refuses a session the gate took from memory (Route::session_confirmed_by_read) is
// run again after the gate checks the session in the database; its first answer is never sent.
TEST_F(DispatchTest, AReadRefusingARememberedSessionRunsAgainAfterAFullCheck) {
  std::vector<bool> gate_checked_in_database;
  int runs = 0;
  router_.Add({.method = "GET",
               .path_template = "/api/v1/confirming",
               .permission = "case.read",
               .handler = [&runs](Request& r) -> Reply {
                 ++runs;
                 if (!r.principal.unconfirmed_session.empty()) {
                   return Fail(ErrorCode::kUnauthenticated, "security.session_unconfirmed");
                 }
                 return Response::Json(200, {{"user", r.principal.user_id}});
               },
               .session_confirmed_by_read = true});
  Dispatcher d(router_, [&](Request& r, const Route&) -> std::optional<Error> {
    gate_checked_in_database.push_back(r.check_session_in_database);
    r.principal.user_id = r.check_session_in_database ? "checked" : "remembered";
    if (!r.check_session_in_database) r.principal.unconfirmed_session = "hash";
    return std::nullopt;
  });
  Response r = Call(d, "GET", "/api/v1/confirming");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"user":"checked"})");
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(gate_checked_in_database, (std::vector<bool>{false, true}));

  // A refusal of the full check is the answer.
  gate_checked_in_database.clear();
  Dispatcher refusing(router_, [&](Request& r, const Route&) -> std::optional<Error> {
    gate_checked_in_database.push_back(r.check_session_in_database);
    if (r.check_session_in_database) {
      return Error{ErrorCode::kUnauthenticated, "security.session_expired"};
    }
    r.principal.user_id = "remembered";
    r.principal.unconfirmed_session = "hash";
    return std::nullopt;
  });
  r = Call(refusing, "GET", "/api/v1/confirming");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("security.session_expired"), std::string::npos) << r.body;
  EXPECT_EQ(gate_checked_in_database, (std::vector<bool>{false, true}));
}

TEST_F(DispatchTest, AnswersNotFoundAndMethodNotAllowedWithAllow) {
  Dispatcher d(router_, nullptr);
  Response missing = Call(d, "GET", "/api/v1/nothing", Lang::kEn);
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("No such address."), std::string::npos);
  EXPECT_EQ(last_.route, "unmatched");
  Response wrong = Call(d, "DELETE", "/api/v1/public/x");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("Allow"), "GET");
}

TEST_F(DispatchTest, ExceptionBecomes500WithoutInternals) {
  Dispatcher d(router_, nullptr);
  Response r = Call(d, "POST", "/api/v1/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("hunter2"), std::string::npos);
  auto body = boost::json::parse(r.body);
  EXPECT_EQ(body.at("error").at("code").as_string(), "internal");
  EXPECT_EQ(body.at("error").at("request_id").as_string(), last_.request_id);
}

TEST_F(DispatchTest, EveryResponseCarriesSecurityHeaders) {
  Dispatcher d(router_, nullptr);
  Response r = Call(d, "GET", "/api/v1/public/1");
  EXPECT_EQ(r.Header("Content-Security-Policy"),
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.Header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(r.Header("Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_EQ(r.Header("X-Frame-Options"), "DENY");
  EXPECT_EQ(r.Header("Cache-Control"), "no-store");
  EXPECT_EQ(r.Header("X-Request-Id"), last_.request_id);
}

TEST_F(DispatchTest, ChangesRunOnTheWorkersAndOrdinaryReadsInline) {
  router_.Add({.method = "GET",
               .path_template = "/api/v1/heavy",
               .permission = std::string(kPublic),
               .handler = [](Request&) { return Response::Json(200, {}); },
               .offload = true});
  Dispatcher d(router_, nullptr);
  auto offloaded = [&](std::string method, std::string target) {
    auto req = BuildRequest({std::move(method), std::move(target), {}, ""});
    EXPECT_TRUE(req.has_value());
    return req && d.ShouldOffload(*req);
  };
  EXPECT_FALSE(offloaded("GET", "/api/v1/public/1"));
  EXPECT_FALSE(offloaded("HEAD", "/api/v1/public/1"));
  EXPECT_TRUE(offloaded("GET", "/api/v1/heavy"));
  // A change waits for the one writer: never on a connection's thread, whatever its route says.
  EXPECT_TRUE(offloaded("POST", "/api/v1/boom"));
  EXPECT_TRUE(offloaded("PATCH", "/api/v1/public/1"));
  EXPECT_TRUE(offloaded("DELETE", "/api/v1/private"));
  // No route: a static file, read from disk.
  EXPECT_TRUE(offloaded("GET", "/app/index.html"));
}

TEST(StandardHeadersTest, ApiResponsesAreNeverCachedEvenIfAHandlerAsks) {
  Response r;
  r.SetHeader("Cache-Control", "public, max-age=600");
  ApplyStandardHeaders(r, "/api/v1/people/1", "id");
  EXPECT_EQ(r.Header("Cache-Control"), "no-store");
  Response asset;
  asset.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
  ApplyStandardHeaders(asset, "/assets/a.js", "id");
  EXPECT_EQ(asset.Header("Cache-Control"), "public, max-age=31536000, immutable");
}

TEST(RequestIdTest, SixteenHexCharactersNeverRepeatedAcrossThreads) {
  std::mutex mu;
  std::set<std::string> seen;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      std::vector<std::string> mine;
      for (int i = 0; i < 5000; ++i) mine.push_back(NewRequestId());
      std::lock_guard lock(mu);
      seen.insert(mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(seen.size(), 20000u);  // each thread counts from 1 under a key of its own
  for (const auto& id : seen) {
    ASSERT_EQ(id.size(), 16u);
    ASSERT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
  }
}

}  // namespace
}  // namespace dandelion::http

#include "http/request.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "http/wire.h"

namespace dandelion::http {
namespace {

TEST(RequestTest, ReadsHeadersCookiesAndQuery) {
  Request r;
  r.headers = {{"cookie", "a=1; __Host-dandelion_session=tok; b=\"q\""},
               {"cookie", "__Host-dandelion_session=second"},
               {"x-csrf-token", "c"}};
  r.query = {{"name", "김"}};
  EXPECT_EQ(r.Header("x-csrf-token"), "c");
  EXPECT_EQ(r.Header("X-CSRF-Token"), "c");
  EXPECT_EQ(r.Header("absent"), "");
  EXPECT_EQ(r.Cookie("__Host-dandelion_session"), "tok");
  EXPECT_EQ(r.Cookie("b"), "q");
  EXPECT_EQ(r.Cookie("dandelion_session"), "");
  EXPECT_EQ(r.Query("name"), "김");
  EXPECT_EQ(r.Query("other"), "");
}

TEST(ErrorResponseTest, HasTheContractShapeInKorean) {
  Error e{ErrorCode::kInvalid, "error.invalid"};
  e.Field("legal_name", "field.required");
  Response r = ErrorResponse(e, Lang::kKo, "req-1");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.content_type, "application/json");
  auto body = boost::json::parse(r.body).as_object();
  auto& err = body.at("error").as_object();
  EXPECT_EQ(err.at("code").as_string(), "invalid");
  EXPECT_EQ(err.at("message").as_string(),
            "입력한 내용을 확인하세요. 표시된 항목을 고쳐 다시 보내세요.");
  EXPECT_EQ(err.at("fields").as_object().at("legal_name").as_string(), "필수 항목입니다.");
  EXPECT_EQ(err.at("request_id").as_string(), "req-1");
}

TEST(ErrorResponseTest, SpeaksEnglishAndLeavesOutEmptyParts) {
  Response r = ErrorResponse(Error{ErrorCode::kNotFound, "error.not_found", {}, "secret detail"},
                             Lang::kEn, "");
  EXPECT_EQ(r.status, 404);
  auto body = boost::json::parse(r.body).as_object();
  auto& err = body.at("error").as_object();
  EXPECT_EQ(err.at("message").as_string(), "Not found.");
  EXPECT_FALSE(err.contains("fields"));
  EXPECT_FALSE(err.contains("request_id"));
  EXPECT_EQ(r.body.find("secret"), std::string::npos);  // detail is for logs only
}

TEST(ErrorResponseTest, TranslatesHttpLayerMessages) {
  Error e{ErrorCode::kInvalid, "error.invalid"};
  e.Field("tags", "field.too_many");
  auto body = boost::json::parse(ErrorResponse(e, Lang::kEn, "r").body).as_object();
  EXPECT_EQ(body.at("error").at("fields").at("tags").as_string(), "There are too many items.");
}

TEST(WireTest, BuildsRequestFromRawParts) {
  auto r = BuildRequest({"GET",
                         "/api/v1/people?name=%EA%B9%80+%EB%AF%BC&x=1&x=2&flag",
                         {{"Accept-Language", "en-US,en;q=0.9"}, {"X-Thing", "v"}},
                         ""});
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->path, "/api/v1/people");
  EXPECT_EQ(r->raw_path, "/api/v1/people");
  EXPECT_EQ(r->Query("name"), "김 민");
  EXPECT_EQ(r->Query("x"), "2");
  EXPECT_TRUE(r->query.contains("flag"));
  EXPECT_EQ(r->lang, Lang::kEn);
  EXPECT_EQ(r->headers[1].first, "x-thing");
}

TEST(WireTest, RefusesBadTargets) {
  for (const char* target : {"*", "http://example.com/", "/a/../b", "/a/%2e%2E/b", "/a%00",
                             "/a#frag", "/a?q=%zz", "/a?q=%00", "/%"}) {
    auto r = BuildRequest({"GET", target, {}, ""});
    ASSERT_FALSE(r) << target;
    EXPECT_EQ(r.error().message_key, "error.bad_target") << target;
  }
  auto r = BuildRequest({"GET", "/a?q=%C0%AF", {}, ""});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_key, "error.invalid_utf8");
}

TEST(WireTest, ParsesRawBytesIncludingChunkedBodies) {
  auto r = ParseRequestBytes(
      "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
      {});
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->method, "POST");
  EXPECT_EQ(r->body, "{}");
  EXPECT_EQ(r->Header("content-type"), "application/json");
}

TEST(WireTest, MapsParserFailuresToContractErrors) {
  auto bad = ParseRequestBytes("GARBAGE\r\n\r\n", {});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message_key, "error.bad_request");
  auto big = ParseRequestBytes("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n", {100, 10});
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, ErrorCode::kTooLarge);
  auto headers =
      ParseRequestBytes("GET / HTTP/1.1\r\nX: " + std::string(200, 'a') + "\r\n\r\n", {64, 10});
  ASSERT_FALSE(headers);
  EXPECT_EQ(headers.error().message_key, "error.headers_too_large");
  auto partial = ParseRequestBytes("GET / HTTP/1.1\r\nHost: x\r\n", {});
  ASSERT_FALSE(partial);
  EXPECT_EQ(partial.error().message_key, "error.bad_request");
}

}  // namespace
}  // namespace dandelion::http

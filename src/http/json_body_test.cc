#include "http/json_body.h"

#include <gtest/gtest.h>

#include "http/text_util.h"

namespace dandelion::http {
namespace {

Request JsonRequest(std::string body, std::string type = "application/json") {
  Request r;
  r.method = "POST";
  r.headers = {{"content-type", std::move(type)}};
  r.body = std::move(body);
  return r;
}

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("민들레"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x8C\xBC"));  // U+1F33C
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBD"));      // U+FFFD
}

TEST(Utf8Test, RefusesOverlongSurrogateAndOutOfRangeSequences) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong 3-byte
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));  // overlong 4-byte
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));      // U+DFFF
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xF8\x88\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\x80"));      // lone continuation
  EXPECT_FALSE(IsValidUtf8("\xEB\xAF"));  // truncated
  EXPECT_FALSE(IsValidUtf8("a\xC3"));     // truncated at the end
  EXPECT_FALSE(IsValidUtf8("\xC3\x28"));  // bad continuation
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(JsonBodyTest, ParsesAnObject) {
  auto r = ParseJsonObject(JsonRequest(R"({"name":"김","n":1})"));
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->at("name").as_string(), "김");
}

TEST(JsonBodyTest, AcceptsCharsetUtf8AndRefusesOtherMediaTypes) {
  EXPECT_TRUE(ParseJsonObject(JsonRequest("{}", "application/json; charset=UTF-8")));
  EXPECT_TRUE(ParseJsonObject(JsonRequest("{}", "Application/JSON")));
  for (const char* type : {"text/plain", "", "application/json; charset=latin1",
                           "application/jsonx", "multipart/form-data"}) {
    auto r = ParseJsonObject(JsonRequest("{}", type));
    ASSERT_FALSE(r) << type;
    EXPECT_EQ(r.error().code, ErrorCode::kUnsupportedMedia);
    EXPECT_EQ(HttpStatus(r.error().code), 415);
  }
}

TEST(JsonBodyTest, RefusesInvalidUtf8WithItsOwnMessage) {
  for (std::string body : {"{\"a\":\"\xC0\xAF\"}", "{\"a\":\"\xED\xA0\x80\"}",
                           "{\"a\":\"\xF4\x90\x80\x80\"}", "{\"\xFF\":1}"}) {
    auto r = ParseJsonObject(JsonRequest(body));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(r.error().message_key, "error.invalid_utf8");
  }
}

TEST(JsonBodyTest, RefusesMalformedJson) {
  for (const char* body :
       {"", "{", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "{} {}", "{\"a\":1 /*c*/}"}) {
    auto r = ParseJsonObject(JsonRequest(body));
    ASSERT_FALSE(r) << body;
    EXPECT_EQ(r.error().message_key, "error.invalid_json") << body;
  }
}

TEST(JsonBodyTest, RefusesEscapedLoneSurrogates) {
  auto r = ParseJsonObject(JsonRequest(R"({"a":"\ud800"})"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_key, "error.invalid_json");
}

TEST(JsonBodyTest, RefusesNestingDeeperThanTheLimit) {
  std::string deep = "{\"a\":" + std::string(40, '[') + std::string(40, ']') + "}";
  auto r = ParseJsonObject(JsonRequest(deep));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_key, "error.invalid_json");
  std::string ok = "{\"a\":" + std::string(10, '[') + std::string(10, ']') + "}";
  EXPECT_TRUE(ParseJsonObject(JsonRequest(ok)));
  EXPECT_FALSE(ParseJsonObject(JsonRequest(ok), 5));
}

TEST(JsonBodyTest, RequiresAnObject) {
  for (const char* body : {"[]", "1", "\"s\"", "null", "true"}) {
    auto r = ParseJsonObject(JsonRequest(body));
    ASSERT_FALSE(r) << body;
    EXPECT_EQ(r.error().message_key, "error.expected_object");
  }
}

TEST(JsonBodyTest, RefusesARepeatedKeyAtAnyDepthAndNamesIt) {
  struct Case {
    const char* body;
    const char* key;
  };
  for (auto [body, key] :
       {Case{R"({"a":1,"a":2})", "a"}, Case{R"({"a":{"b":1,"c":[{"d":1,"d":2}]}})", "a.c.d"},
        Case{R"({"x":[1,{"y":1}],"o":{"p":1,"p":"q"}})", "o.p"},
        Case{R"({"\u0061":1,"a":2})", "a"}}) {
    auto r = ParseJsonObject(JsonRequest(body));
    ASSERT_FALSE(r) << body;
    EXPECT_EQ(r.error().message_key, "error.duplicate_key") << body;
    EXPECT_EQ(r.error().fields.count(key), 1u) << body;
  }
}

TEST(JsonBodyTest, AcceptsTheSameKeyInDifferentObjects) {
  EXPECT_TRUE(
      ParseJsonObject(JsonRequest(R"({"a":{"id":1},"b":{"id":2},"c":[{"id":3},{"id":4}]})")));
  EXPECT_FALSE(FindDuplicateKey(R"({"a":1,"b":{"a":1}})"));
  EXPECT_FALSE(FindDuplicateKey("not json"));
}

}  // namespace
}  // namespace dandelion::http

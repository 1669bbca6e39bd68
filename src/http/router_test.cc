#include "http/router.h"

#include <gtest/gtest.h>

namespace dandelion::http {
namespace {

Route Make(std::string method, std::string tmpl, std::string summary = "") {
  return Route{.method = std::move(method),
               .path_template = std::move(tmpl),
               .permission = std::string(kPublic),
               .handler = [](Request&) { return Response::NoContent(); },
               .summary = std::move(summary)};
}

TEST(RouterTest, MatchesLiteralPathsAndCapturesParameters) {
  Router r;
  r.Add(Make("GET", "/api/v1/cases/{id}/notes"));
  Match m = r.Find("GET", "/api/v1/cases/abc123/notes");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->path_template, "/api/v1/cases/{id}/notes");
  EXPECT_EQ(m.params.at("id"), "abc123");
}

TEST(RouterTest, LiteralSegmentBeatsParameterWhateverTheOrderAdded) {
  Router r;
  r.Add(Make("GET", "/api/v1/cases/{id}", "param"));
  r.Add(Make("GET", "/api/v1/cases/mine", "literal"));
  EXPECT_EQ(r.Find("GET", "/api/v1/cases/mine").route->summary, "literal");
  EXPECT_EQ(r.Find("GET", "/api/v1/cases/x1").route->summary, "param");
}

TEST(RouterTest, EarlierLiteralWinsOverLaterLiteral) {
  Router r;
  r.Add(Make("GET", "/a/{x}/c", "param-first"));
  r.Add(Make("GET", "/a/b/{y}", "literal-first"));
  EXPECT_EQ(r.Find("GET", "/a/b/c").route->summary, "literal-first");
}

TEST(RouterTest, ParameterAndLiteralInThirdPlaceAreComparedTogether) {
  // Routes are filed by their third segment, those with a parameter there apart: a request is
  // compared with both, and the methods of both are allowed.
  Router r;
  r.Add(Make("GET", "/api/v1/{kind}/list", "any kind"));
  r.Add(Make("POST", "/api/v1/cases/list", "cases"));
  r.Add(Make("DELETE", "/api/v1/people/list", "people"));
  EXPECT_EQ(r.Find("GET", "/api/v1/cases/list").route->summary, "any kind");
  EXPECT_EQ(r.Find("POST", "/api/v1/cases/list").route->summary, "cases");
  Match none = r.Find("PUT", "/api/v1/cases/list");
  EXPECT_EQ(none.route, nullptr);
  EXPECT_TRUE(none.path_known);
  EXPECT_EQ(r.AllowedMethods("/api/v1/cases/list"), (std::vector<std::string>{"GET", "POST"}));
  EXPECT_EQ(r.AllowedMethods("/api/v1/people/list"), (std::vector<std::string>{"GET", "DELETE"}));
  EXPECT_EQ(r.Find("POST", "/api/v1/people/list").route, nullptr);
}

TEST(RouterTest, KnownPathWithOtherMethodIsMethodNotAllowed) {
  Router r;
  r.Add(Make("GET", "/api/v1/people/{id}"));
  r.Add(Make("DELETE", "/api/v1/people/{id}"));
  Match m = r.Find("POST", "/api/v1/people/p1");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  EXPECT_EQ(r.AllowedMethods("/api/v1/people/p1"), (std::vector<std::string>{"GET", "DELETE"}));
}

TEST(RouterTest, UnknownPathIsNotFound) {
  Router r;
  r.Add(Make("GET", "/healthz"));
  Match m = r.Find("GET", "/nope");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.path_known);
  EXPECT_EQ(r.Find("GET", "/healthz/").route, nullptr);
}

TEST(RouterTest, DecodesPercentEscapesInParameters) {
  Router r;
  r.Add(Make("GET", "/api/v1/people/{name}"));
  Match m = r.Find("GET", "/api/v1/people/%EA%B9%80%20a%2Fb");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("name"), "김 a/b");
}

TEST(RouterTest, RefusesDotSegmentsNulAndBadEscapes) {
  Router r;
  r.Add(Make("GET", "/files/{name}"));
  r.Add(Make("GET", "/files/{a}/{b}"));
  EXPECT_EQ(r.Find("GET", "/files/..").route, nullptr);
  EXPECT_EQ(r.Find("GET", "/files/%2e%2e").route, nullptr);
  EXPECT_EQ(r.Find("GET", "/files/./x").route, nullptr);
  EXPECT_EQ(r.Find("GET", "/files/a%00b").route, nullptr);
  EXPECT_EQ(r.Find("GET", "/files/%zz").route, nullptr);
  EXPECT_EQ(r.Find("GET", "/files/%ff").route, nullptr);  // not UTF-8
  EXPECT_EQ(r.Find("GET", "/files/").route, nullptr);     // parameters are never empty
}

TEST(RouterTest, HeadFallsBackToGet) {
  Router r;
  r.Add(Make("GET", "/healthz"));
  ASSERT_NE(r.Find("HEAD", "/healthz").route, nullptr);
}

TEST(RouterTest, FallbackServesNonApiGetsOnly) {
  Router r;
  r.Add(Make("GET", "/api/v1/me"));
  r.SetFallback(Make("GET", "static"));
  EXPECT_EQ(r.Find("GET", "/cases/123").route, r.fallback());
  EXPECT_EQ(r.Find("GET", "/api/v1/unknown").route, nullptr);
  EXPECT_EQ(r.Find("GET", "/api").route, nullptr);
  EXPECT_EQ(r.Find("POST", "/cases/123").route, nullptr);
  EXPECT_EQ(r.Find("POST", "/api/v1/me").route, nullptr);
  EXPECT_TRUE(r.Find("POST", "/api/v1/me").path_known);
}

TEST(RouterDeathTest, DuplicateRouteAborts) {
  Router r;
  r.Add(Make("GET", "/a/{id}"));
  EXPECT_DEATH(r.Add(Make("GET", "/a/{other}")), "duplicate");
  EXPECT_DEATH(r.Add(Make("GET", "/a/{bad")), "malformed");
}

TEST(RouterTest, ARouteMayDeclareALargerBodyLimitForItselfOnly) {
  Router r;
  r.Add(Make("POST", "/api/v1/cases/{id}/notes"));
  Route upload = Make("POST", "/api/v1/cases/{id}/files");
  upload.body_limit_bytes = 10 << 20;
  r.Add(std::move(upload));
  EXPECT_EQ(r.BodyLimit("POST", "/api/v1/cases/c1/files?kind=other&name=a", 1024), 10u << 20);
  EXPECT_EQ(r.BodyLimit("POST", "/api/v1/cases/c1/notes", 1024), 1024u);
  EXPECT_EQ(r.BodyLimit("PUT", "/api/v1/cases/c1/files", 1024), 1024u);
  EXPECT_EQ(r.BodyLimit("POST", "/nowhere", 1024), 1024u);
  EXPECT_EQ(r.MaxBodyLimit(1024), 10u << 20);
  EXPECT_EQ(Router().MaxBodyLimit(1024), 1024u);
}

}  // namespace
}  // namespace dandelion::http

#include "http/platform_routes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "http/dispatch.h"
#include "http/openapi.h"
#include "http/static_files.h"
#include "http/wire.h"

namespace dandelion::http {
namespace {

namespace fs = std::filesystem;

Response Get(const Router& router, std::string target,
             std::vector<std::pair<std::string, std::string>> headers = {}) {
  Dispatcher d(router, nullptr);
  auto req = BuildRequest({"GET", std::move(target), std::move(headers), ""});
  EXPECT_TRUE(req);
  return d.Handle(*req);
}

Router ModuleRoutes() {
  Router r;
  auto h = [](Request&) { return Response::NoContent(); };
  r.Add({.method = "POST",
         .path_template = "/api/v1/cases/{id}/notes",
         .permission = "case.write",
         .handler = h,
         .summary = "Add a note",
         .tag = "cases",
         .json_body = true,
         .success_status = 201});
  r.Add({.method = "GET",
         .path_template = "/api/v1/emergency/events",
         .permission = "emergency.dispatch",
         .handler = h,
         .streaming = true});
  return r;
}

TEST(OpenApiTest, DescribesEveryRoute) {
  Router r = ModuleRoutes();
  Metrics m;
  AddPlatformRoutes(r, m, {});
  auto doc = BuildOpenApi(r, "1.2.3");
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  auto& paths = doc.at("paths").as_object();
  for (const Route& route : r.routes()) {
    std::string method(route.method);
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    ASSERT_TRUE(paths.contains(route.path_template)) << route.path_template;
    EXPECT_TRUE(paths.at(route.path_template).as_object().contains(method)) << method;
  }
  auto& note = paths.at("/api/v1/cases/{id}/notes").at("post").as_object();
  EXPECT_EQ(note.at("x-permission").as_string(), "case.write");
  EXPECT_EQ(note.at("summary").as_string(), "Add a note");
  EXPECT_EQ(note.at("tags").as_array()[0].as_string(), "cases");
  EXPECT_EQ(note.at("parameters").as_array()[0].at("name").as_string(), "id");
  EXPECT_TRUE(note.contains("requestBody"));
  EXPECT_TRUE(note.at("responses").as_object().contains("201"));
  EXPECT_TRUE(note.at("security").as_array()[0].as_object().contains("csrf"));
  auto& events = paths.at("/api/v1/emergency/events").at("get").as_object();
  EXPECT_TRUE(
      events.at("responses").at("200").at("content").as_object().contains("text/event-stream"));
  EXPECT_TRUE(paths.at("/healthz").at("get").at("security").as_array().empty());
  EXPECT_EQ(doc.at("components").at("securitySchemes").at("session").at("name").as_string(),
            "__Host-dandelion_session");
  EXPECT_TRUE(doc.at("components").at("schemas").as_object().contains("Error"));
}

TEST(OpenApiTest, ListsEveryErrorCodeTheServerSends) {
  Router r = ModuleRoutes();
  auto doc = BuildOpenApi(r, "1.2.3");
  const auto& listed = doc.at("components")
                           .at("schemas")
                           .at("Error")
                           .at("properties")
                           .at("error")
                           .at("properties")
                           .at("code")
                           .at("enum")
                           .as_array();
  std::vector<std::string> names;
  for (const auto& v : listed) names.emplace_back(v.as_string());
  std::vector<std::string> expected;
  for (ErrorCode c : AllErrorCodes()) expected.emplace_back(CodeName(c));
  EXPECT_EQ(names, expected);
  // The codes a client must act on, which the document once left out.
  for (const char* code : {"break_glass_required", "reauth_required", "mfa_required"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), code), names.end()) << code;
  }
}

TEST(PlatformRoutesTest, ServesHealthMetricsAndTheApiDocument) {
  Router r = ModuleRoutes();
  Metrics m;
  AddPlatformRoutes(r, m, {.metrics_token = std::string(32, 'm')});
  Response health = Get(r, "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  EXPECT_EQ(Get(r, "/metrics").status, 401);
  Response metrics = Get(r, "/metrics", {{"authorization", "Bearer " + std::string(32, 'm')}});
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("dandelion_http_requests_in_flight"), std::string::npos);
  Response doc = Get(r, "/api/v1/openapi.json");
  EXPECT_EQ(doc.status, 200);
  EXPECT_NE(doc.body.find("/api/v1/cases/{id}/notes"), std::string::npos);
}

TEST(PlatformRoutesTest, MetricsAreNotServedWithoutAToken) {
  Router r;
  Metrics m;
  AddPlatformRoutes(r, m, {});
  EXPECT_EQ(Get(r, "/metrics").status, 404);
  EXPECT_EQ(Get(r, "/metrics", {{"authorization", "Bearer "}}).status, 404);
}

TEST(PlatformRoutesTest, WithoutAWebAppAppPathsAndApiMissesAre404) {
  Router r;
  Metrics m;
  AddPlatformRoutes(r, m, {.web_root = "/nonexistent"});
  EXPECT_EQ(Get(r, "/app/cases/1").status, 404);
  EXPECT_EQ(Get(r, "/").status, 404);  // the public site registers `/`, not the platform
  Response api = Get(r, "/api/v1/nothing");
  EXPECT_EQ(api.status, 404);
  EXPECT_NE(api.body.find("\"not_found\""), std::string::npos);
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("dandelion-static-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "assets");
    Write(root_ / "index.html", "<!doctype html><title>민들레</title>");
    Write(root_ / "help.html", "<!doctype html><title>도움 요청</title>");
    Write(root_ / "notes.html", "<!doctype html><title>메모</title>");
    Write(root_ / "assets" / "app-1a2b.js", "console.log(1)");
    Write(root_ / ".env", "SECRET=1");
    Write(root_.parent_path() / "outside.txt", "outside");
    fs::create_symlink(root_.parent_path() / "outside.txt", root_ / "link.txt");
    Metrics m;
    AddPlatformRoutes(router_, metrics_, {.web_root = root_.string()});
  }
  void TearDown() override {
    fs::remove_all(root_);
    fs::remove(root_.parent_path() / "outside.txt");
  }
  static void Write(const fs::path& p, std::string_view text) { std::ofstream(p) << text; }

  fs::path root_;
  Router router_;
  Metrics metrics_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
  Response js = Get(router_, "/app/assets/app-1a2b.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js.Header("Cache-Control"), "public, max-age=31536000, immutable");
  for (const char* path : {"/app", "/app/", "/app/index.html"}) {
    Response index = Get(router_, path);
    EXPECT_EQ(index.status, 200) << path;
    EXPECT_NE(index.body.find("민들레"), std::string::npos) << path;
    EXPECT_EQ(index.content_type, "text/html; charset=utf-8") << path;
    EXPECT_EQ(index.Header("Cache-Control"), "no-cache") << path;
  }
}

TEST_F(StaticFilesTest, FallsBackToIndexForClientRoutesButNotForAssets) {
  for (const char* path : {"/app/cases/123/notes", "/app/sign-in", "/app/help"}) {
    Response spa = Get(router_, path);
    EXPECT_EQ(spa.status, 200) << path;
    EXPECT_NE(spa.body.find("민들레"), std::string::npos) << path;
  }
  EXPECT_EQ(Get(router_, "/app/assets/missing.js").status, 404);
  EXPECT_EQ(Get(router_, "/api/v1/missing").status, 404);
}

TEST_F(StaticFilesTest, TheAppIsOnlyUnderAppAndTheRootIsNotItsToAnswer) {
  // `/` and `/en/` are the public site's; the fallback serves no app outside /app/.
  for (const char* path :
       {"/", "/en/", "/index.html", "/assets/app-1a2b.js", "/appendix", "/apps/x", "/nothing"}) {
    Response r = Get(router_, path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.body.find("민들레"), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, FormerPathsOfTheAppMoveToTheSamePathUnderApp) {
  Response signIn = Get(router_, "/sign-in");
  EXPECT_EQ(signIn.status, 308);
  EXPECT_EQ(signIn.Header("Location"), "/app/sign-in");
  Response deep = Get(router_, "/calendar?view=week&date=2026-12-03");
  EXPECT_EQ(deep.status, 308);
  EXPECT_EQ(deep.Header("Location"), "/app/calendar?view=week&date=2026-12-03");
  for (const char* path : {"/cases", "/cases/c-1/notes", "/people/new", "/emergency/coverage",
                           "/admin/organizations/o-1/users", "/policy/items/x", "/account"}) {
    Response r = Get(router_, path);
    EXPECT_EQ(r.status, 308) << path;
    EXPECT_EQ(r.Header("Location"), std::string("/app") + path) << path;
  }
  EXPECT_TRUE(IsFormerAppRoute("/funds/people/p-1"));
  EXPECT_FALSE(IsFormerAppRoute("/app/funds"));
  EXPECT_FALSE(IsFormerAppRoute("/casesx"));
  EXPECT_FALSE(IsFormerAppRoute("/"));
  EXPECT_FALSE(IsFormerAppRoute(""));
}

TEST_F(StaticFilesTest, TheHelpPageKeepsItsPaths) {
  for (const char* path : {"/help", "/help/en", "/help/th"}) {
    Response help = Get(router_, path);
    EXPECT_EQ(help.status, 200) << path;
    EXPECT_NE(help.body.find("도움 요청"), std::string::npos) << path;
    EXPECT_TRUE(help.Header("Set-Cookie").empty());
    EXPECT_EQ(help.Header("Cache-Control"), "no-store") << path;
  }
  EXPECT_EQ(Get(router_, "/helpers").status, 404);
  EXPECT_EQ(Get(router_, "/app/help.html").Header("Cache-Control"), "no-store");
}

TEST_F(StaticFilesTest, AMembersPageIsServedUnderANeutralNameAndNeverCached) {
  for (const char* path : {"/notes", "/notes/"}) {
    Response notes = Get(router_, path);
    EXPECT_EQ(notes.status, 200) << path;
    EXPECT_NE(notes.body.find("메모"), std::string::npos) << path;
    EXPECT_TRUE(notes.Header("Set-Cookie").empty());
    EXPECT_EQ(notes.Header("Cache-Control"), "no-store") << path;
  }
  EXPECT_EQ(Get(router_, "/notes/x").status, 404);
  EXPECT_EQ(Get(router_, "/notesx").status, 404);
  EXPECT_EQ(Get(router_, "/app/notes.html").Header("Cache-Control"), "no-store");
}

TEST_F(StaticFilesTest, NeverServesHiddenFilesOrAnythingOutsideTheRoot) {
  EXPECT_EQ(Get(router_, "/.env").status, 404);
  EXPECT_EQ(Get(router_, "/app/.env").status, 404);
  EXPECT_EQ(Get(router_, "/app/link.txt").body.find("outside"), std::string::npos);
  StaticFiles files(root_.string());
  Request req;
  req.path = "/app/../outside.txt";
  EXPECT_EQ(files.Serve(req).body.find("outside"), std::string::npos);
}

TEST(ContentTypeTest, KnowsTheWebAppsFileTypes) {
  EXPECT_EQ(ContentTypeFor("a.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("font.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("x.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("noext"), "application/octet-stream");
}

}  // namespace
}  // namespace dandelion::http

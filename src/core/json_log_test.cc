#include "core/json_log.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace dandelion {
namespace {

std::string Text(const boost::json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v);
}

boost::json::object Parse(const std::string& line) {
  boost::system::error_code ec;
  auto value = boost::json::parse(line, ec);
  EXPECT_FALSE(ec) << line;
  return value.is_object() ? value.as_object() : boost::json::object{};
}

TEST(JsonLogLine, AnEventObjectGainsTimeAndLevel) {
  auto line = Parse(JsonLogLine("2026-12-02T10:00:00.000Z", "error",
                                R"({"event":"request_failed","request_id":"r1","status":500})"));
  EXPECT_EQ(Text(line["event"]), "request_failed");
  EXPECT_EQ(Text(line["request_id"]), "r1");
  EXPECT_EQ(Text(line["level"]), "error");
  EXPECT_EQ(Text(line["time"]), "2026-12-02T10:00:00.000Z");
}

TEST(JsonLogLine, AMultiLineTextStaysOneLine) {
  const std::string text =
      "WARNING:  there is no transaction in progress\nDETAIL:  \"quoted\"\tand a tab\n";
  const std::string line = JsonLogLine("t", "warning", text);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(Text(Parse(line)["message"]), text);
}

TEST(JsonLogLine, BracesThatAreNotAnObjectAreCarriedAsText) {
  const std::string text = "{not json at all";
  EXPECT_EQ(Text(Parse(JsonLogLine("t", "info", text))["message"]), text);
}

}  // namespace
}  // namespace dandelion

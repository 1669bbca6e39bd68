#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace dandelion::http {
namespace {

TEST(JsonWriterTest, WritesWhatBoostJsonWritesForTheSameValues) {
  JsonWriter w;
  w.Object()
      .Key("items")
      .Array()
      .Object()
      .Key("id")
      .String("c-1")
      .Key("person")
      .Object()
      .Key("legal_name")
      .String("김민지")
      .Key("alias")
      .StringOrNull("")
      .End()
      .Key("assigned")
      .Array()
      .End()
      .Key("restricted")
      .Bool(false)
      .End()
      .Object()
      .Key("id")
      .String("c-2")
      .Key("person")
      .Null()
      .End()
      .End()
      .Key("next_cursor")
      .Null()
      .Key("tree")
      .Value(boost::json::object{{"a", 1}, {"b", boost::json::array{true, nullptr}}})
      .End();
  const boost::json::value expected = {
      {"items",
       boost::json::array{
           boost::json::object{{"id", "c-1"},
                               {"person", {{"legal_name", "김민지"}, {"alias", nullptr}}},
                               {"assigned", boost::json::array{}},
                               {"restricted", false}},
           boost::json::object{{"id", "c-2"}, {"person", nullptr}}}},
      {"next_cursor", nullptr},
      {"tree", {{"a", 1}, {"b", boost::json::array{true, nullptr}}}}};
  EXPECT_EQ(std::move(w).Take(), boost::json::serialize(expected));
}

TEST(JsonWriterTest, EscapesEveryByteAsBoostJsonDoes) {
  std::string every;  // every ASCII byte, NUL included, and text in Korean
  for (int c = 0; c < 128; ++c) every += static_cast<char>(c);
  every += "민들레";
  JsonWriter w;
  w.Array().String(every).String("").String("\"quoted\\path\"\n").End();
  const std::string text = std::move(w).Take();
  EXPECT_EQ(text, boost::json::serialize(boost::json::array{boost::json::string_view(every), "",
                                                            "\"quoted\\path\"\n"}));
  EXPECT_EQ(boost::json::parse(text).as_array()[0].as_string(), every);
}

TEST(JsonWriterTest, FindsWhatToEscapeWhereverItSits) {
  for (const char special : {'"', '\\', '\n', '\x1f', '\0'}) {
    for (size_t at = 0; at < 24; ++at) {
      std::string text = "민들레 plain text, 24+ bytes long";
      text[at] = special;
      JsonWriter w;
      w.String(text);
      EXPECT_EQ(std::move(w).Take(), boost::json::serialize(boost::json::value(text)))
          << int(special) << " at " << at;
    }
  }
}

TEST(JsonWriterTest, PassesBytesAboveAsciiThroughAsBoostJsonDoes) {
  std::string high;  // not UTF-8: the writer, like boost::json, neither checks nor mends it
  for (int c = 128; c < 256; ++c) high += static_cast<char>(c);
  JsonWriter w;
  w.String(high);
  EXPECT_EQ(std::move(w).Take(), boost::json::serialize(boost::json::value(high)));
}

TEST(JsonWriterTest, AnEmptyObjectAndNestedEmptyArrays) {
  JsonWriter w;
  w.Array().Object().End().Array().Array().End().End().Null().End();
  EXPECT_EQ(std::move(w).Take(), "[{},[[]],null]");
}

}  // namespace
}  // namespace dandelion::http

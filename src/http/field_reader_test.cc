#include "http/field_reader.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace dandelion::http {
namespace {

boost::json::object Obj(std::string_view text) { return boost::json::parse(text).as_object(); }

TEST(FieldReaderTest, ReadsWellFormedFields) {
  auto body = Obj(R"({"name":"김민지","alias":null,"age":30,"urgent":true,"kind":"shelter",
                     "tags":["a","b"],"birth_date":"1990-02-28","at":"2026-03-01T09:30:00Z"})");
  FieldReader f(body);
  EXPECT_EQ(f.String("name", 3), "김민지");  // three code points, nine bytes
  EXPECT_EQ(f.OptString("alias", 10), std::nullopt);
  EXPECT_EQ(f.Int("age", 0, 150), 30);
  EXPECT_TRUE(f.Bool("urgent"));
  EXPECT_EQ(f.Enum("kind", {"shelter", "counselling"}), "shelter");
  EXPECT_EQ(f.StringList("tags", 5, 10), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(f.Date("birth_date"), "1990-02-28");
  EXPECT_TRUE(f.Time("at").has_value());
  EXPECT_TRUE(f.Finish());
}

TEST(FieldReaderTest, NamesEveryBadFieldWithItsReason) {
  auto body = Obj(R"({"name":"","age":"30","kind":"castle","tags":"x","birth_date":"2026-02-30",
                     "at":"yesterday","bio":"abcdef","count":1.5,"flag":1,"extra":1})");
  FieldReader f(body);
  f.String("name", 10);
  f.Int("age", 0, 150);
  f.Enum("kind", {"shelter"});
  f.StringList("tags", 5, 10);
  f.Date("birth_date");
  f.Time("at");
  f.String("bio", 5);
  f.OptInt("count", 0, 10);
  f.Bool("flag");
  f.String("missing", 10);
  auto r = f.Finish();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().message_key, "error.invalid");
  std::map<std::string, std::string> expected = {{"name", "field.empty"},
                                                 {"age", "field.wrong_type"},
                                                 {"kind", "field.unknown_value"},
                                                 {"tags", "field.wrong_type"},
                                                 {"birth_date", "field.invalid_date"},
                                                 {"at", "field.invalid_time"},
                                                 {"bio", "field.too_long"},
                                                 {"count", "field.wrong_type"},
                                                 {"flag", "field.wrong_type"},
                                                 {"missing", "field.required"},
                                                 {"extra", "field.unknown"}};
  EXPECT_EQ(r.error().fields, expected);
}

TEST(FieldReaderTest, ChecksIntegerRange) {
  auto body = Obj(R"({"a":-1,"b":101,"c":18446744073709551615})");
  FieldReader f(body);
  f.Int("a", 0, 100);
  f.Int("b", 0, 100);
  f.Int("c", 0, 100);
  auto r = f.Finish();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("a"), "field.out_of_range");
  EXPECT_EQ(r.error().fields.at("b"), "field.out_of_range");
  EXPECT_EQ(r.error().fields.at("c"), "field.out_of_range");
}

TEST(FieldReaderTest, RefusesControlCharactersButKeepsNewlines) {
  auto body = Obj(R"({"note":"line1\nline2\ttab","bad":"a\u0000b","bel":"\u0007"})");
  FieldReader f(body);
  EXPECT_EQ(f.String("note", 100), "line1\nline2\ttab");
  f.String("bad", 100);
  f.String("bel", 100);
  auto r = f.Finish();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("bad"), "field.invalid_chars");
  EXPECT_EQ(r.error().fields.at("bel"), "field.invalid_chars");
  EXPECT_FALSE(r.error().fields.contains("note"));
}

TEST(FieldReaderTest, LimitsListsByItemsAndItemLength) {
  auto body = Obj(R"({"many":["a","b","c"],"long":["abcd"],"mixed":["a",1]})");
  FieldReader f(body);
  f.StringList("many", 2, 10);
  f.StringList("long", 5, 3);
  f.StringList("mixed", 5, 3);
  f.StringList("absent", 5, 3, /*required=*/true);
  auto r = f.Finish();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("many"), "field.too_many");
  EXPECT_EQ(r.error().fields.at("long"), "field.too_long");
  EXPECT_EQ(r.error().fields.at("mixed"), "field.wrong_type");
  EXPECT_EQ(r.error().fields.at("absent"), "field.required");
}

TEST(FieldReaderTest, OptionalFieldsMayBeAbsentOrNull) {
  auto body = Obj(R"({"b":null})");
  FieldReader f(body);
  EXPECT_EQ(f.OptString("a", 5), std::nullopt);
  EXPECT_EQ(f.OptInt("b", 0, 5), std::nullopt);
  EXPECT_EQ(f.OptBool("c"), std::nullopt);
  EXPECT_EQ(f.String("d", 5, /*required=*/false), "");
  EXPECT_EQ(f.Enum("e", {"x"}, /*required=*/false), "");
  EXPECT_EQ(f.Date("f", false), "");
  EXPECT_EQ(f.Time("g", false), std::nullopt);
  EXPECT_TRUE(f.Finish());
}

TEST(FieldReaderTest, NestedObjectsReportPrefixedNames) {
  auto body = Obj(R"({"kind":"referral","scope":{"org":"o1","why":"x"}})");
  FieldReader f(body);
  f.Enum("kind", {"referral"});
  const boost::json::object* scope = f.Object("scope");
  ASSERT_NE(scope, nullptr);
  FieldReader s(*scope, "scope.");
  s.String("org", 10);
  s.Int("days", 1, 30);
  f.Absorb(s);
  auto r = f.Finish();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("scope.days"), "field.required");
  EXPECT_EQ(r.error().fields.at("scope.why"), "field.unknown");
  EXPECT_EQ(r.error().fields.size(), 2u);
}

TEST(FieldReaderTest, AcceptAndRejectSupportCustomRules) {
  auto body = Obj(R"({"raw":{"x":1},"code":"abc"})");
  FieldReader f(body);
  f.Accept("raw");
  if (f.String("code", 10) != "xyz") f.Reject("code", "field.unknown_value");
  auto r = f.Finish();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields,
            (std::map<std::string, std::string>{{"code", "field.unknown_value"}}));
}

TEST(FieldReaderTest, ReportsABoundedNumberOfUnknownFields) {
  std::string text = "{";
  for (int i = 0; i < 100; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
  text += "}";
  auto body = Obj(text);
  FieldReader f(body);
  auto r = f.Finish();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.size(), 20u);
}

}  // namespace
}  // namespace dandelion::http

namespace dandelion::http {
namespace {

// An empty choice is a missing one: "required", as for a missing field, not "unknown value".
TEST(FieldReaderTest, AnEmptyRequiredChoiceIsMissingNotWrong) {
  auto body = Obj(R"({"outcome":"","kind":"nonsense"})");
  FieldReader f(body);
  f.Enum("outcome", {"rescued", "referred"});
  f.Enum("kind", {"shelter"});
  auto r = f.Finish();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("outcome"), "field.required");
  EXPECT_EQ(r.error().fields.at("kind"), "field.unknown_value");
}

}  // namespace
}  // namespace dandelion::http

#include "modules/reports/model.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "security/audit_checkpoint.h"
#include "security/keys.h"

namespace dandelion::reports {
namespace {

namespace json = boost::json;

TEST(ReportPeriod, QuartersAndYears) {
  auto q3 = ParsePeriod("2026-Q3");
  ASSERT_TRUE(q3);
  EXPECT_EQ(q3->from, "2026-07-01");
  EXPECT_EQ(q3->to, "2026-09-30");
  auto q1 = ParsePeriod("2026-Q1");
  EXPECT_EQ(q1->to, "2026-03-31");
  auto year = ParsePeriod("2026");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->from, "2026-01-01");
  EXPECT_EQ(year->to, "2026-12-31");
  for (auto bad : {"", "26", "2026-Q5", "2026-Q0", "2026-q3", "1999", "2026-03", "2026-Q3x", "abcd",
                   "2026 "}) {
    EXPECT_FALSE(ParsePeriod(bad)) << bad;
  }
}

TEST(ReportTemplates, OnePerKindWithUniqueRowsAndBothLanguages) {
  EXPECT_TRUE(TemplateFor("counseling_center"));
  EXPECT_TRUE(TemplateFor("support_facility"));
  EXPECT_TRUE(TemplateFor("self_reliance_center"));
  EXPECT_FALSE(TemplateFor("secretariat"));
  for (const auto& t : Templates()) {
    std::set<std::string> keys;
    EXPECT_FALSE(t.title.ko.empty());
    EXPECT_FALSE(t.title.en.empty());
    for (const auto& s : t.sections) {
      EXPECT_FALSE(s.title.ko.empty());
      for (const auto& r : s.rows) {
        EXPECT_TRUE(keys.insert(r.key).second) << t.key << " repeats " << r.key;
        EXPECT_FALSE(r.label.ko.empty());
        EXPECT_FALSE(r.label.en.empty());
        EXPECT_FALSE(r.unit.empty());
      }
    }
  }
}

TEST(ReportTemplates, FillPutsFiguresInRowsAndOpenRowsAfter) {
  Figures f;
  f["services.counseling"].value = 3;
  f["services.total"].value = 4;
  f["legal.outcome.acquitted"] = {1, Label{"결과: acquitted", "Outcome: acquitted"}};
  f["unused.figure"].value = 9;
  auto sections = Fill(*TemplateFor("counseling_center"), f);
  std::map<std::string, std::int64_t> values;
  for (const auto& [k, v] : Values(sections)) values[k] = v;
  EXPECT_EQ(values["services.counseling"], 3);
  EXPECT_EQ(values["services.total"], 4);
  EXPECT_EQ(values["services.medical"], 0);
  EXPECT_EQ(values["legal.outcome.acquitted"], 1);
  EXPECT_FALSE(values.contains("unused.figure"));
  const auto& legal = *std::find_if(sections.begin(), sections.end(),
                                    [](const Section& s) { return s.key == "legal"; });
  EXPECT_EQ(legal.rows.back().key, "legal.outcome.acquitted");
  EXPECT_EQ(legal.rows.back().unit, "matters");
  EXPECT_EQ(legal.rows.back().label.ko, "결과: acquitted");
}

TEST(ReportTemplates, SectionsRoundTripThroughJson) {
  Figures f;
  f["money.total"].value = 300000;
  f["money.source.x"] = {300000, Label{"재원: 가", "Source: 가"}};
  auto sections = Fill(*TemplateFor("self_reliance_center"), f);
  auto back = SectionsFromJson(json::parse(json::serialize(SectionsJson(sections))));
  ASSERT_TRUE(back);
  EXPECT_EQ(Values(*back), Values(sections));
  EXPECT_TRUE(Compare(sections, *back).empty());
  EXPECT_FALSE(SectionsFromJson(json::parse(R"([{"key":"a"}])")));
}

TEST(ReportTemplates, CompareNamesEveryChangedRow) {
  Figures before;
  before["services.counseling"].value = 3;
  Figures after = before;
  after["services.counseling"].value = 4;
  after["legal.outcome.fined"] = {1, std::nullopt};
  const Template& t = *TemplateFor("counseling_center");
  auto changes = Compare(Fill(t, before), Fill(t, after));
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].key, "services.counseling");
  EXPECT_EQ(changes[0].filed, 3);
  EXPECT_EQ(changes[0].now, 4);
  EXPECT_EQ(changes[1].key, "legal.outcome.fined");
  EXPECT_EQ(changes[1].filed, 0);
}

TEST(ReportCanonical, SortsKeysAtEveryDepthWithoutSpaces) {
  auto v = json::parse(R"({"b": 1, "a": {"d": [2, {"z": "한", "y": null}], "c": true}})");
  EXPECT_EQ(Canonical(v), R"({"a":{"c":true,"d":[2,{"y":null,"z":"한"}]},"b":1})");
  // The same content written otherwise has the same canonical form.
  auto w = json::parse(R"({ "a": {"c": true, "d": [2, {"y": null, "z": "한"}]}, "b": 1 })");
  EXPECT_EQ(Canonical(v), Canonical(w));
}

struct Signed {
  std::string text;
  std::string public_key;
};

Signed MakeSigned(const security::AuditSigningKey& key) {
  json::object snapshot{
      {"report_id", "r1"},
      {"organization",
       json::object{{"id", "o1"}, {"name", "가 상담소"}, {"kind", "counseling_center"}}},
      {"period", "2026-Q3"},
      {"template", "counseling_center"},
      {"sections", SectionsJson(Fill(*TemplateFor("counseling_center"), {}))},
      {"annotations", json::object{}},
      {"filed_at", "2026-10-05T01:00:00Z"},
      {"filed_by", "관리자"},
      {"corrects", nullptr}};
  const std::string signature = key.Sign(SignedMessage(snapshot));
  return {json::serialize(SignedFile(snapshot, signature, key.public_key())), key.public_key()};
}

TEST(ReportSignature, RoundTripAndAlterations) {
  auto key = security::AuditSigningKey::FromMasterKey(security::SecretKey::Random());
  const Signed s = MakeSigned(key);
  auto ok = VerifyFile(s.text, s.public_key);
  ASSERT_TRUE(ok) << ok.error().detail;
  EXPECT_EQ(ok->org_name, "가 상담소");
  EXPECT_EQ(ok->period, "2026-Q3");

  // Pretty-printed or reordered, the file still verifies: the signature is over the canonical
  // form.
  json::value file = json::parse(s.text);
  json::object reordered;
  reordered["algorithm"] = file.at("algorithm");
  reordered["signature"] = file.at("signature");
  reordered["snapshot"] = file.at("snapshot");
  EXPECT_TRUE(VerifyFile(json::serialize(reordered), s.public_key));

  // One figure altered.
  json::value altered = json::parse(s.text);
  altered.at("snapshot")
      .at("sections")
      .as_array()[0]
      .at("rows")
      .as_array()[0]
      .as_object()["value"] = 7;
  auto bad = VerifyFile(json::serialize(altered), s.public_key);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message_key, "report.signature_invalid");

  // Signed by another key, with that key printed inside: refused against the trusted key.
  auto other = security::AuditSigningKey::FromMasterKey(security::SecretKey::Random());
  const Signed forged = MakeSigned(other);
  auto refused = VerifyFile(forged.text, s.public_key);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message_key, "report.signature_invalid");

  for (auto junk : {"", "[]", "{}", R"({"snapshot":{},"signature":"zz","algorithm":"ed25519"})",
                    R"({"snapshot":{},"signature":"00","algorithm":"rsa"})"}) {
    auto r = VerifyFile(junk, s.public_key);
    ASSERT_FALSE(r) << junk;
    EXPECT_EQ(r.error().message_key, "report.file_malformed") << junk;
  }
}

}  // namespace
}  // namespace dandelion::reports

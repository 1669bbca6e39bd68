#include "modules/policy/model.h"

#include <gtest/gtest.h>

namespace dandelion::policy {
namespace {

TEST(PolicyModelTest, TheCurrentStatusIsTheLatestByDateThenByRecord) {
  std::vector<StatusEntry> h = {{1, "proposed", "2021-03-02"},
                                {2, "enacted", "2021-12-30"},
                                {3, "under_review", "2021-06-01"}};  // recorded late
  EXPECT_EQ(CurrentStatus(h)->status, "enacted");
  h.push_back({4, "amended", "2021-12-30"});  // same day, recorded later
  EXPECT_EQ(CurrentStatus(h)->status, "amended");
  h.push_back({5, "repealed", "2024-01-01"});
  EXPECT_EQ(CurrentStatus(h)->status, "repealed");
  EXPECT_EQ(CurrentStatus({}), std::nullopt);
  EXPECT_TRUE(InForce("amended"));
  EXPECT_FALSE(InForce("repealed"));
  EXPECT_TRUE(Considered("under_review"));
  EXPECT_TRUE(KindFitsLevel("ordinance", "municipality"));
  EXPECT_FALSE(KindFitsLevel("ordinance", "nation"));
  EXPECT_FALSE(KindFitsLevel("law", "region"));
  EXPECT_TRUE(KindFitsLevel("bill", "nation"));
}

TEST(PolicyModelTest, ScoreIsTheShareOfActiveCriteriaMet) {
  std::vector<Criterion> c = {{.key = "a", .kind = "yes_no"},
                              {.key = "b", .kind = "amount"},
                              {.key = "c", .kind = "months"},
                              {.key = "old", .kind = "yes_no", .retired = true}};
  std::map<std::string, int64_t, std::less<>> v = {{"a", 1}, {"b", 0}, {"old", 1}};
  EXPECT_EQ(Score(c, v), 33);  // 1 of 3, rounded down; the retired one does not count
  EXPECT_EQ(Gaps(c, v), (std::vector<std::string>{"b", "c"}));
  v["b"] = 900000;
  v["c"] = 12;
  EXPECT_EQ(Score(c, v), 100);
  v["a"] = 0;
  EXPECT_EQ(Score(c, v), 66);
  EXPECT_EQ(Score({}, v), 0);
  EXPECT_TRUE(IsCriterionKey("living_cost"));
  EXPECT_FALSE(IsCriterionKey("Living"));
  EXPECT_FALSE(IsCriterionKey("a"));
}

TEST(PolicyModelTest, RegionStatusFromItsOrdinances) {
  std::vector<MapOrdinance> o = {
      {"KR-41", "enacted", 70},      // Gyeonggi: its own, in force
      {"41110", "amended", 50},      // and Suwon's
      {"52110", "enacted", 40},      // North Jeolla: only Jeonju
      {"KR-45", "proposed", 0},      // the province considers one
      {"KR-11", "under_review", 0},  // Seoul: considering
      {"KR-26", "repealed", 60},     // Busan: repealed counts for nothing
      {"KR-27", "rejected", 0},
  };
  auto map = DeriveMap(o);
  ASSERT_EQ(map.size(), 17u);
  auto find = [&](const std::string& code) {
    for (const auto& c : map) {
      if (c.code == code) return c;
    }
    return MapCell{};
  };
  EXPECT_EQ(find("KR-41").status, "in_force");
  EXPECT_EQ(find("KR-41").ordinances, 2);
  EXPECT_EQ(find("KR-41").score, 70);
  EXPECT_EQ(find("KR-45").status, "municipal");
  EXPECT_EQ(find("KR-45").ordinances, 1);
  EXPECT_EQ(find("KR-45").score, std::nullopt);  // no region-level ordinance in force
  EXPECT_EQ(find("KR-11").status, "considering");
  EXPECT_EQ(find("KR-26").status, "none");
  EXPECT_EQ(find("KR-27").status, "none");
  EXPECT_EQ(map.front().code, "KR-11");
  auto munis = DeriveMunicipalities("KR-41", o);
  EXPECT_EQ(munis.size(), 31u);
  EXPECT_EQ(munis.front().code, "41110");
  EXPECT_EQ(munis.front().status, "in_force");
  EXPECT_EQ(munis.front().score, 50);
  EXPECT_EQ(munis[1].status, "none");
  EXPECT_TRUE(DeriveMunicipalities("KR-50", o).empty());
}

TEST(PolicyModelTest, CsvQuotesBomBlankLinesAndBadBytes) {
  auto r = ParseCsv(
      "\xEF\xBB\xBF"
      "a,b,c\r\n"
      "1,\"x, \"\"y\"\"\",z\r\n"
      "\n"
      "2,\"two\nlines\",\r\n"
      "3,bad\"quote,z\n"
      "4,\"unclosed,z\n");
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].fields, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(r[0].row, 1);
  EXPECT_EQ(r[1].fields, (std::vector<std::string>{"1", "x, \"y\"", "z"}));
  EXPECT_EQ(r[2].fields, (std::vector<std::string>{"2", "two\nlines", ""}));
  EXPECT_EQ(r[2].row, 3);  // the blank line is not a row
  EXPECT_EQ(r[3].error, "quote");
  EXPECT_EQ(r[3].row, 4);
  EXPECT_EQ(r[4].error, "quote");

  auto bad = ParseCsv("a,b\n1,\xC3\x28\n2,ok\n");
  ASSERT_EQ(bad.size(), 3u);
  EXPECT_EQ(bad[1].error, "utf8");
  EXPECT_TRUE(bad[2].error.empty());
  EXPECT_TRUE(ValidUtf8("수원시"));
  EXPECT_FALSE(ValidUtf8("\xED\xA0\x80"));  // a surrogate
  EXPECT_FALSE(ValidUtf8("\xE3\x81"));      // cut short
}

TEST(PolicyModelTest, DatesOfTheOpenDataLists) {
  EXPECT_EQ(ParseDay("20211230"), "2021-12-30");
  EXPECT_EQ(ParseDay("2021-12-30"), "2021-12-30");
  EXPECT_EQ(ParseDay("2021. 12. 30."), "2021-12-30");
  EXPECT_EQ(ParseDay("20240229"), "2024-02-29");
  EXPECT_EQ(ParseDay("20230229"), std::nullopt);
  EXPECT_EQ(ParseDay("2021-13-01"), std::nullopt);
  EXPECT_EQ(ParseDay("어제"), std::nullopt);
  EXPECT_EQ(ParseDay(""), std::nullopt);
}

TEST(PolicyModelTest, OrdinanceRowsFromTheLocalLawList) {
  std::vector<std::string> missing;
  auto layout = ReadOrdinanceHeader(
      {"자치법규ID", "자치법규명", "지자체기관명", "자치법규종류", "제개정구분명", "공포일자"},
      missing);
  ASSERT_TRUE(layout);
  ImportRow row;
  EXPECT_EQ(ReadOrdinanceRow(*layout,
                             {"2000111", "수원시 성매매피해자 자립지원 조례", "경기도 수원시",
                              "조례", "제정", "20211230"},
                             row),
            std::nullopt);
  EXPECT_EQ(row.jurisdiction, "41110");
  ASSERT_EQ(row.statuses.size(), 1u);
  EXPECT_EQ(row.statuses[0].status, "enacted");
  EXPECT_EQ(row.statuses[0].on, "2021-12-30");
  EXPECT_EQ(row.kind, "ordinance");
  auto refused =
      ReadOrdinanceRow(*layout, {"1", "x", "경기도 없는시", "조례", "제정", "20211230"}, row);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->reason, "unknown_jurisdiction");
  refused = ReadOrdinanceRow(*layout, {"1", "x", "경기도", "조례", "제정", "2021"}, row);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->reason, "malformed");
  refused = ReadOrdinanceRow(*layout, {"1", "x", "경기도", "조례", "개악", "20211230"}, row);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->message_key, "policy.import.bad_change");
  missing.clear();
  EXPECT_FALSE(ReadOrdinanceHeader({"자치법규ID", "자치법규명"}, missing));
  EXPECT_EQ(missing.size(), 3u);
}

TEST(PolicyModelTest, BillRowsFromTheAssemblyList) {
  std::vector<std::string> missing;
  auto layout = ReadBillHeader({"의안번호", "의안명", "제안자구분", "제안일자", "소관위원회",
                                "소관위회부일", "의결일자", "의결결과"},
                               missing);
  ASSERT_TRUE(layout);
  ImportRow row;
  EXPECT_EQ(ReadBillRow(*layout,
                        {"2200123", "성매매피해자보호법 일부개정법률안", "의원", "2024-06-10",
                         "여성가족위원회", "20240611", "", ""},
                        row),
            std::nullopt);
  EXPECT_EQ(row.kind, "bill");
  EXPECT_EQ(row.jurisdiction, "KR");
  EXPECT_EQ(row.topic, "여성가족위원회");
  ASSERT_EQ(row.statuses.size(), 2u);
  EXPECT_EQ(row.statuses[0].status, "proposed");
  EXPECT_EQ(row.statuses[1].status, "under_review");
  EXPECT_EQ(row.statuses[1].on, "2024-06-11");
  EXPECT_EQ(
      ReadBillRow(*layout, {"2200124", "x", "정부", "20240610", "", "", "20241128", "대안반영폐기"},
                  row),
      std::nullopt);
  ASSERT_EQ(row.statuses.size(), 2u);
  EXPECT_EQ(row.statuses[1].status, "rejected");
  EXPECT_EQ(ReadBillRow(*layout,
                        {"2200125", "x", "의원", "20240610", "", "", "20241128", "수정가결"}, row),
            std::nullopt);
  EXPECT_EQ(row.statuses.back().status, "enacted");
  // A decision needs its date and its result; dates keep their order; results are known words.
  auto refused = ReadBillRow(*layout, {"1", "x", "의원", "20240610", "", "", "20241128", ""}, row);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->message_key, "policy.import.bill_decision");
  refused = ReadBillRow(*layout, {"1", "x", "의원", "20240610", "", "20240601", "", ""}, row);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->message_key, "policy.import.bill_bad_date");
  refused = ReadBillRow(*layout, {"1", "x", "의원", "20240610", "", "", "20241128", "보류"}, row);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->message_key, "policy.import.bill_result");
  refused = ReadBillRow(*layout, {"", "x", "의원", "20240610", "", "", "", ""}, row);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->reason, "malformed");
  missing.clear();
  EXPECT_FALSE(ReadBillHeader({"의안명"}, missing));
  EXPECT_EQ(missing, (std::vector<std::string>{"의안번호", "제안일자"}));
}

}  // namespace
}  // namespace dandelion::policy

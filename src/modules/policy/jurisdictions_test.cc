#include "modules/policy/jurisdictions.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "modules/network/model.h"

namespace dandelion::policy {
namespace {

TEST(PolicyJurisdictionsTest, TheNationSeventeenRegionsAndTheirMunicipalities) {
  std::map<std::string, int> per_region;
  std::set<std::string> codes;
  int regions = 0;
  for (const auto& j : Jurisdictions()) {
    EXPECT_TRUE(codes.insert(std::string(j.code)).second) << "twice: " << j.code;
    EXPECT_FALSE(j.ko.empty());
    EXPECT_FALSE(j.en.empty());
    if (j.level == "region") {
      ++regions;
      EXPECT_EQ(j.parent, "KR");
      EXPECT_TRUE(network::IsRegion(j.code));
    } else if (j.level == "municipality") {
      ++per_region[std::string(j.parent)];
      // Five digits that nest under the region's administrative code.
      ASSERT_EQ(j.code.size(), 5u) << j.code;
      EXPECT_EQ(j.code.substr(0, 2), AdminPrefix(j.parent)) << j.code;
      EXPECT_NE(FindJurisdiction(j.parent), nullptr);
    } else {
      EXPECT_EQ(j.code, "KR");
    }
  }
  EXPECT_EQ(regions, 17);
  const std::map<std::string, int>
      expected = {{"KR-11", 25}, {"KR-26", 16}, {"KR-27", 9},  {"KR-28", 10}, {"KR-29", 5},
                  {"KR-30", 5},  {"KR-31", 5},  {"KR-41", 31}, {"KR-42", 18}, {"KR-43", 11},
                  {"KR-44", 15}, {"KR-45", 14}, {"KR-46", 22}, {"KR-47", 22}, {"KR-48", 18},
                  {"KR-49", 2}};  // Sejong (KR-50) is single-tier: none
  EXPECT_EQ(per_region, expected);
  EXPECT_EQ(Municipalities().size(), 228u);
}

TEST(PolicyJurisdictionsTest, NamesAndRegions) {
  EXPECT_EQ(RegionOf("41110"), "KR-41");
  EXPECT_EQ(RegionOf("KR-45"), "KR-45");
  EXPECT_EQ(RegionOf("KR"), "");
  EXPECT_EQ(RegionOf("99999"), "");
  EXPECT_EQ(FullName("52110"), "전북특별자치도 전주시");
  EXPECT_EQ(FullName("KR-11"), "서울특별시");
  EXPECT_EQ(JurisdictionByName("경기도 수원시"), "41110");
  EXPECT_EQ(JurisdictionByName(" 경기도   파주시 "), "41480");
  EXPECT_EQ(JurisdictionByName("전라북도 전주시"), "52110");  // the former name
  EXPECT_EQ(JurisdictionByName("전라남도"), "KR-46");
  EXPECT_EQ(JurisdictionByName("경기도 전주시"), std::nullopt);
  EXPECT_EQ(JurisdictionByName("중구"), std::nullopt);  // ambiguous without its region
}

}  // namespace
}  // namespace dandelion::policy

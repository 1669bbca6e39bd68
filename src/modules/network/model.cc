#include "modules/network/model.h"

#include <algorithm>

namespace dandelion::network {
namespace {

constexpr Named kKinds[] = {
    {"secretariat", "사무국", "Secretariat"},
    {"counseling_center", "상담소", "Counseling center"},
    {"support_facility", "지원시설", "Support facility (shelter)"},
    {"self_reliance_center", "자활지원센터", "Self-reliance support center"},
    {"survivor_network", "당사자 네트워크", "Survivors' network"},
};

constexpr Named kFacilityTypes[] = {
    {"general", "일반", "General"},
    {"youth", "청소년", "Youth"},
    {"foreigner", "외국인", "Foreign women"},
    {"group_home", "자립지원공동생활", "Self-reliance group home"},
};

constexpr Named kRegions[] = {
    {"KR-11", "서울특별시", "Seoul"},           {"KR-26", "부산광역시", "Busan"},
    {"KR-27", "대구광역시", "Daegu"},           {"KR-28", "인천광역시", "Incheon"},
    {"KR-29", "광주광역시", "Gwangju"},         {"KR-30", "대전광역시", "Daejeon"},
    {"KR-31", "울산광역시", "Ulsan"},           {"KR-41", "경기도", "Gyeonggi"},
    {"KR-42", "강원특별자치도", "Gangwon"},     {"KR-43", "충청북도", "North Chungcheong"},
    {"KR-44", "충청남도", "South Chungcheong"}, {"KR-45", "전북특별자치도", "North Jeolla"},
    {"KR-46", "전라남도", "South Jeolla"},      {"KR-47", "경상북도", "North Gyeongsang"},
    {"KR-48", "경상남도", "South Gyeongsang"},  {"KR-49", "제주특별자치도", "Jeju"},
    {"KR-50", "세종특별자치시", "Sejong"},
};

bool Contains(std::span<const Named> list, std::string_view code) {
  return std::any_of(list.begin(), list.end(), [&](const Named& n) { return n.code == code; });
}

}  // namespace

std::span<const Named> OrgKinds() { return kKinds; }
std::span<const Named> FacilityTypes() { return kFacilityTypes; }
std::span<const Named> Regions() { return kRegions; }

bool IsOrgKind(std::string_view code) { return Contains(kKinds, code); }
bool IsFacilityType(std::string_view code) { return Contains(kFacilityTypes, code); }
bool IsRegion(std::string_view code) { return Contains(kRegions, code); }

}  // namespace dandelion::network

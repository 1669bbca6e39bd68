#include "modules/site/words.h"

#include <algorithm>
#include <span>

#include "modules/network/model.h"
#include "modules/site/html.h"

namespace dandelion::site {
namespace {

struct Word {
  std::string_view code, ko, en;
};

constexpr Word kEventKinds[] = {
    {"forum", "포럼", "Forum"},
    {"policy_workshop", "정책 워크숍", "Policy workshop"},
    {"panel", "토론회", "Panel discussion"},
    {"rally", "집회", "Rally"},
    {"memorial", "추모제", "Memorial"},
    {"pilgrimage_stop", "민들레순례", "Dandelion Pilgrimage"},
    {"press_conference", "기자회견", "Press conference"},
    {"training_session", "교육", "Training"},
};

constexpr Word kThemes[] = {
    {"curbing_demand", "성구매 수요 차단", "Curbing demand"},
    {"punishing_pimps", "알선업자 처벌", "Punishing pimps"},
    {"decriminalizing_women", "성매매 여성 비범죄화", "Decriminalizing women"},
    {"exit_support", "탈성매매 지원", "Support for exiting"},
    {"memorial", "추모", "Memorial"},
    {"public_awareness", "대중 인식", "Public awareness"},
    {"local_ordinances", "지역 조례", "Local ordinances"},
    {"anti_trafficking", "인신매매 반대", "Against trafficking"},
};

constexpr Word kActivities[] = {
    {"rally", "집회", "Rally"},
    {"vigil", "촛불 문화제", "Vigil"},
    {"press_conference", "기자회견", "Press conference"},
    {"forum", "포럼", "Forum"},
    {"march", "행진", "March"},
    {"memorial", "추모제", "Memorial"},
};

constexpr Word kRegionShort[] = {
    {"KR-11", "서울", "Seoul"},    {"KR-26", "부산", "Busan"},    {"KR-27", "대구", "Daegu"},
    {"KR-28", "인천", "Incheon"},  {"KR-29", "광주", "Gwangju"},  {"KR-30", "대전", "Daejeon"},
    {"KR-31", "울산", "Ulsan"},    {"KR-41", "경기", "Gyeonggi"}, {"KR-42", "강원", "Gangwon"},
    {"KR-43", "충북", "N.Chung"},  {"KR-44", "충남", "S.Chung"},  {"KR-45", "전북", "N.Jeolla"},
    {"KR-46", "전남", "S.Jeolla"}, {"KR-47", "경북", "N.Gyeong"}, {"KR-48", "경남", "S.Gyeong"},
    {"KR-49", "제주", "Jeju"},     {"KR-50", "세종", "Sejong"},
};

constexpr Word kMapStatus[] = {
    {"in_force", "광역 조례 시행", "Regional ordinance in force"},
    {"municipal", "시·군·구 조례만", "Municipal ordinances only"},
    {"considering", "조례 논의 중", "Ordinance under discussion"},
    {"none", "조례 없음", "No ordinance"},
};

constexpr Word kMapStatusShort[] = {
    {"in_force", "시행", "In force"},
    {"municipal", "시군구", "Municipal"},
    {"considering", "논의 중", "Discussed"},
    {"none", "없음", "None"},
};

std::string_view Find(std::span<const Word> words, Lang lang, std::string_view code) {
  auto w = std::find_if(words.begin(), words.end(), [&](const Word& x) { return x.code == code; });
  if (w == words.end()) return code;
  return Pick(lang, w->ko, w->en);
}

}  // namespace

std::string_view EventKindWord(Lang lang, std::string_view kind) {
  return Find(kEventKinds, lang, kind);
}

std::string_view RegionWord(Lang lang, std::string_view code) {
  for (const auto& r : network::Regions()) {
    if (r.code == code) return Pick(lang, r.ko, r.en);
  }
  return code;
}

std::string_view RegionShort(Lang lang, std::string_view code) {
  return Find(kRegionShort, lang, code);
}

std::string_view MapStatusWord(Lang lang, std::string_view status) {
  return Find(kMapStatus, lang, status);
}

std::string_view MapStatusShort(Lang lang, std::string_view status) {
  return Find(kMapStatusShort, lang, status);
}

std::string_view OrgKindWord(Lang lang, std::string_view kind) {
  for (const auto& k : network::OrgKinds()) {
    if (k.code == kind) return Pick(lang, k.ko, k.en);
  }
  return kind;
}

std::string_view ThemeWord(Lang lang, std::string_view theme) { return Find(kThemes, lang, theme); }

std::string_view ActivityWord(Lang lang, std::string_view activity) {
  return Find(kActivities, lang, activity);
}

std::string AvailabilityWords(Lang lang, const events::PublicEvent& e) {
  if (e.availability == "closed")
    return std::string(Pick(lang, "신청 마감", "Registration closed"));
  if (e.availability == "waitlist") {
    return std::string(Pick(lang, "정원이 찼습니다. 대기자로 신청할 수 있습니다.",
                            "Full: you can join the waiting list."));
  }
  if (!e.places_left) return std::string(Pick(lang, "신청 가능", "Open for registration"));
  return lang == Lang::kEn ? std::to_string(*e.places_left) + " places left"
                           : "자리 " + std::to_string(*e.places_left) + "개 남음";
}

}  // namespace dandelion::site

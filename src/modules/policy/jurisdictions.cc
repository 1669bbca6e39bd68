#include "modules/policy/jurisdictions.h"

#include <algorithm>
#include <map>
#include <vector>

#include "modules/network/model.h"

namespace dandelion::policy {
namespace {

struct Muni {
  std::string_view code;
  std::string_view ko;
  std::string_view en;
};

struct RegionPrefix {
  std::string_view region;
  std::string_view prefix;
};

// Incheon after 1 July 2026 (제물포구, 영종구, 검단구) is not here yet: see docs/api-policy.md,
// "Not yet in the list". 강원 and 전북 became special self-governing provinces (2023, 2024) and
// took new codes.
constexpr RegionPrefix kPrefixes[] = {
    {"KR-11", "11"}, {"KR-26", "26"}, {"KR-27", "27"}, {"KR-28", "28"}, {"KR-29", "29"},
    {"KR-30", "30"}, {"KR-31", "31"}, {"KR-41", "41"}, {"KR-42", "51"}, {"KR-43", "43"},
    {"KR-44", "44"}, {"KR-45", "52"}, {"KR-46", "46"}, {"KR-47", "47"}, {"KR-48", "48"},
    {"KR-49", "50"}, {"KR-50", "36"},
};

constexpr Muni kMunis[] = {
    // 서울특별시
    {"11110", "종로구", "Jongno-gu"},
    {"11140", "중구", "Jung-gu"},
    {"11170", "용산구", "Yongsan-gu"},
    {"11200", "성동구", "Seongdong-gu"},
    {"11215", "광진구", "Gwangjin-gu"},
    {"11230", "동대문구", "Dongdaemun-gu"},
    {"11260", "중랑구", "Jungnang-gu"},
    {"11290", "성북구", "Seongbuk-gu"},
    {"11305", "강북구", "Gangbuk-gu"},
    {"11320", "도봉구", "Dobong-gu"},
    {"11350", "노원구", "Nowon-gu"},
    {"11380", "은평구", "Eunpyeong-gu"},
    {"11410", "서대문구", "Seodaemun-gu"},
    {"11440", "마포구", "Mapo-gu"},
    {"11470", "양천구", "Yangcheon-gu"},
    {"11500", "강서구", "Gangseo-gu"},
    {"11530", "구로구", "Guro-gu"},
    {"11545", "금천구", "Geumcheon-gu"},
    {"11560", "영등포구", "Yeongdeungpo-gu"},
    {"11590", "동작구", "Dongjak-gu"},
    {"11620", "관악구", "Gwanak-gu"},
    {"11650", "서초구", "Seocho-gu"},
    {"11680", "강남구", "Gangnam-gu"},
    {"11710", "송파구", "Songpa-gu"},
    {"11740", "강동구", "Gangdong-gu"},
    // 부산광역시
    {"26110", "중구", "Jung-gu"},
    {"26140", "서구", "Seo-gu"},
    {"26170", "동구", "Dong-gu"},
    {"26200", "영도구", "Yeongdo-gu"},
    {"26230", "부산진구", "Busanjin-gu"},
    {"26260", "동래구", "Dongnae-gu"},
    {"26290", "남구", "Nam-gu"},
    {"26320", "북구", "Buk-gu"},
    {"26350", "해운대구", "Haeundae-gu"},
    {"26380", "사하구", "Saha-gu"},
    {"26410", "금정구", "Geumjeong-gu"},
    {"26440", "강서구", "Gangseo-gu"},
    {"26470", "연제구", "Yeonje-gu"},
    {"26500", "수영구", "Suyeong-gu"},
    {"26530", "사상구", "Sasang-gu"},
    {"26710", "기장군", "Gijang-gun"},
    // 대구광역시
    {"27110", "중구", "Jung-gu"},
    {"27140", "동구", "Dong-gu"},
    {"27170", "서구", "Seo-gu"},
    {"27200", "남구", "Nam-gu"},
    {"27230", "북구", "Buk-gu"},
    {"27260", "수성구", "Suseong-gu"},
    {"27290", "달서구", "Dalseo-gu"},
    {"27710", "달성군", "Dalseong-gun"},
    {"27720", "군위군", "Gunwi-gun"},
    // 인천광역시
    {"28110", "중구", "Jung-gu"},
    {"28140", "동구", "Dong-gu"},
    {"28177", "미추홀구", "Michuhol-gu"},
    {"28185", "연수구", "Yeonsu-gu"},
    {"28200", "남동구", "Namdong-gu"},
    {"28237", "부평구", "Bupyeong-gu"},
    {"28245", "계양구", "Gyeyang-gu"},
    {"28260", "서구", "Seo-gu"},
    {"28710", "강화군", "Ganghwa-gun"},
    {"28720", "옹진군", "Ongjin-gun"},
    // 광주광역시
    {"29110", "동구", "Dong-gu"},
    {"29140", "서구", "Seo-gu"},
    {"29155", "남구", "Nam-gu"},
    {"29170", "북구", "Buk-gu"},
    {"29200", "광산구", "Gwangsan-gu"},
    // 대전광역시
    {"30110", "동구", "Dong-gu"},
    {"30140", "중구", "Jung-gu"},
    {"30170", "서구", "Seo-gu"},
    {"30200", "유성구", "Yuseong-gu"},
    {"30230", "대덕구", "Daedeok-gu"},
    // 울산광역시
    {"31110", "중구", "Jung-gu"},
    {"31140", "남구", "Nam-gu"},
    {"31170", "동구", "Dong-gu"},
    {"31200", "북구", "Buk-gu"},
    {"31710", "울주군", "Ulju-gun"},
    // 경기도
    {"41110", "수원시", "Suwon"},
    {"41130", "성남시", "Seongnam"},
    {"41150", "의정부시", "Uijeongbu"},
    {"41170", "안양시", "Anyang"},
    {"41190", "부천시", "Bucheon"},
    {"41210", "광명시", "Gwangmyeong"},
    {"41220", "평택시", "Pyeongtaek"},
    {"41250", "동두천시", "Dongducheon"},
    {"41270", "안산시", "Ansan"},
    {"41280", "고양시", "Goyang"},
    {"41290", "과천시", "Gwacheon"},
    {"41310", "구리시", "Guri"},
    {"41360", "남양주시", "Namyangju"},
    {"41370", "오산시", "Osan"},
    {"41390", "시흥시", "Siheung"},
    {"41410", "군포시", "Gunpo"},
    {"41430", "의왕시", "Uiwang"},
    {"41450", "하남시", "Hanam"},
    {"41460", "용인시", "Yongin"},
    {"41480", "파주시", "Paju"},
    {"41500", "이천시", "Icheon"},
    {"41550", "안성시", "Anseong"},
    {"41570", "김포시", "Gimpo"},
    {"41590", "화성시", "Hwaseong"},
    {"41610", "광주시", "Gwangju"},
    {"41630", "양주시", "Yangju"},
    {"41650", "포천시", "Pocheon"},
    {"41670", "여주시", "Yeoju"},
    {"41800", "연천군", "Yeoncheon-gun"},
    {"41820", "가평군", "Gapyeong-gun"},
    {"41830", "양평군", "Yangpyeong-gun"},
    // 강원특별자치도
    {"51110", "춘천시", "Chuncheon"},
    {"51130", "원주시", "Wonju"},
    {"51150", "강릉시", "Gangneung"},
    {"51170", "동해시", "Donghae"},
    {"51190", "태백시", "Taebaek"},
    {"51210", "속초시", "Sokcho"},
    {"51230", "삼척시", "Samcheok"},
    {"51720", "홍천군", "Hongcheon-gun"},
    {"51730", "횡성군", "Hoengseong-gun"},
    {"51750", "영월군", "Yeongwol-gun"},
    {"51760", "평창군", "Pyeongchang-gun"},
    {"51770", "정선군", "Jeongseon-gun"},
    {"51780", "철원군", "Cheorwon-gun"},
    {"51790", "화천군", "Hwacheon-gun"},
    {"51800", "양구군", "Yanggu-gun"},
    {"51810", "인제군", "Inje-gun"},
    {"51820", "고성군", "Goseong-gun"},
    {"51830", "양양군", "Yangyang-gun"},
    // 충청북도
    {"43110", "청주시", "Cheongju"},
    {"43130", "충주시", "Chungju"},
    {"43150", "제천시", "Jecheon"},
    {"43720", "보은군", "Boeun-gun"},
    {"43730", "옥천군", "Okcheon-gun"},
    {"43740", "영동군", "Yeongdong-gun"},
    {"43745", "증평군", "Jeungpyeong-gun"},
    {"43750", "진천군", "Jincheon-gun"},
    {"43760", "괴산군", "Goesan-gun"},
    {"43770", "음성군", "Eumseong-gun"},
    {"43800", "단양군", "Danyang-gun"},
    // 충청남도
    {"44130", "천안시", "Cheonan"},
    {"44150", "공주시", "Gongju"},
    {"44180", "보령시", "Boryeong"},
    {"44200", "아산시", "Asan"},
    {"44210", "서산시", "Seosan"},
    {"44230", "논산시", "Nonsan"},
    {"44250", "계룡시", "Gyeryong"},
    {"44270", "당진시", "Dangjin"},
    {"44710", "금산군", "Geumsan-gun"},
    {"44760", "부여군", "Buyeo-gun"},
    {"44770", "서천군", "Seocheon-gun"},
    {"44790", "청양군", "Cheongyang-gun"},
    {"44800", "홍성군", "Hongseong-gun"},
    {"44810", "예산군", "Yesan-gun"},
    {"44825", "태안군", "Taean-gun"},
    // 전북특별자치도
    {"52110", "전주시", "Jeonju"},
    {"52130", "군산시", "Gunsan"},
    {"52140", "익산시", "Iksan"},
    {"52180", "정읍시", "Jeongeup"},
    {"52190", "남원시", "Namwon"},
    {"52210", "김제시", "Gimje"},
    {"52710", "완주군", "Wanju-gun"},
    {"52720", "진안군", "Jinan-gun"},
    {"52730", "무주군", "Muju-gun"},
    {"52740", "장수군", "Jangsu-gun"},
    {"52750", "임실군", "Imsil-gun"},
    {"52770", "순창군", "Sunchang-gun"},
    {"52790", "고창군", "Gochang-gun"},
    {"52800", "부안군", "Buan-gun"},
    // 전라남도
    {"46110", "목포시", "Mokpo"},
    {"46130", "여수시", "Yeosu"},
    {"46150", "순천시", "Suncheon"},
    {"46170", "나주시", "Naju"},
    {"46230", "광양시", "Gwangyang"},
    {"46710", "담양군", "Damyang-gun"},
    {"46720", "곡성군", "Gokseong-gun"},
    {"46730", "구례군", "Gurye-gun"},
    {"46770", "고흥군", "Goheung-gun"},
    {"46780", "보성군", "Boseong-gun"},
    {"46790", "화순군", "Hwasun-gun"},
    {"46800", "장흥군", "Jangheung-gun"},
    {"46810", "강진군", "Gangjin-gun"},
    {"46820", "해남군", "Haenam-gun"},
    {"46830", "영암군", "Yeongam-gun"},
    {"46840", "무안군", "Muan-gun"},
    {"46860", "함평군", "Hampyeong-gun"},
    {"46870", "영광군", "Yeonggwang-gun"},
    {"46880", "장성군", "Jangseong-gun"},
    {"46890", "완도군", "Wando-gun"},
    {"46900", "진도군", "Jindo-gun"},
    {"46910", "신안군", "Sinan-gun"},
    // 경상북도
    {"47110", "포항시", "Pohang"},
    {"47130", "경주시", "Gyeongju"},
    {"47150", "김천시", "Gimcheon"},
    {"47170", "안동시", "Andong"},
    {"47190", "구미시", "Gumi"},
    {"47210", "영주시", "Yeongju"},
    {"47230", "영천시", "Yeongcheon"},
    {"47250", "상주시", "Sangju"},
    {"47280", "문경시", "Mungyeong"},
    {"47290", "경산시", "Gyeongsan"},
    {"47730", "의성군", "Uiseong-gun"},
    {"47750", "청송군", "Cheongsong-gun"},
    {"47760", "영양군", "Yeongyang-gun"},
    {"47770", "영덕군", "Yeongdeok-gun"},
    {"47820", "청도군", "Cheongdo-gun"},
    {"47830", "고령군", "Goryeong-gun"},
    {"47840", "성주군", "Seongju-gun"},
    {"47850", "칠곡군", "Chilgok-gun"},
    {"47900", "예천군", "Yecheon-gun"},
    {"47920", "봉화군", "Bonghwa-gun"},
    {"47930", "울진군", "Uljin-gun"},
    {"47940", "울릉군", "Ulleung-gun"},
    // 경상남도
    {"48120", "창원시", "Changwon"},
    {"48170", "진주시", "Jinju"},
    {"48220", "통영시", "Tongyeong"},
    {"48240", "사천시", "Sacheon"},
    {"48250", "김해시", "Gimhae"},
    {"48270", "밀양시", "Miryang"},
    {"48310", "거제시", "Geoje"},
    {"48330", "양산시", "Yangsan"},
    {"48720", "의령군", "Uiryeong-gun"},
    {"48730", "함안군", "Haman-gun"},
    {"48740", "창녕군", "Changnyeong-gun"},
    {"48820", "고성군", "Goseong-gun"},
    {"48840", "남해군", "Namhae-gun"},
    {"48850", "하동군", "Hadong-gun"},
    {"48860", "산청군", "Sancheong-gun"},
    {"48870", "함양군", "Hamyang-gun"},
    {"48880", "거창군", "Geochang-gun"},
    {"48890", "합천군", "Hapcheon-gun"},
    // 제주특별자치도 (administrative cities)
    {"50110", "제주시", "Jeju City"},
    {"50130", "서귀포시", "Seogwipo"},
};

std::string_view PrefixRegion(std::string_view prefix) {
  for (const auto& p : kPrefixes) {
    if (p.prefix == prefix) return p.region;
  }
  return "";
}

struct Table {
  std::vector<Jurisdiction> all;
  std::vector<Jurisdiction> munis;
  std::map<std::string, std::string, std::less<>> by_name;
};

const Table& Built() {
  static const Table table = [] {
    Table t;
    t.all.push_back({"KR", "nation", "대한민국", "Republic of Korea", ""});
    auto regions = network::Regions();
    std::vector<network::Named> sorted(regions.begin(), regions.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    for (const auto& r : sorted) {
      t.all.push_back({r.code, "region", r.ko, r.en, "KR"});
      t.by_name.emplace(std::string(r.ko), std::string(r.code));
      for (const auto& m : kMunis) {
        if (PrefixRegion(m.code.substr(0, 2)) != r.code) continue;
        Jurisdiction j{m.code, "municipality", m.ko, m.en, r.code};
        t.all.push_back(j);
        t.munis.push_back(j);
        t.by_name.emplace(std::string(r.ko) + " " + std::string(m.ko), std::string(m.code));
      }
    }
    // Former names the older lists still carry.
    for (auto [old_name, code] : {std::pair{"강원도", "KR-42"}, std::pair{"전라북도", "KR-45"},
                                  std::pair{"제주도", "KR-49"}}) {
      t.by_name.emplace(old_name, code);
      for (const auto& m : t.munis) {
        if (m.parent == code)
          t.by_name.emplace(std::string(old_name) + " " + std::string(m.ko), std::string(m.code));
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

std::span<const Jurisdiction> Jurisdictions() { return Built().all; }
std::span<const Jurisdiction> Municipalities() { return Built().munis; }

const Jurisdiction* FindJurisdiction(std::string_view code) {
  for (const auto& j : Built().all) {
    if (j.code == code) return &j;
  }
  return nullptr;
}

std::string_view AdminPrefix(std::string_view region) {
  for (const auto& p : kPrefixes) {
    if (p.region == region) return p.prefix;
  }
  return "";
}

std::string RegionOf(std::string_view code) {
  const Jurisdiction* j = FindJurisdiction(code);
  if (!j || j->level == "nation") return "";
  return std::string(j->level == "region" ? j->code : j->parent);
}

std::string FullName(std::string_view code) {
  const Jurisdiction* j = FindJurisdiction(code);
  if (!j) return "";
  if (j->level != "municipality") return std::string(j->ko);
  const Jurisdiction* r = FindJurisdiction(j->parent);
  return std::string(r->ko) + " " + std::string(j->ko);
}

std::optional<std::string> JurisdictionByName(std::string_view name) {
  // Spaces collapsed: "경기도  수원시" reads as "경기도 수원시".
  std::string clean;
  for (char c : name) {
    if (c == ' ' || c == '\t') {
      if (!clean.empty() && clean.back() != ' ') clean.push_back(' ');
    } else {
      clean.push_back(c);
    }
  }
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();
  if (clean == "대한민국" || clean == "국가") return std::string("KR");
  const auto& names = Built().by_name;
  if (auto it = names.find(clean); it != names.end()) return it->second;
  return std::nullopt;
}

}  // namespace dandelion::policy

#include "modules/stats/labels.h"

#include <map>
#include <tuple>

#include "modules/stats/model.h"

namespace dandelion::stats {
namespace {

// {dimension, value, label}; dimension "" holds words shared by several tables.
struct Word {
  const char* dim;
  const char* value;
  const char* label;
};

constexpr Word kWords[] = {
    {"service_type", "counseling", "상담"},
    {"service_type", "psychological_therapy", "심리 치료"},
    {"service_type", "medical", "의료 지원"},
    {"service_type", "legal_assistance", "법률 지원"},
    {"service_type", "investigation_accompaniment", "수사기관 동행"},
    {"service_type", "court_accompaniment", "법원 동행"},
    {"service_type", "vocational_training", "직업 훈련"},
    {"service_type", "education", "교육"},
    {"service_type", "housing_support", "주거 지원"},
    {"service_type", "living_expense_support", "생계비 지원"},
    {"service_type", "emergency_rescue", "긴급 구조"},
    {"service_type", "outreach", "현장 상담"},
    {"service_type", "peer_support", "동료 지원"},
    {"region", "KR-11", "서울특별시"},
    {"region", "KR-26", "부산광역시"},
    {"region", "KR-27", "대구광역시"},
    {"region", "KR-28", "인천광역시"},
    {"region", "KR-29", "광주광역시"},
    {"region", "KR-30", "대전광역시"},
    {"region", "KR-31", "울산광역시"},
    {"region", "KR-41", "경기도"},
    {"region", "KR-42", "강원특별자치도"},
    {"region", "KR-43", "충청북도"},
    {"region", "KR-44", "충청남도"},
    {"region", "KR-45", "전북특별자치도"},
    {"region", "KR-46", "전라남도"},
    {"region", "KR-47", "경상북도"},
    {"region", "KR-48", "경상남도"},
    {"region", "KR-49", "제주특별자치도"},
    {"region", "KR-50", "세종특별자치시"},
    {"org_kind", "secretariat", "사무국"},
    {"org_kind", "counseling_center", "상담소"},
    {"org_kind", "support_facility", "지원시설"},
    {"org_kind", "self_reliance_center", "자활지원센터"},
    {"org_kind", "survivor_network", "당사자 네트워크"},
    {"situation", "red_light_district", "집결지"},
    {"situation", "entertainment_establishment", "유흥업소"},
    {"situation", "online", "온라인"},
    {"situation", "massage_parlour", "마사지 업소"},
    {"situation", "international_trafficking", "국제 인신매매"},
    {"situation", "military_camptown", "기지촌"},
    {"situation", "street", "거리"},
    {"situation", "other", "기타"},
    {"category", "youth", "청소년"},
    {"category", "migrant", "이주여성"},
    {"category", "north_korean_refugee", "북한이탈주민"},
    {"category", "disability", "장애"},
    {"category", "military_camptown", "기지촌"},
    {"category", "online_exploitation", "온라인 성착취"},
    {"category", "international_trafficking", "국제 인신매매"},
    {"age_band", "under_19", "19세 미만"},
    {"age_band", "19_24", "19–24세"},
    {"age_band", "25_29", "25–29세"},
    {"age_band", "30_39", "30대"},
    {"age_band", "40_49", "40대"},
    {"age_band", "50_plus", "50세 이상"},
    {"intake_channel", "hotline", "상담전화"},
    {"intake_channel", "walk_in", "직접 방문"},
    {"intake_channel", "police_referral", "경찰 연계"},
    {"intake_channel", "outreach", "현장 상담(아웃리치)"},
    {"intake_channel", "web_request", "온라인 요청"},
    {"intake_channel", "member_referral", "회원 기관 연계"},
    {"intake_channel", "court_order", "법원 결정"},
    {"intake_channel", "self", "본인 요청"},
    {"legal_kind", "prosecution_against_her", "당사자에 대한 형사 사건(성매매처벌법)"},
    {"legal_kind", "complaint_by_her", "당사자의 고소(알선·구매·인신매매)"},
    {"legal_kind", "civil_debt", "민사(선불금 채무 무효)"},
    {"legal_kind", "immigration", "체류·출입국"},
    {"legal_kind", "family", "가사"},
    {"legal_status", "investigation", "수사"},
    {"legal_status", "indicted", "기소"},
    {"legal_status", "trial", "재판"},
    {"legal_status", "appeal", "항소·상고"},
    {"legal_status", "concluded", "종결"},
    {"shelter_exit_destination", "own_housing", "자기 집"},
    {"shelter_exit_destination", "public_rental", "공공임대주택"},
    {"shelter_exit_destination", "family", "가족"},
    {"shelter_exit_destination", "another_facility", "다른 시설"},
    {"shelter_exit_destination", "group_home", "자립지원공동생활시설"},
    {"shelter_exit_destination", "unknown", "모름"},
    {"shelter_exit_destination", "returned_to_trade", "성매매 현장으로 돌아감"},
    {"referral_outcome", "sent", "응답 대기"},
    {"referral_outcome", "accepted", "수락됨"},
    {"referral_outcome", "declined", "거절됨"},
    {"referral_outcome", "withdrawn", "철회됨"},
    {"referral_outcome", "completed", "종료됨"},
    {"fund_source_kind", "living_costs", "생계비"},
    {"fund_source_kind", "housing_deposit", "주거 보증금"},
    {"fund_source_kind", "training", "직업훈련비"},
    {"fund_source_kind", "grant", "자립정착금"},
    {"fund_source_kind", "medical", "의료비"},
    {"fund_source_kind", "legal", "법률 지원비"},
    {"", "unknown", "미상"},
    {"", "none", "아직 없음"},
    {"", "received", "접수"},
    {"", "acknowledged", "확인"},
    {"", "nights", "입소 박수"},
    {"", "stays", "입소 건수"},
    {"", "direction_sent", "보낸 연계"},
    {"", "direction_received", "받은 연계"},
    {"legal_outcome", "none", "아직 없음"},
};

const std::map<std::pair<std::string, std::string>, std::string>& Words() {
  static const auto* words = [] {
    auto* m = new std::map<std::pair<std::string, std::string>, std::string>();
    for (const auto& w : kWords) m->emplace(std::make_pair(w.dim, w.value), w.label);
    return m;
  }();
  return *words;
}

std::string Trim0(const std::string& s) {
  std::size_t i = 0;
  while (i + 1 < s.size() && s[i] == '0') ++i;
  return s.substr(i);
}

}  // namespace

std::vector<std::string> KeyColumns(const StatTable& t) {
  if (t.by.size() == 1 && t.by[0] == "organization") return {"지역", "기관"};
  if (t.by.size() == 1 && t.by[0] == "referral_outcome") return {"방향", "상태"};
  if (t.by.size() == 1 && t.by[0] == "fund_source_kind") return {"재원", "지원 종류"};
  std::vector<std::string> out;
  for (const auto& b : t.by) out.push_back(stats::DimensionName(b));
  return out;
}

std::string UnitColumn(const std::string& unit) {
  static const std::map<std::string, std::string> kUnits = {
      {"services", "서비스(건)"},   {"people", "인원(명)"},   {"mentions", "언급(건)"},
      {"matters", "법률 사건(건)"}, {"requests", "요청(건)"}, {"referrals", "연계(건)"},
      {"stays", "입소(건)"},        {"nights", "수"},         {"won", "금액(원)"},
  };
  auto it = kUnits.find(unit);
  return it == kUnits.end() ? unit : it->second;
}

std::string UnitWord(const std::string& unit) {
  if (unit == "people") return "명";
  if (unit == "mentions") return "언급";
  if (unit == "won") return "원";
  if (unit == "nights") return "박";
  return "건";
}

std::string KeyLabel(const StatTable& t, std::size_t part, const std::string& value) {
  if (value.empty()) return "합계";
  // The dimension whose value this part is.
  std::string dim;
  if (t.by.size() == 1 && t.by[0] == "organization") {
    dim = part == 0 ? "region" : "organization";
  } else if (t.by.size() == 1 && t.by[0] == "referral_outcome") {
    if (part == 0)
      dim = "direction";
    else
      dim = "referral_outcome";
  } else if (t.by.size() == 1 && t.by[0] == "fund_source_kind") {
    dim = part == 0 ? "fund_source" : "fund_source_kind";
  } else if (part < t.by.size()) {
    dim = t.by[part];
  }
  if (dim == "direction") {
    auto it = Words().find({"", "direction_" + value});
    return it == Words().end() ? value : it->second;
  }
  if (dim == "month" && value.size() == 7) {
    return value.substr(0, 4) + "년 " + Trim0(value.substr(5, 2)) + "월";
  }
  if (dim == "quarter" && value.size() == 7) {
    return value.substr(0, 4) + "년 " + value.substr(6, 1) + "분기";
  }
  if (dim == "year") return value + "년";
  if (auto it = Words().find({dim, value}); it != Words().end()) return it->second;
  if (auto it = Words().find({"", value}); it != Words().end()) return it->second;
  return value;
}

std::string PeriodText(const StatTable& t) { return t.from + " ~ " + t.to; }

}  // namespace dandelion::stats

#include "modules/reports/model.h"

#include <sodium.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "core/ids.h"
#include "security/encoding.h"
#include "security/sodium_init.h"

namespace dandelion::reports {
namespace {

namespace json = boost::json;

constexpr std::string_view kDomain = "dandelion.report.v1\n";

struct Word {
  std::string_view key;
  std::string_view ko;
  std::string_view en;
};

constexpr Word kServiceTypes[] = {
    {"counseling", "상담", "Counseling"},
    {"psychological_therapy", "심리 치료", "Psychological therapy"},
    {"medical", "의료 지원", "Medical support"},
    {"legal_assistance", "법률 지원", "Legal assistance"},
    {"investigation_accompaniment", "수사기관 동행", "Accompaniment to investigators"},
    {"court_accompaniment", "법원 동행", "Accompaniment to court"},
    {"vocational_training", "직업훈련 지원", "Vocational training"},
    {"education", "학업(진학) 지원", "Schooling support"},
    {"housing_support", "주거 지원", "Housing support"},
    {"living_expense_support", "생계비 지원", "Living expenses"},
    {"emergency_rescue", "긴급 구조", "Emergency rescue"},
    {"outreach", "현장 상담", "Outreach"},
    {"peer_support", "동료 지원", "Peer support"},
};
constexpr Word kIntakeChannels[] = {
    {"hotline", "전화 상담", "Hotline"},
    {"walk_in", "내방", "Walk-in"},
    {"police_referral", "경찰 연계", "Referred by the police"},
    {"outreach", "현장 발굴", "Outreach"},
    {"web_request", "온라인 요청", "Online request"},
    {"member_referral", "회원기관 연계", "Referred by a member"},
    {"court_order", "법원 명령", "Court order"},
    {"self", "본인 요청", "Herself"},
};
constexpr Word kLegalKinds[] = {
    {"prosecution_against_her", "본인 피의 사건", "Prosecution against her"},
    {"complaint_by_her", "고소·고발", "Complaint by her"},
    {"civil_debt", "민사·채무", "Civil matter or debt"},
    {"immigration", "출입국", "Immigration"},
    {"family", "가사", "Family"},
};
constexpr Word kExitDestinations[] = {
    {"own_housing", "자립 주거", "Own housing"},
    {"public_rental", "공공임대주택", "Public rental housing"},
    {"family", "가족", "Family"},
    {"another_facility", "다른 시설", "Another facility"},
    {"group_home", "그룹홈", "Group home"},
    {"returned_to_trade", "성매매 환경 복귀", "Returned to the trade"},
    {"unknown", "알 수 없음", "Unknown"},
};
constexpr Word kFundKinds[] = {
    {"living_costs", "생계비", "Living costs"},
    {"training", "직업훈련비", "Training"},
    {"housing_deposit", "주거 보증금", "Housing deposit"},
    {"grant", "지원금", "Grant"},
    {"medical", "의료비", "Medical costs"},
    {"legal", "법률 비용", "Legal costs"},
};

Label L(std::string_view ko, std::string_view en) { return {std::string(ko), std::string(en)}; }

RowDef R(std::string key, std::string_view ko, std::string_view en, std::string unit) {
  return {std::move(key), L(ko, en), std::move(unit)};
}

template <class Range>
std::vector<RowDef> Rows(std::string_view prefix, const Range& words, const std::string& unit) {
  std::vector<RowDef> out;
  for (const auto& w : words)
    out.push_back(R(std::string(prefix) + std::string(w.key), w.ko, w.en, unit));
  return out;
}

SectionDef ServicesSection() {
  auto rows = Rows("services.", kServiceTypes, "services");
  rows.insert(rows.begin(), R("services.total", "서비스 합계", "All services", "services"));
  return {"services", L("서비스 유형별 제공 건수", "Services by type"), std::move(rows), "", ""};
}

SectionDef PeopleSection() {
  return {
      "people",
      L("지원 인원", "People served"),
      {R("served.people", "실인원(서비스를 받은 사람)", "People who received a service", "people"),
       R("served.new_cases", "신규 사례", "New cases", "cases")},
      "",
      ""};
}

std::vector<Template> MakeTemplates() {
  std::vector<Template> out;
  {
    auto intake = Rows("intake.", kIntakeChannels, "cases");
    auto legal = Rows("legal.opened.", kLegalKinds, "matters");
    legal.push_back(R("legal.concluded", "종결된 법률 사건", "Matters concluded", "matters"));
    out.push_back(
        {"counseling_center",
         "counseling_center",
         L("성매매피해상담소 운영 실적", "Counseling center: report of work"),
         {PeopleSection(),
          ServicesSection(),
          {"intake", L("접수 경로별 신규 사례", "New cases by intake channel"), intake, "", ""},
          {"legal", L("법률 사건 종류별·결과별", "Legal matters by kind and outcome"), legal,
           "legal.outcome.", "matters"},
          {"emergency",
           L("긴급 구조 요청", "Emergency requests"),
           {R("rescue.received", "접수된 긴급 요청", "Requests received", "requests"),
            R("rescue.acknowledged", "응답한 긴급 요청", "Requests acknowledged", "requests")},
           "",
           ""}}});
  }
  {
    auto exits = Rows("stay.exit.", kExitDestinations, "stays");
    exits.insert(exits.begin(), R("stay.exits", "퇴소 합계", "All exits", "stays"));
    out.push_back({"support_facility",
                   "support_facility",
                   L("성매매피해자 지원시설 운영 실적", "Support facility: report of work"),
                   {{"admissions",
                     L("입소", "Admissions"),
                     {R("stay.admissions", "입소 건수", "Admissions", "stays"),
                      R("stay.admitted_people", "입소 인원", "Women admitted", "people"),
                      R("stay.residents", "기간 중 생활 인원(연인원 아님)", "Women who lived here",
                        "people")},
                     "",
                     ""},
                    {"occupancy",
                     L("재원 일수", "Occupancy"),
                     {R("stay.nights", "재원 연일수(박)", "Nights of stay", "nights")},
                     "",
                     ""},
                    {"exits", L("퇴소 후 거처별 퇴소", "Exits by destination"), exits, "", ""},
                    PeopleSection(),
                    ServicesSection()}});
  }
  {
    auto money = Rows("money.kind.", kFundKinds, "won");
    money.insert(money.begin(), R("money.total", "지급 합계", "All payments", "won"));
    out.push_back(
        {"self_reliance_center",
         "self_reliance_center",
         L("자활지원센터 운영 실적", "Self-reliance center: report of work"),
         {{"participants",
           L("참여 인원", "Participants"),
           {R("program.participants", "프로그램 참여 실인원", "Women in programs", "people"),
            R("served.people", "실인원(서비스를 받은 사람)", "People who received a service",
              "people")},
           "",
           ""},
          {"programs",
           L("프로그램 운영과 수료", "Programs and completions"),
           {R("program.running", "운영 프로그램", "Programs running", "programs"),
            R("program.enrolled", "신규 등록", "Enrolments", "people"),
            R("program.completed", "수료", "Completions", "people"),
            R("program.dropped", "중도 포기", "Dropped out", "people")},
           "",
           ""},
          {"outcomes",
           L("자립 성과", "Outcomes"),
           {R("outcomes.employment", "취업", "Jobs", "people"),
            R("outcomes.business_started", "창업", "Businesses started", "people"),
            R("outcomes.school_entered", "진학", "School entries", "people")},
           "",
           ""},
          {"money", L("재원별·종류별 지원금", "Money by source and kind"), money, "money.source.",
           "won"},
          ServicesSection()}});
  }
  return out;
}

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

json::value Sorted(const json::value& v) {
  if (v.is_object()) {
    std::vector<std::pair<std::string, const json::value*>> members;
    for (const auto& kv : v.as_object()) members.emplace_back(std::string(kv.key()), &kv.value());
    std::sort(members.begin(), members.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    json::object out;
    for (const auto& [k, m] : members) out[k] = Sorted(*m);
    return out;
  }
  if (v.is_array()) {
    json::array out;
    for (const auto& e : v.as_array()) out.push_back(Sorted(e));
    return out;
  }
  return v;
}

auto Malformed(std::string detail) {
  return Fail(ErrorCode::kInvalid, "report.file_malformed", std::move(detail));
}

const json::string* Str(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  return it == o.end() ? nullptr : it->value().if_string();
}

Result<Label> LabelFrom(const json::value* v) {
  const json::object* o = v ? v->if_object() : nullptr;
  const json::string* ko = o ? Str(*o, "ko") : nullptr;
  const json::string* en = o ? Str(*o, "en") : nullptr;
  if (!ko || !en) return Malformed("a label lacks ko or en");
  return Label{std::string(*ko), std::string(*en)};
}

}  // namespace

std::optional<std::string> ParseHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out(hex.size() / 2, '\0');
  size_t len = 0;
  if (sodium_hex2bin(security::MutableBytes(out), out.size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0 ||
      len != out.size()) {
    return std::nullopt;
  }
  return out;
}

const std::vector<Template>& Templates() {
  static const std::vector<Template> kTemplates = MakeTemplates();
  return kTemplates;
}

const Template* TemplateFor(std::string_view org_kind) {
  for (const auto& t : Templates()) {
    if (t.org_kind == org_kind) return &t;
  }
  return nullptr;
}

std::optional<ReportPeriod> ParsePeriod(std::string_view text) {
  if (text.size() < 4 || !Digits(text.substr(0, 4)) || text.substr(0, 2) != "20") {
    return std::nullopt;
  }
  const std::string year(text.substr(0, 4));
  if (text.size() == 4) return ReportPeriod{year, year + "-01-01", year + "-12-31"};
  if (text.size() != 7 || text.substr(4, 2) != "-Q" || text[6] < '1' || text[6] > '4') {
    return std::nullopt;
  }
  static constexpr std::string_view kFrom[] = {"-01-01", "-04-01", "-07-01", "-10-01"};
  static constexpr std::string_view kTo[] = {"-03-31", "-06-30", "-09-30", "-12-31"};
  const int q = text[6] - '1';
  return ReportPeriod{std::string(text), year + std::string(kFrom[q]), year + std::string(kTo[q])};
}

std::vector<Section> Fill(const Template& t, const Figures& figures) {
  std::vector<Section> out;
  for (const auto& s : t.sections) {
    Section section{s.key, s.title, {}};
    for (const auto& r : s.rows) {
      auto it = figures.find(r.key);
      section.rows.push_back({r.key, r.label, r.unit, it == figures.end() ? 0 : it->second.value});
    }
    if (!s.open_prefix.empty()) {
      for (auto it = figures.lower_bound(s.open_prefix);
           it != figures.end() && it->first.starts_with(s.open_prefix); ++it) {
        section.rows.push_back({it->first, it->second.label.value_or(L(it->first, it->first)),
                                s.open_unit, it->second.value});
      }
    }
    out.push_back(std::move(section));
  }
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> Values(const std::vector<Section>& sections) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& s : sections) {
    for (const auto& r : s.rows) out.emplace_back(r.key, r.value);
  }
  return out;
}

std::vector<Change> Compare(const std::vector<Section>& filed, const std::vector<Section>& now) {
  const auto before = Values(filed);
  const auto after = Values(now);
  std::map<std::string, std::int64_t> now_by_key(after.begin(), after.end());
  std::set<std::string> seen;
  std::vector<Change> out;
  for (const auto& [key, value] : before) {
    seen.insert(key);
    auto it = now_by_key.find(key);
    const std::int64_t n = it == now_by_key.end() ? 0 : it->second;
    if (n != value) out.push_back({key, value, n});
  }
  for (const auto& [key, value] : after) {
    if (!seen.contains(key) && value != 0) out.push_back({key, 0, value});
  }
  return out;
}

json::array SectionsJson(const std::vector<Section>& sections) {
  json::array out;
  for (const auto& s : sections) {
    json::array rows;
    for (const auto& r : s.rows) {
      rows.push_back(json::object{{"key", r.key},
                                  {"label", json::object{{"ko", r.label.ko}, {"en", r.label.en}}},
                                  {"unit", r.unit},
                                  {"value", r.value}});
    }
    out.push_back(json::object{{"key", s.key},
                               {"title", json::object{{"ko", s.title.ko}, {"en", s.title.en}}},
                               {"rows", std::move(rows)}});
  }
  return out;
}

Result<std::vector<Section>> SectionsFromJson(const json::value& v) {
  const json::array* sections = v.if_array();
  if (!sections) return Malformed("sections is not an array");
  std::vector<Section> out;
  for (const auto& sv : *sections) {
    const json::object* so = sv.if_object();
    const json::string* key = so ? Str(*so, "key") : nullptr;
    const json::array* rows = nullptr;
    if (so) {
      auto it = so->find("rows");
      if (it != so->end()) rows = it->value().if_array();
    }
    if (!key || !rows) return Malformed("a section lacks its key or rows");
    auto title_it = so->find("title");
    Section s{std::string(*key),
              TRY(LabelFrom(title_it == so->end() ? nullptr : &title_it->value())),
              {}};
    for (const auto& rv : *rows) {
      const json::object* ro = rv.if_object();
      const json::string* rkey = ro ? Str(*ro, "key") : nullptr;
      const json::string* unit = ro ? Str(*ro, "unit") : nullptr;
      const json::value* value = nullptr;
      if (ro) {
        auto it = ro->find("value");
        if (it != ro->end() && it->value().is_int64()) value = &it->value();
      }
      if (!rkey || !unit || !value) return Malformed("a row lacks its key, unit or value");
      auto label_it = ro->find("label");
      s.rows.push_back({std::string(*rkey),
                        TRY(LabelFrom(label_it == ro->end() ? nullptr : &label_it->value())),
                        std::string(*unit), value->as_int64()});
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::string Canonical(const json::value& v) { return json::serialize(Sorted(v)); }

std::string SignedMessage(const json::value& snapshot) {
  return std::string(kDomain) + Canonical(snapshot);
}

json::object SignedFile(const json::value& snapshot, std::string_view signature,
                        std::string_view public_key) {
  return json::object{{"snapshot", snapshot},
                      {"signature", ToHex(signature)},
                      {"public_key", ToHex(public_key)},
                      {"algorithm", "ed25519"}};
}

Result<Verified> VerifyFile(std::string_view text, std::string_view trusted_public_key) {
  security::EnsureSodium();
  boost::system::error_code ec;
  json::value file = json::parse(text, ec);
  if (ec || !file.is_object()) return Malformed("not a JSON object");
  const json::object& o = file.as_object();
  auto snap_it = o.find("snapshot");
  const json::string* signature_hex = Str(o, "signature");
  const json::string* algorithm = Str(o, "algorithm");
  if (snap_it == o.end() || !snap_it->value().is_object() || !signature_hex || !algorithm) {
    return Malformed("not a Dandelion signed report (snapshot, signature, algorithm)");
  }
  if (*algorithm != "ed25519") return Malformed("unknown algorithm " + std::string(*algorithm));
  auto signature = ParseHex(*signature_hex);
  if (!signature || signature->size() != crypto_sign_BYTES) {
    return Malformed("the signature is not 64 bytes of hex");
  }
  if (trusted_public_key.size() != crypto_sign_PUBLICKEYBYTES) {
    return Fail(ErrorCode::kInvalid, "report.signature_invalid",
                "the trusted public key is not 32 bytes");
  }
  const std::string message = SignedMessage(snap_it->value());
  if (crypto_sign_verify_detached(security::Bytes(*signature), security::Bytes(message),
                                  message.size(), security::Bytes(trusted_public_key)) != 0) {
    return Fail(ErrorCode::kInvalid, "report.signature_invalid",
                "the signature does not verify: the report was altered, or signed by another key");
  }
  const json::object& snap = snap_it->value().as_object();
  Verified out;
  if (auto it = snap.find("organization"); it != snap.end() && it->value().is_object()) {
    const auto& org = it->value().as_object();
    if (auto* id = Str(org, "id")) out.org_id = std::string(*id);
    if (auto* name = Str(org, "name")) out.org_name = std::string(*name);
  }
  if (auto* p = Str(snap, "period")) out.period = std::string(*p);
  if (auto* t = Str(snap, "template")) out.template_key = std::string(*t);
  if (auto* f = Str(snap, "filed_at")) out.filed_at = std::string(*f);
  return out;
}

}  // namespace dandelion::reports

#include "app/demo_policy.h"

#include <map>

namespace dandelion::app {
namespace {

struct DemoStatus {
  const char* status;
  const char* on;
  const char* note;
};

struct DemoItem {
  const char* kind;
  const char* jurisdiction;
  const char* title;
  const char* stance;
  bool published;
  std::vector<DemoStatus> history;
  // living_cost_amount, living_cost_months, housing_amount, self_reliance_grant (0 = none), then
  // the yes/no criteria: job_training, selection_committee, fraud_clawback,
  // district_closure_plan, survivor_consultation.
  std::vector<int64_t> scores;
};

const std::vector<DemoItem>& Items() {
  static const std::vector<DemoItem> items = {
      {"law",
       "KR",
       "성매매알선 등 행위의 처벌에 관한 법률",
       "amend",
       true,
       {{"enacted", "2004-03-22", "제정"},
        {"amended", "2011-05-23", "일부개정"},
        {"amended", "2021-03-16", "일부개정"}},
       {}},
      {"law",
       "KR",
       "성매매방지 및 피해자보호 등에 관한 법률",
       "support",
       true,
       {{"enacted", "2004-03-22", "제정"},
        {"amended", "2014-01-28", "일부개정"},
        {"amended", "2023-04-11", "일부개정"}},
       {}},
      {"bill",
       "KR",
       "성매매알선 등 행위의 처벌에 관한 법률 일부개정법률안(성매매 여성 비범죄화)",
       "support",
       true,
       {{"proposed", "2025-06-10", "의원 발의"},
        {"under_review", "2025-09-02", "법제사법위원회 회부"}},
       {}},
      {"bill",
       "KR",
       "성매매방지 및 피해자보호 등에 관한 법률 일부개정법률안(자활지원 확대)",
       "support",
       false,
       {{"proposed", "2026-02-17", "의원 발의"}},
       {}},
      {"ordinance",
       "KR-41",
       "경기도 성매매피해자 등의 자립·자활 지원 조례",
       "support",
       true,
       {{"proposed", "2019-10-01", nullptr}, {"enacted", "2020-07-15", nullptr}},
       {1000000, 24, 7000000, 4000000, 1, 1, 1, 0, 1}},
      {"ordinance",
       "KR-45",
       "전북특별자치도 성매매피해자 자립 지원 조례",
       "support",
       true,
       {{"enacted", "2021-04-09", nullptr}},
       {800000, 12, 5000000, 0, 1, 1, 1, 1, 0}},
      {"ordinance",
       "KR-46",
       "전라남도 성매매피해자 등의 자활 지원 조례",
       "support",
       true,
       {{"enacted", "2021-11-04", nullptr}},
       {700000, 12, 0, 3000000, 1, 1, 0, 0, 0}},
      {"ordinance",
       "KR-48",
       "경상남도 성매매피해자 자립 지원 조례",
       "support",
       true,
       {{"enacted", "2022-05-19", nullptr}},
       {1000000, 12, 7000000, 0, 1, 1, 1, 1, 1}},
      {"ordinance",
       "KR-44",
       "충청남도 성매매피해자 등의 자립 지원 조례",
       "support",
       true,
       {{"enacted", "2022-12-29", nullptr}},
       {600000, 6, 0, 0, 1, 1, 1, 0, 0}},
      {"ordinance",
       "KR-26",
       "부산광역시 성매매피해자 자활 지원 조례",
       "amend",
       true,
       {{"enacted", "2020-12-30", nullptr}, {"amended", "2023-07-12", "지원 기간 연장"}},
       {1000000, 12, 6000000, 2000000, 1, 1, 1, 1, 0}},
      {"ordinance",
       "KR-11",
       "서울특별시 성매매피해자 등의 자립 지원 조례(안)",
       "support",
       true,
       {{"proposed", "2025-11-20", nullptr}, {"under_review", "2026-02-03", "상임위 심사"}},
       {}},
      {"ordinance",
       "KR-27",
       "대구광역시 성매매피해자 자활 지원 조례(안)",
       "support",
       false,
       {{"proposed", "2026-01-15", nullptr}},
       {}},
      {"ordinance",
       "52110",
       "전주시 성매매피해자 등의 자활 지원 조례",
       "support",
       true,
       {{"enacted", "2019-11-28", nullptr}, {"amended", "2022-05-17", "집결지 기능 전환 연계"}},
       {1000000, 24, 7000000, 4400000, 1, 1, 1, 1, 1}},
      {"ordinance",
       "46130",
       "여수시 성매매피해자 등의 자립·자활 지원 조례",
       "support",
       true,
       {{"enacted", "2021-08-12", nullptr}},
       {1000000, 12, 7000000, 4000000, 1, 1, 1, 0, 0}},
      {"ordinance",
       "41110",
       "수원시 성매매피해자 등의 자활 지원 조례",
       "support",
       true,
       {{"enacted", "2021-12-30", nullptr}},
       {1000000, 12, 7000000, 4000000, 1, 1, 1, 1, 0}},
      {"ordinance",
       "48120",
       "창원시 성매매피해자 등의 자활 지원 조례",
       "support",
       true,
       {{"enacted", "2022-01-05", nullptr}},
       {1000000, 12, 7000000, 4000000, 1, 1, 1, 1, 1}},
      {"ordinance",
       "41480",
       "파주시 성매매피해자 등의 자립 지원 조례",
       "support",
       true,
       {{"enacted", "2020-09-21", nullptr}},
       {1000000, 24, 7000000, 4400000, 1, 1, 1, 1, 0}},
  };
  return items;
}

constexpr const char* kScoreKeys[] = {
    "living_cost_amount",  "living_cost_months",    "housing_amount",
    "self_reliance_grant", "job_training",          "selection_committee",
    "fraud_clawback",      "district_closure_plan", "survivor_consultation"};

}  // namespace

Result<int> FillDemoPolicy(Services& services, const security::Actor& advocate) {
  auto& policy = *services.policy;
  std::map<std::string, std::string> ids;
  int written = 0;
  for (const auto& d : Items()) {
    policy::ItemFields in;
    in.kind = d.kind;
    in.jurisdiction = d.jurisdiction;
    in.title = d.title;
    in.stance = d.stance;
    in.summary = "(데모) 합성 자료입니다. 실제 조문과 다를 수 있습니다.";
    in.topic = std::string(d.kind) == "ordinance" ? "자립·자활 지원" : "성매매 방지";
    in.published = d.published;
    in.status = d.history.front().status;
    in.status_on = d.history.front().on;
    if (d.history.front().note) in.status_note = d.history.front().note;
    auto item = TRY(policy.CreateItem(advocate, in));
    const std::string id = item.view.item.id;
    ids[d.title] = id;
    for (size_t i = 1; i < d.history.size(); ++i) {
      const auto& h = d.history[i];
      TRY(policy.AddStatus(advocate, id, h.status, h.on, h.note ? h.note : ""));
    }
    if (!d.scores.empty()) {
      std::vector<policy::ScoreInput> scores;
      scores.push_back({.criterion = "living_cost", .value = 1, .value_given = true});
      for (size_t i = 0; i < d.scores.size() && i < std::size(kScoreKeys); ++i) {
        policy::ScoreInput s{.criterion = kScoreKeys[i], .value_given = true};
        if (d.scores[i] > 0 || i >= 4) s.value = d.scores[i];
        scores.push_back(s);
      }
      TRY(policy.SetScores(advocate, id, scores));
    }
    ++written;
  }
  const std::string seoul = ids["서울특별시 성매매피해자 등의 자립 지원 조례(안)"];
  TRY(policy.AddLink(advocate, ids["성매매방지 및 피해자보호 등에 관한 법률"], "법령 원문",
                     "https://www.law.go.kr/"));
  TRY(policy.CreateEvent(advocate, {.kind = "hearing",
                                    .title = "서울시 성매매피해자 자립 지원 조례 제정 공청회",
                                    .on = "2026-03-12",
                                    .time = "14:00",
                                    .jurisdiction = "KR-11",
                                    .item_id = seoul,
                                    .place = "서울시의회 별관 대회의실"}));
  TRY(policy.CreateEvent(advocate, {.kind = "council_session",
                                    .title = "대구시의회 기획행정위원회 조례안 심사",
                                    .on = "2026-04-08",
                                    .time = "10:00",
                                    .jurisdiction = "KR-27",
                                    .item_id = ids["대구광역시 성매매피해자 자활 지원 조례(안)"]}));
  TRY(policy.CreateSubmission(advocate, {.kind = "recommendation",
                                         .item_id = seoul,
                                         .title = "생계비 지원 기간 24개월 보장 의견서",
                                         .addressee = "서울특별시의회",
                                         .submitted_on = "2026-02-20",
                                         .response_on = "2026-03-05",
                                         .response_summary = "심사 과정에서 검토하겠다는 회신"}));
  TRY(policy.CreateTask(advocate, {.title = "대구시의회 조례안 심사 결과 확인",
                                   .item_id = ids["대구광역시 성매매피해자 자활 지원 조례(안)"],
                                   .assignee_id = advocate.user_id,
                                   .due_on = "2026-04-10"}));
  TRY(policy.CreateStatement(
      advocate,
      {.title_ko = "(데모) 서울시는 성매매피해자 자립 지원 조례를 조속히 제정하라",
       .title_en = "(Demo) Seoul must pass its ordinance supporting survivors without delay",
       .body_ko = "여섯 개 광역자치단체와 여러 기초자치단체가 이미 자립 지원 조례를 시행하고 "
                  "있습니다. 서울시의회는 당사자의 목소리를 듣고 조례를 제정해야 합니다.",
       .body_en = "Six regions and many cities already support women leaving prostitution by "
                  "ordinance. Seoul's council must hear survivors and pass its own.",
       .item_id = seoul,
       .published = true}));
  return written;
}

}  // namespace dandelion::app

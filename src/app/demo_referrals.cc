#include "app/demo_referrals.h"

#include <chrono>
#include <iostream>

namespace dandelion::app {
namespace {

using namespace std::chrono_literals;

// What each kind of member offers the network, and in which languages.
referrals::ProfileFields ProfileOf(const DemoTeam& team, const std::string& region) {
  referrals::ProfileFields p;
  p.regions = {region};
  if (region == "KR-11") p.regions.push_back("KR-41");
  if (region == "KR-41") p.regions.push_back("KR-11");
  p.languages = {"ko"};
  p.accepting = true;
  p.response_days = 3;
  p.intake_contact = "(데모) 대표전화 평일 9–18시, 접수 담당자";
  if (team.kind == "counseling_center") {
    p.services = {"counseling", "psychological_therapy",       "legal_assistance",
                  "medical",    "investigation_accompaniment", "court_accompaniment"};
  } else if (team.kind == "support_facility") {
    p.services = {"housing_support", "counseling", "psychological_therapy"};
    if (team.facility_type == "foreigner") p.languages = {"ko", "vi", "th", "tl", "mn"};
    if (team.facility_type == "youth") p.services.push_back("education");
  } else {
    p.services = {"vocational_training", "education", "living_expense_support", "housing_support"};
  }
  return p;
}

// One demo referral: who sends, to whom, and where it ends.
struct Story {
  const char* from;
  const char* to;  // "" = outside the network
  const char* kind;
  const char* urgency;
  const char* services;  // one service type
  const char* ending;    // sent | accepted | declined | withdrawn | completed | override
  int days_ago;
  const char* note;
};

constexpr Story kStories[] = {
    {"seoul-counsel", "gyeonggi-shelter", "transfer", "urgent", "housing_support", "accepted", 20,
     "(데모) 업주의 연락이 계속되어 거처 이동이 필요합니다."},
    {"busan-counsel", "gyeonggi-shelter", "referral", "routine", "housing_support", "sent", 6,
     "(데모) 부산을 떠나 지내기를 원합니다. 주간 상담은 계속합니다."},
    {"seoul-counsel", "seoul-selfreliance", "referral", "routine", "vocational_training",
     "completed", 60, "(데모) 제과제빵 과정을 희망합니다."},
    {"daegu-counsel", "incheon-youth", "referral", "urgent", "housing_support", "declined", 12,
     "(데모) 청소년 당사자, 보호자 연락 금지."},
    {"gwangju-counsel", "seoul-migrant", "referral", "routine", "housing_support", "withdrawn", 9,
     "(데모) 통역이 필요합니다."},
    {"busan-counsel", "daejeon-grouphome", "referral", "urgent", "housing_support", "override", 0,
     "(데모) 생명 위험: 오늘 중 이동이 필요합니다."},
    {"gunsan-counsel", "", "referral", "routine", "legal_assistance", "sent", 3,
     "(데모) 진술 조사 동행을 요청합니다."},
    {"jeju-counsel", "busan-selfreliance", "referral", "routine", "education", "sent", 0,
     "(데모) 검정고시 준비를 원합니다."},
};

const DemoTeam* TeamOf(std::span<const DemoTeam> teams, std::string_view slug) {
  for (const auto& t : teams) {
    if (t.slug == slug) return &t;
  }
  return nullptr;
}

class Writer {
 public:
  Writer(Services& s, DemoClock& clock) : s_(s), clock_(clock) {}

  Result<void> Tell(const Story& story, const DemoTeam& from, const DemoTeam* to,
                    const std::string& to_org_id, int number) {
    const TimePoint start = std::chrono::system_clock::now() - std::chrono::days(story.days_ago);
    clock_.Pin(start - 1h);
    people::PersonFields f;
    f.legal_name = "(데모) 의뢰 당사자 " + std::to_string(number);
    f.alias = "(데모) 민들레씨앗" + std::to_string(number);
    f.phone = "010-0000-" + std::to_string(7000 + number);
    f.languages = std::vector<std::string>{"ko"};
    people::Person her = TRY(s_.people->Create(from.worker, f));
    cases::CaseFields c;
    c.person_id = her.id;
    c.intake_channel = "hotline";
    c.risk_level = story.urgency == std::string_view("urgent") ? "high" : "medium";
    c.summary = "(데모) 의뢰를 위한 사례";
    cases::Case kase = TRY(s_.cases->Open(from.worker, c));
    const bool external = to == nullptr;
    const bool override_ = story.ending == std::string_view("override");
    if (!override_) {
      case_records::ConsentFields consent{.kind = "referral_sharing",
                                          .scope_fields = {"alias", "phone", "languages"},
                                          .scope_org_id = to_org_id,
                                          .method = "written"};
      if (external) {
        consent.scope_fields = {"legal_name"};
        consent.scope_external = "(데모) 군산경찰서 여성청소년과";
      }
      TRY(s_.case_records->consents.Give(from.worker, her.id, consent));
    }
    clock_.Pin(start);
    referrals::SendFields send{.case_id = kase.id,
                               .to_org_id = to_org_id,
                               .kind = story.kind,
                               .services = {story.services},
                               .urgency = story.urgency,
                               .note = story.note,
                               .share = {"alias", "phone", "languages"}};
    if (external) {
      send.external = referrals::ExternalParty{"(데모) 군산경찰서 여성청소년과", "police"};
      send.share = {"legal_name"};
    }
    if (override_) send.override_reason = "(데모) 업주가 거처를 알아냈다는 연락을 받음";
    const security::Actor& sender = override_ ? from.supervisor : from.worker;
    referrals::Referral r = TRY(s_.referrals->Send(sender, send));
    clock_.Pin(start + 26h);
    const std::string_view ending = story.ending;
    if (ending == "withdrawn") {
      TRY(s_.referrals->Withdraw(from.worker, r.id, "(데모) 본인이 지역에 머물기로 함"));
    } else if (ending == "declined") {
      TRY(s_.referrals->Decline(to->worker, r.id,
                                {.reason = "no_capacity", .note = "(데모) 만실"}));
    } else if (ending == "accepted" || ending == "completed") {
      TRY(s_.referrals->Accept(to->worker, r.id));
      if (ending == "completed") {
        clock_.Pin(start + std::chrono::days(30));
        TRY(s_.referrals->Complete(to->worker, r.id, {.outcome = "successful"}));
      }
    }
    clock_.Release();
    return Ok();
  }

 private:
  Services& s_;
  DemoClock& clock_;
};

}  // namespace

Result<int> FillDemoReferrals(Services& services, DemoClock& clock, std::span<const DemoTeam> teams,
                              const std::map<std::string, security::Actor>& admins) {
  std::map<std::string, std::string> org_ids;
  for (const auto& team : teams) {
    const auto admin = admins.find(team.slug);
    if (admin == admins.end()) continue;
    org_ids[team.slug] = team.worker.org_id;
    auto org = TRY(services.orgs->Get(admin->second, team.worker.org_id));
    TRY(services.referrals->SaveProfile(admin->second, ProfileOf(team, org.region)));
  }
  Writer writer(services, clock);
  int made = 0;
  for (const Story& story : kStories) {
    const DemoTeam* from = TeamOf(teams, story.from);
    const DemoTeam* to = *story.to ? TeamOf(teams, story.to) : nullptr;
    if (from == nullptr || (*story.to && to == nullptr)) continue;
    TRY(writer.Tell(story, *from, to, to ? to->worker.org_id : "", ++made));
    std::cout << "  " << story.from << " → " << (*story.to ? story.to : "police") << ": "
              << story.ending << "\n"
              << std::flush;
  }
  return made;
}

}  // namespace dandelion::app

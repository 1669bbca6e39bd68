// `dandelion demo`: fills a new data dir with a synthetic network for trying Dandelion out.
//
// Everything here is invented and marked as such: organizations are named "(데모)", the data
// dir's config says `demo = true` (the web app shows a banner), and every account shares one
// published password. It goes through the same services as the console and the API.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "app/admin_commands.h"
#include "app/commands.h"
#include "app/demo_campaigns.h"
#include "app/demo_caseload.h"
#include "app/demo_events.h"
#include "app/demo_funds.h"
#include "app/demo_policy.h"
#include "app/demo_programs.h"
#include "app/demo_referrals.h"
#include "app/demo_reports.h"
#include "app/demo_shelters.h"
#include "app/demo_survivors.h"
#include "app/demo_training.h"
#include "app/services.h"

namespace dandelion::app {
namespace {

struct DemoOrg {
  const char* slug;
  const char* name;
  const char* kind;
  const char* facility_type;
  const char* region;
};

// The secretariat and thirteen member organizations of every kind across regions.
constexpr DemoOrg kOrgs[] = {
    {"secretariat", "(데모) 전국연대 사무국", "secretariat", "", "KR-11"},
    {"seoul-counsel", "(데모) 서울 상담소", "counseling_center", "", "KR-11"},
    {"busan-counsel", "(데모) 부산 상담소", "counseling_center", "", "KR-26"},
    {"daegu-counsel", "(데모) 대구 상담소", "counseling_center", "", "KR-27"},
    {"gwangju-counsel", "(데모) 광주 상담소", "counseling_center", "", "KR-29"},
    {"gunsan-counsel", "(데모) 군산 상담소", "counseling_center", "", "KR-45"},
    {"jeju-counsel", "(데모) 제주 상담소", "counseling_center", "", "KR-49"},
    {"gyeonggi-shelter", "(데모) 경기 일반 지원시설", "support_facility", "general", "KR-41"},
    {"incheon-youth", "(데모) 인천 청소년 지원시설", "support_facility", "youth", "KR-28"},
    {"seoul-migrant", "(데모) 서울 외국인 지원시설", "support_facility", "foreigner", "KR-11"},
    {"daejeon-grouphome", "(데모) 대전 자립지원공동생활", "support_facility", "group_home",
     "KR-30"},
    {"seoul-selfreliance", "(데모) 서울 자활지원센터", "self_reliance_center", "", "KR-11"},
    {"busan-selfreliance", "(데모) 부산 자활지원센터", "self_reliance_center", "", "KR-26"},
    {"survivors", "(데모) 당사자 네트워크", "survivor_network", "", "KR-11"},
};

// The role that only some kinds of organization have.
const char* KindRole(std::string_view kind) {
  if (kind == "counseling_center") return "dispatcher";
  if (kind == "support_facility") return "shelter_staff";
  if (kind == "self_reliance_center") return "finance";
  return nullptr;
}

// The survivors each case-work organization invents: a caseload one can browse, small enough
// for the demo to stay quick.
constexpr int kPeoplePerTeam = 25;

bool DoesCaseWork(std::string_view kind) {
  return kind == "counseling_center" || kind == "support_facility" ||
         kind == "self_reliance_center";
}

security::Actor Staff(const std::string& org_id, const std::string& user_id,
                      const std::string& role) {
  security::Actor a;
  a.user_id = user_id;
  a.org_id = org_id;
  a.roles = {role};
  a.mfa_complete = true;
  a.remote = "cli";
  a.request_id = "demo";
  return a;
}

// A dispatcher puts herself on call for the demo's first month, so the dispatch board has
// someone on duty. Each organization covers its own region by default (emergency/).
Result<void> PutOnCall(Services& services, const std::string& org_id, const std::string& user_id) {
  security::Actor dispatcher;
  dispatcher.user_id = user_id;
  dispatcher.org_id = org_id;
  dispatcher.roles = {"dispatcher"};
  dispatcher.remote = "cli";
  dispatcher.request_id = "demo";
  const TimePoint now = services.clock->Now();
  auto shift =
      services.emergency->AddOnCall(dispatcher, user_id, now, now + std::chrono::hours(24 * 30));
  if (!shift) return Fail(shift.error());
  return Ok();
}

Result<void> MarkDemo(const std::string& data_dir) {
  auto path = std::filesystem::path(data_dir) / "config.toml";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string config = text.str();
  const std::string off = "# demo = false";
  auto pos = config.find(off);
  if (pos == std::string::npos) {
    return Fail(ErrorCode::kConflict, "error.conflict", "config.toml has no demo setting to set");
  }
  config.replace(pos, off.size(), "demo = true");
  std::ofstream out(path, std::ios::trunc);
  out << config;
  out.flush();
  if (!out) return Fail(ErrorCode::kInternal, "error.internal", "cannot write config.toml");
  return Ok();
}

}  // namespace

Result<void> FillDemo(const std::string& data_dir) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::path(data_dir) / "config.toml", ec)) {
    TRY(InitDataDir(data_dir, ""));
  }
  {
    auto s = Services::Open(data_dir, 1);
    if (!s) return Fail(s.error());
    auto orgs = (*s)->orgs->List(security::Actor::Console());
    if (!orgs) return Fail(orgs.error());
    if (!orgs->empty()) {
      return Fail(ErrorCode::kConflict, "error.conflict",
                  data_dir + " already has organizations; demo fills only a new data dir");
    }
  }
  TRY(MarkDemo(data_dir));
  auto owned_clock = std::make_unique<DemoClock>();
  DemoClock& clock = *owned_clock;
  auto s = Services::Open(data_dir, 1, false, std::move(owned_clock));
  if (!s) return Fail(s.error());
  Services& services = **s;
  const auto console = security::Actor::Console();
  int users = 0;
  std::vector<DemoTeam> teams;
  std::vector<security::Actor> shelter_staff;
  std::map<std::string, security::Actor> admins;
  security::Actor advocate;
  std::vector<DemoFundTeam> fund_teams;
  std::cout << "Creating a synthetic demo network (합성 데모 네트워크를 만드는 중):\n";
  for (size_t i = 0; i < std::size(kOrgs); ++i) {
    const DemoOrg& d = kOrgs[i];
    auto org = services.orgs->Create(console, {d.slug, d.name, d.kind, d.facility_type, d.region});
    if (!org) return Fail(org.error());
    DemoTeam team{d.slug, d.kind, d.facility_type, {}, {}, false};
    // One restricted case in a counseling center and one in a shelter.
    team.restricted_case = std::string_view(d.slug) == "seoul-counsel" ||
                           std::string_view(d.slug) == "gyeonggi-shelter";
    std::vector<std::pair<std::string, std::string>> accounts;
    security::Actor finance_of;
    if (std::string_view(d.kind) == "secretariat") {
      // The secretariat is the last resort of every escalation: it has a dispatcher too.
      accounts = {{"network-admin", "network_admin"},
                  {"network-auditor", "auditor"},
                  {"advocate", "advocate"},
                  {"researcher", "researcher"},
                  {"dispatcher", "dispatcher"}};
    } else {
      accounts = {{"admin", "org_admin"}, {"worker", "case_worker"}, {"supervisor", "supervisor"}};
      if (const char* role = KindRole(d.kind)) accounts.emplace_back(role, role);
      if (std::string_view(d.slug) == "seoul-counsel") accounts.emplace_back("auditor", "auditor");
    }
    for (const auto& [suffix, role] : accounts) {
      network::NewUser user;
      user.username = std::string(d.slug) + "-" + suffix;
      for (auto& c : user.username) c = c == '_' ? '-' : c;
      user.display_name = std::string(d.name) + " " + suffix;
      user.roles = {role};
      user.password = kDemoPassword;
      auto created = services.users->Create(console, org->id, user);
      if (!created) return Fail(created.error());
      ++users;
      if (role == "case_worker") team.worker = Staff(org->id, created->user.account.id, role);
      if (role == "supervisor") team.supervisor = Staff(org->id, created->user.account.id, role);
      if (role == "org_admin") admins[d.slug] = Staff(org->id, created->user.account.id, role);
      if (role == "advocate") advocate = Staff(org->id, created->user.account.id, role);
      if (role == "dispatcher") {
        TRY(PutOnCall(services, org->id, created->user.account.id));
      }
      if (role == "shelter_staff") {
        shelter_staff.push_back(Staff(org->id, created->user.account.id, role));
      }
      if (role == "finance") finance_of = Staff(org->id, created->user.account.id, role);
    }
    if (DoesCaseWork(d.kind)) teams.push_back(team);
    if (std::string_view(d.kind) == "self_reliance_center") {
      fund_teams.push_back({.admin = admins[d.slug],
                            .finance = finance_of,
                            .worker = team.worker,
                            .supervisor = team.supervisor});
    }
    std::cout << "  [" << i + 1 << "/" << std::size(kOrgs) << "] " << d.name << "\n" << std::flush;
  }
  std::cout << "Inventing a caseload over the past two years (지난 2년의 합성 사례를 만드는 중):\n"
            << std::flush;
  auto caseload = FillDemoCaseload(services, clock, teams, kPeoplePerTeam);
  if (!caseload) return Fail(caseload.error());
  std::cout << "Filling the shelters (지원시설의 입소 기록을 만드는 중):\n" << std::flush;
  auto beds = TRY(FillDemoShelters(services, clock, shelter_staff));
  std::cout << "Referring between members (기관 간 의뢰를 만드는 중):\n" << std::flush;
  const int referred = TRY(FillDemoReferrals(services, clock, teams, admins));
  std::cout << "Keeping the support-fund ledgers (자활지원센터의 지원금 원장을 만드는 중):\n"
            << std::flush;
  const int fund_entries = TRY(FillDemoFunds(services, fund_teams));
  std::cout << "Running self-reliance programs (자활 프로그램과 출석을 만드는 중):\n" << std::flush;
  const auto programs = TRY(FillDemoPrograms(services, fund_teams));
  std::cout << "Preparing and filing last year's reports (지난해 실적 보고서를 작성하고 제출하는 "
               "중):\n"
            << std::flush;
  const auto reported = TRY(FillDemoReports(services, clock, teams, admins));
  std::cout << "Watching laws and ordinances (법령과 조례 모니터링 자료를 만드는 중):\n"
            << std::flush;
  const int policy_items = TRY(FillDemoPolicy(services, advocate));
  std::cout << "Holding this year's pilgrimage and events (올해의 순례와 행사를 만드는 중):\n"
            << std::flush;
  const auto events = TRY(FillDemoEvents(services, advocate, admins["gunsan-counsel"]));
  std::cout << "Walking the pilgrimage's route with partners (순례 경로와 협력 단체를 만드는 중):\n"
            << std::flush;
  const auto campaigns =
      TRY(FillDemoCampaigns(services, advocate, admins["gunsan-counsel"].org_id));
  std::cout << "Training new activists (신입 활동가 교육과 수료증을 만드는 중):\n" << std::flush;
  const auto trained = TRY(FillDemoTraining(services, advocate));
  std::cout << "Gathering the survivors' network (당사자 네트워크의 모임과 성명을 만드는 중):\n"
            << std::flush;
  const auto network = TRY(FillDemoSurvivors(services, admins["survivors"]));
  users += network.accounts;
  std::cout << "\n"
            << caseload->people << " synthetic survivors (" << caseload->writes
            << " records), each marked (데모)\n"
            << beds.stays << " stays in " << beds.beds << " shelter beds\n"
            << referred << " referrals between members, in every state\n"
            << fund_entries << " support-fund payments under two cities' rules\n"
            << programs.programs << " self-reliance programs with " << programs.marks
            << " attendance marks\n"
            << reported.filed << " periodic reports filed and signed, " << reported.drafts
            << " in preparation\n"
            << policy_items << " laws, bills and ordinances on the policy map\n"
            << events.events << " events with " << events.registrations << " registrations and "
            << events.check_ins << " check-ins\n"
            << campaigns.campaigns << " campaigns with " << campaigns.stops << " stops, "
            << campaigns.partners << " partners\n"
            << trained.courses << " activist training course with " << trained.sessions
            << " sessions, " << trained.trainees << " trainees and " << trained.certificates
            << " certificate issued\n"
            << network.members << " members of the survivors' network in " << network.groups
            << " groups, " << network.meetings << " meetings, " << network.statements
            << " statements\n"
            << users << " demo accounts share the password: " << kDemoPassword << "\n"
            << "  e.g. secretariat-network-admin, seoul-counsel-admin, seoul-counsel-worker,\n"
            << "       gyeonggi-shelter-shelter-staff, seoul-counsel-dispatcher\n"
            << "데모 계정의 비밀번호는 모두 위와 같습니다. 실제 정보를 입력하지 마세요.\n";
  return Ok();
}

}  // namespace dandelion::app

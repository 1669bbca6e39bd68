#include "app/demo_survivors.h"

#include <chrono>
#include <map>

#include "app/commands.h"
#include "core/korea_date.h"

namespace dandelion::app {
namespace {

using std::chrono::hours;
using survivors::MemberInput;
namespace repo = survivors::repo;

struct DemoMember {
  const char* alias;
  int group;  // index into the groups
  std::vector<std::string> roles;
  const char* account;  // "" for none
};

security::Actor MemberActor(const security::Actor& admin, const std::string& user_id) {
  security::Actor a = admin;
  a.user_id = user_id;
  a.roles = {"survivor_member"};
  return a;
}

}  // namespace

Result<DemoSurvivorCounts> FillDemoSurvivors(Services& services, const security::Actor& admin) {
  DemoSurvivorCounts counts;
  auto& sv = *services.survivors;
  const TimePoint now = services.clock->Now();
  std::vector<std::string> groups;
  for (auto [name, region] :
       {std::pair{"(데모) 서울 자조모임", "KR-11"}, std::pair{"(데모) 부산 자조모임", "KR-26"}}) {
    groups.push_back(TRY(sv.CreateGroup(admin, name, region)).stored.id);
    ++counts.groups;
  }
  const DemoMember kMembers[] = {
      {"(데모) 해바라기", 0, {"facilitator"}, "survivors-facilitator"},
      {"(데모) 동백", 1, {"facilitator"}, ""},
      {"(데모) 민들레", 0, {"coordinator"}, "survivors-coordinator"},
      {"(데모) 제비꽃", 0, {"peer_supporter"}, "survivors-peer"},
      {"(데모) 들꽃", 0, {}, "survivors-member"},
      {"(데모) 물망초", 0, {}, ""},
      {"(데모) 바다", 1, {}, ""},
  };
  std::vector<std::string> member_ids;
  std::map<std::string, security::Actor> actors;
  for (const auto& d : kMembers) {
    MemberInput in{.alias = d.alias, .group_id = groups[d.group], .roles = d.roles};
    in.contact = "010-5550-03" + std::to_string(10 + member_ids.size());
    in.safe_contact = "(데모) 문자로만 연락해 주세요";
    if (d.group == 0 && !member_ids.empty()) in.vouched_by = member_ids[0];
    if (d.group == 1 && member_ids.size() > 1) in.vouched_by = member_ids[1];
    auto m = TRY(sv.Admit(admin, in));
    member_ids.push_back(m.stored.id);
    ++counts.members;
    if (std::string_view(d.account).empty()) continue;
    network::NewUser user{.username = d.account,
                          .display_name = d.alias,
                          .roles = {"survivor_member"},
                          .password = kDemoPassword};
    auto created = TRY(services.users->Create(security::Actor::Console(), admin.org_id, user));
    TRY(sv.LinkAccount(admin, m.stored.id, created.user.account.id));
    actors[d.account] = MemberActor(admin, created.user.account.id);
    ++counts.accounts;
  }
  // Upcoming meetings of both groups, every other Thursday evening.
  for (int i = 0; i < 3; ++i) {
    for (int g = 0; g < 2; ++g) {
      const auto at = now + hours(24 * (3 + 14 * i) + 10);
      TRY(sv.AddMeeting(admin, groups[g],
                        {.starts_at = FormatRfc3339(at),
                         .topic = i == 0 ? "(데모) 새해 계획 나누기" : "(데모) 자조모임",
                         .place = g == 0 ? "(데모) 마포구 모임 공간" : "(데모) 부산진구 모임 공간",
                         .facilitator_id = member_ids[g]}));
      ++counts.meetings;
    }
  }
  const auto& peer = actors["survivors-peer"];
  for (int i = 0; i < 4; ++i) {
    repo::StoredPeerContact c{.date = KoreaDate(now - hours(24 * (2 + 5 * i))),
                              .region = i % 2 ? "KR-41" : "KR-11",
                              .mode = i % 2 ? "phone" : "in_person",
                              .minutes = 30 + 15 * i};
    TRY(sv.LogPeerContact(peer, c, "(데모) 안부를 나눔"));
    ++counts.peer_contacts;
  }
  events::EventFields gathering{.kind = "gathering",
                                .title_ko = "(데모) 전국 당사자 모임",
                                .title_en = "(Demo) National gathering of survivors",
                                .description_ko = "해마다 한 번 모두 모이는 자리입니다.",
                                .description_en = "Once a year, all of us together.",
                                .starts_at = now + hours(24 * 60),
                                .ends_at = now + hours(24 * 61),
                                .venue = "(데모) 대전 모임 장소",
                                .region = "KR-30"};
  TRY(services.events->Create(admin, gathering));
  TRY(sv.SetMinimum(admin, 3));
  const std::string published =
      TRY(sv.Draft(admin,
                   {.title_ko = "(데모) 성매매 피해 당사자들의 목소리를 들어 주십시오",
                    .title_en = "(Demo) Listen to the survivors of prostitution",
                    .body_ko = "우리는 처벌이 아니라 지원을 원합니다.\n합성 데모 자료입니다.",
                    .body_en = "We ask for support, not punishment.\nSynthetic demo data."}))
          .stored.id;
  TRY(sv.Move(admin, published, "open"));
  for (const auto& [name, actor] : actors) TRY(sv.SetSignature(actor, published, true));
  TRY(sv.Move(admin, published, "published"));
  const std::string open =
      TRY(sv.Draft(admin, {.title_ko = "(데모) 지원시설 퇴소 후 주거 지원을 늘려 주십시오",
                           .title_en = "(Demo) More housing support after leaving a shelter",
                           .body_ko = "퇴소 뒤의 삶을 함께 준비해 주십시오.",
                           .body_en = "Help us prepare the life after a shelter."}))
          .stored.id;
  TRY(sv.Move(admin, open, "open"));
  TRY(sv.SetSignature(actors["survivors-peer"], open, true));
  counts.statements = 2;
  return counts;
}

}  // namespace dandelion::app

#include "app/demo_events.h"

#include <chrono>

#include "core/korea_date.h"

namespace dandelion::app {
namespace {

using std::chrono::hours;

struct DemoEvent {
  const char* kind;
  const char* title_ko;
  const char* title_en;
  const char* venue;
  const char* region;
  int days_from_now;  // negative: already held
  int capacity;       // 0: no limit
  bool member;        // hosted by the Gunsan member
};

constexpr DemoEvent kEvents[] = {
    {"pilgrimage_stop", "(데모) 민들레 순례 — 서울 영등포 집결지",
     "(Demo) Dandelion Pilgrimage — Yeongdeungpo, Seoul", "영등포역 광장", "KR-11", -40, 0, false},
    {"pilgrimage_stop", "(데모) 민들레 순례 — 대구 자갈마당",
     "(Demo) Dandelion Pilgrimage — Jagalmadang, Daegu", "대구 중구 도원동", "KR-27", -33, 0,
     false},
    {"press_conference", "(데모) 성매매 여성 비범죄화 촉구 기자회견",
     "(Demo) Press conference: decriminalize women", "국회 소통관", "KR-11", -12, 60, false},
    {"forum", "(데모) 성구매 수요 차단 정책 포럼", "(Demo) Policy forum: curbing demand",
     "서울 중구 전국연대 교육장", "KR-11", 9, 40, false},
    {"memorial", "(데모) 민들레 순례 — 군산 개복동·대명동 화재 참사 추모",
     "(Demo) Dandelion Pilgrimage — Gunsan fire memorial", "군산 개복동 화재 현장", "KR-45", 19,
     120, true},
    {"pilgrimage_stop", "(데모) 민들레 순례 — 부산 완월동",
     "(Demo) Dandelion Pilgrimage — Wanwol-dong, Busan", "부산 서구 충무동", "KR-26", 26, 0, false},
};

struct DemoPerson {
  const char* name;
  const char* contact;
  const char* alias;
  const char* role;
};

constexpr DemoPerson kPeople[] = {
    {"(데모) 김하늘", "010-5550-0101", "", "speaker"},
    {"(데모) 이민서", "010-5550-0102", "민들레", "attendee"},
    {"(데모) 박지원", "demo.press@example.org", "", "press"},
    {"(데모) 최유진", "010-5550-0104", "", "volunteer"},
    {"(데모) 정다은", "010-5550-0105", "", "attendee"},
};

}  // namespace

Result<DemoEventCounts> FillDemoEvents(Services& services, const security::Actor& secretariat,
                                       const security::Actor& member) {
  DemoEventCounts counts;
  const TimePoint now = services.clock->Now();
  // Korea's 14:00 on the day days_from_now away.
  auto at = [&](int days) {
    TimePoint day{};
    ParseRfc3339(KoreaDate(now + hours(24 * days)) + "T14:00:00+09:00", &day);
    return day;
  };
  for (const auto& d : kEvents) {
    const security::Actor& by = d.member ? member : secretariat;
    events::EventFields f{.kind = d.kind,
                          .title_ko = d.title_ko,
                          .title_en = d.title_en,
                          .description_ko = "합성 데모 행사입니다.",
                          .description_en = "A synthetic demo event.",
                          .starts_at = at(d.days_from_now),
                          .ends_at = at(d.days_from_now) + hours(3),
                          .venue = d.venue,
                          .region = d.region,
                          .registration_open = d.days_from_now > 0,
                          .published = true};
    if (d.capacity > 0) f.capacity = d.capacity;
    auto event = TRY(services.events->Create(by, f));
    ++counts.events;
    const bool held = d.days_from_now < 0;
    for (size_t i = 0; i < std::size(kPeople); ++i) {
      // Each event gets three or four of them; the one under an alias comes to every stop.
      if ((i + static_cast<size_t>(counts.events)) % 4 == 0 && i != 1) continue;
      const auto& p = kPeople[i];
      auto r = TRY(services.events->AddRegistration(by, event.stored.id,
                                                    {.name = p.name,
                                                     .contact = p.contact,
                                                     .alias = p.alias,
                                                     .role = p.role,
                                                     .photo_consent = i != 1}));
      ++counts.registrations;
      if (held && i != 4) {
        events::CheckInInput in{.reference = r.registration.stored.reference,
                                .idempotency_key = "demo-" + r.registration.stored.id,
                                .checked_in_at = f.starts_at - std::chrono::minutes(20) +
                                                 std::chrono::minutes(7 * static_cast<int>(i))};
        TRY(services.events->CheckIn(by, event.stored.id, in));
        ++counts.check_ins;
      }
    }
  }
  return counts;
}

}  // namespace dandelion::app

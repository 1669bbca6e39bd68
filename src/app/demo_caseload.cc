#include "app/demo_caseload.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace dandelion::app {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

// The demo must be the same on every machine and every run: a fixed seed, and a generator whose
// sequence the standard fixes (std::mt19937_64), drawn without the distributions (whose results
// the standard leaves to each library).
class Dice {
 public:
  explicit Dice(uint64_t seed) : gen_(seed) {}
  int64_t Below(int64_t n) { return static_cast<int64_t>(gen_() % static_cast<uint64_t>(n)); }
  bool Chance(int percent) { return Below(100) < percent; }
  template <typename T>
  const T& Pick(std::span<const T> from) {
    return from[static_cast<size_t>(Below(static_cast<int64_t>(from.size())))];
  }
  template <typename T, size_t N>
  const T& Pick(const T (&from)[N]) {
    return from[static_cast<size_t>(Below(N))];
  }

 private:
  std::mt19937_64 gen_;
};

// Invented names: common surnames with given names of two native-Korean words, and an alias that
// says "(데모)" wherever she is shown.
constexpr const char* kSurnames[] = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임",
                                     "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"};
constexpr const char* kGiven[] = {"가람", "다솜", "한별", "보라", "하늘", "나래", "새봄", "이슬",
                                  "누리", "별빛", "솔잎", "바다", "여름", "봄비", "단비", "구름",
                                  "아라", "초롱", "미리", "해솔", "노을", "은별", "슬기", "달래"};
constexpr const char* kMigrantCountries[] = {"VN", "PH", "TH", "CN", "UZ", "RU"};
constexpr const char* kMigrantLanguages[] = {"vi", "fil", "th", "zh", "uz", "ru"};

constexpr const char* kSummaries[] = {
    "(데모) 업소 선불금 문제로 상담 요청. 주거 불안정, 의료 지원 필요.",
    "(데모) 온라인 성착취 피해 후 연락. 게시물 삭제와 법률 지원 희망.",
    "(데모) 경찰 단속 후 연계됨. 본인 형사 절차 진행 중, 동행 지원 필요.",
    "(데모) 탈업 후 자립 준비 중. 직업훈련과 주거 지원 상담.",
    "(데모) 가족 관계 단절, 쉼터 입소 희망. 건강 검진 필요.",
    "(데모) 업주의 협박으로 불안 호소. 안전 계획 수립 필요.",
};
constexpr const char* kSafetyPlans[] = {
    "(데모) 연락은 안전 연락처로만. 업주 측 접근 시 즉시 112와 담당자에게 연락.",
    "(데모) 주소 비공개 유지. 외출 시 동행, 긴급 시 쉼터로 이동.",
};
constexpr const char* kNotes[] = {
    "(데모) 정서 상태 안정적. 다음 상담에서 자립 계획 논의하기로 함.",
    "(데모) 병원 동행 완료. 추가 검사 일정 안내함.",
    "(데모) 선불금 무효 소송 관련 변호사 상담 연결.",
    "(데모) 본인이 직업훈련 과정에 관심을 보임. 자료 전달.",
    "(데모) 연락이 닿지 않아 안전 연락처로 문자 남김.",
    "(데모) 수사기관 진술 동행. 본인 진술 후 피로 호소, 귀가 지원.",
};
constexpr const char* kOutcomes[] = {"(데모) 진행 중", "(데모) 완료", "(데모) 추후 재상담"};
constexpr const char* kPlaces[] = {"(데모) 상담실", "(데모) 지방법원", "(데모) 협력 병원",
                                   "(데모) 주민센터"};

struct Draft {
  const DemoTeam* team = nullptr;
  const security::Actor* actor = nullptr;
  std::string person_id;
  std::string case_id;
  std::string legal_id;
  bool closed = false;
};

struct Step {
  TimePoint at;
  int order;  // a draft's steps keep their order when they share a moment
  std::function<Result<void>()> run;
};

std::string Date(TimePoint t) { return FormatRfc3339(t).substr(0, 10); }

// Midnight of today in Korea (UTC+9), where the network works.
TimePoint KoreanMidnight(TimePoint now) {
  const int64_t day = 24 * 3600;
  const int64_t local = UnixSeconds(now) + 9 * 3600;
  return FromUnixSeconds(local - local % day - 9 * 3600);
}

template <typename T>
Result<void> Done(const Result<T>& r) {
  if (!r) return Fail(r.error());
  return Ok();
}

class Planner {
 public:
  Planner(Services& s, TimePoint now) : s_(s), now_(now), today_(KoreanMidnight(now)) {}

  // Plans the life of one survivor's case, from registration to now.
  void Plan(const DemoTeam& team, int index, bool restricted) {
    auto d = std::make_shared<Draft>();
    d->team = &team;
    // A supervisor carries some cases herself (and every restricted one), so the worker's
    // caseload is hers, not the whole organization's.
    d->actor = restricted || dice_.Chance(20) ? &team.supervisor : &team.worker;
    const auto age = days(3 + dice_.Below(727)) + minutes(dice_.Below(600));
    const TimePoint intake = now_ - age;
    TimePoint end = now_ - hours(1);
    if (age > days(120) && dice_.Chance(45)) {
      d->closed = true;
      end = intake + days(30 + dice_.Below(age.count() / (24 * 60) - 60));
    }
    int order = 0;
    auto at = [&](TimePoint t, std::function<Result<void>()> run) {
      steps_.push_back({t, order++, std::move(run)});
    };

    at(intake, [this, d, index] { return Register(*d, index); });
    at(intake + minutes(20), [this, d, restricted] { return Open(*d, restricted); });
    at(intake + minutes(40), [this, d] {
      case_records::ConsentFields c;
      c.kind = "services";
      c.method = "written";
      c.scope_fields = {};
      return Done(s_.case_records->consents.Give(*d->actor, d->person_id, c));
    });
    if (dice_.Chance(60)) {
      at(intake + minutes(45), [this, d] {
        case_records::ConsentFields c;
        c.kind = "statistics";
        c.method = dice_.Chance(50) ? "verbal" : "written";
        c.expires_at = now_ + days(365);
        return Done(s_.case_records->consents.Give(*d->actor, d->person_id, c));
      });
    }
    const auto span = end - intake;
    const int services = 2 + static_cast<int>(dice_.Below(6));
    for (int i = 0; i < services; ++i) {
      const TimePoint t = intake + hours(1) + (span * (i + 1)) / (services + 1);
      at(t, [this, d, t] {
        case_records::ServiceFields f;
        f.type = std::string(dice_.Pick(case_records::ServiceTypes()));
        f.date = Date(t);
        f.minutes = 30 + dice_.Below(5) * 30;
        f.outcome = dice_.Pick(kOutcomes);
        f.notes = dice_.Pick(kNotes);
        return Done(s_.case_records->services.Record(*d->actor, d->case_id, f));
      });
    }
    const int notes = 1 + static_cast<int>(dice_.Below(3));
    for (int i = 0; i < notes; ++i) {
      const TimePoint t = intake + hours(2) + (span * (2 * i + 1)) / (2 * notes + 1);
      at(t, [this, d] {
        return Done(s_.case_records->notes.Add(*d->actor, d->case_id, dice_.Pick(kNotes), {}));
      });
    }
    PlanLegal(d, intake, span, at);
    PlanAppointments(d, intake, end, at);
    if (d->closed) {
      at(end, [this, d] {
        constexpr const char* kReasons[] = {"goals_met", "referred", "moved_away", "lost_contact"};
        return Done(s_.cases->Close(*d->actor, d->case_id, dice_.Pick(kReasons),
                                    "(데모) 종결 요약: 목표 달성 여부와 연계 기관 기록."));
      });
    }
  }

  // Runs every planned step in time order, with the clock pinned to each step's moment.
  Result<int> Run(DemoClock& clock) {
    std::stable_sort(steps_.begin(), steps_.end(),
                     [](const Step& a, const Step& b) { return a.at < b.at; });
    size_t done = 0;
    for (const auto& step : steps_) {
      if (done++ % (steps_.size() / 10 + 1) == 0) {
        std::cout << "  caseload: " << done - 1 << "/" << steps_.size() << " records\n"
                  << std::flush;
      }
      clock.Pin(step.at);
      if (auto r = step.run(); !r) {
        clock.Release();
        return Fail(r.error());
      }
    }
    clock.Release();
    return static_cast<int>(steps_.size());
  }

 private:
  using At = std::function<void(TimePoint, std::function<Result<void>()>)>;

  Result<void> Register(Draft& d, int index) {
    const DemoTeam& team = *d.team;
    const char* given = dice_.Pick(kGiven);
    people::PersonFields f;
    f.legal_name = std::string(dice_.Pick(kSurnames)) + given;
    f.alias = std::string("(데모) ") + given;
    const bool youth = team.facility_type == "youth";
    const int age =
        youth ? 15 + static_cast<int>(dice_.Below(4)) : 19 + static_cast<int>(dice_.Below(36));
    const int year = std::stoi(Date(s_.clock->Now()).substr(0, 4)) - age - 1;
    char birth[48];  // room for any int the compiler imagines
    std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", year,
                  1 + static_cast<int>(dice_.Below(12)), 1 + static_cast<int>(dice_.Below(28)));
    f.birth_date = birth;
    // 010-0000-NNNN: a block no carrier hands out, so no demo number rings anyone.
    char phone[24];
    std::snprintf(phone, sizeof phone, "010-0000-%04d", ++phones_ % 10000);
    f.phone = phone;
    f.safe_contact = "(데모) 평일 낮 문자만";
    std::vector<std::string> categories;
    if (youth || age < 19) categories.emplace_back("youth");
    if (team.facility_type == "foreigner") {
      const auto k = static_cast<size_t>(dice_.Below(std::size(kMigrantCountries)));
      f.nationality = kMigrantCountries[k];
      f.languages = std::vector<std::string>{kMigrantLanguages[k], "ko"};
      categories.emplace_back("migrant");
      if (dice_.Chance(40)) categories.emplace_back("international_trafficking");
    } else {
      f.nationality = "KR";
      f.languages = std::vector<std::string>{"ko"};
      if (dice_.Chance(15)) categories.emplace_back("online_exploitation");
    }
    f.categories = categories;
    (void)index;
    auto p = s_.people->Create(*d.actor, f);
    if (!p) return Fail(p.error());
    d.person_id = p->id;
    return Ok();
  }

  Result<void> Open(Draft& d, bool restricted) {
    constexpr const char* kChannels[] = {"hotline",  "walk_in",     "police_referral",
                                         "outreach", "web_request", "member_referral"};
    constexpr const char* kRisks[] = {"low", "medium", "medium", "high", "high", "critical"};
    cases::CaseFields f;
    f.person_id = d.person_id;
    f.intake_channel = dice_.Pick(kChannels);
    std::vector<std::string> situation{std::string(dice_.Pick(cases::SituationTags()))};
    f.situation = situation;
    f.risk_level = dice_.Pick(kRisks);
    f.summary = dice_.Pick(kSummaries);
    if (cases::RiskRank(*f.risk_level) >= 2) f.safety_plan = dice_.Pick(kSafetyPlans);
    if (restricted) f.restricted = true;
    auto c = s_.cases->Open(*d.actor, f);
    if (!c) return Fail(c.error());
    d.case_id = c->id;
    return Ok();
  }

  // Some 15% have proceedings; prosecutions of women themselves come first, as in the network.
  void PlanLegal(const std::shared_ptr<Draft>& d, TimePoint intake, TimePoint::duration span,
                 const At& at) {
    if (!dice_.Chance(15)) return;
    constexpr const char* kKinds[] = {"prosecution_against_her", "prosecution_against_her",
                                      "complaint_by_her", "civil_debt", "immigration"};
    const std::string kind = dice_.Pick(kKinds);
    at(intake + hours(3), [this, d, kind]() -> Result<void> {
      case_records::LegalFields f;
      f.kind = kind;
      f.status = std::string(dice_.Pick(case_records::LegalStatuses()));
      f.authority = "(데모) 지방검찰청";
      f.case_number = "(데모) 2025형제" + std::to_string(10000 + dice_.Below(90000));
      auto m = s_.case_records->legal.Create(*d->actor, d->case_id, f);
      if (!m) return Fail(m.error());
      d->legal_id = m->id;
      return Ok();
    });
    const TimePoint hearing = intake + hours(4) + span / 2;
    at(intake + hours(4), [this, d, hearing] {
      case_records::HearingFields h;
      h.at = hearing;
      h.court = "(데모) 지방법원";
      h.kind = "trial";
      return Done(s_.case_records->legal.AddHearing(*d->actor, d->legal_id, h));
    });
  }

  // A past appointment or two, done; and for open cases, one today or later this week.
  void PlanAppointments(const std::shared_ptr<Draft>& d, TimePoint intake, TimePoint end,
                        const At& at) {
    constexpr const char* kKinds[] = {"counseling", "therapy", "medical", "visit", "legal"};
    const int past = 1 + static_cast<int>(dice_.Below(2));
    for (int i = 0; i < past; ++i) {
      const TimePoint starts = intake + (end - intake) * (i + 1) / (past + 2);
      if (starts - intake < hours(26)) continue;
      const std::string kind = dice_.Pick(kKinds);
      auto id = std::make_shared<std::string>();
      at(starts - hours(24), [this, d, starts, kind, id]() -> Result<void> {
        auto a = s_.case_records->appointments.Create(*d->actor, d->case_id, Fields(starts, kind));
        if (!a) return Fail(a.error());
        *id = a->id;
        return Ok();
      });
      at(starts + hours(1),
         [this, d, id] { return Done(s_.case_records->appointments.Done(*d->actor, *id)); });
    }
    if (d->closed) return;
    // Half of the open cases have one coming: a third of those today, the rest this week.
    if (!dice_.Chance(50)) return;
    const int day = dice_.Chance(35) ? 0 : 1 + static_cast<int>(dice_.Below(6));
    const TimePoint starts = today_ + days(day) + hours(10 + dice_.Below(8));
    const std::string kind = dice_.Pick(kKinds);
    at(now_ - hours(2 + dice_.Below(48)), [this, d, starts, kind] {
      return Done(
          s_.case_records->appointments.Create(*d->actor, d->case_id, Fields(starts, kind)));
    });
  }

  case_records::AppointmentFields Fields(TimePoint starts, const std::string& kind) {
    case_records::AppointmentFields f;
    f.starts_at = starts;
    f.ends_at = starts + minutes(60);
    f.kind = kind;
    f.with_whom = "(데모) 담당 상담원";
    f.place = dice_.Pick(kPlaces);
    f.notes = "(데모) 안전 연락처로 하루 전 확인 문자.";
    return f;
  }

  Services& s_;
  const TimePoint now_;
  const TimePoint today_;
  Dice dice_{20260301};
  int phones_ = 0;
  std::vector<Step> steps_;
};

}  // namespace

TimePoint DemoClock::Now() const {
  const int64_t pinned = pinned_s_.load();
  return pinned ? FromUnixSeconds(pinned) : std::chrono::system_clock::now();
}

Result<DemoCaseloadCounts> FillDemoCaseload(Services& services, DemoClock& clock,
                                            std::span<const DemoTeam> teams, int people_per_team) {
  clock.Release();
  Planner planner(services, clock.Now());
  for (const auto& team : teams) {
    for (int i = 0; i < people_per_team; ++i) planner.Plan(team, i, team.restricted_case && i == 0);
  }
  auto writes = planner.Run(clock);
  if (!writes) return Fail(writes.error());
  return DemoCaseloadCounts{static_cast<int>(teams.size()) * people_per_team, *writes};
}

}  // namespace dandelion::app

#include "app/demo_training.h"

#include <chrono>

#include "core/korea_date.h"

namespace dandelion::app {
namespace {

using std::chrono::hours;

struct DemoModule {
  const char* title_ko;
  const char* title_en;
  bool required;
};

constexpr DemoModule kModules[] = {
    {"성매매의 구조와 여성의 경험", "The structure of prostitution and women's experience", true},
    {"성매매처벌법과 지원 제도", "The law and the support system", false},
    {"현장 활동과 연대", "Field work and solidarity", false},
};

// The module of each of the five sessions (index into kModules).
constexpr int kSessionModules[] = {0, 1, 1, 2, 0};

struct DemoTrainee {
  const char* name;
  const char* contact;
  const char* marks[5];
  bool certificate;
};

constexpr DemoTrainee kTrainees[] = {
    {"(데모) 한솔", "010-5550-0201", {"present", "present", "present", "present", "present"}, true},
    {"(데모) 윤서영",
     "demo.trainee@example.org",
     {"present", "present", "absent", "present", "present"},
     false},
    {"(데모) 강보람",
     "010-5550-0203",
     {"present", "excused", "absent", "present", "excused"},
     false},
};

}  // namespace

Result<DemoTrainingCounts> FillDemoTraining(Services& services,
                                            const security::Actor& secretariat) {
  DemoTrainingCounts counts;
  auto& service = *services.training;
  const TimePoint now = services.clock->Now();
  auto course = TRY(service.Create(
      secretariat,
      {.title_ko = "(데모) 신입 활동가 양성 과정",
       .title_en = "(Demo) Course for new activists",
       .description_ko = "성매매 여성 지원 활동을 시작하는 활동가를 위한 5회 과정입니다. "
                         "합성 데모 자료입니다.",
       .description_en = "Five sessions for activists starting to support women leaving "
                         "prostitution. Synthetic demo data.",
       .pass_percent = 80}));
  ++counts.courses;
  const std::string id = course.course.stored.id;
  std::vector<std::string> modules;
  for (const auto& m : kModules) {
    auto added = TRY(service.AddModule(
        secretariat, id,
        {.title_ko = m.title_ko, .title_en = m.title_en, .position = 0, .required = m.required}));
    modules.push_back(added.id);
  }
  // Weekly, 14:00-17:00 Korea time, the last one a week ago.
  std::vector<std::string> sessions;
  for (int i = 0; i < 5; ++i) {
    TimePoint start{};
    ParseRfc3339(KoreaDate(now - hours(24 * 7 * (5 - i))) + "T14:00:00+09:00", &start);
    auto s =
        TRY(service.AddSession(secretariat, id,
                               {.starts_at = start,
                                .ends_at = start + hours(3),
                                .venue = "서울 중구 전국연대 교육장",
                                .module_id = modules[static_cast<size_t>(kSessionModules[i])]}));
    sessions.push_back(s.id);
    ++counts.sessions;
  }
  std::vector<std::string> trainees;
  for (const auto& t : kTrainees) {
    auto e = TRY(service.Enrol(secretariat, id, {.name = t.name, .contact = t.contact}));
    trainees.push_back(e.stored.id);
    ++counts.trainees;
  }
  for (size_t s = 0; s < sessions.size(); ++s) {
    std::vector<training::Mark> marks;
    for (size_t t = 0; t < trainees.size(); ++t) {
      marks.push_back({trainees[t], kTrainees[t].marks[s]});
    }
    auto marked = TRY(service.MarkAttendance(secretariat, id, sessions[s], marks));
    counts.marks += marked.changed;
  }
  for (size_t t = 0; t < trainees.size(); ++t) {
    if (!kTrainees[t].certificate) continue;
    TRY(service.Issue(secretariat, id, trainees[t]));
    ++counts.certificates;
  }
  return counts;
}

}  // namespace dandelion::app

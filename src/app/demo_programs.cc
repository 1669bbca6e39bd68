#include "app/demo_programs.h"

#include <string>
#include <vector>

#include "core/korea_date.h"
#include "modules/programs/program_service.h"

namespace dandelion::app {
namespace {

// Her people with an open case: (person id, case id), by code.
Result<std::vector<std::pair<std::string, std::string>>> PeopleWithCases(
    Services& services, const std::string& org_id) {
  return services.db->ReadValue(
      [&](store::Tx& tx) -> Result<std::vector<std::pair<std::string, std::string>>> {
        std::vector<std::pair<std::string, std::string>> out;
        std::string last;
        for (const auto& r : TRY(tx.Query(
                 "SELECT p.id, c.id FROM people p JOIN cases c ON c.person_id = p.id "
                 "WHERE p.org_id = ? AND p.erased_at IS NULL AND c.status = 'open' AND "
                 "NOT EXISTS (SELECT 1 FROM cases r WHERE r.person_id = p.id AND r.restricted = 1) "
                 "ORDER BY p.code, c.id",
                 {org_id}))) {
          if (r.Text(0) == last) continue;
          last = r.Text(0);
          out.emplace_back(r.Text(0), r.Text(1));
          if (out.size() == 6) break;
        }
        return out;
      });
}

std::string DayAgo(TimePoint now, int days) {
  return KoreaDate(now - std::chrono::hours(24 * days));
}

}  // namespace

Result<DemoProgramCounts> FillDemoPrograms(Services& services,
                                           std::span<const DemoFundTeam> teams) {
  programs::ProgramService& p = *services.programs;
  DemoProgramCounts counts;
  const TimePoint now = services.clock->Now();
  for (const auto& t : teams) {
    const auto people = TRY(PeopleWithCases(services, t.worker.org_id));
    if (people.size() < 5) continue;
    auto barista = TRY(p.Create(t.admin, {.name = "(데모) 바리스타 과정",
                                          .kind = "certificate_course",
                                          .provider = "partner",
                                          .provider_name = "(데모) 직업전문학교",
                                          .starts_on = DayAgo(now, 42),
                                          .ends_on = DayAgo(now, 7),
                                          .capacity = 8,
                                          .description = "주 1회 3시간, 바리스타 2급 대비",
                                          .pass_rate = 80}));
    auto baking = TRY(p.Create(t.worker, {.name = "(데모) 제과제빵",
                                          .kind = "vocational_course",
                                          .provider = "own",
                                          .starts_on = DayAgo(now, 28),
                                          .ends_on = DayAgo(now, -56),
                                          .capacity = 6,
                                          .pass_rate = 80}));
    auto exam = TRY(p.Create(t.worker, {.name = "(데모) 검정고시 준비",
                                        .kind = "schooling",
                                        .provider = "own",
                                        .starts_on = DayAgo(now, 21),
                                        .capacity = 10,
                                        .description = "고졸 검정고시 국어·수학·영어",
                                        .pass_rate = 70}));
    counts.programs += 3;
    // Weekly sessions over the last weeks (the next one already planned).
    auto weekly = [&](const std::string& id, int weeks_ago, int weeks_ahead, const char* topic) {
      std::vector<programs::SessionFields> in;
      for (int w = weeks_ago; w >= -weeks_ahead; --w) {
        in.push_back({.starts_at = FormatRfc3339(now - std::chrono::hours(24 * 7 * w + 2)),
                      .minutes = 180,
                      .topic = topic});
      }
      return p.AddSessions(t.worker, id, in);
    };
    auto barista_sessions = TRY(weekly(barista.program.id, 6, 0, "에스프레소·라떼아트"));
    auto baking_sessions = TRY(weekly(baking.program.id, 4, 1, "식빵·쿠키"));
    auto exam_sessions = TRY(weekly(exam.program.id, 3, 1, "국어·수학"));
    // The classes.
    auto enroll = [&](const std::string& program_id, size_t i, int days_ago) {
      return p.Enroll(t.worker, program_id, people[i].first, DayAgo(now, days_ago));
    };
    std::vector<std::string> barista_class, baking_class, exam_class;
    for (size_t i : {0u, 1u, 2u}) {
      barista_class.push_back(TRY(enroll(barista.program.id, i, 42)).stored.id);
    }
    for (size_t i : {3u, 4u})
      baking_class.push_back(TRY(enroll(baking.program.id, i, 28)).stored.id);
    for (size_t i : {1u, 4u}) exam_class.push_back(TRY(enroll(exam.program.id, i, 21)).stored.id);
    // Attendance for each past session: mostly present, an absence here and there.
    constexpr const char* kPattern[] = {"present", "present", "late",    "present",
                                        "absent",  "present", "excused", "present"};
    auto take = [&](const std::vector<programs::program_repo::Session>& sessions,
                    const std::vector<std::string>& cls, size_t skip_last) -> Result<void> {
      for (size_t s = 0; s + skip_last < sessions.size(); ++s) {
        std::vector<programs::program_repo::Mark> marks;
        for (size_t i = 0; i < cls.size(); ++i) {
          // The first woman of each class comes every time.
          const char* mark = i == 0 ? "present" : kPattern[(s * 3 + i) % std::size(kPattern)];
          marks.push_back({.enrollment_id = cls[i], .status = mark});
        }
        TRY(p.TakeAttendance(t.worker, sessions[s].id, marks));
        counts.marks += static_cast<int>(marks.size());
      }
      return Ok();
    };
    TRY(take(barista_sessions, barista_class, 0));
    TRY(take(baking_sessions, baking_class, 1));
    TRY(take(exam_sessions, exam_class, 1));
    // The barista course ended: the first woman completed it and obtained her certificate; the
    // third dropped out.
    TRY(p.End(t.worker, barista_class[0], "completed", DayAgo(now, 7), ""));
    TRY(p.End(t.worker, barista_class[2], "dropped", DayAgo(now, 20), "(데모) 건강 문제로 중단"));
    auto file = TRY(services.case_records->files.Upload(
        t.supervisor, people[0].second, "certificate", "(데모) 바리스타 2급 자격증.pdf",
        "%PDF-1.4\n% (demo) barista certificate\n"));
    TRY(p.AddCertificate(t.worker, people[0].first,
                         {.name = "(데모) 바리스타 2급",
                          .obtained_on = DayAgo(now, 5),
                          .enrollment_id = barista_class[0],
                          .file_id = file.id}));
    // Outcomes: she works at a social-enterprise café (started over three months ago, so her
    // first follow-up is due); another entered a school.
    TRY(p.AddOutcome(t.worker, people[0].first,
                     {.kind = "employment",
                      .started_on = DayAgo(now, 100),
                      .job_kind = "바리스타",
                      .employer_kind = "social_enterprise",
                      .employer = "(데모) 민들레 카페 협동조합",
                      .note = "(데모) 주 5일 근무"}));
    TRY(p.AddOutcome(t.worker, people[1].first,
                     {.kind = "school_entered",
                      .started_on = DayAgo(now, 30),
                      .school = "(데모) 방송통신고등학교"}));
  }
  return counts;
}

}  // namespace dandelion::app

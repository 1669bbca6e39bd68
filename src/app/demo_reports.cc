#include "app/demo_reports.h"

#include "core/korea_date.h"

namespace dandelion::app {
namespace {

// A note on the first figure, about the organization's work (annotations never name a woman).
constexpr const char* kNote = "데모: 하반기 상담 인력 1명 충원으로 상담 건수가 늘었습니다.";

}  // namespace

Result<DemoReportCounts> FillDemoReports(Services& services, const Clock& clock,
                                         std::span<const DemoTeam> teams,
                                         const std::map<std::string, security::Actor>& admins) {
  DemoReportCounts counts;
  const std::string today = KoreaDate(clock.Now());
  const std::string last_year = std::to_string(std::stoi(today.substr(0, 4)) - 1);
  for (std::size_t i = 0; i < teams.size(); ++i) {
    const DemoTeam& team = teams[i];
    auto admin_it = admins.find(team.slug);
    if (admin_it == admins.end()) continue;
    security::Actor admin = admin_it->second;
    if (i + 1 == teams.size()) break;  // the last member has not started its report
    reports::Report report = TRY(services.reports->Create(admin, last_year));
    if (!report.sections.empty() && !report.sections[0].rows.empty()) {
      report = TRY(
          services.reports->Annotate(admin, report.id, {{report.sections[0].rows[0].key, kNote}}));
    }
    if (i + 2 == teams.size()) {  // prepared, waiting for the supervisor's review
      ++counts.drafts;
      continue;
    }
    TRY(services.reports->Review(team.supervisor, report.id));
    // Filing asks the administrator to have confirmed her password a moment ago.
    admin.reauth_at = UnixSeconds(clock.Now());
    TRY(services.reports->File(admin, report.id));
    ++counts.filed;
  }
  if (!teams.empty()) {
    // This quarter's report of the first counseling center, open as a draft.
    const int month = std::stoi(today.substr(5, 2));
    const std::string quarter = today.substr(0, 4) + "-Q" + std::to_string((month + 2) / 3);
    auto admin_it = admins.find(teams.front().slug);
    if (admin_it != admins.end()) {
      TRY(services.reports->Create(admin_it->second, quarter));
      ++counts.drafts;
    }
  }
  return counts;
}

}  // namespace dandelion::app

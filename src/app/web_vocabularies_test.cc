// The server's vocabularies, the one source of truth, against web/src/api/vocabularies.json,
// the copy the web app's tests read (web/src/api/vocabularies.test.ts checks its types and its
// Korean and English translations against it). When a vocabulary changes here, this test fails
// until the copy is regenerated:
//   DANDELION_WRITE_VOCABULARIES=1 build/src/app_tests --gtest_filter='WebVocabularies*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <span>
#include <string>
#include <string_view>

#include "modules/case_records/model.h"
#include "modules/cases/model.h"
#include "modules/emergency/model.h"
#include "modules/network/model.h"
#include "modules/people/model.h"
#include "security/policy.h"
#include "testing/test_world.h"

namespace dandelion::app {
namespace {

constexpr const char* kCopy = "web/src/api/vocabularies.json";

std::string List(std::span<const std::string_view> words) {
  std::string out = "[";
  for (size_t i = 0; i < words.size(); ++i) {
    out += (i ? ", \"" : "\"") + std::string(words[i]) + "\"";
  }
  return out + "]";
}

std::string List(std::span<const network::Named> named) {
  std::vector<std::string_view> codes;
  for (const auto& n : named) codes.push_back(n.code);
  return List(codes);
}

// Every vocabulary a client sends or shows, by the name the web's test knows it by.
std::string Vocabularies() {
  const std::pair<const char*, std::string> lists[] = {
      {"roles", List(security::kRoles)},
      {"org_kinds", List(network::OrgKinds())},
      {"facility_types", List(network::FacilityTypes())},
      {"regions", List(network::Regions())},
      {"person_categories", List(people::Categories())},
      {"intake_channels", List(cases::IntakeChannels())},
      {"situation_tags", List(cases::SituationTags())},
      {"risk_levels", List(cases::RiskLevels())},
      {"closure_reasons", List(cases::ClosureReasons())},
      {"service_types", List(case_records::ServiceTypes())},
      {"appointment_kinds", List(case_records::AppointmentKinds())},
      {"legal_kinds", List(case_records::LegalKinds())},
      {"legal_statuses", List(case_records::LegalStatuses())},
      {"hearing_kinds", List(case_records::HearingKinds())},
      {"consent_kinds", List(case_records::ConsentKinds())},
      {"consent_methods", List(case_records::ConsentMethods())},
      {"assessment_domains", List(case_records::AssessmentDomains())},
      {"goal_statuses", List(case_records::GoalStatuses())},
      {"file_kinds", List(case_records::FileKinds())},
      {"help_channels", List(emergency::Channels())},
      {"help_staff_channels", List(emergency::StaffChannels())},
      {"help_statuses", List(emergency::Statuses())},
      {"help_urgencies", List(emergency::Urgencies())},
      {"help_outcomes", List(emergency::Outcomes())},
  };
  std::string out =
      "{\n  \"$comment\": \"Generated from the server's vocabularies by "
      "src/app/web_vocabularies_test.cc. Do not edit.\"";
  for (const auto& [name, list] : lists) out += ",\n  \"" + std::string(name) + "\": " + list;
  return out + "\n}\n";
}

TEST(WebVocabulariesTest, TheWebAppsCopyIsTheServersVocabularies) {
  const std::string expected = Vocabularies();
  if (std::getenv("DANDELION_WRITE_VOCABULARIES") != nullptr) {
    std::ofstream(testing::SourceDir() + "/" + kCopy, std::ios::binary | std::ios::trunc)
        << expected;
  }
  EXPECT_EQ(testing::ReadSource(kCopy), expected)
      << kCopy << " differs from the server's vocabularies; regenerate it with\n"
      << "  DANDELION_WRITE_VOCABULARIES=1 build/src/app_tests "
         "--gtest_filter='WebVocabularies*'\n"
      << "then make the web app's types and translations agree (npx vitest run).";
}

}  // namespace
}  // namespace dandelion::app

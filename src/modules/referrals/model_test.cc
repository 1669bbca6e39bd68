#include "modules/referrals/model.h"

#include <gtest/gtest.h>

namespace dandelion::referrals {
namespace {

TimePoint At(const char* rfc3339) {
  TimePoint t;
  EXPECT_TRUE(ParseRfc3339(rfc3339, &t)) << rfc3339;
  return t;
}

TEST(AnswerDue, CountsWorkingDaysInKoreaAndUrgentInHours) {
  struct Row {
    const char* sent;
    bool urgent;
    int days;
    const char* due;
  } rows[] = {
      // Wednesday 10:00 in Seoul: three working days is Monday 10:00.
      {"2026-12-02T01:00:00Z", false, 3, "2026-12-07T01:00:00Z"},
      // Friday 23:30 in Seoul is still Friday there (14:30 UTC): Wednesday 23:30.
      {"2026-12-04T14:30:00Z", false, 3, "2026-12-09T14:30:00Z"},
      // Friday 16:00 UTC is Saturday 01:00 in Seoul: the weekend does not count.
      {"2026-12-04T16:00:00Z", false, 1, "2026-12-06T16:00:00Z"},
      // Sunday in Seoul: Monday is the first working day.
      {"2026-12-06T03:00:00Z", false, 1, "2026-12-07T03:00:00Z"},
      {"2026-12-05T22:00:00Z", true, 3, "2026-12-06T02:00:00Z"},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(FormatRfc3339(AnswerDue(At(r.sent), r.urgent, r.days)), r.due) << r.sent;
  }
}

TEST(CoveringConsent, NeedsOneActiveSharingConsentNamingTheReceiverAndEveryField) {
  std::vector<ConsentScope> consents = {
      {.id = "other-org",
       .kind = "referral_sharing",
       .org_id = "C",
       .fields = {"alias", "phone"},
       .active = true},
      {.id = "alias-only",
       .kind = "referral_sharing",
       .org_id = "B",
       .fields = {"alias"},
       .active = true},
      {.id = "revoked",
       .kind = "referral_sharing",
       .org_id = "B",
       .fields = {"alias", "phone"},
       .active = false},
      {.id = "services",
       .kind = "services",
       .org_id = "B",
       .fields = {"alias", "phone"},
       .active = true},
      {.id = "police",
       .kind = "referral_sharing",
       .external = "부산 해운대경찰서",
       .fields = {"legal_name"},
       .active = true},
  };
  EXPECT_EQ(CoveringConsent(consents, "B", "", {"alias", "phone"}), "");
  EXPECT_EQ(CoveringConsent(consents, "B", "", {"alias"}), "alias-only");
  EXPECT_EQ(CoveringConsent(consents, "B", "", {}), "alias-only");
  EXPECT_EQ(CoveringConsent(consents, "C", "", {"phone"}), "other-org");
  EXPECT_EQ(CoveringConsent(consents, "", "부산 해운대경찰서", {"legal_name"}), "police");
  EXPECT_EQ(CoveringConsent(consents, "", "다른 경찰서", {"legal_name"}), "");
  consents.push_back({.id = "both",
                      .kind = "referral_sharing",
                      .org_id = "B",
                      .fields = {"phone", "alias", "birth_date"},
                      .active = true});
  EXPECT_EQ(CoveringConsent(consents, "B", "", {"alias", "phone"}), "both");
}

TEST(Exclusions, AnOrganizationOrAnyRegionItServes) {
  Exclusion org, region;
  ASSERT_TRUE(ReadExclusionTarget("org:B", org));
  ASSERT_TRUE(ReadExclusionTarget("region:KR-26", region));
  EXPECT_FALSE(ReadExclusionTarget("city:Busan", org));
  EXPECT_EQ(ExclusionTarget(region), "region:KR-26");
  EXPECT_TRUE(Excludes({org}, "B", {"KR-11"}));
  EXPECT_FALSE(Excludes({org}, "C", {"KR-11"}));
  EXPECT_TRUE(Excludes({region}, "C", {"KR-41", "KR-26"}));
  EXPECT_FALSE(Excludes({region}, "C", {"KR-41"}));
}

TEST(ValidateSend, NamesEveryBadField) {
  SendFields in{.case_id = "x",
                .to_org_id = "B",
                .kind = "loan",
                .services = {"haircut"},
                .urgency = "soon",
                .share = {"password"},
                .override_reason = " "};
  auto r = ValidateSend(in);
  ASSERT_FALSE(r);
  for (const char* field :
       {"kind", "services", "urgency", "share", "life_danger_override.reason"}) {
    EXPECT_TRUE(r.error().fields.contains(field)) << field;
  }
  in = {.case_id = "x",
        .external = ExternalParty{"경찰서", "police"},
        .services = {"medical"},
        .urgency = "routine"};
  EXPECT_TRUE(ValidateSend(in));
}

}  // namespace
}  // namespace dandelion::referrals

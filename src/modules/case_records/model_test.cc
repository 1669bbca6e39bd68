#include "modules/case_records/model.h"

#include <gtest/gtest.h>

#include "testing/test_world.h"

namespace dandelion::case_records {
namespace {

using testing::At;

ServiceFields Counseling() {
  return ServiceFields{.type = "counseling", .date = "2026-03-01", .minutes = 50};
}

TEST(CaseRecordsModel, AcceptsAValidService) {
  ServiceFields s = Counseling();
  s.amount = 300000;
  EXPECT_TRUE(ValidateService(s, At("2026-03-01T10:00:00Z")));
}

TEST(CaseRecordsModel, RefusesEveryBadServiceFieldAtOnce) {
  ServiceFields s{.type = "haircut", .date = "2026-02-30", .minutes = -5, .amount = -1};
  auto r = ValidateService(s, At("2026-03-01T10:00:00Z"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().fields.at("type"), "field.unknown_value");
  EXPECT_EQ(r.error().fields.at("date"), "field.invalid_date");
  EXPECT_EQ(r.error().fields.at("minutes"), "field.negative");
  EXPECT_EQ(r.error().fields.at("amount"), "field.negative");
}

TEST(CaseRecordsModel, RefusesServicesInTheFutureAndDaysLongerThanADay) {
  ServiceFields s = Counseling();
  s.date = "2026-03-02";
  s.minutes = 24 * 60 + 1;
  // 23:59 on March 1st in Korea: March 2nd is tomorrow.
  auto r = ValidateService(s, At("2026-03-01T14:59:00Z"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("date"), "case_records.date_future");
  EXPECT_EQ(r.error().fields.at("minutes"), "field.out_of_range");
}

TEST(CaseRecordsModel, TodayIsTheDayInKoreaAlsoBeforeNineInTheMorning) {
  ServiceFields s = Counseling();
  s.date = "2026-03-02";
  EXPECT_TRUE(ValidateService(s, At("2026-03-01T15:00:00Z")));  // 00:00 on March 2nd in Korea
  s.date = "2026-03-03";
  EXPECT_FALSE(ValidateService(s, At("2026-03-02T14:59:59Z")));
}

TEST(CaseRecordsModel, MoneyPaidOutIsNotContactWithHer) {
  EXPECT_TRUE(IsContactService("counseling"));
  EXPECT_TRUE(IsContactService("outreach"));
  EXPECT_FALSE(IsContactService("living_expense_support"));
  EXPECT_FALSE(IsContactService("unknown"));
}

TEST(CaseRecordsModel, ABlankNoteIsRefused) {
  EXPECT_TRUE(ValidateNote("만남 기록"));
  auto r = ValidateNote(" \n\t");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("text"), "field.empty");
}

TEST(CaseRecordsModel, AppointmentsEndAfterTheyStart) {
  AppointmentFields a{.starts_at = At("2026-03-02T10:00:00Z"), .kind = "therapy"};
  EXPECT_TRUE(ValidateAppointment(a));
  a.ends_at = At("2026-03-02T09:00:00Z");
  a.kind = "party";
  auto r = ValidateAppointment(a);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("ends_at"), "case_records.ends_before_start");
  EXPECT_EQ(r.error().fields.at("kind"), "field.unknown_value");
}

TEST(CaseRecordsModel, CalendarWindowsAreBoundedAndOrdered) {
  EXPECT_TRUE(ValidateWindow(At("2026-03-01T00:00:00Z"), At("2026-04-01T00:00:00Z")));
  EXPECT_FALSE(ValidateWindow(At("2026-03-01T00:00:00Z"), At("2026-03-01T00:00:00Z")));
  auto r = ValidateWindow(At("2026-01-01T00:00:00Z"), At("2026-06-01T00:00:00Z"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("to"), "case_records.window_too_long");
}

TEST(CaseRecordsModel, LegalMattersNeedAKnownKindAndStatus) {
  EXPECT_TRUE(ValidateLegal({.kind = "prosecution_against_her", .status = "trial"}, true));
  auto missing = ValidateLegal({}, true);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().fields.at("kind"), "field.required");
  EXPECT_EQ(missing.error().fields.at("status"), "field.required");
  auto wrong = ValidateLegal({.status = "won"}, false);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().fields.at("status"), "field.unknown_value");
  EXPECT_TRUE(ValidateLegal({.outcome = "acquitted"}, false));
}

TEST(CaseRecordsModel, ConsentRules) {
  const TimePoint now = At("2026-03-01T00:00:00Z");
  ConsentFields c{.kind = "statistics", .method = "written"};
  EXPECT_TRUE(ValidateConsent(c, now));
  c.kind = "referral_sharing";
  c.method = "telepathy";
  c.expires_at = At("2026-02-01T00:00:00Z");
  c.scope_fields = {"legal_name", "Robert'); DROP"};
  auto r = ValidateConsent(c, now);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("method"), "field.unknown_value");
  EXPECT_EQ(r.error().fields.at("expires_at"), "case_records.expiry_past");
  EXPECT_EQ(r.error().fields.at("scope.fields"), "field.unknown_value");
  EXPECT_EQ(r.error().fields.at("scope.org_id"), "case_records.consent_needs_org");
}

TEST(CaseRecordsModel, ConsentStateFollowsTheClock) {
  const TimePoint now = At("2026-03-01T00:00:00Z");
  EXPECT_EQ(ConsentState("", "", now), "active");
  EXPECT_EQ(ConsentState("2026-03-01T00:00:01Z", "", now), "active");
  EXPECT_EQ(ConsentState("2026-03-01T00:00:00Z", "", now), "expired");
  EXPECT_EQ(ConsentState("2027-01-01T00:00:00Z", "2026-02-01T00:00:00Z", now), "revoked");
}

TEST(CaseRecordsModel, AssessmentRatingsAreZeroToFourForKnownDomains) {
  EXPECT_TRUE(ValidateAssessment(
      {.ratings = {{"safety", 0}, {"debt", 4}}, .notes = {{"debt", "선불금 3천만원"}}}));
  auto r = ValidateAssessment(
      {.ratings = {{"safety", 5}, {"luck", 2}}, .notes = {{"housing", "x"}, {"mood", "y"}}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("ratings.safety"), "field.out_of_range");
  EXPECT_EQ(r.error().fields.at("ratings.luck"), "field.unknown");
  EXPECT_EQ(r.error().fields.at("notes.housing"), "case_records.note_without_rating");
  EXPECT_EQ(r.error().fields.at("notes.mood"), "field.unknown");
  EXPECT_EQ(ValidateAssessment({}).error().fields.at("ratings"), "field.empty");
}

TEST(CaseRecordsModel, GoalRules) {
  EXPECT_TRUE(ValidateGoal({.title = "자립 주거 마련", .target_date = "2026-12-31"}, true));
  auto r = ValidateGoal({.target_date = "2026-13-01", .status = "forgotten"}, true);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("title"), "field.required");
  EXPECT_EQ(r.error().fields.at("target_date"), "field.invalid_date");
  EXPECT_EQ(r.error().fields.at("status"), "field.unknown_value");
  EXPECT_TRUE(ValidateGoal({.target_date = ""}, false));  // clears it
}

TEST(CaseRecordsModel, FileNamesCarryNoPath) {
  EXPECT_TRUE(ValidateFile("consent_form", "동의서 스캔.pdf", 10));
  for (const char* bad : {"../etc/passwd", "a\\b", "..", "a\nb"}) {
    auto r = ValidateFile("other", bad, 10);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().fields.at("name"), "case_records.file_name") << bad;
  }
  auto r = ValidateFile("selfie", "a.jpg", 0);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("kind"), "field.unknown_value");
  EXPECT_EQ(r.error().fields.at("body"), "field.empty");
  EXPECT_EQ(ValidateFile("other", "a", kMaxFileBytes + 1).error().fields.at("body"),
            "case_records.file_too_large");
}

}  // namespace
}  // namespace dandelion::case_records

#include "modules/programs/model.h"

#include <gtest/gtest.h>

namespace dandelion::programs {
namespace {

TEST(ProgramsModelTest, APassNeedsTheRateAndACompletedEnrollment) {
  Attendance a;
  for (auto m : {"present", "present", "late", "absent", "excused"}) Count(a, m);
  EXPECT_EQ(a.sessions, 4);  // the excused absence counts neither way
  EXPECT_EQ(a.present, 3);
  EXPECT_EQ(a.Rate(), 75);
  EXPECT_EQ(Passed("completed", a, 75), true);
  EXPECT_EQ(Passed("completed", a, 76), false);
  EXPECT_EQ(Passed("active", a, 50), std::nullopt);
  EXPECT_EQ(Passed("dropped", a, 0), false);
  // Rounded down: 2 of 3 is 66, short of 67.
  Attendance b;
  for (auto m : {"present", "late", "absent"}) Count(b, m);
  EXPECT_EQ(b.Rate(), 66);
  EXPECT_EQ(Passed("completed", b, 67), false);
  EXPECT_EQ(Passed("completed", b, 66), true);
}

TEST(ProgramsModelTest, NoCountedSessionHasNoRateAndDoesNotPass) {
  Attendance a;
  EXPECT_EQ(a.Rate(), std::nullopt);
  Count(a, "excused");
  EXPECT_EQ(a.Rate(), std::nullopt);
  EXPECT_EQ(Passed("completed", a, 0), false);
  Attendance all;
  Count(all, "present");
  EXPECT_EQ(all.Rate(), 100);
  EXPECT_EQ(Passed("completed", all, 100), true);
}

TEST(ProgramsModelTest, CapacityCountsActiveEnrollments) {
  EXPECT_TRUE(HasRoom(0, 1));
  EXPECT_TRUE(HasRoom(11, 12));
  EXPECT_FALSE(HasRoom(12, 12));
  EXPECT_FALSE(HasRoom(13, 12));
}

TEST(ProgramsModelTest, MonthsAddedKeepTheDayOrTakeTheMonthsLast) {
  EXPECT_EQ(AddMonths("2026-01-31", 3), "2026-04-30");
  EXPECT_EQ(AddMonths("2026-01-31", 1), "2026-02-28");
  EXPECT_EQ(AddMonths("2024-01-31", 1), "2024-02-29");
  EXPECT_EQ(AddMonths("2024-11-30", 3), "2025-02-28");
  EXPECT_EQ(AddMonths("2026-08-31", 6), "2027-02-28");
  EXPECT_EQ(AddMonths("2026-03-15", 12), "2027-03-15");
  EXPECT_EQ(AddMonths("2026-10-31", 3), "2027-01-31");
  EXPECT_EQ(AddMonths("2027-12-01", 1), "2028-01-01");
}

TEST(ProgramsModelTest, EmploymentIsFollowedUpAtThreeSixAndTwelveMonths) {
  auto f = FollowUps("employment", "2026-01-31");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].months, 3);
  EXPECT_EQ(f[0].due_on, "2026-04-30");
  EXPECT_EQ(f[1].months, 6);
  EXPECT_EQ(f[1].due_on, "2026-07-31");
  EXPECT_EQ(f[2].months, 12);
  EXPECT_EQ(f[2].due_on, "2027-01-31");
  EXPECT_TRUE(FollowUps("school_entered", "2026-03-02").empty());
  EXPECT_TRUE(FollowUps("business_started", "2026-03-02").empty());
}

TEST(ProgramsModelTest, AProgramIsPlannedRunningOrEnded) {
  EXPECT_EQ(ProgramStatus("2026-03-01", "2026-06-30", "2026-02-28"), "planned");
  EXPECT_EQ(ProgramStatus("2026-03-01", "2026-06-30", "2026-03-01"), "running");
  EXPECT_EQ(ProgramStatus("2026-03-01", "2026-06-30", "2026-06-30"), "running");
  EXPECT_EQ(ProgramStatus("2026-03-01", "2026-06-30", "2026-07-01"), "ended");
  EXPECT_EQ(ProgramStatus("2026-03-01", "", "2030-01-01"), "running");
}

TEST(ProgramsModelTest, VocabulariesAndDays) {
  EXPECT_TRUE(IsOneOf(ProgramKinds(), "schooling"));
  EXPECT_FALSE(IsOneOf(ProgramKinds(), "sewing"));
  EXPECT_TRUE(IsOneOf(AttendanceStatuses(), "excused"));
  EXPECT_TRUE(IsDay("2024-02-29"));
  EXPECT_FALSE(IsDay("2026-02-29"));
  EXPECT_FALSE(IsDay("2026-1-01"));
}

}  // namespace
}  // namespace dandelion::programs

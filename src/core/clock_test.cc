#include "core/clock.h"

#include <gtest/gtest.h>

namespace dandelion {

TEST(ClockTest, FormatsAndParsesRfc3339RoundTrip) {
  TimePoint t;
  ASSERT_TRUE(ParseRfc3339("2026-03-01T09:30:00Z", &t));
  EXPECT_EQ(FormatRfc3339(t), "2026-03-01T09:30:00Z");
}

TEST(ClockTest, AppliesNumericOffsets) {
  TimePoint t;
  ASSERT_TRUE(ParseRfc3339("2026-03-01T18:30:00+09:00", &t));
  EXPECT_EQ(FormatRfc3339(t), "2026-03-01T09:30:00Z");
}

TEST(ClockTest, RejectsImpossibleDates) {
  int y, m, d;
  EXPECT_FALSE(ParseDate("2026-02-30", &y, &m, &d));
  EXPECT_FALSE(ParseDate("2026-13-01", &y, &m, &d));
  EXPECT_FALSE(ParseDate("2026-1-01", &y, &m, &d));
  EXPECT_TRUE(ParseDate("2024-02-29", &y, &m, &d));
  EXPECT_FALSE(ParseDate("2023-02-29", &y, &m, &d));
  TimePoint t;
  EXPECT_FALSE(ParseRfc3339("2026-03-01 09:30:00Z", &t));
  EXPECT_FALSE(ParseRfc3339("2026-03-01T25:30:00Z", &t));
}

TEST(ClockTest, ManualClockAdvances) {
  ManualClock clock(FromUnixSeconds(1000));
  clock.Advance(std::chrono::seconds(60));
  EXPECT_EQ(UnixSeconds(clock.Now()), 1060);
}

}  // namespace dandelion

#include "modules/caseload/caseload.h"

#include <gtest/gtest.h>

namespace dandelion::caseload {
namespace {

TimePoint At(const char* rfc3339) {
  TimePoint t{};
  EXPECT_TRUE(ParseRfc3339(rfc3339, &t));
  return t;
}

TEST(CaseloadTest, TheDayStartsAtMidnightInSeoul) {
  // 23:30 UTC is 08:30 the next morning in Seoul.
  EXPECT_EQ(FormatRfc3339(StartOfSeoulDay(At("2026-03-01T23:30:00Z"))), "2026-03-01T15:00:00Z");
  // 14:59 UTC is still 23:59 of the same Seoul day.
  EXPECT_EQ(FormatRfc3339(StartOfSeoulDay(At("2026-03-01T14:59:59Z"))), "2026-02-28T15:00:00Z");
  EXPECT_EQ(FormatRfc3339(StartOfSeoulDay(At("2026-03-01T15:00:00Z"))), "2026-03-01T15:00:00Z");
}

}  // namespace
}  // namespace dandelion::caseload

// The calendar day in Korea, where every member of the network works.
#pragma once

#include <chrono>
#include <string>

#include "core/clock.h"

namespace dandelion {

// The day in Korea (UTC+9) at t, "YYYY-MM-DD": "today" in a form is the day on the members' wall
// calendar, also between 00:00 and 09:00 there, when the UTC date is still yesterday's.
inline std::string KoreaDate(TimePoint t) {
  return FormatRfc3339(t + std::chrono::hours(9)).substr(0, 10);
}

}  // namespace dandelion

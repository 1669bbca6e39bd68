#include "core/clock.h"

#include <charconv>
#include <cstdio>

namespace dandelion {
namespace {

bool ReadInt(std::string_view text, size_t pos, size_t len, int* out) {
  if (pos + len > text.size()) return false;
  for (size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  std::from_chars(text.data() + pos, text.data() + pos + len, *out);
  return true;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

int64_t UnixSeconds(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

TimePoint FromUnixSeconds(int64_t s) { return TimePoint(std::chrono::seconds(s)); }

std::string FormatRfc3339(TimePoint t) {
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd(days);
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(t - days).count();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buf;
}

bool ParseDate(std::string_view text, int* year, int* month, int* day) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!ReadInt(text, 0, 4, year) || !ReadInt(text, 5, 2, month) || !ReadInt(text, 8, 2, day)) {
    return false;
  }
  if (*year < 1900 || *year > 2200 || *month < 1 || *month > 12) return false;
  return *day >= 1 && *day <= DaysInMonth(*year, *month);
}

bool ParseRfc3339(std::string_view text, TimePoint* out) {
  int y, mo, d, h, mi, s;
  if (text.size() < 20 || !ParseDate(text.substr(0, 10), &y, &mo, &d)) return false;
  if ((text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':') return false;
  if (!ReadInt(text, 11, 2, &h) || !ReadInt(text, 14, 2, &mi) || !ReadInt(text, 17, 2, &s)) {
    return false;
  }
  if (h > 23 || mi > 59 || s > 60) return false;
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    size_t digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos, ++digits;
    if (digits == 0) return false;
  }
  int offset_minutes = 0;
  std::string_view zone = text.substr(pos);
  if (zone == "Z" || zone == "z") {
    offset_minutes = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int oh, om;
    if (!ReadInt(zone, 1, 2, &oh) || !ReadInt(zone, 4, 2, &om) || oh > 23 || om > 59) {
      return false;
    }
    offset_minutes = (oh * 60 + om) * (zone[0] == '-' ? -1 : 1);
  } else {
    return false;
  }
  using namespace std::chrono;
  sys_days days = year_month_day(year(y), month(unsigned(mo)), day(unsigned(d)));
  *out = TimePoint(days) + hours(h) + minutes(mi) + seconds(s) - minutes(offset_minutes);
  return true;
}

}  // namespace dandelion

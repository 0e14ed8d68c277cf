// Calendar arithmetic for the demo network and the generator: turns a wall-clock
// time in Europe/Amsterdam into Unix seconds without touching the process
// time zone or the clock, so the demo is identical on every machine.
//
//   constexpr model::UnixTime t = AmsterdamTime(2026, 4, 16, 17, 30);
//
// EU summer time (CEST, UTC+2) runs from the last Sunday of March to the last
// Sunday of October; otherwise CET (UTC+1). The skipped/repeated hour at the
// switch is resolved as standard time; the demo never schedules anything then.
#pragma once

#include <cstdint>

#include "model/model.h"

namespace verbinder::demo {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
constexpr int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// 0 = Sunday ... 6 = Saturday.
constexpr int WeekdayFromDays(int64_t days) {
  return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

// Day-of-month of the last Sunday in (y, m) for m in {3, 10}.
constexpr unsigned LastSunday(int64_t y, unsigned m) {
  const int64_t last = DaysFromCivil(y, m, 31);  // March and October have 31 days
  return 31 - static_cast<unsigned>(WeekdayFromDays(last));
}

constexpr bool IsAmsterdamSummerTime(int64_t y, unsigned m, unsigned d) {
  if (m < 3 || m > 10) return false;
  if (m > 3 && m < 10) return true;
  if (m == 3) return d >= LastSunday(y, 3);
  return d < LastSunday(y, 10);
}

// Unix seconds of a wall-clock time in Europe/Amsterdam.
constexpr model::UnixTime AmsterdamTime(int64_t y, unsigned m, unsigned d, int hour, int minute = 0) {
  const int offset_hours = IsAmsterdamSummerTime(y, m, d) ? 2 : 1;
  return DaysFromCivil(y, m, d) * 86400 + (hour - offset_hours) * 3600 + minute * 60;
}

inline constexpr int64_t kSecondsPerDay = 86400;

static_assert(AmsterdamTime(2026, 11, 15, 12) == 1794740400, "CET in November");
static_assert(AmsterdamTime(2026, 6, 18, 10) == DaysFromCivil(2026, 6, 18) * 86400 + 8 * 3600, "CEST in June");

}  // namespace verbinder::demo

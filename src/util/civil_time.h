// Calendar arithmetic in one place: proleptic Gregorian dates <-> days since
// 1970-01-01 (Howard Hinnant's algorithms) and wall-clock time in
// Europe/Amsterdam, without touching the process time zone.
//
//   int64_t t = util::AmsterdamTime(2026, 4, 16, 17, 30);   // Unix seconds
//   util::Civil c = util::AmsterdamCivil(t);                // 2026-04-16 17:30, weekday 4
//
// EU summer time (CEST, UTC+2) runs from the last Sunday of March 01:00 UTC to
// the last Sunday of October 01:00 UTC; otherwise CET (UTC+1).
#pragma once

#include <cstdint>

namespace verbinder::util {

inline constexpr int64_t kSecondsPerDay = 86400;

// Days since 1970-01-01 of a proleptic Gregorian date.
constexpr int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Date {
  int64_t y;
  unsigned m, d;
};

// Inverse of DaysFromCivil.
constexpr Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

// Floor division of Unix seconds into days (correct for times before 1970).
constexpr int64_t DayOf(int64_t unix_seconds) {
  return unix_seconds >= 0 ? unix_seconds / kSecondsPerDay : (unix_seconds - (kSecondsPerDay - 1)) / kSecondsPerDay;
}

// 0 = Sunday ... 6 = Saturday.
constexpr int WeekdayFromDays(int64_t days) {
  return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

// Day-of-month of the last Sunday in (y, m) for a month of 31 days (March, October).
constexpr unsigned LastSunday(int64_t y, unsigned m) {
  return 31 - static_cast<unsigned>(WeekdayFromDays(DaysFromCivil(y, m, 31)));
}

// Whether a local calendar date in Amsterdam is in summer time (the switch
// days themselves count as summer in March and as winter in October).
constexpr bool IsAmsterdamSummerTime(int64_t y, unsigned m, unsigned d) {
  if (m < 3 || m > 10) return false;
  if (m > 3 && m < 10) return true;
  if (m == 3) return d >= LastSunday(y, 3);
  return d < LastSunday(y, 10);
}

// Whether an instant (Unix seconds) falls in EU summer time.
constexpr bool IsEuSummerTimeAt(int64_t t) {
  const int64_t y = CivilFromDays(DayOf(t)).y;
  const int64_t start = (DaysFromCivil(y, 3, LastSunday(y, 3))) * kSecondsPerDay + 3600;
  const int64_t end = (DaysFromCivil(y, 10, LastSunday(y, 10))) * kSecondsPerDay + 3600;
  return t >= start && t < end;
}

// Unix seconds of a wall-clock time in Europe/Amsterdam. The skipped or
// repeated hour at a switch is resolved by the date's rule above.
constexpr int64_t AmsterdamTime(int64_t y, unsigned m, unsigned d, int hour, int minute = 0) {
  const int offset_hours = IsAmsterdamSummerTime(y, m, d) ? 2 : 1;
  return DaysFromCivil(y, m, d) * kSecondsPerDay + (hour - offset_hours) * 3600 + minute * 60;
}

struct Civil {
  int64_t y;
  unsigned m, d;
  int hour, minute, weekday;  // weekday: 0 = Sunday
};

// Wall-clock time in Europe/Amsterdam of an instant.
constexpr Civil AmsterdamCivil(int64_t t) {
  const int64_t local = t + (IsEuSummerTimeAt(t) ? 7200 : 3600);
  const int64_t days = DayOf(local);
  const Date date = CivilFromDays(days);
  const int64_t secs = local - days * kSecondsPerDay;
  return {date.y,
          date.m,
          date.d,
          static_cast<int>(secs / 3600),
          static_cast<int>((secs % 3600) / 60),
          WeekdayFromDays(days)};
}

// Unix seconds of 00:00 Amsterdam time on the first of a month.
constexpr int64_t AmsterdamMonthStart(int64_t y, unsigned m) {
  return AmsterdamTime(y, m, 1, 0);
}

static_assert(AmsterdamTime(2026, 11, 15, 12) == 1794740400, "CET in November");
static_assert(AmsterdamTime(2026, 6, 18, 10) == DaysFromCivil(2026, 6, 18) * 86400 + 8 * 3600, "CEST in June");
static_assert(CivilFromDays(DaysFromCivil(2024, 2, 29)).d == 29, "leap day round trip");
static_assert(AmsterdamCivil(AmsterdamTime(2026, 3, 29, 3, 30)).hour == 3, "after the spring switch");
static_assert(AmsterdamCivil(AmsterdamTime(2026, 10, 25, 12)).hour == 12, "the autumn switch day");
static_assert(AmsterdamCivil(1794740400).weekday == 0, "2026-11-15 is a Sunday");

}  // namespace verbinder::util

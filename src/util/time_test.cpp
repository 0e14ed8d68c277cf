// The one civil-time module, the clock and the pass runner.
#include <gtest/gtest.h>

#include <ctime>

#include "util/civil_time.h"
#include "util/clock.h"
#include "util/passes.h"

namespace verbinder::util {
namespace {

TEST(CivilTime, RoundTripsEveryDayOfFourHundredYearsAgainstGmtime) {
  // Independent oracle: the C library's gmtime on the same instants.
  for (int64_t day = DaysFromCivil(1900, 1, 1); day <= DaysFromCivil(2300, 1, 1); day += 1) {
    const Date d = CivilFromDays(day);
    ASSERT_EQ(DaysFromCivil(d.y, d.m, d.d), day);
    if (day % 97 != 0) continue;  // gmtime on a sample, it is slow
    std::time_t t = static_cast<std::time_t>(day * kSecondsPerDay);
    std::tm tm{};
    gmtime_r(&t, &tm);
    ASSERT_EQ(d.y, tm.tm_year + 1900);
    ASSERT_EQ(d.m, static_cast<unsigned>(tm.tm_mon + 1));
    ASSERT_EQ(d.d, static_cast<unsigned>(tm.tm_mday));
    ASSERT_EQ(WeekdayFromDays(day), tm.tm_wday);
  }
}

TEST(CivilTime, AmsterdamSwitchesOnTheLastSundaysAtOneUtc) {
  // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  const int64_t spring = DaysFromCivil(2026, 3, 29) * kSecondsPerDay + 3600;
  const int64_t autumn = DaysFromCivil(2026, 10, 25) * kSecondsPerDay + 3600;
  EXPECT_FALSE(IsEuSummerTimeAt(spring - 1));
  EXPECT_TRUE(IsEuSummerTimeAt(spring));
  EXPECT_TRUE(IsEuSummerTimeAt(autumn - 1));
  EXPECT_FALSE(IsEuSummerTimeAt(autumn));
  EXPECT_EQ(AmsterdamCivil(spring - 1).hour, 1);  // 01:59:59 CET
  EXPECT_EQ(AmsterdamCivil(spring).hour, 3);      // 03:00 CEST
  EXPECT_EQ(AmsterdamCivil(autumn - 1).hour, 2);  // 02:59:59 CEST
  EXPECT_EQ(AmsterdamCivil(autumn).hour, 2);      // 02:00 CET again
  EXPECT_EQ(AmsterdamMonthStart(2026, 4), DaysFromCivil(2026, 3, 31) * kSecondsPerDay + 22 * 3600);
  EXPECT_EQ(AmsterdamMonthStart(2026, 1), DaysFromCivil(2025, 12, 31) * kSecondsPerDay + 23 * 3600);
}

TEST(CivilTime, BeforeTheEpochFloorsToThePreviousDay) {
  EXPECT_EQ(DayOf(-1), -1);
  EXPECT_EQ(DayOf(-86400), -1);
  EXPECT_EQ(DayOf(-86401), -2);
  const Civil c = AmsterdamCivil(-3600 - 1);  // 1969-12-31 23:59:59 CET
  EXPECT_EQ(c.y, 1969);
  EXPECT_EQ(c.d, 31u);
  EXPECT_EQ(c.hour, 23);
}

TEST(FakeClock, AdvanceMovesWallAndMonotonicTimeTogether) {
  FakeClock clock(1'800'000'000);
  const auto t0 = clock.Steady();
  clock.Advance(61);
  EXPECT_EQ(clock.Now(), 1'800'000'061);
  EXPECT_DOUBLE_EQ(Clock::Seconds(t0, clock.Steady()), 61.0);
  clock.Set(1'700'000'000);  // wall time may jump back; monotonic time may not
  EXPECT_DOUBLE_EQ(Clock::Seconds(t0, clock.Steady()), 61.0);
}

TEST(PassRunner, SkipsSwitchedOffAndStoppedPassesAndTimesOnTheInjectedClock) {
  FakeClock clock(0);
  std::stop_source stop;
  PassRunner passes({.skip = {"b"}, .stop = stop.get_token(), .clock = &clock});
  std::vector<std::string> ran;
  EXPECT_TRUE(passes.Run("a", [&] {
    ran.push_back("a");
    clock.Advance(2);
  }));
  EXPECT_FALSE(passes.Run("b", [&] { ran.push_back("b"); }));
  EXPECT_FALSE(passes.Run("c", false, [&] { ran.push_back("c"); }));
  stop.request_stop();
  EXPECT_FALSE(passes.Run("d", [&] { ran.push_back("d"); }));
  Status verified = passes.Verify([] { return Status(Code::kInternal, "broken"); });
  EXPECT_EQ(verified.code(), Code::kInternal);
  EXPECT_EQ(ran, std::vector<std::string>{"a"});
  ASSERT_EQ(passes.records().size(), 5u);
  EXPECT_DOUBLE_EQ(passes.records()[0].seconds, 2.0);
  EXPECT_FALSE(passes.records()[1].stopped);
  EXPECT_TRUE(passes.records()[3].stopped);
  EXPECT_EQ(passes.records()[4].name, "verify");
  EXPECT_DOUBLE_EQ(passes.total_seconds(), 2.0);
}

}  // namespace
}  // namespace verbinder::util

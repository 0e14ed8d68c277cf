// The demo's calendar helpers are the one civil-time module in util/; this
// header keeps the demo's names (demo::AmsterdamTime, demo::DaysFromCivil, ...).
//
//   constexpr model::UnixTime t = AmsterdamTime(2026, 4, 16, 17, 30);
#pragma once

#include "util/civil_time.h"

namespace verbinder::demo {

using util::AmsterdamTime;
using util::DaysFromCivil;
using util::IsAmsterdamSummerTime;
using util::kSecondsPerDay;
using util::LastSunday;
using util::WeekdayFromDays;

}  // namespace verbinder::demo

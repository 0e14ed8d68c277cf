// Deterministic generators of synthetic matchmaking instances, shared by the
// tests (random small instances checked against an exact MIP) and the
// benchmarks (large instances). The same (size, seed) always gives the same
// instance on every platform: only std::mt19937_64 raw output is used, never
// the implementation-defined std distributions.
//
//   ScheduleInstance big = GenerateScheduleInstance({.attendees = 2000, .slots = 12,
//                                                    .candidates_per_attendee = 60});
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>

#include "matching/schedule.h"
#include "matching/seat.h"

namespace verbinder::matching {

struct ScheduleGeneratorParams {
  int attendees = 100;
  int slots = 12;
  // Average candidate partners per attendee (each undirected pair counts for
  // both), so the instance has about attendees * candidates / 2 pairs.
  int candidates_per_attendee = 20;
  int max_meetings_per_person = 6;
  // tables = ceil(table_factor * attendees * cap / 2 / slots); < 1 makes tables scarce.
  double table_factor = 1.1;
  double partial_availability = 0.2;  // share of attendees missing some slots
  double individual_cap = 0.1;        // share with their own max_meetings
  double must_share = 0.01;           // share of pairs marked must
  double forbidden_share = 0.005;     // share of pairs also listed as forbidden
  uint64_t seed = 1;
};
ScheduleInstance GenerateScheduleInstance(const ScheduleGeneratorParams& params);

struct SeatGeneratorParams {
  int attendees = 1000;
  int tables = 125;
  int capacity = 8;
  int rounds = 3;
  int sectors = 6;
  int organizations = 300;
  int weighted_pairs = 2000;
  uint64_t seed = 1;
};
SeatInstance GenerateSeatInstance(const SeatGeneratorParams& params);

}  // namespace verbinder::matching

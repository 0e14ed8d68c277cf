// Group tables for the borrel: seats attendees at tables over several rounds so
// that every table mixes sectors as much as the mix allows, colleagues (same
// organization) never share a table, nobody meets the same person twice when
// avoidable, and pairs with a weight sit together.
//
//   SeatInstance inst;
//   inst.attendees = {{"a1", "care", "o1"}, {"a2", "industry", "o2"}};
//   inst.rounds = 3;
//   inst.tables = {{"T1", 8}};
//   Result<SeatResult> r = Seat(inst, SeatOptions{});
//   // r->rounds[k].tables[t] = attendee indices at inst.tables[t] in round k+1
//
// Method: per round, a greedy construction (hardest attendees first, cheapest
// table) followed by a seeded swap/move local search on one cost function
// (colleague >> repeat > same sector, minus pair weight). A random seating is
// evaluated on the same instance for comparison. The work runs as named passes
// on util::PassRunner ("round_1" .. "round_N", "random_baseline", then the
// verify step: every attendee at most once per round, no table over capacity);
// the rounds always run, random_baseline can be switched off by name.
// Thread-safety: pure; deterministic for a given SeatOptions::seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "matching/pass_report.h"
#include "util/passes.h"
#include "util/status.h"

namespace verbinder::matching {

struct SeatAttendee {
  std::string id;
  std::string sector;
  std::string organization;  // empty = no colleagues
};

struct SeatTable {
  std::string id;
  int capacity = 0;  // >= 1
};

// Attendees a != b who would like to share a table; weight >= 0.
struct SeatPair {
  int a = 0;
  int b = 0;
  double weight = 0;
};

struct SeatInstance {
  std::vector<SeatAttendee> attendees;
  int rounds = 1;  // >= 1
  std::vector<SeatTable> tables;
  std::vector<SeatPair> pairs;
};

struct SeatOptions {
  uint64_t seed = 1;
  // Local-search move attempts per round = attendees * this.
  int moves_per_attendee = 300;
  bool compare_random = true;
  util::PassOptions passes;  // skip {"random_baseline"}, stop token, clock
};

struct SeatRound {
  std::vector<std::vector<int>> tables;  // per instance table: attendee indices
  std::vector<int> unseated;             // when seats < attendees
};

struct SeatQuality {
  int repeats = 0;                   // sum over pairs of (rounds together - 1)
  double mean_distinct_sectors = 0;  // over non-empty (round, table)
  double weight = 0;                 // sum of weights of pairs who shared a table at least once
  int colleague_conflicts = 0;       // (round, pair of colleagues at one table)
  int unseated = 0;                  // (round, attendee) without a seat
};

struct SeatResult {
  std::vector<SeatRound> rounds;
  SeatQuality quality;
  SeatQuality random_baseline;     // zeros unless SeatOptions::compare_random
  std::vector<PassReport> passes;  // objective_after = weight of pairs seated together so far
};

// Every attendee at most once per round, no table over its capacity, every
// index in range; the message names the first violation.
Status VerifySeating(const SeatInstance& instance, const std::vector<SeatRound>& rounds);

// Errors name the place, e.g. field "tables[2].capacity".
Status ValidateSeatInstance(const SeatInstance& instance);
Result<SeatResult> Seat(const SeatInstance& instance, const SeatOptions& options);
SeatQuality EvaluateSeating(const SeatInstance& instance, const std::vector<SeatRound>& rounds);
// Seats attendees uniformly at random (same seat counts), for comparison.
std::vector<SeatRound> RandomSeating(const SeatInstance& instance, uint64_t seed);

}  // namespace verbinder::matching

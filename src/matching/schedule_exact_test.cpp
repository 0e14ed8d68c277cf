// The exact pass (schedule_exact.h): its optimum against brute force on tiny
// random instances (searched from an empty schedule, so the search itself
// finds it), its proof on the generated 12-slot congresses of up to 60
// attendees, the per-slot Lagrangian bound (valid against brute force, lower
// than the slot-free bound where slots bind, and what proves the CBC oracle's
// scarce-table instance 33), and the fall-back to the heuristic schedule when
// its node budget, deadline (a fake clock) or stop token ends it. No
// wall-clock thresholds.
#include "matching/schedule_exact.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <random>
#include <set>
#include <stop_token>

#include "matching/instance_generator.h"
#include "matching/schedule.h"
#include "matching/schedule_slot_bound.h"
#include "matching/schedule_state.h"

namespace verbinder::matching {
namespace {

// Every reading moves monotonic time one second on: a deadline passes after
// a fixed number of readings, whatever the machine's speed.
class TickingClock : public Clock {
 public:
  int64_t Now() const override { return 0; }
  Monotonic Steady() const override {
    ticks_ += 1;
    return std::chrono::duration_cast<Monotonic>(std::chrono::seconds(ticks_));
  }

 private:
  mutable int64_t ticks_ = 0;
};

ScheduleInstance Triangle() {
  ScheduleInstance inst;
  inst.slots = {"s1", "s2"};
  inst.tables = 5;
  inst.max_meetings_per_person = 2;
  inst.attendees = {{.id = "a"}, {.id = "b"}, {.id = "c"}};
  inst.pairs = {{.a = 0, .b = 1, .weight = 5}, {.a = 1, .b = 2, .weight = 4}, {.a = 0, .b = 2, .weight = 3}};
  return inst;
}

ScheduleInstance TinyRandom(uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto below = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  ScheduleInstance inst;
  const int slots = 2 + below(2), people = 5 + below(3);
  for (int s = 0; s < slots; ++s) inst.slots.push_back("s" + std::to_string(s));
  inst.tables = 1 + below(3);
  inst.max_meetings_per_person = 1 + below(3);
  for (int i = 0; i < people; ++i) {
    ScheduleAttendee a{.id = "p" + std::to_string(i)};
    if (below(3) == 0) {
      for (int s = 0; s < slots; ++s)
        if (below(3) > 0) a.available.push_back(s);
      if (a.available.empty()) a.available.push_back(0);
    }
    inst.attendees.push_back(a);
  }
  std::set<std::pair<int, int>> seen;
  for (int k = 0; k < 9; ++k) {
    int a = below(people), b = below(people);
    if (a == b || !seen.insert({std::min(a, b), std::max(a, b)}).second) continue;
    inst.pairs.push_back({.a = a, .b = b, .weight = (1 + below(20)) / 10.0, .must = below(5) == 0});
  }
  return inst;
}

// Brute force over every slot (or none) for every pair: the largest number
// of musts, then the largest weight, of any schedule meeting every hard
// constraint (VerifySchedule is the judge).
std::pair<int, double> BruteForce(const ScheduleInstance& inst) {
  const int n = static_cast<int>(inst.pairs.size()), slots = static_cast<int>(inst.slots.size());
  std::vector<int> choice(n, -1);
  std::pair<int, double> best{-1, -1};
  while (true) {
    std::vector<Meeting> meetings;
    std::vector<int> tables(slots, 0);
    int musts = 0;
    double weight = 0;
    for (int k = 0; k < n; ++k) {
      if (choice[k] < 0) continue;
      const CandidatePair& c = inst.pairs[k];
      meetings.push_back({choice[k], ++tables[choice[k]], c.a, c.b, c.weight, c.must, k});
      musts += c.must;
      weight += c.weight;
    }
    if (std::make_pair(musts, weight) > best && VerifySchedule(inst, meetings).ok()) best = {musts, weight};
    int k = 0;
    while (k < n && ++choice[k] == slots) choice[k++] = -1;
    if (k == n) break;
  }
  return best;
}

TEST(ScheduleExact, SearchFromAnEmptyScheduleFindsTheBruteForceOptimum) {
  int proven = 0, with_musts = 0;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    ScheduleInstance inst = TinyRandom(seed);
    std::pair<int, double> best = BruteForce(inst);
    internal::Problem problem = internal::BuildProblem(inst);
    internal::State empty(problem);
    internal::ExactResult r = internal::SolveExact(empty, best.first, internal::ExactLimits{});
    ASSERT_TRUE(r.proven) << "seed " << seed;
    ++proven;
    with_musts += best.first > 0;
    std::vector<Meeting> meetings;
    std::vector<int> tables(inst.slots.size(), 0);
    int musts = 0;
    double weight = 0;
    for (size_t e = 0; e < problem.edges.size(); ++e) {
      if (r.slots[e] < 0) continue;
      const internal::Edge& edge = problem.edges[e];
      meetings.push_back({r.slots[e], ++tables[r.slots[e]], edge.a, edge.b, edge.weight, edge.must, edge.pair_index});
      musts += edge.must;
      weight += edge.weight;
    }
    EXPECT_TRUE(VerifySchedule(inst, meetings).ok()) << "seed " << seed;
    EXPECT_EQ(musts, best.first) << "seed " << seed;
    EXPECT_NEAR(weight, best.second, 1e-9) << "seed " << seed;
    EXPECT_GE(r.bound, weight - 1e-12) << "seed " << seed;
    EXPECT_LE(r.bound, weight + 1e-9) << "seed " << seed;
  }
  EXPECT_EQ(proven, 40);
  EXPECT_GE(with_musts, 5);  // the lexicographic must order is exercised
}

TEST(ScheduleExact, ProvesTheTriangleOptimumTheLpBoundCannot) {
  // The aggregated optimum (all three pairs, 12) does not fit two slots.
  // The slot-free search splits it and proves 9 (with the slot bound on,
  // that is the cheap first check, which closes here before the slot bound
  // is tried).
  for (bool slot_bound : {false, true}) {
    ScheduleOptions options;
    options.exact_slot_bound = slot_bound;
    Result<ScheduleResult> r = Schedule(Triangle(), options);
    ASSERT_TRUE(r.ok());
    EXPECT_DOUBLE_EQ(r->objective, 9);
    EXPECT_TRUE(r->optimal);
    EXPECT_EQ(r->stats.bound_method, "exact");
    EXPECT_EQ(r->stats.exact_outcome, "proven");
    EXPECT_NEAR(r->upper_bound, r->objective, 1e-9);
    EXPECT_GE(r->upper_bound, r->objective);
    EXPECT_NEAR(r->stats.exact_root_b_matching_bound, 12, 1e-9);  // slot-free: all three pairs
    EXPECT_EQ(r->stats.exact_proof, "b_matching");
    EXPECT_GT(r->stats.exact_nodes, 1);
    EXPECT_EQ(r->stats.exact_root_slot_bound, -1);
  }
  // Without the first check, the slot bound closes the root at once: per
  // slot at most one of the three meetings. Started from the optimum (a-b in
  // s1, b-c in s2).
  ScheduleInstance tri = Triangle();
  internal::Problem problem = internal::BuildProblem(tri);
  internal::State optimum(problem);
  for (size_t e = 0; e < problem.edges.size(); ++e) {
    if (problem.edges[e].weight == 5) optimum.Place(static_cast<int>(e), 0);
    if (problem.edges[e].weight == 4) optimum.Place(static_cast<int>(e), 1);
  }
  internal::ExactLimits limits;
  limits.slot_bound_after_nodes = 0;
  internal::ExactResult r = internal::SolveExact(optimum, 0, limits);
  EXPECT_TRUE(r.proven);
  EXPECT_FALSE(r.improved);
  EXPECT_EQ(r.proof, "slot_lagrangian");
  EXPECT_EQ(r.nodes, 1);
  EXPECT_NEAR(r.root_b_matching_bound, 12, 1e-9);
  // Valid (>= 9) and below the next possible weight (integer weights).
  EXPECT_GE(r.root_slot_bound, 9 - 1e-9);
  EXPECT_LT(r.root_slot_bound, 10);
  EXPECT_NEAR(r.bound, 9, 1e-9);
}

// The slot bound alone (schedule_slot_bound.h) at the root of tiny random
// instances, against brute force: every value it returns is >= the optimum,
// also when its steps aim far too low (target 0: multipliers far from
// optimal). Where the slot-free bound of the search is above the optimum,
// the slot bound is lower on most instances and often meets it.
TEST(ScheduleExact, SlotBoundIsValidAgainstBruteForceAndBelowTheSlotFreeBound) {
  int slot_free_loose = 0, slot_lower = 0, slot_tight = 0;
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    ScheduleInstance inst = TinyRandom(seed);
    std::pair<int, double> best = BruteForce(inst);
    internal::Problem problem = internal::BuildProblem(inst);
    // TinyRandom's weights are tenths: units of 0.1 are exact.
    std::vector<int64_t> units;
    for (const internal::Edge& e : problem.edges) units.push_back(std::llround(e.weight * 10));
    const int64_t optimum = std::llround(best.second * 10);
    const std::vector<int8_t> all_free(problem.edges.size(), -1);
    for (int64_t target : {int64_t{0}, optimum}) {
      internal::SlotBound bound(problem, units, best.first);
      internal::SlotBound::Outcome o = bound.Minimise(all_free, target, std::numeric_limits<int64_t>::min(), 300, {});
      EXPECT_GE(o.iterations, 1) << "seed " << seed;  // fewer than 300 when no step lowers it
      EXPECT_GE(o.bound, optimum) << "seed " << seed << " target " << target;
      EXPECT_LE(o.feasible, optimum) << "seed " << seed;  // a relaxed solution that is a schedule
    }
    // Through the pass, started from the heuristic's schedule (its cheap
    // first check proves these tiny instances before the slot bound runs).
    Result<ScheduleResult> r = Schedule(inst, {});
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->optimal) << "seed " << seed;
    EXPECT_NEAR(r->objective, best.second, 1e-9) << "seed " << seed;
    // The search with the slot bound from its root (no first check), started
    // from the pass's schedule, as after a first check that did not close.
    internal::State start(problem);
    for (const Meeting& m : r->meetings) {
      for (size_t e = 0; e < problem.edges.size(); ++e) {
        if (problem.edges[e].pair_index == m.pair_index) start.Place(static_cast<int>(e), m.slot);
      }
    }
    internal::ExactLimits limits;
    limits.slot_bound_after_nodes = 0;
    internal::ExactResult exact = internal::SolveExact(start, best.first, limits);
    EXPECT_TRUE(exact.proven) << "seed " << seed;
    EXPECT_NEAR(exact.root_b_matching_bound, r->stats.exact_root_b_matching_bound, 1e-9) << "seed " << seed;
    const double b_matching = exact.root_b_matching_bound, slot = exact.root_slot_bound;
    if (b_matching >= 0) EXPECT_GE(b_matching, best.second - 1e-9) << "seed " << seed;
    if (slot >= 0) EXPECT_GE(slot, best.second - 1e-9) << "seed " << seed;
    if (b_matching > best.second + 0.05) {
      ++slot_free_loose;
      slot_lower += slot >= 0 && slot < b_matching - 1e-9;
      slot_tight += slot >= 0 && slot < best.second + 0.1;  // below the next possible weight
    }
  }
  std::printf("slot-free bound above the optimum at the root: %d of 60; slot bound lower: %d, tight: %d\n",
              slot_free_loose, slot_lower, slot_tight);
  EXPECT_GE(slot_free_loose, 3);  // the case is exercised
  EXPECT_GE(slot_lower, slot_free_loose - 1);
  EXPECT_GE(slot_tight, 1);
}

// Weights that are no multiple of 1/10^k (here tenths / 3): the proof works
// in units of 2^-40 of the largest weight (granule one unit), where the slot
// bound closes only nodes with a real gap; the search still proves the brute
// force optimum on every tiny instance, with a valid bound.
TEST(ScheduleExact, NonDecimalWeightsAreProvenWithTheFineGranule) {
  int proven = 0;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    ScheduleInstance inst = TinyRandom(seed);
    for (CandidatePair& c : inst.pairs) c.weight /= 3;
    std::pair<int, double> best = BruteForce(inst);
    Result<ScheduleResult> r = Schedule(inst, {});
    ASSERT_TRUE(r.ok());
    EXPECT_NEAR(r->objective, best.second, 1e-9) << "seed " << seed;
    EXPECT_GE(r->upper_bound, best.second - 1e-12) << "seed " << seed;
    if (r->stats.exact_root_slot_bound >= 0) EXPECT_GE(r->stats.exact_root_slot_bound, best.second - 1e-12);
    proven += r->optimal;
  }
  EXPECT_EQ(proven, 40);
}

// The CBC oracle's instance 33 (schedule_oracle_test.cpp: 40 attendees, 4
// slots, 9 tables per slot): the slot-free bound is 27.516, CBC's optimum
// 27.265 (its time-indexed LP relaxation is 27.265 too). The first check
// (slot-free, 32 nodes) does not prove it; the slot bound then proves the
// optimum at the root; without it the search does not finish.
TEST(ScheduleExact, ScarceTablesOracleInstanceIsProvenByTheSlotBound) {
  ScheduleGeneratorParams params;
  params.seed = 1033;
  params.attendees = 40;
  params.slots = 4;
  params.max_meetings_per_person = 3;
  params.candidates_per_attendee = 7;
  params.table_factor = 0.6;
  params.must_share = 0.06;
  params.forbidden_share = 0.03;
  params.partial_availability = 0.3;
  ScheduleInstance inst = GenerateScheduleInstance(params);
  ScheduleOptions options;
  options.exact_seconds = 1e9;  // the node budget alone: no clock in the outcome
  options.exact_node_limit = 2000;
  Result<ScheduleResult> r = Schedule(inst, options);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(VerifySchedule(inst, r->meetings).ok());
  EXPECT_TRUE(r->optimal);
  EXPECT_NEAR(r->objective, 27.265, 1e-9);
  EXPECT_EQ(r->stats.exact_proof, "slot_lagrangian");
  EXPECT_NEAR(r->stats.exact_root_b_matching_bound, 27.516, 1e-6);
  EXPECT_GE(r->stats.exact_root_slot_bound, 27.265 - 1e-9);
  EXPECT_LT(r->stats.exact_root_slot_bound, 27.266);  // below the next weight (weights are thousandths)
  options.exact_slot_bound = false;
  r = Schedule(inst, options);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->optimal);
  EXPECT_EQ(r->stats.exact_outcome, "out_of_nodes");
}

TEST(ScheduleExact, GeneratedCongressesUpTo60AreProvenOptimal) {
  for (int attendees : {20, 40, 60}) {
    for (uint64_t seed = 1; seed <= 3; ++seed) {
      ScheduleInstance inst =
          GenerateScheduleInstance({.attendees = attendees, .slots = 12, .candidates_per_attendee = 20, .seed = seed});
      ScheduleOptions options;
      options.exact_seconds = 1e9;  // the node budget alone: no clock in the outcome
      Result<ScheduleResult> r = Schedule(inst, options);
      ASSERT_TRUE(r.ok());
      EXPECT_TRUE(VerifySchedule(inst, r->meetings).ok());
      EXPECT_TRUE(r->optimal) << attendees << " seed " << seed;
      EXPECT_EQ(r->stats.exact_outcome, "proven") << attendees << " seed " << seed;
      // optimal: the objective is the reported bound.
      EXPECT_GE(r->upper_bound, r->objective);
      EXPECT_LE(r->upper_bound - r->objective, 1e-9 * r->upper_bound) << attendees << " seed " << seed;
      options.passes.skip = {"exact"};
      Result<ScheduleResult> heuristic = Schedule(inst, options);
      ASSERT_TRUE(heuristic.ok());
      EXPECT_GE(r->objective, heuristic->objective - 1e-9);
      EXPECT_GE(heuristic->upper_bound, r->objective - 1e-9);  // the LP bound stays valid
    }
  }
  // Above exact_max_attendees the pass does not run.
  ScheduleInstance big = GenerateScheduleInstance({.attendees = 61, .slots = 12, .candidates_per_attendee = 20});
  Result<ScheduleResult> r = Schedule(big, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->stats.exact_outcome, "");
  EXPECT_NE(r->stats.bound_method, "exact");
}

TEST(ScheduleExact, BudgetDeadlineAndStopFallBackToTheHeuristic) {
  ScheduleOptions no_exact;
  no_exact.passes.skip = {"exact"};
  Result<ScheduleResult> heuristic = Schedule(Triangle(), no_exact);
  ASSERT_TRUE(heuristic.ok());
  // Node budget: the triangle needs more than one node without the slot
  // bound (with it and no first check, one: see above).
  ScheduleOptions tight;
  tight.exact_node_limit = 1;
  tight.exact_slot_bound = false;
  Result<ScheduleResult> r = Schedule(Triangle(), tight);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->stats.exact_outcome, "out_of_nodes");
  EXPECT_FALSE(r->optimal);
  EXPECT_NE(r->stats.bound_method, "exact");
  EXPECT_DOUBLE_EQ(r->objective, heuristic->objective);
  // Deadline on the injected clock: every reading is a second later.
  TickingClock clock;
  ScheduleOptions late;
  late.passes.clock = &clock;
  late.exact_seconds = 0.5;
  r = Schedule(Triangle(), late);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->stats.exact_outcome, "out_of_time");
  EXPECT_FALSE(r->optimal);
  EXPECT_DOUBLE_EQ(r->objective, heuristic->objective);
  EXPECT_TRUE(VerifySchedule(Triangle(), r->meetings).ok());
  // A stop requested during the search (here: before it) ends it unproven.
  std::stop_source stop;
  stop.request_stop();
  internal::ExactLimits limits;
  limits.stop = stop.get_token();
  ScheduleInstance tri = Triangle();
  internal::Problem problem = internal::BuildProblem(tri);
  internal::State empty(problem);
  internal::ExactResult stopped = internal::SolveExact(empty, 0, limits);
  EXPECT_FALSE(stopped.proven);
  EXPECT_TRUE(stopped.out_of_time);
}

}  // namespace
}  // namespace verbinder::matching

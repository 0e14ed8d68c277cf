// Internal to the scheduler: the `exact` pass. On small instances it proves a
// schedule optimal (most must pairs first, then weight) by branch and bound, or
// finds a better one. Not part of the public API; see schedule.h.
//
//   ExactLimits limits{.node_limit = 1000000, .seconds = 10, .clock = &clock};
//   ExactResult r = SolveExact(state, MustsHeld(state), limits);
//   if (r.proven) ...   // r.slots is optimal; r.bound = its weight (integer units, rounded up)
//
// Method: branch and bound over the aggregated problem (slots summed out:
// per-person caps, each pair at most once, at most the total of tables). The
// bound at every node is the best integer b-matching of the free pairs
// (schedule_exact_lemon.h); when that holds more meetings than the tables
// left, the Lagrangian bound max (w - lambda) x + lambda * tables, minimised
// over lambda by cutting planes. The b-matching is an edge set; it is a
// schedule when its edges can be given slots (list edge colouring with
// per-slot table limits, backtracking search) and then the node's optimum.
// When they cannot, the node is split so that every other edge set of the
// node stays in exactly one child: child i fixes edges 1..i-1 of the set in
// and edge i out (a superset of an unschedulable set is unschedulable).
// Otherwise (tables binding) it branches on the pair whose weight is closest
// to lambda, in, then out. Must pairs: every schedule of the search holds
// `must_target` musts (the caller proves that is the largest number
// possible); nodes that cannot reach it are cut, and a b-matching with fewer
// musts branches on a must pair it leaves out. Weights are compared in
// integer units (ceil(weight * 2^40 / max weight)), so the proof holds to
// 1e-10 of the largest weight per meeting. Weak spot: the relaxation ignores
// slots, so where slots and scarce tables cut deep (docs/performance-
// matching.md, oracle instance 33) the search may not finish.
//
// Thread-safety: pure; reads the State, never changes it.
#pragma once

#include <cstdint>
#include <stop_token>
#include <vector>

#include "matching/schedule_state.h"
#include "util/clock.h"

namespace verbinder::matching::internal {

struct ExactLimits {
  int64_t node_limit = 1000000;  // branch-and-bound nodes (deterministic budget)
  double seconds = 10;           // deadline on `clock`, from the call; ignored without a clock
  const Clock* clock = nullptr;  // nullptr: no deadline
  std::stop_token stop;          // a requested stop ends the search (not proven)
  // Per slot-assignment check; out of budget the set stays undecided (its
  // bound open). Generated 60-attendee sets needed up to some 10^5.
  int64_t colouring_node_limit = 500000;
};

struct ExactResult {
  bool proven = false;        // the search finished: `slots` is optimal
  bool improved = false;      // `slots` is heavier than the start
  bool out_of_time = false;   // stopped by the deadline or the stop token
  bool out_of_nodes = false;  // stopped by node_limit
  int64_t nodes = 0;
  double bound = 0;                // when proven: >= the optimum, >= the weight of `slots`
  std::vector<int> slots;          // edge -> slot or -1: the best schedule found
  int64_t unschedulable_sets = 0;  // integral LP optima whose edges found no slots
};

// Musts held by `state` (the count every schedule of the search must reach).
int MustsHeld(const State& state);

// The branch and bound above, started from `start` as the incumbent.
// `must_target` must be the largest number of must pairs any schedule holds.
ExactResult SolveExact(const State& start, int must_target, const ExactLimits& limits);

}  // namespace verbinder::matching::internal

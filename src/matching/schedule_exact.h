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
// musts branches on a must pair it leaves out. Where that slot-free bound
// and the slot check leave a node open, before it branches, the per-slot
// Lagrangian bound (schedule_slot_bound.h: each slot a matching, the pair,
// cap, table and must constraints priced) may close it; it keeps the slots,
// so it closes where slots and scarce tables cut deep (the CBC oracle's
// instance 33: slot-free 0.9 % above the optimum, proven at the root). It
// costs a root trial (150 evaluations, one matching per slot each; up to
// 0.2-0.5 s on 60-attendee 12-slot congresses), so a cheap first check comes
// before it: the search with the slot-free bound alone, within
// `slot_bound_after_nodes` nodes. Only when that does not prove does the
// search start again with the slot bound, from the root and the first
// check's best schedule (the nodes of both count against `node_limit`).
// There it gets 150 + 1,000 subgradient evaluations at the root and is
// switched off when it is not below the slot-free bound; 25 at later nodes,
// warm started. Weights are compared in integer units: when every weight is a
// multiple of 1/d (d = 1, 10, ..., 10^6) exactly round(weight * d) * K (K =
// 2^40 / round(max weight * d)), and a bound below incumbent + K proves, as
// no schedule lies in between; otherwise ceil(weight * 2^40 / max weight),
// granule 1, so the proof holds to 1e-10 of the largest weight per meeting
// (and a Lagrangian bound rarely lands exactly on the optimum).
//
// Thread-safety: pure; reads the State, never changes it.
#pragma once

#include <cstdint>
#include <stop_token>
#include <string>
#include <vector>

#include "matching/schedule_state.h"
#include "util/clock.h"

namespace verbinder::matching::internal {

struct ExactLimits {
  int64_t node_limit = 1000000;  // branch-and-bound nodes (deterministic budget)
  double seconds = 10;           // deadline on `clock`, from the call; ignored without a clock
  const Clock* clock = nullptr;  // nullptr: no deadline
  std::stop_token stop;          // a requested stop ends the search (not proven)
  // The per-slot Lagrangian bound (schedule_slot_bound.h) where the slot-free
  // one does not close a node; off: the slot-free bound alone, with units
  // ceil(weight * 2^40 / max weight) (the search as it was before).
  bool slot_bound = true;
  // The cheap first check before the slot bound (above): nodes of the
  // slot-free search alone (at most half of node_limit); 0: the slot bound
  // from the first node. 32: the generated 12-slot congresses of the
  // benchmark close within 11 nodes, 18 of its 20 scarce-table ones (4 slots)
  // within 13; the other two need the slot bound (docs/performance-matching.md).
  int64_t slot_bound_after_nodes = 32;
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
  // Which bound closed the search when proven: "b_matching" (the slot-free
  // bound closed every node) or "slot_lagrangian" (the slot bound,
  // schedule_slot_bound.h, closed at least one); "" when not proven.
  std::string proof;
  int64_t slot_bound_prunes = 0;      // nodes the slot bound closed
  int64_t slot_bound_iterations = 0;  // its evaluations (one matching per slot each)
  double root_b_matching_bound = -1;  // the bounds at the root (weight); -1: not computed
  double root_slot_bound = -1;
  // Weight step between schedules the proof relies on: 1/d when every
  // weight is a multiple of 1/d (d = 1..10^6), else about 2^-40 x max weight.
  double granule = 0;
};

// Musts held by `state` (the count every schedule of the search must reach).
int MustsHeld(const State& state);

// The branch and bound above, started from `start` as the incumbent.
// `must_target` must be the largest number of must pairs any schedule holds.
ExactResult SolveExact(const State& start, int must_target, const ExactLimits& limits);

}  // namespace verbinder::matching::internal

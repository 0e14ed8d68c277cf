// Internal to the exact pass (schedule_exact.h): an upper bound that keeps the
// slots. Lagrangian relaxation of everything that couples the slots — each
// pair at most once (exactly once for pairs the search fixed in), the
// per-person caps, the per-slot table limit and the must count — leaves one
// maximum-weight matching per slot (LEMON, exact); minimised over the
// multipliers by Polyak steps along the deflected subgradient. Its minimum
// is the LP bound of the time-indexed model with each slot's matching
// polytope, which the slot-free b-matching bound cannot reach where slots
// and scarce tables cut deep.
//
//   SlotBound sb(problem, units, must_target);
//   SlotBound::Outcome o = sb.Minimise(fixed, incumbent, incumbent + granule, 200, late);
//   if (o.bound < incumbent + granule) ...   // no schedule of the node beats the incumbent
//
// Exactness: multipliers are rounded to integers before each evaluation and
// the bound is then computed in int64 from exact matchings, so every value
// returned is a valid bound (proof in schedule_slot_bound.cpp), however far
// the multipliers are from optimal. Thread-safety: one object per search.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "matching/schedule_state.h"

namespace verbinder::matching::internal {

class SlotBound {
 public:
  // `units`: integer weight per edge (the exact pass's units); `must_target`:
  // the must pairs every schedule of the search holds.
  SlotBound(const Problem& p, const std::vector<int64_t>& units, int must_target);

  struct Outcome {
    int64_t bound = 0;       // smallest bound evaluated (units), valid for the node
    int iterations = 0;      // evaluations made
    int64_t feasible = -1;   // units of the heaviest relaxed solution that was a schedule; -1: none
    std::vector<int> slots;  // that schedule: edge -> slot or -1 (when feasible >= 0)
  };

  // Bound at a node: fixed[e] is -1 (free), 0 (out) or 1 (in; every schedule
  // of the node holds it). Steps from the current multipliers (kept between
  // calls: warm start) towards `target` (the incumbent's units) for at most
  // `iterations` evaluations; stops as soon as a bound < `enough` is found, or
  // when `late` (may be empty) says so.
  Outcome Minimise(const std::vector<int8_t>& fixed, int64_t target, int64_t enough, int iterations,
                   const std::function<bool()>& late);

  // Starts every slot's table price at `price` (units per meeting; e.g. the
  // slot-free bound's Lagrangian table price) when no better start is known.
  void SeedTablePrice(int64_t price);

 private:
  struct Evaluation {
    int64_t bound = 0;
    std::vector<int> slot_of;   // edge -> slot chosen by the relaxation, -1 none; -2: in several slots
    std::vector<int> times;     // edge -> number of slots it was chosen in
    std::vector<int> degree;    // person -> meetings in the relaxation
    std::vector<int> per_slot;  // slot -> meetings
    int musts = 0;
  };
  Evaluation Evaluate(const std::vector<int8_t>& fixed) const;

  const Problem& p_;
  const std::vector<int64_t>& units_;
  const int must_target_;
  std::vector<uint8_t> cap_relaxed_;          // person: cap < slots available (the cap couples slots)
  std::vector<std::vector<int>> slot_edges_;  // slot -> edges whose attendees are both available
  // Multipliers (kept as doubles, rounded for each evaluation).
  std::vector<double> pair_;    // per edge: each pair at most once (exactly once when fixed in)
  std::vector<double> person_;  // per person: the cap
  std::vector<double> table_;   // per slot: the tables
  double must_ = 0;             // the must count
  // The previous step's direction (deflected subgradient).
  std::vector<double> d_pair_, d_person_, d_table_;
  double d_must_ = 0;
  double step_scale_ = 1;  // Polyak step factor, halved when progress stalls
};

}  // namespace verbinder::matching::internal

// Internal to the scheduler: the normalised problem (usable edges, effective
// caps, availability matrix) and the mutable schedule state the passes edit.
// Not part of the public API; see schedule.h.
// Thread-safety: none; one State per Schedule() call.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "matching/schedule.h"

namespace verbinder::matching::internal {

struct Edge {
  int a = 0;
  int b = 0;
  double weight = 0;
  bool must = false;
  int pair_index = 0;
};

// The instance after the candidates pass: forbidden pairs, pairs without a
// common available slot and pairs with a zero-cap attendee are gone.
struct Problem {
  int num_people = 0;
  int num_slots = 0;
  int tables = 0;                  // the largest table count of any slot
  std::vector<int> slot_tables;    // tables per slot
  std::vector<int> cap;            // min(cap, number of available slots)
  std::vector<uint8_t> available;  // num_people * num_slots
  std::vector<Edge> edges;
  std::vector<std::vector<int>> incident;       // person -> edge ids
  std::vector<UnscheduledMust> rejected_musts;  // musts dropped by the candidates pass
  std::vector<uint8_t> has_candidates;          // person has at least one edge
  double scale = 1;                             // weight -> integer units for LEMON (max weight ~ 1e9 units)

  int TablesIn(int slot) const { return slot_tables[slot]; }
  int64_t TotalTables() const {
    int64_t t = 0;
    for (int n : slot_tables) t += n;
    return t;
  }
  bool Available(int person, int slot) const { return available[static_cast<size_t>(person) * num_slots + slot] != 0; }
};

// Builds the Problem from a validated instance.
Problem BuildProblem(const ScheduleInstance& instance);

class State {
 public:
  explicit State(const Problem& problem);

  const Problem& problem() const { return problem_; }
  int SlotOf(int edge) const { return slot_of_[edge]; }
  int At(int person, int slot) const { return at_[Index(person, slot)]; }
  int Count(int person) const { return count_[person]; }
  int TablesUsed(int slot) const { return tables_used_[slot]; }
  bool Locked(int edge) const { return locked_[edge] != 0; }
  void Lock(int edge) { locked_[edge] = 1; }
  double objective() const { return objective_; }

  // True if edge can go into slot now without breaking any hard constraint.
  bool CanPlace(int edge, int slot) const;
  void Place(int edge, int slot);  // requires CanPlace
  void Remove(int edge);           // requires SlotOf(edge) >= 0
  // Cheapest unlocked meeting of person, excluding slot `except_slot`; -1 if none.
  int CheapestOf(int person, int except_slot) const;
  // Cheapest unlocked meeting held in slot; -1 if none.
  int CheapestIn(int slot) const;

 private:
  size_t Index(int person, int slot) const { return static_cast<size_t>(person) * problem_.num_slots + slot; }

  const Problem& problem_;
  std::vector<int> at_;                                    // person*slots -> edge id or -1
  std::vector<int> slot_of_;                               // edge -> slot or -1
  std::vector<int> count_;                                 // person -> meetings
  std::vector<int> tables_used_;                           // slot -> meetings
  std::vector<uint8_t> locked_;                            // edge -> placed by the must pass; never moved
  std::vector<std::set<std::pair<double, int>>> by_slot_;  // unlocked meetings per slot
  double objective_ = 0;
};

// Per-slot max-weight matching (LEMON) over the unscheduled edges with
// edge_mask[e] != 0 (all when edge_mask is null) whose two attendees are
// available, free in the slot and under their cap; places the matching (at most
// the free tables, heaviest first). Returns the weight added.
double MatchSlot(State& state, int slot, const std::vector<uint8_t>* edge_mask);

// The passes that live in schedule_local_search.cpp.
// Ejection local search: inserts unscheduled edges by relocating or ejecting
// lighter meetings. `floor` >= 0 forbids ejections that leave anyone (other than
// the inserted pair) with fewer than `floor` meetings. Returns true on any gain.
bool LocalSearch(State& state, int floor, int max_sweeps);
// Re-solves each slot exactly given the others (max-weight matching); keeps a
// slot's new matching only when it is heavier and respects `floor`.
bool ReoptimizeSlots(State& state, int floor);
// Ruin and recreate: repeatedly clears a slot and a random share of the other
// meetings, refills them (matching + local search) and keeps the result when it
// is heavier (and respects `floor`). Deterministic for a given seed.
bool RuinAndRecreate(State& state, int floor, int iterations, uint64_t seed);
// Fairness seed on a (nearly) empty schedule: level by level, gives each
// attendee with candidates one more meeting (fewest candidates first), without
// ejecting anything; stops at the first level it cannot complete.
void SeedMinimum(State& state);
// Raises the minimum meetings among attendees with candidates as far as simple
// insert/eject moves allow. Returns the minimum reached.
int RaiseMinimum(State& state);
// Min meetings over attendees with at least one usable edge (0 if none).
int MinMeetings(const State& state);

// The must pairs in search order and the placeable sets found for them: each
// set gives, per must (in `order`), its slot or -1 when left out. All sets hold
// the same, largest number of musts the search found; sets[0] is the first one
// found (most constrained musts first).
struct MustSets {
  std::vector<int> order;  // edge ids of the must pairs
  std::vector<std::vector<int>> sets;
  std::vector<int> must_degree;  // person -> must pairs
  bool exhausted = true;         // phase 1 proved the size is the largest
};

// Backtracking over the must pairs; see schedule_musts.cpp.
MustSets SearchMusts(State& state, int node_limit, int choice_node_limit, int max_sets);
// Locks and places the musts of set `index`.
void ApplyMustSet(State& state, const MustSets& musts, size_t index);
// The must pairs every lexicographically best schedule (most musts, then
// weight) holds, for the bound to fix at 1: all of them when set 0 holds them
// all; otherwise, when set 0 holds in each component of the must graph as
// many musts as the LP of the largest must b-matching under the caps allows
// (a proof that no schedule holds more, component by component), the musts
// of the components set 0 holds completely; else none.
std::vector<uint8_t> MustsHeldByEveryBest(const Problem& p, const MustSets& musts);
// Appends each must that set `index` leaves out, with the reason.
void ExplainDroppedMusts(const Problem& p, const ScheduleInstance& inst, const MustSets& musts, size_t index,
                         std::vector<UnscheduledMust>* unscheduled);

}  // namespace verbinder::matching::internal

// The 1:1 meeting scheduler: puts candidate meetings (weighted pairs of
// attendees) into time slots and tables so that the total weight is as large as
// possible, and proves how far from the best possible the result can be.
//
//   ScheduleInstance inst;
//   inst.slots = {"s1", "s2"};
//   inst.tables = 10;
//   inst.max_meetings_per_person = 2;
//   inst.attendees = {{.id = "a1"}, {.id = "a2"}};
//   inst.pairs = {{.a = 0, .b = 1, .weight = 0.8}};
//   Result<ScheduleResult> r = Schedule(inst, ScheduleOptions{});
//   if (r) for (const Meeting& m : r->meetings) ...;   // r->upper_bound >= optimum
//
// The engine works on indices (attendee i = inst.attendees[i], slot s =
// inst.slots[s]); ids are carried only for messages and output. JSON lives in
// schedule_json.h, not here. The pipeline is a list of named, timed passes on
// util::PassRunner (candidates -> must -> bound -> must_choice -> fair_seed ->
// slot_matching -> fill -> raise_minimum -> improve -> ruin_recreate ->
// exact -> spread -> verify); every pass but candidates, must and verify can be
// switched off by name (ScheduleOptions::passes.skip). spread runs only when
// the instance asks for it (ScheduleInstance::spread, schedule_spread.h);
// verify always runs after the last pass. must_choice compares, on
// instances small enough for its work budget, the largest placeable must sets
// (when the musts cannot all be held) or a few starting placements of the
// must meetings (when they can) by the schedule each leads to. exact
// (instances of at most ScheduleOptions::exact_max_attendees attendees) proves
// the schedule optimal by branch and bound, or replaces it with the optimum;
// then bound_method is "exact" and `optimal` true (schedule_exact.h).
//
// Hard constraints (checked by VerifySchedule after the last pass): an attendee
// meets at most once per slot, only in slots they are available, at most their
// cap in total; a slot holds at most `tables` meetings, tables numbered
// 1..tables(slot) and unique within the slot; a pair meets at most once; only
// listed pairs meet; forbidden pairs never.
//
// Thread-safety: all functions are pure and reentrant; concurrent calls on
// different (or the same const) instances are safe.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "matching/pass_report.h"
#include "util/passes.h"
#include "util/status.h"

namespace verbinder::matching {

struct ScheduleAttendee {
  std::string id;              // for messages and output only
  std::string sector;          // informational
  std::string organization;    // informational
  std::vector<int> available;  // slot indices; empty = every slot
  int max_meetings = -1;       // -1 = ScheduleInstance::max_meetings_per_person
  // Meetings the attendee already holds outside this instance (kept from an
  // earlier run): the spread pass counts them as covered. Caps and
  // availability must already leave them out.
  int held = 0;
};

// A candidate meeting between attendees a != b (undirected). weight >= 0.
struct CandidatePair {
  int a = 0;
  int b = 0;
  double weight = 0;
  bool must = false;  // an accepted request: scheduled whenever feasible
};

struct ScheduleInstance {
  std::vector<std::string> slots;  // slot names; at least one
  int tables = 0;                  // meetings per slot, >= 1
  // Tables free per slot (0..tables); empty = `tables` in every slot.
  std::vector<int> slot_tables;
  int max_meetings_per_person = 0;  // default cap, >= 0
  std::vector<ScheduleAttendee> attendees;
  std::vector<CandidatePair> pairs;  // at most one entry per unordered pair
  std::vector<std::pair<int, int>> forbidden;
  // The organizer's order: as many attendees as possible get a first meeting
  // before anyone gets another (the spread pass after the weight passes).
  bool spread = false;

  int TablesIn(int slot) const { return slot_tables.empty() ? tables : slot_tables[slot]; }
};

struct ScheduleOptions {
  // Passes switched off by name, a stop token (a requested stop skips the
  // remaining passes; verify still runs) and the clock that times them. The
  // one way to switch a pass off, e.g. to measure what each contributes:
  // skip {"bound"} (a weaker per-person cap bound), {"slot_matching"},
  // {"fill"}, {"improve", "ruin_recreate"} (`verbinder schedule --skip`).
  util::PassOptions passes;
  // Lexicographic fairness: first raise the minimum number of meetings among
  // attendees with candidates as far as it goes, then maximise weight without
  // lowering that minimum.
  bool raise_minimum_first = false;
  int improve_rounds = 3;  // rounds of (local search, slot re-optimisation)
  // Above this many (candidate pairs x slots) one improve round only: on the
  // 20,000-attendee congress (4.8e6) rounds 2-3 halve the speed for +0.0001
  // of objective/bound (docs/performance-matching.md). A work rule, not a
  // clock, so the same instance always gives the same schedule.
  double single_improve_round_work = 4e6;
  // Ruin-and-recreate iterations after the improve rounds; scaled down
  // automatically on large instances (it re-matches slots each time).
  int ruin_recreate_iterations = 1000;
  int must_search_node_limit = 200000;  // backtracking budget for must pairs
  // How many sets of the same (largest) size the must pass may enumerate when
  // not every must pair fits (a quarter as many slot placements when all
  // fit), within this many search nodes, for must_choice to compare.
  int must_choice_max_sets = 32;
  int must_choice_node_limit = 50000;
  // Work budget of must_choice, in (candidate pairs x slots) units: it screens
  // at most must_choice_work / (pairs x slots) sets with a quick run of the
  // later passes and gives at most a fifth of that (and at most 4) the full
  // run (2 when every must fits). Large instances thus compare few sets or
  // none.
  double must_choice_work = 1e5;
  // The exact pass (branch and bound, schedule_exact.h) runs on instances
  // with at most exact_max_attendees attendees (not with raise_minimum_first,
  // and only when the must pass proved its must count the largest). It stops
  // after exact_node_limit nodes (deterministic: the best schedule found is
  // kept) or after exact_seconds on options.passes.clock, or on the stop token
  // (then the schedule of the passes before is kept, so that the result does
  // not depend on the machine's speed); either way `optimal` stays false
  // unless another bound proves it.
  int exact_max_attendees = 60;
  int64_t exact_node_limit = 1000000;
  double exact_seconds = 10;
  // The per-slot Lagrangian bound inside the exact pass (off: the slot-free
  // bound alone, as before it existed; for measurements).
  bool exact_slot_bound = true;
};

struct Meeting {
  int slot = 0;
  int table = 0;  // 1..tables
  int a = 0;
  int b = 0;
  double weight = 0;
  bool must = false;
  int pair_index = 0;  // index into ScheduleInstance::pairs
};

struct UnscheduledMust {
  int pair_index = 0;
  std::string reason;  // plain English, names the attendees by id
};

struct ScheduleStats {
  int attendees = 0;
  int attendees_with_candidates = 0;  // have at least one usable candidate pair
  int candidate_pairs = 0;            // usable after the candidates pass
  int meetings = 0;
  // Meetings per attendee, over attendees with candidates.
  int min_meetings = 0;
  double median_meetings = 0;
  double mean_meetings = 0;
  double lp_bound = 0;         // 0 when the bound pass did not run
  double cap_bound = 0;        // half the sum of each person's best `cap` weights
  int must_sets_compared = 0;  // must sets screened by must_choice (0: it did not run)
  // The exact pass: "proven", "out_of_time", "out_of_nodes" ("" when it did
  // not run) and its branch-and-bound nodes.
  std::string exact_outcome;
  int64_t exact_nodes = 0;
  // When proven, which bound closed the search: "b_matching" (slots summed
  // out) or "slot_lagrangian" (the per-slot Lagrangian bound closed at least
  // one node); the two bounds at the root (-1: not computed) and the nodes
  // the slot bound closed (schedule_exact.h).
  std::string exact_proof;
  double exact_root_b_matching_bound = -1;
  double exact_root_slot_bound = -1;
  int64_t exact_slot_bound_prunes = 0;
  // Which bound `upper_bound` is: "cap" (per-person caps), "lp" (the LP of
  // the aggregated problem), "exact" (the optimum, proven by search).
  std::string bound_method = "cap";
  int spread_moves = 0;           // changes made by the spread pass
  int covered_before_spread = 0;  // attendees with a meeting (held ones included)
  int covered_after_spread = 0;
  std::vector<PassReport> passes;
};

struct ScheduleResult {
  std::vector<Meeting> meetings;  // sorted by (slot, table)
  double objective = 0;           // sum of weights of `meetings`
  double upper_bound = 0;         // >= the optimum of any feasible schedule
  // The schedule is proven best by weight (objective = upper_bound); never
  // claimed after the spread pass traded weight for coverage.
  bool optimal = false;
  std::vector<UnscheduledMust> must_unscheduled;
  ScheduleStats stats;
};

// Checks indices, weights and sizes. Errors name the place, e.g.
// field "pairs[3].b", message "attendee index 17 out of range".
Status ValidateScheduleInstance(const ScheduleInstance& instance);

// The full pipeline. Fails only on an invalid instance (or an internal error if
// verification ever found a violated constraint, which would be a bug).
Result<ScheduleResult> Schedule(const ScheduleInstance& instance, const ScheduleOptions& options);

// Checks every hard constraint of `meetings` against `instance`; the message
// names the first violation.
Status VerifySchedule(const ScheduleInstance& instance, const std::vector<Meeting>& meetings);

// Baseline for comparisons: must pairs, then all pairs by weight descending,
// each in the first slot where it fits. Instance must be valid.
ScheduleResult GreedySchedule(const ScheduleInstance& instance);

}  // namespace verbinder::matching

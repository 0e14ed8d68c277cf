// The scheduler pipeline: named, timed passes over one State, then verification.
#include "matching/schedule.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>
#include <random>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "matching/lemon_adapter.h"
#include "matching/schedule_exact.h"
#include "matching/schedule_spread.h"
#include "matching/schedule_state.h"

namespace verbinder::matching {
namespace {

using internal::Edge;
using internal::MustSets;
using internal::Problem;
using internal::State;

// Upper bound that needs no solver: every meeting is counted from both sides,
// and nobody holds more than `cap` meetings, so half the sum over people of
// their `cap` heaviest candidate weights bounds the objective.
double CapBound(const Problem& p) {
  double total = 0;
  std::vector<double> weights;
  for (int i = 0; i < p.num_people; ++i) {
    weights.clear();
    for (int e : p.incident[i]) weights.push_back(p.edges[e].weight);
    int k = std::min<int>(p.cap[i], static_cast<int>(weights.size()));
    std::partial_sort(weights.begin(), weights.begin() + k, weights.end(), std::greater<>());
    for (int j = 0; j < k; ++j) total += weights[j];
  }
  return total / 2;
}

// LP relaxation of the aggregated problem (slots summed out): per-person cap,
// each pair at most once, at most tables*slots meetings. Every feasible schedule
// is a feasible point of it, so its optimum is a valid upper bound. Weights are
// rounded *up* to integer units, which can only raise the bound. When every must
// pair was placed, each feasible schedule holds them all, so they enter the LP
// fixed at 1 (`fixed` marks them), which tightens the bound without losing
// validity.
double LpBound(const Problem& p, const std::vector<uint8_t>& fixed, std::vector<uint8_t>* support) {
  std::vector<internal::WeightedEdge> edges;
  std::vector<int> edge_ids;
  std::vector<int> cap = p.cap;
  int64_t total_cap = p.TotalTables();
  double fixed_weight = 0;
  for (size_t e = 0; e < p.edges.size(); ++e) {
    const Edge& edge = p.edges[e];
    if (!fixed.empty() && fixed[e]) {
      --cap[edge.a];
      --cap[edge.b];
      --total_cap;
      fixed_weight += edge.weight;
      continue;
    }
    edges.push_back({edge.a, edge.b, static_cast<int64_t>(std::ceil(edge.weight * p.scale))});
    edge_ids.push_back(static_cast<int>(e));
  }
  internal::BMatchingLp lp = internal::SolveBMatchingLp(p.num_people, cap, edges, total_cap);
  support->assign(p.edges.size(), 0);
  for (size_t k = 0; k < edges.size(); ++k) (*support)[edge_ids[k]] = lp.half_units[k] > 0;
  double bound = static_cast<double>(lp.twice_value) / 2.0 / p.scale + fixed_weight;
  return bound * (1 + 1e-12) + 1e-12;  // guard the division's rounding
}

// Meetings of the state, per slot heaviest first, tables numbered 1.. in that order.
std::vector<Meeting> ExtractMeetings(const State& state) {
  const Problem& p = state.problem();
  std::vector<Meeting> out;
  for (size_t e = 0; e < p.edges.size(); ++e) {
    int s = state.SlotOf(static_cast<int>(e));
    if (s < 0) continue;
    const Edge& edge = p.edges[e];
    out.push_back({s, 0, edge.a, edge.b, edge.weight, edge.must, edge.pair_index});
  }
  return out;
}

// Sorts meetings by (slot, weight descending, pair) and numbers the tables of
// each slot 1, 2, ... in that order.
void NumberTables(std::vector<Meeting>& meetings) {
  std::sort(meetings.begin(), meetings.end(), [](const Meeting& x, const Meeting& y) {
    if (x.slot != y.slot) return x.slot < y.slot;
    if (x.weight != y.weight) return x.weight > y.weight;
    return x.pair_index < y.pair_index;
  });
  int slot = -1, table = 0;
  for (Meeting& m : meetings) {
    if (m.slot != slot) {
      slot = m.slot;
      table = 0;
    }
    m.table = ++table;
  }
}

double Weight(const std::vector<Meeting>& meetings) {
  double total = 0;
  for (const Meeting& m : meetings) total += m.weight;
  return total;
}

void FillStats(const Problem& p, const std::vector<Meeting>& meetings, ScheduleStats* stats) {
  stats->attendees = p.num_people;
  stats->candidate_pairs = static_cast<int>(p.edges.size());
  stats->meetings = static_cast<int>(meetings.size());
  std::vector<int> count(p.num_people, 0);
  for (const Meeting& m : meetings) {
    ++count[m.a];
    ++count[m.b];
  }
  std::vector<int> counts;
  for (int i = 0; i < p.num_people; ++i) {
    if (p.has_candidates[i]) counts.push_back(count[i]);
  }
  stats->attendees_with_candidates = static_cast<int>(counts.size());
  if (counts.empty()) return;
  std::sort(counts.begin(), counts.end());
  stats->min_meetings = counts.front();
  size_t mid = counts.size() / 2;
  stats->median_meetings = counts.size() % 2 ? counts[mid] : (counts[mid - 1] + counts[mid]) / 2.0;
  double sum = 0;
  for (int c : counts) sum += c;
  stats->mean_meetings = sum / counts.size();
}

double TotalSeconds(const std::vector<PassReport>& passes) {
  double total = 0;
  for (const PassReport& r : passes) total += r.seconds;
  return total;
}

// Ranks finished runs (larger is better): with raise_minimum_first the
// minimum meetings come first, then weight.
std::pair<int, double> Score(const State& state, const ScheduleOptions& options) {
  int minimum = options.raise_minimum_first ? internal::MinMeetings(state) : 0;
  // Weights are compared in integer-ish units so that rounding noise does not
  // reorder equal schedules.
  return {minimum, std::round(state.objective() * 1e9) / 1e9};
}

// The passes after the must choice, on one State: fair_seed, slot_matching,
// fill, raise_minimum, improve, ruin_recreate, appended to `passes`.
// `quick` (must_choice screening) runs one improve round and no ruin and
// recreate. Returns the fairness floor (-1 unless raise_minimum ran).
int RunImprovementPasses(State& state, const ScheduleOptions& options, const std::vector<uint8_t>& support, bool quick,
                         const double* bound, std::vector<PassReport>* passes) {
  const Problem& problem = state.problem();
  EnginePasses runner(
      options.passes, [&] { return state.objective(); }, passes, [bound] { return *bound; });
  runner.Run("fair_seed", options.raise_minimum_first, [&] { internal::SeedMinimum(state); });
  runner.Run("slot_matching", !support.empty(), [&] {
    for (int s = 0; s < problem.num_slots; ++s) internal::MatchSlot(state, s, &support);
  });
  runner.Run("fill", [&] {
    for (int s = 0; s < problem.num_slots; ++s) internal::MatchSlot(state, s, nullptr);
  });
  int floor = -1;
  runner.Run("raise_minimum", options.raise_minimum_first, [&] { floor = internal::RaiseMinimum(state); });
  // Quick runs, and instances above single_improve_round_work, get one round.
  const double work = static_cast<double>(problem.edges.size()) * problem.num_slots;
  const int rounds =
      quick || work > options.single_improve_round_work ? std::min(1, options.improve_rounds) : options.improve_rounds;
  runner.Run("improve", [&] {
    for (int round = 0; round < rounds && !runner.stop_requested(); ++round) {
      double before = state.objective();
      bool a = internal::LocalSearch(state, floor, 5);
      bool b = internal::ReoptimizeSlots(state, floor);
      // Stop when a round gains less than 0.02%: later rounds rarely pay for
      // their slot re-matchings on large instances.
      if ((!a && !b) || state.objective() - before < 2e-4 * std::max(1.0, before)) break;
    }
    internal::LocalSearch(state, floor, 5);
  });
  // Each iteration re-matches every slot; keep the pass to a fraction of a
  // second on large instances.
  int ruin_iterations =
      quick ? 0
            : static_cast<int>(std::min<double>(options.ruin_recreate_iterations,
                                                4e5 / std::max<double>(1, problem.edges.size() * problem.num_slots)));
  runner.Run("ruin_recreate", ruin_iterations > 0,
             [&] { internal::RuinAndRecreate(state, floor, ruin_iterations, 12345); });
  return floor;
}

// The spread pass's input: meetings held outside the instance, free tables per slot.
void Spread(const ScheduleInstance& inst, std::vector<Meeting>& meetings, ScheduleStats& stats) {
  std::vector<int> held(inst.attendees.size(), 0), free_tables(inst.slots.size(), 0);
  for (size_t i = 0; i < held.size(); ++i) held[i] = inst.attendees[i].held;
  for (size_t s = 0; s < free_tables.size(); ++s) free_tables[s] = inst.TablesIn(static_cast<int>(s));
  SpreadStats st = SpreadMeetings(inst, held, free_tables, meetings);
  stats.spread_moves = st.moves;
  stats.covered_before_spread = st.covered_before;
  stats.covered_after_spread = st.covered_after;
}

// The exact pass (schedule_exact.h) on the finished schedule: records the
// outcome, lowers the bound when the search proved the optimum and replaces
// the schedule when the search found a heavier one (not after a stop by the
// clock, so that the result does not depend on the machine's speed). Returns
// whether the schedule was replaced. The must pass proved that the schedule
// holds the largest number of musts possible (MustSets::exhausted).
bool Exact(const Problem& problem, const ScheduleOptions& options, std::unique_ptr<State>& state,
           ScheduleResult& result, ScheduleStats& stats) {
  internal::ExactLimits limits;
  limits.node_limit = options.exact_node_limit;
  limits.seconds = options.exact_seconds;
  limits.clock = options.passes.clock ? options.passes.clock : &SystemClockInstance();
  limits.stop = options.passes.stop;
  limits.slot_bound = options.exact_slot_bound;
  internal::ExactResult exact = internal::SolveExact(*state, internal::MustsHeld(*state), limits);
  stats.exact_nodes = exact.nodes;
  stats.exact_proof = exact.proof;
  stats.exact_root_b_matching_bound = exact.root_b_matching_bound;
  stats.exact_root_slot_bound = exact.root_slot_bound;
  stats.exact_slot_bound_prunes = exact.slot_bound_prunes;
  stats.exact_outcome = exact.proven         ? "proven"
                        : exact.out_of_time  ? "out_of_time"
                        : exact.out_of_nodes ? "out_of_nodes"
                                             : "open";
  bool replaced = false;
  if (exact.improved && !exact.out_of_time) {
    auto rebuilt = std::make_unique<State>(problem);
    bool placed = true;
    for (size_t e = 0; e < problem.edges.size() && placed; ++e) {
      const int slot = exact.slots[e];
      if (slot < 0) continue;
      placed = rebuilt->CanPlace(static_cast<int>(e), slot);
      if (!placed) break;
      if (problem.edges[e].must) rebuilt->Lock(static_cast<int>(e));
      rebuilt->Place(static_cast<int>(e), slot);
    }
    if (placed && rebuilt->objective() > state->objective()) {
      state = std::move(rebuilt);
      replaced = true;
    }
  }
  if (exact.proven) {
    const double bound = std::max(exact.bound, state->objective());
    if (bound < result.upper_bound) {
      result.upper_bound = bound;
      stats.bound_method = "exact";
    }
  }
  return replaced;
}

}  // namespace

Result<ScheduleResult> Schedule(const ScheduleInstance& inst, const ScheduleOptions& options) {
  VB_RETURN_IF_ERROR(ValidateScheduleInstance(inst));
  ScheduleResult result;
  ScheduleStats& stats = result.stats;
  Problem problem;
  std::unique_ptr<State> state_holder;
  // candidates and must always run (no skipping, no stop): every later pass
  // and the result need the State they build.
  util::PassOptions always = options.passes;
  always.skip.clear();
  always.stop = {};
  EnginePasses first(
      always, [&] { return state_holder ? state_holder->objective() : 0.0; }, &stats.passes,
      [&] { return result.upper_bound; });
  first.Run("candidates", [&] {
    problem = internal::BuildProblem(inst);
    state_holder = std::make_unique<State>(problem);
    stats.cap_bound = CapBound(problem);
    result.upper_bound = stats.cap_bound;
  });
  EnginePasses runner(
      options.passes, [&] { return state_holder ? state_holder->objective() : 0.0; }, &stats.passes,
      [&] { return result.upper_bound; });

  std::vector<uint8_t> support;
  // must_choice work budget (see ScheduleOptions::must_choice_work): how many
  // must sets may be screened, and how many of them get the full run.
  const double work = std::max<double>(1, static_cast<double>(problem.edges.size()) * problem.num_slots);
  const int screen_limit = static_cast<int>(std::min<double>(
      std::max(1, options.must_choice_max_sets), std::max(1.0, std::floor(options.must_choice_work / work))));
  const int finalists = static_cast<int>(
      std::min<double>(std::min(screen_limit, 4), std::max(1.0, std::floor(options.must_choice_work / 5 / work))));
  MustSets musts;
  first.Run("must", [&] {
    musts = internal::SearchMusts(*state_holder, options.must_search_node_limit, options.must_choice_node_limit,
                                  screen_limit);
    if (!musts.sets.empty()) internal::ApplyMustSet(*state_holder, musts, 0);
  });
  runner.Run("bound", !problem.edges.empty(), [&] {
    // Musts dropped by the candidates pass can never meet; those every best
    // schedule holds enter the LP fixed at 1.
    std::vector<uint8_t> fixed = internal::MustsHeldByEveryBest(problem, musts);
    stats.lp_bound = LpBound(problem, fixed, &support);
    if (stats.lp_bound < result.upper_bound) {
      result.upper_bound = stats.lp_bound;
      stats.bound_method = "lp";
    }
  });

  // must_choice: when the musts cannot all be held, which ones stay out matters
  // for weight (lexicographic objective: most musts, then weight); when they
  // can, their starting slots still do. Every candidate set goes through a
  // quick run of the later passes; the best few get the full run and the best
  // full run is kept. The work is bounded by instance size, so large
  // instances compare few sets or none.
  const int screened = static_cast<int>(musts.sets.size());
  std::vector<size_t> order = {0};
  size_t choice_pass = stats.passes.size();
  runner.Run("must_choice", screened > 1, [&] {
    std::vector<std::pair<std::pair<int, double>, size_t>> scores;
    for (int k = 0; k < screened; ++k) {
      State trial(problem);
      internal::ApplyMustSet(trial, musts, k);
      std::vector<PassReport> scratch;
      RunImprovementPasses(trial, options, support, /*quick=*/true, &result.upper_bound, &scratch);
      scores.push_back({Score(trial, options), static_cast<size_t>(k)});
    }
    // Best first; ties keep the search order.
    std::stable_sort(scores.begin(), scores.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    order.clear();
    // When every must fits, the sets differ only in starting slots and the
    // quick runs rank them well enough: two full runs (four otherwise).
    bool all_fit = std::all_of(musts.sets[0].begin(), musts.sets[0].end(), [](int slot) { return slot >= 0; });
    int full_runs = std::min({finalists, screened, all_fit ? 2 : 4});
    for (int k = 0; k < full_runs; ++k) order.push_back(scores[k].second);
    stats.must_sets_compared = screened;
  });

  // The later passes, on each finalist (normally one: the state the must pass
  // built). The reported passes are those of the run kept; the other full runs
  // are added to the must_choice time.
  std::unique_ptr<State> best_state;
  std::vector<PassReport> best_passes;
  std::pair<int, double> best_score{-1, -1};
  size_t best_set = 0;
  double other_runs_seconds = 0;
  for (size_t set : order) {
    std::unique_ptr<State> run_state;
    if (order.size() == 1 && set == 0) {
      run_state = std::move(state_holder);
    } else {
      run_state = std::make_unique<State>(problem);
      internal::ApplyMustSet(*run_state, musts, set);
    }
    std::vector<PassReport> run_passes;
    RunImprovementPasses(*run_state, options, support, /*quick=*/false, &result.upper_bound, &run_passes);
    std::pair<int, double> score = Score(*run_state, options);
    if (!best_state || score > best_score) {
      if (best_state) other_runs_seconds += TotalSeconds(best_passes);
      best_state = std::move(run_state);
      best_passes = std::move(run_passes);
      best_score = score;
      best_set = set;
    } else {
      other_runs_seconds += TotalSeconds(run_passes);
    }
  }
  stats.passes[choice_pass].seconds += other_runs_seconds;
  for (PassReport& r : best_passes) stats.passes.push_back(std::move(r));
  EnginePasses exact_runner(
      options.passes, [&] { return best_state->objective(); }, &stats.passes, [&] { return result.upper_bound; });
  exact_runner.Run("exact",
                   !options.raise_minimum_first && problem.num_people <= options.exact_max_attendees &&
                       musts.exhausted && !problem.edges.empty(),
                   [&] {
                     if (Exact(problem, options, best_state, result, stats) && !musts.sets.empty()) {
                       // The optimum may hold another must set (of the same size).
                       std::vector<int> held;
                       for (int e : musts.order) held.push_back(best_state->SlotOf(e));
                       musts.sets.push_back(std::move(held));
                       best_set = musts.sets.size() - 1;
                     }
                   });
  State& state = *best_state;
  result.must_unscheduled = problem.rejected_musts;
  if (!musts.sets.empty()) {
    internal::ExplainDroppedMusts(problem, inst, musts, best_set, &result.must_unscheduled);
  }

  // The last passes work on the meetings: spreading (when the instance asks
  // for it), then tables are numbered and every hard constraint is checked.
  result.meetings = ExtractMeetings(state);
  EnginePasses last(
      options.passes, [&] { return Weight(result.meetings); }, &stats.passes, [&] { return result.upper_bound; });
  last.Run("spread", inst.spread, [&] { Spread(inst, result.meetings, stats); });
  NumberTables(result.meetings);
  Status verified = last.Verify([&] { return VerifySchedule(inst, result.meetings); });
  if (!verified.ok()) return verified;
  result.objective = Weight(result.meetings);
  result.optimal =
      stats.spread_moves == 0 && result.objective >= result.upper_bound - 1e-9 * std::max(1.0, result.upper_bound);
  std::sort(result.must_unscheduled.begin(), result.must_unscheduled.end(),
            [](const UnscheduledMust& x, const UnscheduledMust& y) { return x.pair_index < y.pair_index; });
  FillStats(problem, result.meetings, &stats);
  return result;
}

ScheduleResult GreedySchedule(const ScheduleInstance& inst) {
  Problem problem = internal::BuildProblem(inst);
  State state(problem);
  std::vector<int> order(problem.edges.size());
  for (size_t e = 0; e < order.size(); ++e) order[e] = static_cast<int>(e);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    const Edge& a = problem.edges[x];
    const Edge& b = problem.edges[y];
    if (a.must != b.must) return a.must;
    return a.weight > b.weight;
  });
  for (int e : order) {
    for (int s = 0; s < problem.num_slots; ++s) {
      if (state.CanPlace(e, s)) {
        state.Place(e, s);
        break;
      }
    }
  }
  ScheduleResult result;
  result.meetings = ExtractMeetings(state);
  NumberTables(result.meetings);
  result.objective = Weight(result.meetings);
  result.upper_bound = CapBound(problem);
  FillStats(problem, result.meetings, &result.stats);
  return result;
}

}  // namespace verbinder::matching

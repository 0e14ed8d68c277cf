// The scheduler pipeline: named, timed passes over one State, then verification.
#include "matching/schedule.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "matching/lemon_adapter.h"
#include "matching/schedule_state.h"

namespace verbinder::matching {
namespace {

using internal::Edge;
using internal::Problem;
using internal::State;

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

uint64_t PairKey(int a, int b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(b);
}

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
  int64_t total_cap = static_cast<int64_t>(p.tables) * p.num_slots;
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

// Places must pairs by backtracking (most constrained first), keeping the
// largest placeable set found within the node budget. Placed musts are locked.
// Appends each must that stays out, with the reason, to `unscheduled`.
void PlaceMusts(State& state, const ScheduleInstance& inst, int node_limit,
                std::vector<UnscheduledMust>* unscheduled) {
  const Problem& p = state.problem();
  std::vector<int> musts;
  for (size_t e = 0; e < p.edges.size(); ++e) {
    if (p.edges[e].must) musts.push_back(static_cast<int>(e));
  }
  if (musts.empty()) return;
  auto options = [&](int e) {
    int n = 0;
    for (int s = 0; s < p.num_slots; ++s) n += p.Available(p.edges[e].a, s) && p.Available(p.edges[e].b, s);
    return n;
  };
  std::vector<int> must_degree(p.num_people, 0);
  for (int e : musts) {
    ++must_degree[p.edges[e].a];
    ++must_degree[p.edges[e].b];
  }
  std::stable_sort(musts.begin(), musts.end(), [&](int x, int y) {
    int ox = options(x), oy = options(y);
    if (ox != oy) return ox < oy;
    return must_degree[p.edges[x].a] + must_degree[p.edges[x].b] >
           must_degree[p.edges[y].a] + must_degree[p.edges[y].b];
  });
  const int n = static_cast<int>(musts.size());
  std::vector<int> current(n, -1), best(n, -1);
  int best_placed = -1;
  long nodes = 0;
  bool exhausted = true;
  std::function<void(int, int)> search = [&](int k, int placed) {
    if (best_placed == n) return;
    if (++nodes > node_limit) {
      exhausted = false;
      return;
    }
    if (placed + (n - k) <= best_placed) return;
    if (k == n) {
      best_placed = placed;
      best = current;
      return;
    }
    int e = musts[k];
    for (int s = 0; s < p.num_slots; ++s) {
      if (!state.CanPlace(e, s)) continue;
      state.Place(e, s);
      current[k] = s;
      search(k + 1, placed + 1);
      state.Remove(e);
      current[k] = -1;
      if (best_placed == n || nodes > node_limit) return;
    }
    search(k + 1, placed);  // leave this one out
  };
  search(0, 0);
  for (int k = 0; k < n; ++k) {
    int e = musts[k];
    if (best[k] >= 0) {
      state.Lock(e);
      state.Place(e, best[k]);
    }
  }
  for (int k = 0; k < n; ++k) {
    if (best[k] >= 0) continue;
    const Edge& e = p.edges[musts[k]];
    std::string reason;
    for (int person : {e.a, e.b}) {
      const std::string& id = inst.attendees[person].id;
      if (must_degree[person] > p.cap[person]) {
        reason = Quote(id) + " has " + std::to_string(must_degree[person]) +
                 " must meetings but room for at most " + std::to_string(p.cap[person]) +
                 " (cap or available slots)";
        break;
      }
    }
    if (reason.empty()) {
      reason = exhausted ? "no assignment of slots and tables holds it together with the other must meetings of " +
                               Quote(inst.attendees[e.a].id) + " and " + Quote(inst.attendees[e.b].id)
                         : "not placed within the search budget for must meetings";
    }
    unscheduled->push_back({e.pair_index, reason});
  }
}

class PassRunner {
 public:
  PassRunner(State& state, ScheduleStats& stats) : state_(state), stats_(stats) {}
  void Run(const std::string& name, bool enabled, const std::function<void()>& body) {
    PassReport r;
    r.name = name;
    r.ran = enabled;
    auto t0 = std::chrono::steady_clock::now();
    if (enabled) body();
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.objective_after = state_.objective();
    stats_.passes.push_back(r);
  }

 private:
  State& state_;
  ScheduleStats& stats_;
};

std::vector<Meeting> ExtractMeetings(const State& state, const ScheduleInstance& inst) {
  const Problem& p = state.problem();
  std::vector<Meeting> out;
  for (size_t e = 0; e < p.edges.size(); ++e) {
    int s = state.SlotOf(static_cast<int>(e));
    if (s < 0) continue;
    const Edge& edge = p.edges[e];
    out.push_back({s, 0, edge.a, edge.b, edge.weight, edge.must, edge.pair_index});
  }
  std::sort(out.begin(), out.end(), [](const Meeting& x, const Meeting& y) {
    if (x.slot != y.slot) return x.slot < y.slot;
    if (x.weight != y.weight) return x.weight > y.weight;
    return x.pair_index < y.pair_index;
  });
  int slot = -1, table = 0;
  for (Meeting& m : out) {
    if (m.slot != slot) {
      slot = m.slot;
      table = 0;
    }
    m.table = ++table;
  }
  return out;
}

void FillStats(const ScheduleInstance& inst, const Problem& p, const std::vector<Meeting>& meetings,
               ScheduleStats* stats) {
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

}  // namespace

Status ValidateScheduleInstance(const ScheduleInstance& inst) {
  const int n = static_cast<int>(inst.attendees.size());
  const int slots = static_cast<int>(inst.slots.size());
  if (slots < 1) return InvalidArgument("at least one slot is required", "slots");
  if (inst.tables < 1) return InvalidArgument("must be at least 1, got " + std::to_string(inst.tables), "tables");
  if (inst.max_meetings_per_person < 0) {
    return InvalidArgument("must be >= 0", "max_meetings_per_person");
  }
  for (int i = 0; i < n; ++i) {
    const ScheduleAttendee& a = inst.attendees[i];
    std::string where = "attendees[" + std::to_string(i) + "]";
    for (size_t k = 0; k < a.available.size(); ++k) {
      if (a.available[k] < 0 || a.available[k] >= slots) {
        return InvalidArgument("slot index " + std::to_string(a.available[k]) + " out of range",
                               where + ".available[" + std::to_string(k) + "]");
      }
    }
    if (a.max_meetings < -1) return InvalidArgument("must be >= 0", where + ".max_meetings");
  }
  std::unordered_map<uint64_t, size_t> seen;
  for (size_t k = 0; k < inst.pairs.size(); ++k) {
    const CandidatePair& c = inst.pairs[k];
    std::string where = "pairs[" + std::to_string(k) + "]";
    if (c.a < 0 || c.a >= n) return InvalidArgument("attendee index " + std::to_string(c.a) + " out of range", where + ".a");
    if (c.b < 0 || c.b >= n) return InvalidArgument("attendee index " + std::to_string(c.b) + " out of range", where + ".b");
    if (c.a == c.b) return InvalidArgument("an attendee cannot meet themselves", where + ".b");
    if (!std::isfinite(c.weight) || c.weight < 0) {
      return InvalidArgument("weight must be a finite number >= 0", where + ".weight");
    }
    auto [it, fresh] = seen.emplace(PairKey(c.a, c.b), k);
    if (!fresh) {
      return InvalidArgument("duplicate pair (first listed as pairs[" + std::to_string(it->second) + "])", where);
    }
  }
  for (size_t k = 0; k < inst.forbidden.size(); ++k) {
    auto [a, b] = inst.forbidden[k];
    std::string where = "forbidden[" + std::to_string(k) + "]";
    if (a < 0 || a >= n) return InvalidArgument("attendee index out of range", where + "[0]");
    if (b < 0 || b >= n) return InvalidArgument("attendee index out of range", where + "[1]");
  }
  return Status::Ok();
}

Status VerifySchedule(const ScheduleInstance& inst, const std::vector<Meeting>& meetings) {
  const int n = static_cast<int>(inst.attendees.size());
  const int slots = static_cast<int>(inst.slots.size());
  std::unordered_set<uint64_t> forbidden, met;
  for (auto [a, b] : inst.forbidden) forbidden.insert(PairKey(a, b));
  std::vector<int> count(n, 0);
  std::vector<std::vector<uint8_t>> busy(n, std::vector<uint8_t>(slots, 0));
  std::vector<std::vector<uint8_t>> table_used(slots, std::vector<uint8_t>(inst.tables + 1, 0));
  for (size_t k = 0; k < meetings.size(); ++k) {
    const Meeting& m = meetings[k];
    std::string where = "meeting " + std::to_string(k) + ": ";
    if (m.slot < 0 || m.slot >= slots) return Internal(where + "slot out of range");
    if (m.table < 1 || m.table > inst.tables) return Internal(where + "table out of range");
    if (table_used[m.slot][m.table]) return Internal(where + "table used twice in a slot");
    table_used[m.slot][m.table] = 1;
    if (m.pair_index < 0 || m.pair_index >= static_cast<int>(inst.pairs.size())) {
      return Internal(where + "not a listed pair");
    }
    const CandidatePair& c = inst.pairs[m.pair_index];
    if (PairKey(c.a, c.b) != PairKey(m.a, m.b)) return Internal(where + "does not match its listed pair");
    if (forbidden.count(PairKey(m.a, m.b))) return Internal(where + "forbidden pair");
    if (!met.insert(PairKey(m.a, m.b)).second) return Internal(where + "pair meets twice");
    for (int person : {m.a, m.b}) {
      const ScheduleAttendee& a = inst.attendees[person];
      if (!a.available.empty() &&
          std::find(a.available.begin(), a.available.end(), m.slot) == a.available.end()) {
        return Internal(where + Quote(a.id) + " is not available in the slot");
      }
      if (busy[person][m.slot]) return Internal(where + Quote(a.id) + " has two meetings in one slot");
      busy[person][m.slot] = 1;
      int cap = a.max_meetings >= 0 ? a.max_meetings : inst.max_meetings_per_person;
      if (++count[person] > cap) return Internal(where + Quote(a.id) + " exceeds their cap");
    }
  }
  return Status::Ok();
}

Result<ScheduleResult> Schedule(const ScheduleInstance& inst, const ScheduleOptions& options) {
  VB_RETURN_IF_ERROR(ValidateScheduleInstance(inst));
  ScheduleResult result;
  ScheduleStats& stats = result.stats;
  Problem problem;
  std::unique_ptr<State> state_holder;
  // The candidates pass builds the State, so it is timed by hand.
  auto t0 = std::chrono::steady_clock::now();
  problem = internal::BuildProblem(inst);
  state_holder = std::make_unique<State>(problem);
  State& state = *state_holder;
  stats.passes.push_back({"candidates", true,
                          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 0});
  result.must_unscheduled = problem.rejected_musts;
  PassRunner runner(state, stats);

  std::vector<uint8_t> support;
  stats.cap_bound = CapBound(problem);
  result.upper_bound = stats.cap_bound;
  runner.Run("must", true, [&] {
    PlaceMusts(state, inst, options.must_search_node_limit, &result.must_unscheduled);
  });
  runner.Run("bound", options.run_bound && !problem.edges.empty(), [&] {
    std::vector<uint8_t> fixed;
    // Musts dropped by the candidates pass can never meet; the others are hard
    // constraints exactly when the must pass placed them all.
    bool all_musts_placed = result.must_unscheduled.size() == problem.rejected_musts.size();
    if (all_musts_placed) {
      fixed.assign(problem.edges.size(), 0);
      for (size_t e = 0; e < problem.edges.size(); ++e) fixed[e] = state.Locked(static_cast<int>(e));
    }
    stats.lp_bound = LpBound(problem, fixed, &support);
    result.upper_bound = std::min(result.upper_bound, stats.lp_bound);
  });
  runner.Run("fair_seed", options.raise_minimum_first, [&] { internal::SeedMinimum(state); });
  runner.Run("slot_matching", options.run_slot_matching && !support.empty(), [&] {
    for (int s = 0; s < problem.num_slots; ++s) internal::MatchSlot(state, s, &support);
  });
  runner.Run("fill", options.run_fill, [&] {
    for (int s = 0; s < problem.num_slots; ++s) internal::MatchSlot(state, s, nullptr);
  });
  int floor = -1;
  runner.Run("raise_minimum", options.raise_minimum_first, [&] { floor = internal::RaiseMinimum(state); });
  runner.Run("improve", options.run_improve, [&] {
    for (int round = 0; round < options.improve_rounds; ++round) {
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
  int ruin_iterations = static_cast<int>(std::min<double>(
      options.ruin_recreate_iterations, 4e5 / std::max<double>(1, problem.edges.size() * problem.num_slots)));
  runner.Run("ruin_recreate", options.run_improve && ruin_iterations > 0, [&] {
    internal::RuinAndRecreate(state, floor, ruin_iterations, 12345);
  });
  result.meetings = ExtractMeetings(state, inst);
  Status verified;
  runner.Run("verify", true, [&] { verified = VerifySchedule(inst, result.meetings); });
  if (!verified.ok()) return verified;
  double objective = 0;
  for (const Meeting& m : result.meetings) objective += m.weight;
  result.objective = objective;
  std::sort(result.must_unscheduled.begin(), result.must_unscheduled.end(),
            [](const UnscheduledMust& x, const UnscheduledMust& y) { return x.pair_index < y.pair_index; });
  FillStats(inst, problem, result.meetings, &stats);
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
  result.meetings = ExtractMeetings(state, inst);
  for (const Meeting& m : result.meetings) result.objective += m.weight;
  result.upper_bound = CapBound(problem);
  FillStats(inst, problem, result.meetings, &result.stats);
  return result;
}

}  // namespace verbinder::matching

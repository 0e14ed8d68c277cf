// The scheduler pipeline: named, timed passes over one State, then verification.
#include "matching/schedule.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>
#include <random>
#include <set>
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

// The must pairs in search order and the placeable sets found for them: each
// set gives, per must (in `order`), its slot or -1 when left out. All sets hold
// the same, largest number of musts the search found; sets[0] is the first one
// found (most constrained musts first).
struct MustSets {
  std::vector<int> order;                // edge ids of the must pairs
  std::vector<std::vector<int>> sets;
  std::vector<int> must_degree;          // person -> must pairs
  bool exhausted = true;                 // phase 1 proved the size is the largest
};

// Backtracking over the must pairs (most constrained first). Phase 1 finds the
// largest placeable set within `node_limit` nodes. When that set leaves musts
// out, phase 2 enumerates other sets of the same size (distinct in which musts
// they hold, at most `max_sets`, within `choice_node_limit` nodes); when it
// holds them all, a few other complete slot placements (at most max_sets / 4,
// random slot order, fixed seed). The must_choice pass then keeps the one
// that is best for weight. Leaves `state` as it found it.
MustSets SearchMusts(State& state, int node_limit, int choice_node_limit, int max_sets) {
  const Problem& p = state.problem();
  MustSets out;
  std::vector<int>& musts = out.order;
  for (size_t e = 0; e < p.edges.size(); ++e) {
    if (p.edges[e].must) musts.push_back(static_cast<int>(e));
  }
  out.must_degree.assign(p.num_people, 0);
  if (musts.empty()) return out;
  auto options = [&](int e) {
    int n = 0;
    for (int s = 0; s < p.num_slots; ++s) n += p.Available(p.edges[e].a, s) && p.Available(p.edges[e].b, s);
    return n;
  };
  std::vector<int>& must_degree = out.must_degree;
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
  std::function<void(int, int)> search = [&](int k, int placed) {
    if (best_placed == n) return;
    if (++nodes > node_limit) {
      out.exhausted = false;
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
  out.sets.push_back(best);
  if (max_sets <= 1) return out;
  if (best_placed == n) {
    // Every must fits. Which slots they start in still shapes the schedule
    // (later passes move a must only when it blocks an insertion), so offer
    // a few other complete placements: the same search with the slots tried
    // in a random order per must (deterministic seed).
    std::set<std::vector<int>> placements = {best};
    std::mt19937_64 rng(20261127);
    std::vector<std::vector<int>> slot_order(n, std::vector<int>(p.num_slots));
    // A quarter of the budget for sets: placements differ less than sets do.
    const int max_placements = std::max(2, max_sets / 4);
    const long per_try = std::max(1, choice_node_limit / (2 * max_placements));
    for (int attempt = 0; attempt < 2 * max_placements && static_cast<int>(out.sets.size()) < max_placements;
         ++attempt) {
      for (auto& order : slot_order) {
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
      }
      std::fill(current.begin(), current.end(), -1);
      long tries = 0;
      bool found = false;
      std::function<void(int)> place = [&](int k) {
        if (found || ++tries > per_try) return;
        if (k == n) {
          found = true;
          return;
        }
        int e = musts[k];
        for (int s : slot_order[k]) {
          if (!state.CanPlace(e, s)) continue;
          state.Place(e, s);
          current[k] = s;
          place(k + 1);
          state.Remove(e);
          if (found) return;
          current[k] = -1;
        }
      };
      place(0);
      if (found && placements.insert(current).second) out.sets.push_back(current);
    }
    return out;
  }

  // Phase 2: other sets of size best_placed. Many slot assignments hold the
  // same set; only the set matters here (later passes may move must meetings
  // between slots), so each is recorded once.
  std::set<std::vector<uint8_t>> seen;
  auto key_of = [&](const std::vector<int>& slots) {
    std::vector<uint8_t> key(n);
    for (int k = 0; k < n; ++k) key[k] = slots[k] >= 0;
    return key;
  };
  seen.insert(key_of(best));
  nodes = 0;
  std::fill(current.begin(), current.end(), -1);
  auto stop = [&] { return nodes > choice_node_limit || static_cast<int>(out.sets.size()) >= max_sets; };
  std::function<void(int, int)> enumerate = [&](int k, int placed) {
    if (++nodes > choice_node_limit || stop()) return;
    if (placed + (n - k) < best_placed) return;
    if (k == n) {
      if (seen.insert(key_of(current)).second) out.sets.push_back(current);
      return;
    }
    int e = musts[k];
    for (int s = 0; s < p.num_slots; ++s) {
      if (!state.CanPlace(e, s)) continue;
      state.Place(e, s);
      current[k] = s;
      enumerate(k + 1, placed + 1);
      state.Remove(e);
      current[k] = -1;
      if (stop()) return;
    }
    enumerate(k + 1, placed);  // leave this one out
  };
  enumerate(0, 0);
  return out;
}

// Locks and places the musts of set `index`.
void ApplyMustSet(State& state, const MustSets& musts, size_t index) {
  const std::vector<int>& slots = musts.sets[index];
  for (size_t k = 0; k < musts.order.size(); ++k) {
    if (slots[k] < 0) continue;
    state.Lock(musts.order[k]);
    state.Place(musts.order[k], slots[k]);
  }
}

// Appends each must that set `index` leaves out, with the reason.
void ExplainDroppedMusts(const Problem& p, const ScheduleInstance& inst, const MustSets& musts, size_t index,
                         std::vector<UnscheduledMust>* unscheduled) {
  const std::vector<int>& slots = musts.sets[index];
  for (size_t k = 0; k < musts.order.size(); ++k) {
    if (slots[k] >= 0) continue;
    const Edge& e = p.edges[musts.order[k]];
    std::string reason;
    for (int person : {e.a, e.b}) {
      const std::string& id = inst.attendees[person].id;
      if (musts.must_degree[person] > p.cap[person]) {
        reason = Quote(id) + " has " + std::to_string(musts.must_degree[person]) +
                 " must meetings but room for at most " + std::to_string(p.cap[person]) +
                 " (cap or available slots)";
        break;
      }
    }
    if (reason.empty()) {
      reason = musts.exhausted
                   ? "no assignment of slots and tables holds it together with the other must meetings of " +
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

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double TotalSeconds(const ScheduleStats& stats) {
  double total = 0;
  for (const PassReport& r : stats.passes) total += r.seconds;
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
// fill, raise_minimum, improve, ruin_recreate, appended to stats.passes.
// `quick` (must_choice screening) runs one improve round and no ruin and
// recreate. Returns the fairness floor (-1 unless raise_minimum ran).
int RunImprovementPasses(State& state, const ScheduleOptions& options, const std::vector<uint8_t>& support,
                         bool quick, ScheduleStats& stats) {
  const Problem& problem = state.problem();
  PassRunner runner(state, stats);
  runner.Run("fair_seed", options.raise_minimum_first, [&] { internal::SeedMinimum(state); });
  runner.Run("slot_matching", options.run_slot_matching && !support.empty(), [&] {
    for (int s = 0; s < problem.num_slots; ++s) internal::MatchSlot(state, s, &support);
  });
  runner.Run("fill", options.run_fill, [&] {
    for (int s = 0; s < problem.num_slots; ++s) internal::MatchSlot(state, s, nullptr);
  });
  int floor = -1;
  runner.Run("raise_minimum", options.raise_minimum_first, [&] { floor = internal::RaiseMinimum(state); });
  const int rounds = quick ? std::min(1, options.improve_rounds) : options.improve_rounds;
  runner.Run("improve", options.run_improve, [&] {
    for (int round = 0; round < rounds; ++round) {
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
  int ruin_iterations = quick ? 0
                              : static_cast<int>(std::min<double>(
                                    options.ruin_recreate_iterations,
                                    4e5 / std::max<double>(1, problem.edges.size() * problem.num_slots)));
  runner.Run("ruin_recreate", options.run_improve && ruin_iterations > 0, [&] {
    internal::RuinAndRecreate(state, floor, ruin_iterations, 12345);
  });
  return floor;
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
  stats.passes.push_back({"candidates", true, Since(t0), 0});
  PassRunner runner(*state_holder, stats);

  std::vector<uint8_t> support;
  stats.cap_bound = CapBound(problem);
  result.upper_bound = stats.cap_bound;
  // must_choice work budget (see ScheduleOptions::must_choice_work): how many
  // must sets may be screened, and how many of them get the full run.
  const double work = std::max<double>(1, static_cast<double>(problem.edges.size()) * problem.num_slots);
  const int screen_limit = static_cast<int>(std::min<double>(
      std::max(1, options.must_choice_max_sets), std::max(1.0, std::floor(options.must_choice_work / work))));
  const int finalists = static_cast<int>(
      std::min<double>(std::min(screen_limit, 4), std::max(1.0, std::floor(options.must_choice_work / 5 / work))));
  MustSets musts;
  runner.Run("must", true, [&] {
    musts = SearchMusts(*state_holder, options.must_search_node_limit, options.must_choice_node_limit, screen_limit);
    if (!musts.sets.empty()) ApplyMustSet(*state_holder, musts, 0);
  });
  runner.Run("bound", options.run_bound && !problem.edges.empty(), [&] {
    std::vector<uint8_t> fixed;
    // Musts dropped by the candidates pass can never meet; the others are hard
    // constraints exactly when the must pass placed them all (then every
    // candidate set is that one set).
    bool all_musts_placed = true;
    if (!musts.sets.empty()) {
      for (int slot : musts.sets[0]) all_musts_placed = all_musts_placed && slot >= 0;
    }
    if (all_musts_placed) {
      fixed.assign(problem.edges.size(), 0);
      for (size_t e = 0; e < problem.edges.size(); ++e) fixed[e] = state_holder->Locked(static_cast<int>(e));
    }
    stats.lp_bound = LpBound(problem, fixed, &support);
    result.upper_bound = std::min(result.upper_bound, stats.lp_bound);
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
      ApplyMustSet(trial, musts, k);
      ScheduleStats scratch;
      RunImprovementPasses(trial, options, support, /*quick=*/true, scratch);
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
  ScheduleStats best_passes;
  std::pair<int, double> best_score{-1, -1};
  size_t best_set = 0;
  double other_runs_seconds = 0;
  for (size_t set : order) {
    std::unique_ptr<State> run_state;
    if (order.size() == 1 && set == 0) {
      run_state = std::move(state_holder);
    } else {
      run_state = std::make_unique<State>(problem);
      ApplyMustSet(*run_state, musts, set);
    }
    ScheduleStats run_stats;
    auto run_start = std::chrono::steady_clock::now();
    RunImprovementPasses(*run_state, options, support, /*quick=*/false, run_stats);
    std::pair<int, double> score = Score(*run_state, options);
    double seconds = Since(run_start);
    if (!best_state || score > best_score) {
      if (best_state) other_runs_seconds += TotalSeconds(best_passes);
      best_state = std::move(run_state);
      best_passes = std::move(run_stats);
      best_score = score;
      best_set = set;
    } else {
      other_runs_seconds += seconds;
    }
  }
  stats.passes[choice_pass].seconds += other_runs_seconds;
  for (PassReport& r : best_passes.passes) stats.passes.push_back(std::move(r));
  State& state = *best_state;
  result.must_unscheduled = problem.rejected_musts;
  if (!musts.sets.empty()) ExplainDroppedMusts(problem, inst, musts, best_set, &result.must_unscheduled);

  result.meetings = ExtractMeetings(state, inst);
  Status verified;
  PassRunner final_runner(state, stats);
  final_runner.Run("verify", true, [&] { verified = VerifySchedule(inst, result.meetings); });
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

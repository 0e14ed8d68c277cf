// Improvement passes of the scheduler: ejection local search, per-slot exact
// re-optimisation and the fairness pass that raises the minimum first.
#include <algorithm>
#include <numeric>
#include <random>

#include "matching/schedule_state.h"

namespace verbinder::matching::internal {
namespace {

constexpr double kEpsilon = 1e-9;

// One applied change, for rollback.
struct Change {
  int edge;
  int old_slot;  // -1: the edge was placed by the move; else removed from old_slot
};

class Move {
 public:
  explicit Move(State& state) : state_(state) {}

  void Remove(int edge) {
    log_.push_back({edge, state_.SlotOf(edge)});
    state_.Remove(edge);
  }
  bool Place(int edge, int slot) {
    if (!state_.CanPlace(edge, slot)) return false;
    state_.Place(edge, slot);
    log_.push_back({edge, -1});
    return true;
  }
  // Moves edge to another slot where it fits; false if none.
  bool Relocate(int edge, int forbidden_slot) {
    int from = state_.SlotOf(edge);
    Remove(edge);
    for (int t = 0; t < state_.problem().num_slots; ++t) {
      if (t == forbidden_slot || t == from) continue;
      if (Place(edge, t)) return true;
    }
    return false;  // stays removed (ejected)
  }
  void Rollback() {
    for (size_t i = log_.size(); i-- > 0;) {  // newest change first
      const Change& change = log_[i];
      if (change.old_slot < 0) {
        state_.Remove(change.edge);
      } else {
        state_.Place(change.edge, change.old_slot);
      }
    }
    log_.clear();
  }
  void Commit() { log_.clear(); }

 private:
  State& state_;
  std::vector<Change> log_;
};

bool EjectionAllowed(const State& state, int edge, int keep_a, int keep_b, int floor) {
  if (state.Locked(edge)) return false;
  if (floor < 0) return true;
  const Edge& e = state.problem().edges[edge];
  for (int person : {e.a, e.b}) {
    if (person == keep_a || person == keep_b) continue;
    if (state.Count(person) - 1 < floor) return false;
  }
  return true;
}

// Tries to insert edge into slot by relocating or ejecting what is in the way.
// Applies the move when it gains more than kEpsilon (or, with accept_any, when
// it is feasible at all); returns the gain (or a negative number on failure).
double TryInsert(State& state, int edge, int slot, int floor, bool accept_any) {
  const Problem& p = state.problem();
  const Edge& e = p.edges[edge];
  if (!p.Available(e.a, slot) || !p.Available(e.b, slot)) return -1;
  double before = state.objective();
  Move move(state);
  for (int person : {e.a, e.b}) {
    int blocker = state.At(person, slot);
    if (blocker < 0) continue;
    if (state.Locked(blocker)) {
      // A must meeting may move to another slot but never be dropped.
      if (!move.Relocate(blocker, slot)) {
        move.Rollback();
        return -1;
      }
      continue;
    }
    if (!move.Relocate(blocker, slot)) {
      // Ejected: its other attendee loses a meeting.
      const Edge& b = p.edges[blocker];
      int other = b.a == person ? b.b : b.a;
      if (floor >= 0 && other != e.a && other != e.b && state.Count(other) < floor) {
        move.Rollback();
        return -1;
      }
    }
  }
  for (int person : {e.a, e.b}) {
    if (state.Count(person) < p.cap[person]) continue;
    int cheapest = state.CheapestOf(person, slot);
    if (cheapest < 0 || !EjectionAllowed(state, cheapest, e.a, e.b, floor)) {
      move.Rollback();
      return -1;
    }
    move.Remove(cheapest);
  }
  if (state.TablesUsed(slot) >= p.TablesIn(slot)) {
    int cheapest = state.CheapestIn(slot);
    if (cheapest < 0 || !EjectionAllowed(state, cheapest, e.a, e.b, floor)) {
      move.Rollback();
      return -1;
    }
    move.Remove(cheapest);
  }
  if (!move.Place(edge, slot)) {
    move.Rollback();
    return -1;
  }
  double gain = state.objective() - before;
  if (gain > kEpsilon * (1 + e.weight) || accept_any) {
    move.Commit();
    return std::max(gain, 0.0);
  }
  move.Rollback();
  return -1;
}

}  // namespace

int MinMeetings(const State& state) {
  const Problem& p = state.problem();
  int best = -1;
  for (int i = 0; i < p.num_people; ++i) {
    if (!p.has_candidates[i]) continue;
    if (best < 0 || state.Count(i) < best) best = state.Count(i);
  }
  return std::max(best, 0);
}

bool LocalSearch(State& state, int floor, int max_sweeps) {
  const Problem& p = state.problem();
  std::vector<int> order(p.edges.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return p.edges[x].weight > p.edges[y].weight; });
  bool any = false;
  for (int sweep = 0; sweep < max_sweeps; ++sweep) {
    bool improved = false;
    for (int edge : order) {
      if (state.SlotOf(edge) >= 0 || p.edges[edge].weight <= 0) continue;
      // Cheap test first: a free slot for both.
      bool placed = false;
      for (int s = 0; s < p.num_slots && !placed; ++s) {
        if (state.CanPlace(edge, s)) {
          state.Place(edge, s);
          placed = true;
        }
      }
      if (placed) {
        improved = true;
        continue;
      }
      const Edge& e = p.edges[edge];
      // Skip hopeless edges fast: both endpoints full with heavier meetings.
      double lightest_a = 0, lightest_b = 0;
      if (state.Count(e.a) >= p.cap[e.a]) {
        int c = state.CheapestOf(e.a, -1);
        if (c < 0) continue;
        lightest_a = p.edges[c].weight;
      }
      if (state.Count(e.b) >= p.cap[e.b]) {
        int c = state.CheapestOf(e.b, -1);
        if (c < 0) continue;
        lightest_b = p.edges[c].weight;
      }
      if (lightest_a + lightest_b >= e.weight) continue;
      for (int s = 0; s < p.num_slots; ++s) {
        if (TryInsert(state, edge, s, floor, false) > 0) {
          improved = true;
          break;
        }
      }
    }
    any = any || improved;
    if (!improved) break;
  }
  return any;
}

bool ReoptimizeSlots(State& state, int floor) {
  const Problem& p = state.problem();
  bool any = false;
  for (int s = 0; s < p.num_slots; ++s) {
    std::vector<int> removed;
    double old_weight = 0;
    for (int i = 0; i < p.num_people; ++i) {
      int e = state.At(i, s);
      if (e >= 0 && !state.Locked(e) && p.edges[e].a == i) removed.push_back(e);
    }
    for (int e : removed) {
      old_weight += p.edges[e].weight;
      state.Remove(e);
    }
    double before = state.objective();
    MatchSlot(state, s, nullptr);
    double gained = state.objective() - before;
    bool ok = gained > old_weight + kEpsilon * (1 + old_weight);
    if (ok && floor >= 0) {
      for (int i = 0; i < p.num_people && ok; ++i) {
        if (p.has_candidates[i] && state.Count(i) < floor) ok = false;
      }
    }
    if (ok) {
      any = true;
      continue;
    }
    // Restore the slot as it was.
    for (int i = 0; i < p.num_people; ++i) {
      int e = state.At(i, s);
      if (e >= 0 && !state.Locked(e) && p.edges[e].a == i) state.Remove(e);
    }
    for (int e : removed) state.Place(e, s);
  }
  return any;
}

bool RuinAndRecreate(State& state, int floor, int iterations, uint64_t seed) {
  const Problem& p = state.problem();
  std::mt19937_64 rng(seed);
  auto snapshot = [&] {
    std::vector<std::pair<int, int>> placed;
    for (size_t e = 0; e < p.edges.size(); ++e) {
      int s = state.SlotOf(static_cast<int>(e));
      if (s >= 0) placed.push_back({static_cast<int>(e), s});  // must meetings too: they may have moved
    }
    return placed;
  };
  auto clear = [&] {
    for (size_t e = 0; e < p.edges.size(); ++e) {
      if (state.SlotOf(static_cast<int>(e)) >= 0) state.Remove(static_cast<int>(e));
    }
  };
  std::vector<std::pair<int, int>> best = snapshot();
  double best_objective = state.objective();
  bool any = false;
  for (int it = 0; it < iterations; ++it) {
    // Ruin: one whole slot plus a random fifth of the other meetings (must
    // meetings included: they are put back first, in any slot that fits).
    int ruined_slot = static_cast<int>(rng() % p.num_slots);
    std::vector<int> ruined_musts;
    for (auto [e, s] : best) {
      if (s == ruined_slot || rng() % 5 == 0) {
        state.Remove(e);
        if (state.Locked(e)) ruined_musts.push_back(e);
      }
    }
    // Recreate: must meetings, then slots in random order, then local search.
    std::vector<int> order(p.num_slots);
    std::iota(order.begin(), order.end(), 0);
    bool musts_back = true;
    for (int e : ruined_musts) {
      std::shuffle(order.begin(), order.end(), rng);
      bool placed = false;
      for (int s : order) {
        if (state.CanPlace(e, s)) {
          state.Place(e, s);
          placed = true;
          break;
        }
      }
      musts_back = musts_back && placed;
    }
    std::shuffle(order.begin(), order.end(), rng);
    for (int s : order) MatchSlot(state, s, nullptr);
    LocalSearch(state, floor, 3);
    bool ok = musts_back && state.objective() > best_objective + kEpsilon * (1 + best_objective);
    if (ok && floor >= 0) ok = MinMeetings(state) >= floor;
    if (ok) {
      best = snapshot();
      best_objective = state.objective();
      any = true;
    } else {
      clear();
      for (auto [e, s] : best) state.Place(e, s);
    }
  }
  return any;
}

void SeedMinimum(State& state) {
  const Problem& p = state.problem();
  std::vector<int> people;
  for (int i = 0; i < p.num_people; ++i) {
    if (p.has_candidates[i]) people.push_back(i);
  }
  // Fewest candidates first: they have the least room to be served later.
  std::stable_sort(people.begin(), people.end(),
                   [&](int x, int y) { return p.incident[x].size() < p.incident[y].size(); });
  int max_cap = 0;
  for (int c : p.cap) max_cap = std::max(max_cap, c);
  for (int level = 1; level <= max_cap; ++level) {
    bool progress = false;
    for (int person : people) {
      if (state.Count(person) >= level) continue;
      // Partner with the most meetings already is cheapest to serve first? No:
      // take the heaviest edge that fits anywhere, preferring partners below level.
      int best_edge = -1, best_slot = -1;
      double best_key = -1;
      for (int e : p.incident[person]) {
        if (state.SlotOf(e) >= 0) continue;
        const Edge& edge = p.edges[e];
        int other = edge.a == person ? edge.b : edge.a;
        double key = edge.weight + (state.Count(other) < level ? 1e6 : 0);
        if (key <= best_key) continue;
        for (int s = 0; s < p.num_slots; ++s) {
          if (state.CanPlace(e, s)) {
            best_edge = e;
            best_slot = s;
            best_key = key;
            break;
          }
        }
      }
      if (best_edge >= 0) {
        state.Place(best_edge, best_slot);
        progress = true;
      }
    }
    if (!progress || MinMeetings(state) < level) break;
  }
}

int RaiseMinimum(State& state) {
  const Problem& p = state.problem();
  while (true) {
    int m = MinMeetings(state);
    bool raised_all = true;
    for (int person = 0; person < p.num_people; ++person) {
      if (!p.has_candidates[person] || state.Count(person) != m) continue;
      bool raised = false;
      if (state.Count(person) < p.cap[person]) {
        // Partners by weight, heaviest first.
        std::vector<int> options = p.incident[person];
        std::sort(options.begin(), options.end(), [&](int x, int y) { return p.edges[x].weight > p.edges[y].weight; });
        for (int edge : options) {
          if (state.SlotOf(edge) >= 0) continue;
          for (int s = 0; s < p.num_slots && !raised; ++s) {
            if (state.At(person, s) >= 0) continue;  // never eject the person's own meeting
            raised = TryInsert(state, edge, s, m + 1, true) >= 0;
          }
          if (raised) break;
        }
      }
      if (!raised) raised_all = false;
    }
    if (!raised_all || MinMeetings(state) == m) return MinMeetings(state);
  }
}

}  // namespace verbinder::matching::internal

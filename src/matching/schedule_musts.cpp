// The must pass of the scheduler: which must pairs (accepted requests) can be
// held together, in which slots, and why the others cannot (schedule_state.h).
#include <algorithm>
#include <functional>
#include <numeric>
#include <random>
#include <set>

#include "matching/lemon_adapter.h"
#include "matching/schedule_state.h"

namespace verbinder::matching::internal {
namespace {

std::string Quote(const std::string& s) {
  return "\"" + s + "\"";
}

}  // namespace

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
                 " must meetings but room for at most " + std::to_string(p.cap[person]) + " (cap or available slots)";
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

std::vector<uint8_t> MustsHeldByEveryBest(const Problem& p, const MustSets& musts) {
  std::vector<uint8_t> fixed(p.edges.size(), 0);
  if (musts.sets.empty()) return fixed;
  const std::vector<int>& slots = musts.sets[0];
  const int n = static_cast<int>(musts.order.size());
  if (std::all_of(slots.begin(), slots.end(), [](int s) { return s >= 0; })) {
    for (int e : musts.order) fixed[e] = 1;
    return fixed;
  }
  // Components of the must graph (people joined by must pairs).
  std::vector<int> parent(p.num_people);
  std::iota(parent.begin(), parent.end(), 0);
  std::function<int(int)> find = [&](int x) { return parent[x] == x ? x : parent[x] = find(parent[x]); };
  for (int e : musts.order) parent[find(p.edges[e].a)] = find(p.edges[e].b);
  // The LP of the largest must b-matching under the caps decomposes by
  // component, so each component's share of one optimum is its own optimum.
  std::vector<WeightedEdge> edges;
  for (int e : musts.order) edges.push_back({p.edges[e].a, p.edges[e].b, 1});
  BMatchingLp lp = SolveBMatchingLp(p.num_people, p.cap, edges, -1);
  std::vector<int> half(p.num_people, 0), size(p.num_people, 0), held(p.num_people, 0);
  for (int k = 0; k < n; ++k) {
    int c = find(p.edges[musts.order[k]].a);
    half[c] += lp.half_units[k];
    ++size[c];
    held[c] += slots[k] >= 0;
  }
  for (int c = 0; c < p.num_people; ++c) {
    if (size[c] > 0 && held[c] < half[c] / 2) return std::vector<uint8_t>(p.edges.size(), 0);  // not proven
  }
  for (int k = 0; k < n; ++k) {
    int c = find(p.edges[musts.order[k]].a);
    if (held[c] == size[c]) fixed[musts.order[k]] = 1;
  }
  return fixed;
}

}  // namespace verbinder::matching::internal

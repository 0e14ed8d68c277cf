#include "matching/schedule_state.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <unordered_set>

#include "matching/lemon_adapter.h"

namespace verbinder::matching::internal {
namespace {

uint64_t PairKey(int a, int b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(b);
}

}  // namespace

Problem BuildProblem(const ScheduleInstance& instance) {
  Problem p;
  p.num_people = static_cast<int>(instance.attendees.size());
  p.num_slots = static_cast<int>(instance.slots.size());
  p.tables = instance.tables;
  for (int s = 0; s < p.num_slots; ++s) p.slot_tables.push_back(instance.TablesIn(s));
  p.available.assign(static_cast<size_t>(p.num_people) * p.num_slots, 0);
  p.cap.assign(p.num_people, 0);
  for (int i = 0; i < p.num_people; ++i) {
    const ScheduleAttendee& a = instance.attendees[i];
    int slots = 0;
    if (a.available.empty()) {
      for (int s = 0; s < p.num_slots; ++s) p.available[static_cast<size_t>(i) * p.num_slots + s] = 1;
      slots = p.num_slots;
    } else {
      for (int s : a.available) {
        uint8_t& cell = p.available[static_cast<size_t>(i) * p.num_slots + s];
        if (!cell) ++slots;
        cell = 1;
      }
    }
    int cap = a.max_meetings >= 0 ? a.max_meetings : instance.max_meetings_per_person;
    p.cap[i] = std::min(cap, slots);
  }
  std::unordered_set<uint64_t> forbidden;
  for (const auto& [a, b] : instance.forbidden) forbidden.insert(PairKey(a, b));
  const auto& ids = instance.attendees;
  double max_weight = 0;
  for (size_t k = 0; k < instance.pairs.size(); ++k) {
    const CandidatePair& c = instance.pairs[k];
    std::string reason;
    if (forbidden.count(PairKey(c.a, c.b))) {
      reason = "the pair is forbidden";
    } else if (p.cap[c.a] == 0 || p.cap[c.b] == 0) {
      int z = p.cap[c.a] == 0 ? c.a : c.b;
      reason = "attendee \"" + ids[z].id + "\" can have no meetings (cap 0 or no available slot)";
    } else {
      bool common = false;
      for (int s = 0; s < p.num_slots && !common; ++s) common = p.Available(c.a, s) && p.Available(c.b, s);
      if (!common) reason = "\"" + ids[c.a].id + "\" and \"" + ids[c.b].id + "\" share no available slot";
    }
    if (!reason.empty()) {
      if (c.must) p.rejected_musts.push_back({static_cast<int>(k), reason});
      continue;
    }
    p.edges.push_back({c.a, c.b, c.weight, c.must, static_cast<int>(k)});
    max_weight = std::max(max_weight, c.weight);
  }
  p.incident.assign(p.num_people, {});
  p.has_candidates.assign(p.num_people, 0);
  for (size_t e = 0; e < p.edges.size(); ++e) {
    p.incident[p.edges[e].a].push_back(static_cast<int>(e));
    p.incident[p.edges[e].b].push_back(static_cast<int>(e));
    p.has_candidates[p.edges[e].a] = p.has_candidates[p.edges[e].b] = 1;
  }
  p.scale = max_weight > 0 ? 1e9 / max_weight : 1;
  return p;
}

State::State(const Problem& problem)
    : problem_(problem),
      at_(static_cast<size_t>(problem.num_people) * problem.num_slots, -1),
      slot_of_(problem.edges.size(), -1),
      count_(problem.num_people, 0),
      tables_used_(problem.num_slots, 0),
      locked_(problem.edges.size(), 0),
      by_slot_(problem.num_slots) {}

bool State::CanPlace(int edge, int slot) const {
  const Edge& e = problem_.edges[edge];
  return slot_of_[edge] < 0 && tables_used_[slot] < problem_.slot_tables[slot] && problem_.Available(e.a, slot) &&
         problem_.Available(e.b, slot) && at_[Index(e.a, slot)] < 0 && at_[Index(e.b, slot)] < 0 &&
         count_[e.a] < problem_.cap[e.a] && count_[e.b] < problem_.cap[e.b];
}

void State::Place(int edge, int slot) {
  assert(CanPlace(edge, slot));
  const Edge& e = problem_.edges[edge];
  slot_of_[edge] = slot;
  at_[Index(e.a, slot)] = edge;
  at_[Index(e.b, slot)] = edge;
  ++count_[e.a];
  ++count_[e.b];
  ++tables_used_[slot];
  if (!locked_[edge]) by_slot_[slot].insert({e.weight, edge});
  objective_ += e.weight;
}

void State::Remove(int edge) {
  int slot = slot_of_[edge];
  assert(slot >= 0);
  const Edge& e = problem_.edges[edge];
  slot_of_[edge] = -1;
  at_[Index(e.a, slot)] = -1;
  at_[Index(e.b, slot)] = -1;
  --count_[e.a];
  --count_[e.b];
  --tables_used_[slot];
  if (!locked_[edge]) by_slot_[slot].erase({e.weight, edge});
  objective_ -= e.weight;
}

int State::CheapestOf(int person, int except_slot) const {
  int best = -1;
  for (int s = 0; s < problem_.num_slots; ++s) {
    if (s == except_slot) continue;
    int e = at_[Index(person, s)];
    if (e < 0 || locked_[e]) continue;
    if (best < 0 || problem_.edges[e].weight < problem_.edges[best].weight) best = e;
  }
  return best;
}

int State::CheapestIn(int slot) const {
  return by_slot_[slot].empty() ? -1 : by_slot_[slot].begin()->second;
}

double MatchSlot(State& state, int slot, const std::vector<uint8_t>* edge_mask) {
  const Problem& p = state.problem();
  int free_tables = p.TablesIn(slot) - state.TablesUsed(slot);
  if (free_tables <= 0) return 0;
  std::vector<int> local(p.num_people, -1);
  int nodes = 0;
  for (int i = 0; i < p.num_people; ++i) {
    if (p.Available(i, slot) && state.At(i, slot) < 0 && state.Count(i) < p.cap[i]) local[i] = nodes++;
  }
  std::vector<WeightedEdge> edges;
  std::vector<int> edge_ids;
  for (int i = 0; i < p.num_people; ++i) {
    if (local[i] < 0) continue;
    for (int e : p.incident[i]) {
      const Edge& edge = p.edges[e];
      if (edge.a != i || local[edge.b] < 0 || state.SlotOf(e) >= 0) continue;
      if (edge_mask && !(*edge_mask)[e]) continue;
      int64_t w = std::llround(edge.weight * p.scale);
      if (w <= 0) continue;
      edges.push_back({local[edge.a], local[edge.b], w});
      edge_ids.push_back(e);
    }
  }
  if (edges.empty()) return 0;
  std::vector<int> chosen = MaxWeightMatching(nodes, edges);
  if (static_cast<int>(chosen.size()) > free_tables) {
    // Tables are scarce: a max-weight matching of at most free_tables edges.
    // Subtracting a price mu from every weight shrinks the matching; bisect for
    // the smallest mu that fits (Lagrangian relaxation of the size limit).
    int64_t lo = 0, hi = 0;
    for (const WeightedEdge& e : edges) hi = std::max(hi, e.weight);
    std::vector<WeightedEdge> priced = edges;
    std::vector<int> best_fit;
    for (int iter = 0; iter < 14 && lo < hi; ++iter) {
      int64_t mu = lo + (hi - lo) / 2;
      for (size_t k = 0; k < edges.size(); ++k) priced[k].weight = edges[k].weight - mu;
      std::vector<int> trial = MaxWeightMatching(nodes, priced);
      if (static_cast<int>(trial.size()) > free_tables) {
        lo = mu + 1;
      } else {
        hi = mu;
        best_fit = std::move(trial);
      }
    }
    if (!best_fit.empty()) {
      // The fitting matching may be smaller than free_tables; top it up from the
      // unpriced matching is not possible (conflicts), so keep it if heavier.
      int64_t fit_weight = 0, trunc_weight = 0;
      for (int k : best_fit) fit_weight += edges[k].weight;
      std::vector<int> sorted = chosen;
      std::sort(sorted.begin(), sorted.end(), [&](int x, int y) { return edges[x].weight > edges[y].weight; });
      for (int i = 0; i < free_tables; ++i) trunc_weight += edges[sorted[i]].weight;
      if (fit_weight > trunc_weight) chosen = std::move(best_fit);
    }
  }
  std::vector<int> chosen_edges;
  chosen_edges.reserve(chosen.size());
  for (int k : chosen) chosen_edges.push_back(edge_ids[k]);
  if (static_cast<int>(chosen_edges.size()) > free_tables) {
    std::sort(chosen_edges.begin(), chosen_edges.end(),
              [&](int x, int y) { return p.edges[x].weight > p.edges[y].weight; });
    chosen_edges.resize(free_tables);
  }
  double added = 0;
  for (int e : chosen_edges) {
    state.Place(e, slot);
    added += p.edges[e].weight;
  }
  return added;
}

}  // namespace verbinder::matching::internal

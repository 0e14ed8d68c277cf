// The slot-keeping Lagrangian bound of the exact pass (schedule_slot_bound.h).
//
// Why every value is an upper bound. At a node, a schedule is x[e][s] in
// {0, 1} (edge e meets in slot s, both attendees available there) with
//   (P) sum_s x[e][s] <= 1, and = 1 for edges fixed in; x = 0 for edges fixed out
//   (C) sum over person i's edges and slots <= cap[i]
//   (T) sum_e x[e][s] <= tables[s]
//   (M) the must edges held >= must_target
//   (S) per slot, x[.][s] is a matching (one meeting per attendee and slot).
// Take integers pair[e] (>= 0 unless e is fixed in), person[i] >= 0,
// table[s] >= 0, must >= 0. For every schedule x of the node,
//   w.x <= w.x + sum_e pair[e] (1 - sum_s x[e][s]) + sum_i person[i] (cap[i] - deg_i(x))
//             + sum_s table[s] (tables[s] - |x[.][s]|) + must (musts(x) - must_target),
// since each added term is >= 0 (or = 0 for the fixed-in pairs). Regrouped,
// the right side is   const + sum_s sum_e x[e][s] a[e][s],   with
//   a[e][s] = w[e] - pair[e] - person[a] - person[b] - table[s] + must * must[e]
//   const   = sum_{e not fixed out} pair[e] + sum_i person[i] cap[i]
//             + sum_s table[s] tables[s] - must * must_target,
// and by (S) each slot's part is at most the maximum-weight matching of the
// slot's graph under the weights a[.][s] (only positive weights can help).
// So   const + sum_s MaxWeightMatching_s(a)   >= w.x   for every schedule of
// the node: a valid bound for any integer multipliers, computed exactly in
// int64 (units <= 2^40 per edge). A person whose cap is at least the slots
// they are available in needs no multiplier ((S) implies (C)).
#include "matching/schedule_slot_bound.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "matching/lemon_adapter.h"

namespace verbinder::matching::internal {
namespace {

// Steps: Polyak's, towards the incumbent, along the deflected subgradient
// (Camerini-Fratta-Maffioli, factor 1.5); the step factor halves after this
// many evaluations without a lower bound (and the multipliers go back to the
// best point). Measured on the CBC oracle's scarce-table instance 33: plain
// subgradient steps (halving after 8 or 50 stalled steps, or never) left the
// root bound 0.01-0.05 above the optimum after 2,000 evaluations; with
// deflection it is within 0.001 (one granule) within 1,000.
constexpr double kDeflect = 1.5;
constexpr int kPatience = 50;
// Multipliers stay within +-2^44 (16 x the largest edge's units): any value
// keeps the bound valid, and this keeps its int64 sums far from overflow.
constexpr double kMaxMultiplier = 17592186044416.0;

double Clamp(double x, double lo) {
  return std::clamp(x, lo, kMaxMultiplier);
}

}  // namespace

SlotBound::SlotBound(const Problem& p, const std::vector<int64_t>& units, int must_target)
    : p_(p), units_(units), must_target_(must_target) {
  cap_relaxed_.assign(p.num_people, 0);
  for (int i = 0; i < p.num_people; ++i) {
    int open = 0;
    for (int s = 0; s < p.num_slots; ++s) open += p.Available(i, s);
    cap_relaxed_[i] = p.cap[i] < open;
  }
  slot_edges_.resize(p.num_slots);
  for (size_t e = 0; e < p.edges.size(); ++e) {
    for (int s = 0; s < p.num_slots; ++s) {
      if (p.Available(p.edges[e].a, s) && p.Available(p.edges[e].b, s)) slot_edges_[s].push_back(static_cast<int>(e));
    }
  }
  pair_.assign(p.edges.size(), 0);
  person_.assign(p.num_people, 0);
  table_.assign(p.num_slots, 0);
}

void SlotBound::SeedTablePrice(int64_t price) {
  for (double& t : table_) t = std::max(t, static_cast<double>(price));
}

SlotBound::Evaluation SlotBound::Evaluate(const std::vector<int8_t>& fixed) const {
  const int m = static_cast<int>(p_.edges.size());
  Evaluation ev;
  ev.slot_of.assign(m, -1);
  ev.times.assign(m, 0);
  ev.degree.assign(p_.num_people, 0);
  ev.per_slot.assign(p_.num_slots, 0);
  // The multipliers as integers (the bound is exact for these).
  std::vector<int64_t> pair(m, 0), person(p_.num_people, 0);
  int64_t bound = 0;
  for (int e = 0; e < m; ++e) {
    if (fixed[e] == 0) continue;
    pair[e] = std::llround(fixed[e] == 1 ? pair_[e] : std::max(0.0, pair_[e]));
    bound += pair[e];
  }
  for (int i = 0; i < p_.num_people; ++i) {
    if (!cap_relaxed_[i]) continue;
    person[i] = std::llround(std::max(0.0, person_[i]));
    bound += person[i] * p_.cap[i];
  }
  const int64_t must = std::llround(std::max(0.0, must_));
  bound -= must * must_target_;
  std::vector<WeightedEdge> graph;
  std::vector<int> ids;
  for (int s = 0; s < p_.num_slots; ++s) {
    const int64_t table = std::llround(std::max(0.0, table_[s]));
    bound += table * p_.TablesIn(s);
    graph.clear();
    ids.clear();
    for (int e : slot_edges_[s]) {
      if (fixed[e] == 0) continue;
      const Edge& edge = p_.edges[e];
      const int64_t a = units_[e] - pair[e] - person[edge.a] - person[edge.b] - table + (edge.must ? must : 0);
      if (a <= 0) continue;
      graph.push_back({edge.a, edge.b, a});
      ids.push_back(e);
    }
    if (graph.empty()) continue;
    for (int k : MaxWeightMatching(p_.num_people, graph)) {
      const int e = ids[k];
      bound += graph[k].weight;
      ev.slot_of[e] = ev.times[e] == 0 ? s : -2;
      ++ev.times[e];
      ++ev.degree[p_.edges[e].a];
      ++ev.degree[p_.edges[e].b];
      ++ev.per_slot[s];
      ev.musts += p_.edges[e].must;
    }
  }
  ev.bound = bound;
  return ev;
}

SlotBound::Outcome SlotBound::Minimise(const std::vector<int8_t>& fixed, int64_t target, int64_t enough, int iterations,
                                       const std::function<bool()>& late) {
  const int m = static_cast<int>(p_.edges.size());
  Outcome out;
  out.bound = std::numeric_limits<int64_t>::max();
  std::vector<double> best_pair = pair_, best_person = person_, best_table = table_;
  double best_must = must_;
  int since_best = 0;
  step_scale_ = 1;
  d_pair_.clear();  // no previous direction at a new node
  std::vector<double> g_pair(m), g_person(p_.num_people), g_table(p_.num_slots);
  for (int it = 0; it < iterations; ++it) {
    if (it > 0 && late && late()) break;
    Evaluation ev = Evaluate(fixed);
    ++out.iterations;
    if (ev.bound < out.bound) {
      out.bound = ev.bound;
      best_pair = pair_;
      best_person = person_;
      best_table = table_;
      best_must = must_;
      since_best = 0;
    } else if (++since_best >= kPatience) {
      // Stalled: back to the best point with shorter steps.
      step_scale_ = std::max(step_scale_ / 2, 1e-3);
      pair_ = best_pair;
      person_ = best_person;
      table_ = best_table;
      must_ = best_must;
      since_best = 0;
      d_pair_.clear();
      continue;
    }
    // Is the relaxed solution a schedule (each pair once, caps, tables, musts)?
    bool feasible = ev.musts >= must_target_;
    int64_t weight = 0;
    for (int e = 0; e < m && feasible; ++e) {
      feasible = ev.times[e] <= 1;
      if (ev.times[e] == 1) weight += units_[e];
    }
    for (int i = 0; i < p_.num_people && feasible; ++i) feasible = ev.degree[i] <= p_.cap[i];
    for (int s = 0; s < p_.num_slots && feasible; ++s) feasible = ev.per_slot[s] <= p_.TablesIn(s);
    if (feasible && weight > out.feasible) {
      out.feasible = weight;
      out.slots.assign(m, -1);
      for (int e = 0; e < m; ++e) {
        if (ev.times[e] == 1) out.slots[e] = ev.slot_of[e];
      }
    }
    if (out.bound < enough) break;
    // Subgradient of the bound (its slope in each multiplier), projected on
    // the multipliers' signs; Polyak step towards `target`.
    double norm2 = 0;
    for (int e = 0; e < m; ++e) {
      double g = fixed[e] == 0 ? 0 : 1.0 - ev.times[e];
      if (fixed[e] == -1 && pair_[e] <= 0 && g > 0) g = 0;
      g_pair[e] = g;
      norm2 += g * g;
    }
    for (int i = 0; i < p_.num_people; ++i) {
      double g = cap_relaxed_[i] ? static_cast<double>(p_.cap[i] - ev.degree[i]) : 0;
      if (person_[i] <= 0 && g > 0) g = 0;
      g_person[i] = g;
      norm2 += g * g;
    }
    for (int s = 0; s < p_.num_slots; ++s) {
      double g = p_.TablesIn(s) - ev.per_slot[s];
      if (table_[s] <= 0 && g > 0) g = 0;
      g_table[s] = g;
      norm2 += g * g;
    }
    double g_must = static_cast<double>(ev.musts - must_target_);
    if (must_ <= 0 && g_must > 0) g_must = 0;
    norm2 += g_must * g_must;
    if (norm2 == 0) break;  // no direction lowers the bound: it is the minimum
    // Deflection (Camerini, Fratta, Maffioli): d = g + beta * d_previous
    // when the two point apart, which damps the zig-zag of plain steps.
    double dot = 0, d_norm2 = 0;
    if (d_pair_.empty()) {
      d_pair_.assign(m, 0);
      d_person_.assign(p_.num_people, 0);
      d_table_.assign(p_.num_slots, 0);
      d_must_ = 0;
    }
    auto accumulate = [&](const std::vector<double>& g, const std::vector<double>& d) {
      for (size_t k = 0; k < g.size(); ++k) {
        dot += g[k] * d[k];
        d_norm2 += d[k] * d[k];
      }
    };
    accumulate(g_pair, d_pair_);
    accumulate(g_person, d_person_);
    accumulate(g_table, d_table_);
    dot += g_must * d_must_;
    d_norm2 += d_must_ * d_must_;
    const double beta = dot < 0 && d_norm2 > 0 ? -kDeflect * dot / d_norm2 : 0;
    norm2 = 0;
    auto deflect = [&](const std::vector<double>& g, std::vector<double>& d) {
      for (size_t k = 0; k < g.size(); ++k) {
        d[k] = g[k] + beta * d[k];
        norm2 += d[k] * d[k];
      }
    };
    deflect(g_pair, d_pair_);
    deflect(g_person, d_person_);
    deflect(g_table, d_table_);
    d_must_ = g_must + beta * d_must_;
    norm2 += d_must_ * d_must_;
    if (norm2 == 0) break;
    const double gap = static_cast<double>(ev.bound - target);
    const double t = step_scale_ * std::max(gap, 1.0) / norm2;
    for (int e = 0; e < m; ++e) pair_[e] = Clamp(pair_[e] - t * d_pair_[e], fixed[e] == 1 ? -kMaxMultiplier : 0.0);
    for (int i = 0; i < p_.num_people; ++i) person_[i] = Clamp(person_[i] - t * d_person_[i], 0);
    for (int s = 0; s < p_.num_slots; ++s) table_[s] = Clamp(table_[s] - t * d_table_[s], 0);
    must_ = Clamp(must_ - t * d_must_, 0);
  }
  // The next node starts where this one did best.
  pair_ = std::move(best_pair);
  person_ = std::move(best_person);
  table_ = std::move(best_table);
  must_ = best_must;
  return out;
}

}  // namespace verbinder::matching::internal

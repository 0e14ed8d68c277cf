// The `exact` pass of the scheduler: branch and bound with the LP bound at
// every node and a slot-assignment check at integral nodes (schedule_exact.h).
#include "matching/schedule_exact.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "matching/lemon_adapter.h"
#include "matching/schedule_exact_lemon.h"
#include "matching/schedule_slot_bound.h"

namespace verbinder::matching::internal {
namespace {

constexpr double kUnitsPerMaxWeight = 1099511627776.0;  // 2^40
// The slot bound's budget: subgradient evaluations at the root and at each
// later node (warm-started from the node before).
constexpr int kSlotBoundRootTrial = 150;        // then off unless below the slot-free bound
constexpr int kSlotBoundRootIterations = 1000;  // then the rest of the root's budget
constexpr int kSlotBoundNodeIterations = 25;

// Gives slots to a set of edges (list edge colouring: a slot both attendees
// are available in, at most one meeting per attendee and slot, at most the
// slot's tables): backtracking, the edge with the fewest open slots first.
class SlotAssigner {
 public:
  enum class Outcome { kFound, kNone, kUnknown };

  // `late` (may be empty) is polled now and then; true aborts the search.
  SlotAssigner(const Problem& p, std::function<bool()> late)
      : late_(std::move(late)),
        p_(p),
        busy_(static_cast<size_t>(p.num_people) * p.num_slots, 0),
        used_(p.num_slots, 0) {}

  // On kFound, (*slots)[k] is the slot of edges[k]. kUnknown: out of budget.
  Outcome Assign(const std::vector<int>& edges, int64_t node_limit, std::vector<int>* slots) {
    edges_ = &edges;
    slot_.assign(edges.size(), -1);
    degree_.assign(edges.size(), 0);
    std::vector<int> person_degree(p_.num_people, 0);
    for (int e : edges) {
      ++person_degree[p_.edges[e].a];
      ++person_degree[p_.edges[e].b];
    }
    for (size_t k = 0; k < edges.size(); ++k) {
      degree_[k] = person_degree[p_.edges[edges[k]].a] + person_degree[p_.edges[edges[k]].b];
    }
    nodes_ = 0;
    node_limit_ = node_limit;
    aborted_ = false;
    bool found = Search(0);
    // Search leaves busy_ and used_ clear on every path.
    if (found) {
      *slots = slot_;
      return Outcome::kFound;
    }
    return aborted_ ? Outcome::kUnknown : Outcome::kNone;
  }

 private:
  bool Open(int k, int s) const {
    const Edge& e = p_.edges[(*edges_)[k]];
    return used_[s] < p_.TablesIn(s) && p_.Available(e.a, s) && p_.Available(e.b, s) && !busy_[Cell(e.a, s)] &&
           !busy_[Cell(e.b, s)];
  }
  size_t Cell(int person, int slot) const { return static_cast<size_t>(person) * p_.num_slots + slot; }

  bool Search(size_t assigned) {
    if (assigned == edges_->size()) return true;
    if (++nodes_ > node_limit_ || (nodes_ % 1024 == 0 && late_ && late_())) {
      aborted_ = true;
      return false;
    }
    int pick = -1, pick_open = p_.num_slots + 1;
    for (size_t k = 0; k < edges_->size(); ++k) {
      if (slot_[k] >= 0) continue;
      int open = 0;
      for (int s = 0; s < p_.num_slots; ++s) open += Open(static_cast<int>(k), s);
      if (open < pick_open || (open == pick_open && degree_[k] > degree_[pick])) {
        pick = static_cast<int>(k);
        pick_open = open;
      }
    }
    if (pick_open == 0) return false;
    if (!RoomLeft(assigned)) return false;
    const Edge& e = p_.edges[(*edges_)[pick]];
    for (int s = 0; s < p_.num_slots; ++s) {
      if (!Open(pick, s)) continue;
      busy_[Cell(e.a, s)] = busy_[Cell(e.b, s)] = 1;
      ++used_[s];
      slot_[pick] = s;
      bool found = Search(assigned + 1);
      busy_[Cell(e.a, s)] = busy_[Cell(e.b, s)] = 0;
      --used_[s];
      if (found) return true;
      slot_[pick] = -1;
      if (aborted_) return false;
    }
    return false;
  }

  // Necessary conditions for the meetings not yet placed: each attendee's
  // need distinct open slots, and all of them need free tables.
  bool RoomLeft(size_t assigned) {
    int64_t free_tables = 0;
    for (int s = 0; s < p_.num_slots; ++s) free_tables += p_.TablesIn(s) - used_[s];
    if (free_tables < static_cast<int64_t>(edges_->size() - assigned)) return false;
    touched_.clear();
    for (size_t k = 0; k < edges_->size(); ++k) {
      if (slot_[k] >= 0) continue;
      const Edge& e = p_.edges[(*edges_)[k]];
      for (int person : {e.a, e.b}) {
        if (need_[person]++ == 0) touched_.push_back(person);
      }
    }
    bool ok = true;
    for (int person : touched_) {
      int open = 0;
      for (int s = 0; s < p_.num_slots; ++s) {
        open += used_[s] < p_.TablesIn(s) && p_.Available(person, s) && !busy_[Cell(person, s)];
      }
      ok = ok && open >= need_[person];
      need_[person] = 0;
    }
    return ok;
  }

  std::function<bool()> late_;
  const Problem& p_;
  const std::vector<int>* edges_ = nullptr;
  std::vector<int> need_ = std::vector<int>(p_.num_people, 0);  // scratch of RoomLeft
  std::vector<int> touched_;
  std::vector<uint8_t> busy_;  // person * slots
  std::vector<int> used_;      // meetings per slot
  std::vector<int> slot_;      // per edge of the set
  std::vector<int> degree_;    // meetings of both attendees within the set
  int64_t nodes_ = 0;
  int64_t node_limit_ = 0;
  bool aborted_ = false;
};

class BranchAndBound {
 public:
  // units[e]: the edge's weight in integer units; every schedule's units are
  // a multiple of `granule`, so a bound below incumbent + granule proves.
  // `start_slots`: edge -> slot or -1, the schedule to start from (the
  // incumbent when it holds `must_target` musts); `started`: when the
  // deadline of `limits` began (limits.clock's steady time).
  BranchAndBound(const Problem& p, const std::vector<int>& start_slots, int must_target, const ExactLimits& limits,
                 std::vector<int64_t> units, int64_t granule, Clock::Monotonic started)
      : p_(p),
        limits_(limits),
        assigner_(p_, [this] { return Late(); }),
        must_target_(must_target),
        units_(std::move(units)),
        granule_(granule),
        slot_bound_(p_, units_, must_target) {
    const int m = static_cast<int>(p_.edges.size());
    fixed_.assign(m, -1);
    cap_ = p_.cap;
    tables_ = p_.TotalTables();
    for (int e = 0; e < m; ++e) free_musts_ += p_.edges[e].must;
    best_slots_ = start_slots;
    incumbent_ = 0;
    int musts = 0;
    for (int e = 0; e < m; ++e) {
      if (best_slots_[e] < 0) continue;
      incumbent_ += units_[e];
      musts += p_.edges[e].must;
    }
    if (musts < must_target) incumbent_ = -1;  // not a valid incumbent
    started_ = started;
  }

  ExactResult Run() {
    Node();
    ExactResult r;
    r.nodes = nodes_;
    r.out_of_time = out_of_time_;
    r.out_of_nodes = out_of_nodes_;
    r.improved = improved_;
    r.unschedulable_sets = unschedulable_;
    r.slots = best_slots_;
    r.proven = !out_of_time_ && !out_of_nodes_ && open_ < incumbent_ + granule_ && incumbent_ >= 0;
    r.slot_bound_prunes = slot_prunes_;
    r.slot_bound_iterations = slot_iterations_;
    return r;
  }

  int64_t root_b_matching_units() const { return root_b_matching_; }
  int64_t root_slot_units() const { return root_slot_; }

  int64_t incumbent_units() const { return incumbent_; }

 private:
  bool Stopped() const { return out_of_time_ || out_of_nodes_; }

  // A node whose bound is below this holds no schedule heavier than the
  // incumbent (units of schedules are multiples of the granule); without an
  // incumbent, only a negative bound closes (a schedule of 0 units counts).
  int64_t Enough() const { return incumbent_ >= 0 ? incumbent_ + granule_ : 0; }

  bool Late() const {
    return (limits_.clock && Clock::Seconds(started_, limits_.clock->Steady()) > limits_.seconds) ||
           limits_.stop.stop_requested();
  }

  // Counts a node; false once the search has to stop.
  bool Tick() {
    if (Stopped()) return false;
    if (++nodes_ > limits_.node_limit) {
      out_of_nodes_ = true;
      return false;
    }
    if (nodes_ % 16 == 1 && Late()) {  // the first node checks too
      out_of_time_ = true;
      return false;
    }
    return true;
  }

  bool CanFixIn(int e) const {
    const Edge& edge = p_.edges[e];
    return cap_[edge.a] > 0 && cap_[edge.b] > 0 && tables_ > 0;
  }

  void Fix(int e, int8_t value) {
    const Edge& edge = p_.edges[e];
    fixed_[e] = value;
    if (edge.must) --free_musts_;
    if (value == 1) {
      --cap_[edge.a];
      --cap_[edge.b];
      --tables_;
      fixed_units_ += units_[e];
      fixed_in_.push_back(e);
      fixed_in_musts_ += edge.must;
    }
  }

  void Unfix(int e) {
    const Edge& edge = p_.edges[e];
    if (edge.must) ++free_musts_;
    if (fixed_[e] == 1) {
      ++cap_[edge.a];
      ++cap_[edge.b];
      ++tables_;
      fixed_units_ -= units_[e];
      fixed_in_.pop_back();  // fixes are undone in reverse order
      fixed_in_musts_ -= edge.must;
    }
    fixed_[e] = -1;
  }

  // x = 1 first (when the caps allow it), then x = 0.
  void Branch(int e) {
    if (CanFixIn(e)) {
      Fix(e, 1);
      Node();
      Unfix(e);
    }
    if (Stopped()) return;
    Fix(e, 0);
    Node();
    Unfix(e);
  }

  // The relaxation at a node: the best b-matching of the free edges under
  // the caps the fixed-in edges leave; when it holds more meetings than the
  // tables left, the Lagrangian bound max_x (w - lambda) x + lambda * tables
  // (valid for every lambda >= 0), minimised by cutting planes. Returns the bound
  // (units, fixed-in edges included) and in *set the b-matching it came from
  // (fixed-in edges included).
  int64_t Relax(std::vector<int>* set, int64_t* lambda_used) {
    std::vector<WeightedEdge> free_edges;
    std::vector<int> ids;
    for (size_t e = 0; e < p_.edges.size(); ++e) {
      if (fixed_[e] != -1 || units_[e] <= 0) continue;
      const Edge& edge = p_.edges[e];
      if (cap_[edge.a] == 0 || cap_[edge.b] == 0) continue;
      free_edges.push_back({edge.a, edge.b, units_[e]});
      ids.push_back(static_cast<int>(e));
    }
    auto solve = [&](int64_t lambda, std::vector<int>* chosen) {
      std::vector<WeightedEdge> shifted = free_edges;
      for (WeightedEdge& e : shifted) e.weight -= lambda;
      BMatching m = MaxWeightBMatching(p_.num_people, cap_, shifted);
      chosen->clear();
      for (int k : m.chosen) chosen->push_back(ids[k]);
      return m.value + lambda * tables_;
    };
    std::vector<int> chosen;
    int64_t bound = solve(0, &chosen);
    *lambda_used = 0;
    if (static_cast<int64_t>(chosen.size()) > tables_) {
      // Too many meetings. f(lambda) = b-matching(w - lambda) + lambda *
      // tables is convex and piecewise linear, with slope tables - |X|:
      // cutting planes between a point of negative slope (lo) and one of
      // non-negative slope (hi), the next lambda where their lines cross.
      std::vector<int> best_chosen = chosen;
      int64_t hi = 1;
      for (int64_t u : units_) hi = std::max(hi, u + 1);
      int64_t lo = 0, f_lo = bound, s_lo = tables_ - static_cast<int64_t>(chosen.size());
      int64_t f_hi = hi * tables_, s_hi = tables_;  // nothing is worth it at hi
      if (f_hi < bound) {
        bound = f_hi;
        best_chosen.clear();
        *lambda_used = hi;
      }
      for (int step = 0; step < 40 && hi - lo > 1; ++step) {
        const long double cross = (static_cast<long double>(f_hi) - f_lo + static_cast<long double>(s_lo) * lo -
                                   static_cast<long double>(s_hi) * hi) /
                                  static_cast<long double>(s_lo - s_hi);
        const int64_t x = std::clamp(static_cast<int64_t>(std::floor(cross)), lo + 1, hi - 1);
        const int64_t f = solve(x, &chosen);
        const int64_t s = tables_ - static_cast<int64_t>(chosen.size());
        if (f < bound) {
          bound = f;
          best_chosen = chosen;
          *lambda_used = x;
        }
        // On both lines' envelope: no lower point lies between lo and hi.
        const int64_t envelope = std::max(f_lo + s_lo * (x - lo), f_hi + s_hi * (x - hi));
        if (s == 0 || f <= envelope) break;
        if (s < 0) {
          lo = x;
          f_lo = f;
          s_lo = s;
        } else {
          hi = x;
          f_hi = f;
          s_hi = s;
        }
      }
      chosen = std::move(best_chosen);
    }
    *set = fixed_in_;
    set->insert(set->end(), chosen.begin(), chosen.end());
    return fixed_units_ + bound;
  }

  // Splits the node so that every edge set of it except supersets of `set`
  // falls in exactly one child: child i fixes the free edges 0..i-1 of the
  // set in and edge i out (lightest left out first).
  void SplitWithout(const std::vector<int>& set) {
    std::vector<int> free_edges;
    for (int e : set) {
      if (fixed_[e] == -1) free_edges.push_back(e);
    }
    std::sort(free_edges.begin(), free_edges.end(), [&](int x, int y) { return units_[x] < units_[y]; });
    size_t fixed_in = 0;
    for (size_t i = 0; i < free_edges.size() && !Stopped(); ++i) {
      Fix(free_edges[i], 0);
      Node();
      Unfix(free_edges[i]);
      if (!CanFixIn(free_edges[i])) break;  // later children would exceed a cap
      Fix(free_edges[i], 1);
      ++fixed_in;
    }
    for (size_t i = fixed_in; i-- > 0;) Unfix(free_edges[i]);
  }

  // The free edge (that the caps still allow) with weight closest to
  // lambda; -1 if none.
  int MarginalEdge(int64_t lambda) const {
    int pick = -1;
    int64_t best = 0;
    for (size_t e = 0; e < p_.edges.size(); ++e) {
      if (fixed_[e] != -1 || units_[e] <= 0 || !CanFixIn(static_cast<int>(e))) continue;
      int64_t gap = std::abs(units_[e] - lambda);
      if (pick < 0 || gap < best) {
        pick = static_cast<int>(e);
        best = gap;
      }
    }
    return pick;
  }

  // The slot-keeping bound (schedule_slot_bound.h) where the slot-free one
  // does not close the node: true when it does. At the root it gets a larger
  // budget in two parts; when it is still no lower than the slot-free bound
  // after the first (or at the end), it is switched off for the rest of the
  // search: it does not pay on this instance (on the generated 12-slot
  // congresses the slot-free bound is within 0.1 % and the slot bound
  // converges slowly; there the first check of SolveExact usually proves
  // before the slot bound is tried). A relaxed solution that is a schedule
  // becomes the incumbent when heavier.
  bool SlotBoundCloses(int64_t slot_free_bound, int64_t table_price) {
    const bool root = nodes_ == 1;
    // Its steps aim at the incumbent: none yet (only when the search starts
    // from a schedule short of the musts), no slot bound.
    if (!slot_bound_on_ || incumbent_ < 0) return false;
    if (root) slot_bound_.SeedTablePrice(table_price);
    int64_t lowest = std::numeric_limits<int64_t>::max();
    for (int part = 0; part < (root ? 2 : 1); ++part) {
      const int iterations = !root       ? kSlotBoundNodeIterations
                             : part == 0 ? kSlotBoundRootTrial
                                         : kSlotBoundRootIterations;
      SlotBound::Outcome o = slot_bound_.Minimise(fixed_, incumbent_, Enough(), iterations, [this] { return Late(); });
      slot_iterations_ += o.iterations;
      lowest = std::min(lowest, o.bound);
      if (o.feasible > incumbent_) {
        incumbent_ = o.feasible;
        best_slots_ = o.slots;
        improved_ = true;
      }
      if (lowest < Enough() || lowest >= slot_free_bound || Late()) break;
    }
    if (root) {
      root_slot_ = lowest;
      if (lowest >= slot_free_bound && lowest >= Enough()) slot_bound_on_ = false;
    }
    if (lowest < Enough()) {
      ++slot_prunes_;
      return true;
    }
    return false;
  }

  void Node() {
    if (!Tick()) return;
    if (fixed_in_musts_ + free_musts_ < must_target_) return;  // cannot hold enough musts
    std::vector<int> set;
    int64_t lambda = 0;
    const int64_t bound = Relax(&set, &lambda);
    if (nodes_ == 1) root_b_matching_ = bound;
    if (bound < Enough()) return;
    // Before any branching the slot bound may close the node (it runs only
    // where the slot-free bound and the slot check did not).
    auto closed_by_slots = [&] { return SlotBoundCloses(bound, lambda); };
    int64_t set_units = 0;
    int musts = 0;
    for (int e : set) {
      set_units += units_[e];
      musts += p_.edges[e].must;
    }
    if (musts < must_target_) {
      // Branch on a free must pair the relaxation leaves out (none: no edge
      // set of this node holds more musts than `set`, which is too few).
      int leave_out = -1;
      for (size_t e = 0; e < p_.edges.size() && leave_out < 0; ++e) {
        if (fixed_[e] == -1 && p_.edges[e].must &&
            std::find(set.begin(), set.end(), static_cast<int>(e)) == set.end()) {
          leave_out = static_cast<int>(e);
        }
      }
      if (leave_out >= 0 && !closed_by_slots()) Branch(leave_out);
      return;
    }
    if (static_cast<int64_t>(set.size()) > tables_ + static_cast<int64_t>(fixed_in_.size())) {
      // More meetings than tables (lambda > 0): branch on the free edge
      // whose weight is closest to lambda, the one the bound is least sure of.
      int pick = MarginalEdge(lambda);
      if (pick >= 0 && !closed_by_slots()) Branch(pick);
      return;
    }
    std::vector<int> slots;
    SlotAssigner::Outcome outcome = assigner_.Assign(set, limits_.colouring_node_limit, &slots);
    if (outcome == SlotAssigner::Outcome::kFound) {
      if (set_units > incumbent_) {
        incumbent_ = set_units;
        std::fill(best_slots_.begin(), best_slots_.end(), -1);
        for (size_t k = 0; k < set.size(); ++k) best_slots_[set[k]] = slots[k];
        improved_ = true;
      }
      if (set_units >= bound) return;  // the node's optimum
      // (The Lagrangian bound lies above the set: branch as above.)
      int pick = MarginalEdge(lambda);
      if (pick >= 0 && bound >= Enough() && !closed_by_slots()) Branch(pick);
      return;
    }
    ++unschedulable_;
    if (closed_by_slots()) return;
    // Unknown: the set may be a schedule; its bound stays open (supersets of
    // the set are no heavier than the bound either).
    if (outcome == SlotAssigner::Outcome::kUnknown) open_ = std::max(open_, bound);
    SplitWithout(set);
  }

  const Problem& p_;
  const ExactLimits& limits_;
  SlotAssigner assigner_;
  const int must_target_;
  const std::vector<int64_t> units_;
  const int64_t granule_;
  SlotBound slot_bound_;
  bool slot_bound_on_ = limits_.slot_bound;
  int64_t slot_prunes_ = 0;
  int64_t slot_iterations_ = 0;
  int64_t root_b_matching_ = -1;  // the slot-free bound at the root (units); -1: not computed
  int64_t root_slot_ = -1;        // the slot bound at the root (units); -1: not computed
  std::vector<int8_t> fixed_;     // -1 free, 0 out, 1 in
  std::vector<int> fixed_in_;     // in the order they were fixed
  std::vector<int> cap_;          // caps the fixed-in edges leave
  int64_t tables_ = 0;            // tables (over all slots) the fixed-in edges leave
  int64_t fixed_units_ = 0;
  int fixed_in_musts_ = 0;
  int free_musts_ = 0;
  int64_t incumbent_ = 0;  // units of the best schedule; -1: none yet
  int64_t open_ = -1;      // largest bound left open by a slot check out of budget
  std::vector<int> best_slots_;
  bool improved_ = false;
  bool out_of_time_ = false;
  bool out_of_nodes_ = false;
  int64_t nodes_ = 0;
  int64_t unschedulable_ = 0;
  Clock::Monotonic started_{};
};

}  // namespace

int MustsHeld(const State& state) {
  const Problem& p = state.problem();
  int n = 0;
  for (size_t e = 0; e < p.edges.size(); ++e) n += p.edges[e].must && state.SlotOf(static_cast<int>(e)) >= 0;
  return n;
}

ExactResult SolveExact(const State& start, int must_target, const ExactLimits& limits) {
  const Problem& p = start.problem();
  double max_weight = 0;
  for (const Edge& e : p.edges) max_weight = std::max(max_weight, e.weight);
  if (max_weight <= 0) {
    // Nothing weighs anything: every schedule with the musts is optimal.
    ExactResult r;
    r.proven = MustsHeld(start) >= must_target;
    r.slots.resize(p.edges.size());
    for (size_t e = 0; e < p.edges.size(); ++e) r.slots[e] = start.SlotOf(static_cast<int>(e));
    return r;
  }
  // Units. When every weight is a whole multiple of 1/d (d = 1, 10, ...,
  // 10^6; to 1e-12 relative), units = round(weight * d) * K with K =
  // floor(2^40 / round(max weight * d)): every schedule's units are then a
  // multiple of the granule K, and a bound below incumbent + K proves (a
  // Lagrangian bound cannot be expected to land exactly on the optimum).
  // Otherwise units = ceil(weight * 2^40 / max weight), granule 1.
  const int m = static_cast<int>(p.edges.size());
  std::vector<int64_t> units(m);
  int64_t granule = 1;
  double scale = kUnitsPerMaxWeight / max_weight;
  double slack = 1e-15;  // relative: the division's rounding
  bool decimal = false;
  for (double d = 1; d <= 1e6 && !decimal && limits.slot_bound; d *= 10) {
    if (std::round(max_weight * d) > kUnitsPerMaxWeight) break;
    decimal = true;
    for (const Edge& e : p.edges) {
      const double x = e.weight * d;
      decimal = decimal && std::abs(x - std::round(x)) <= 1e-12 * std::max(1.0, x);
    }
    if (decimal) {
      granule = std::max<int64_t>(1, static_cast<int64_t>(kUnitsPerMaxWeight / std::round(max_weight * d)));
      for (int e = 0; e < m; ++e) units[e] = std::llround(p.edges[e].weight * d) * granule;
      scale = d * static_cast<double>(granule);
      slack = 1e-11;  // weight <= round(weight * d) / d * (1 + 1e-12), and the division
    }
  }
  if (!decimal) {
    for (int e = 0; e < m; ++e) units[e] = static_cast<int64_t>(std::ceil(p.edges[e].weight * scale));
  }
  Clock::Monotonic started{};
  if (limits.clock) started = limits.clock->Steady();
  std::vector<int> start_slots(m);
  for (int e = 0; e < m; ++e) start_slots[e] = start.SlotOf(e);
  // The cheap first check: the slot-free search alone, within a small node
  // budget. Only when it does not close does the search start again with the
  // slot bound (from its root, from the first check's best schedule).
  const int64_t first_nodes =
      limits.slot_bound ? std::min<int64_t>(limits.slot_bound_after_nodes, limits.node_limit / 2) : 0;
  ExactResult first;
  int64_t root_b_matching = -1, root_slot = -1, incumbent = 0;
  if (first_nodes > 0) {
    ExactLimits slot_free = limits;
    slot_free.slot_bound = false;
    slot_free.node_limit = first_nodes;
    BranchAndBound search(p, start_slots, must_target, slot_free, units, granule, started);
    first = search.Run();
    root_b_matching = search.root_b_matching_units();
    incumbent = search.incumbent_units();
  }
  ExactResult r;
  if (first_nodes > 0 && (first.proven || first.out_of_time)) {
    r = std::move(first);
  } else {
    // (A search out of nodes counts one node beyond its budget: the one it did not open.)
    const int64_t first_opened = std::min(first.nodes, first_nodes);
    ExactLimits rest = limits;
    rest.node_limit = limits.node_limit - first_opened;
    BranchAndBound search(p, first_nodes > 0 ? first.slots : start_slots, must_target, rest, std::move(units), granule,
                          started);
    r = search.Run();
    r.nodes += first_opened;
    r.improved = r.improved || first.improved;
    r.unschedulable_sets += first.unschedulable_sets;
    if (root_b_matching < 0) root_b_matching = search.root_b_matching_units();
    root_slot = search.root_slot_units();
    incumbent = search.incumbent_units();
  }
  // Every schedule of the search has weight <= units / scale (to `slack`),
  // so the best units bound every weight.
  r.bound = static_cast<double>(incumbent) / scale * (1 + slack);
  r.granule = static_cast<double>(granule) / scale;
  if (root_b_matching >= 0) r.root_b_matching_bound = root_b_matching / scale * (1 + slack);
  if (root_slot >= 0) r.root_slot_bound = root_slot / scale * (1 + slack);
  r.proof = !r.proven ? "" : r.slot_bound_prunes > 0 ? "slot_lagrangian" : "b_matching";
  return r;
}

}  // namespace verbinder::matching::internal

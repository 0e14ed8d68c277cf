// The spread pass of the scheduler (see schedule_spread.h).
#include "matching/schedule_spread.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_set>

namespace verbinder::matching {
namespace {

uint64_t Key(int a, int b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(b);
}

class Spreader {
 public:
  Spreader(const ScheduleInstance& inst, const std::vector<int>& base, const std::vector<int>& free_tables,
           std::vector<Meeting>& meetings)
      : inst_(inst), meetings_(meetings) {
    n_ = static_cast<int>(inst.attendees.size());
    slots_ = static_cast<int>(inst.slots.size());
    cap_.resize(n_);
    avail_.assign(n_, std::vector<uint8_t>(slots_, 0));
    for (int i = 0; i < n_; ++i) {
      const auto& a = inst.attendees[i];
      cap_[i] = a.max_meetings < 0 ? inst.max_meetings_per_person : a.max_meetings;
      if (a.available.empty()) std::fill(avail_[i].begin(), avail_[i].end(), 1);
      for (int s : a.available) avail_[i][s] = 1;
    }
    std::unordered_set<uint64_t> forbidden;
    for (auto [a, b] : inst.forbidden) forbidden.insert(Key(a, b));
    incident_.resize(n_);
    for (size_t k = 0; k < inst.pairs.size(); ++k) {
      const auto& p = inst.pairs[k];
      if (forbidden.count(Key(p.a, p.b))) continue;
      incident_[p.a].push_back(static_cast<int>(k));
      incident_[p.b].push_back(static_cast<int>(k));
    }
    base_ = base;
    base_.resize(n_, 0);
    free_ = free_tables;
    free_.resize(slots_, 0);
    own_.assign(n_, 0);
    at_.assign(n_, std::vector<int>(slots_, -1));
    alive_.assign(meetings.size(), 1);
    in_slot_.resize(slots_);
    for (size_t m = 0; m < meetings.size(); ++m) Occupy(static_cast<int>(m));
  }

  int Covered() const {
    int c = 0;
    for (int i = 0; i < n_; ++i) c += Count(i) > 0;
    return c;
  }

  // Sweeps over the attendees without a meeting (fewest candidates first:
  // they have the least room) until a sweep changes nothing.
  int Run() {
    std::vector<int> order(n_);
    for (int i = 0; i < n_; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int x, int y) { return incident_[x].size() < incident_[y].size(); });
    int moves = 0;
    for (bool changed = true; changed;) {
      changed = false;
      for (int u : order) {
        if (Count(u) > 0 || cap_[u] <= 0) continue;
        if (Cover(u)) {
          ++moves;
          changed = true;
        }
      }
    }
    // Compact: drop removed meetings.
    std::vector<Meeting> out;
    for (size_t m = 0; m < meetings_.size(); ++m)
      if (alive_[m]) out.push_back(meetings_[m]);
    meetings_ = std::move(out);
    return moves;
  }

 private:
  int Count(int i) const { return base_[i] + own_[i]; }
  int Other(const Meeting& m, int i) const { return m.a == i ? m.b : m.a; }

  void Occupy(int m) {
    const Meeting& x = meetings_[m];
    at_[x.a][x.slot] = at_[x.b][x.slot] = m;
    ++own_[x.a];
    ++own_[x.b];
    --free_[x.slot];
    used_.insert(Key(x.a, x.b));
    in_slot_[x.slot].push_back(m);
  }
  void Release(int m) {
    const Meeting& x = meetings_[m];
    at_[x.a][x.slot] = at_[x.b][x.slot] = -1;
    --own_[x.a];
    --own_[x.b];
    ++free_[x.slot];
    used_.erase(Key(x.a, x.b));
    alive_[m] = 0;
    auto& list = in_slot_[x.slot];
    list.erase(std::find(list.begin(), list.end(), m));
  }
  void Add(int pair, int slot) {
    const auto& p = inst_.pairs[pair];
    Meeting m;
    m.slot = slot;
    m.table = 0;
    m.a = p.a;
    m.b = p.b;
    m.weight = p.weight;
    m.must = p.must;
    m.pair_index = pair;
    meetings_.push_back(m);
    alive_.push_back(1);
    Occupy(static_cast<int>(meetings_.size()) - 1);
  }
  // A meeting that may go: not a must, and both people keep another one.
  bool Removable(int m) const {
    if (m < 0 || !alive_[m]) return false;
    const Meeting& x = meetings_[m];
    return !x.must && Count(x.a) >= 2 && Count(x.b) >= 2;
  }
  // A meeting of v that may go for v to meet someone new: not a must and
  // the other person keeps another one (v's own count stays the same).
  bool Yieldable(int m, int v) const {
    if (m < 0 || !alive_[m]) return false;
    const Meeting& x = meetings_[m];
    return !x.must && Count(Other(x, v)) >= 2;
  }
  // How much the move costs: lost weight, and how loaded the people losing
  // a meeting are (more loaded is cheaper).
  double Cost(int m) const {
    const Meeting& x = meetings_[m];
    return x.weight - 1e-3 * (Count(x.a) + Count(x.b));
  }

  bool Cover(int u) {
    struct Move {
      int gain = 0;
      double value = -std::numeric_limits<double>::infinity();
      int pair = -1, slot = -1, drop = -1;
    } best;
    // Per slot, the cheapest meeting that could give its table away.
    std::vector<int> bump(slots_, -1);
    for (int s = 0; s < slots_; ++s)
      if (free_[s] <= 0)
        for (int m : in_slot_[s])
          if (Removable(m) && (bump[s] < 0 || Cost(m) < Cost(bump[s]))) bump[s] = m;
    auto consider = [&](int gain, double value, int pair, int slot, int drop) {
      if (gain > best.gain || (gain == best.gain && value > best.value)) best = {gain, value, pair, slot, drop};
    };
    for (int k : incident_[u]) {
      const auto& p = inst_.pairs[k];
      const int v = p.a == u ? p.b : p.a;
      if (cap_[v] <= 0 || used_.count(Key(u, v))) continue;
      const int gain = Count(v) == 0 ? 2 : 1;
      const bool v_room = own_[v] < cap_[v];
      // v's meeting that could yield anywhere, for the swap (v at cap).
      int v_yield = -1;
      if (!v_room)
        for (int s = 0; s < slots_; ++s)
          if (Yieldable(at_[v][s], v) && (v_yield < 0 || Cost(at_[v][s]) < Cost(v_yield))) v_yield = at_[v][s];
      for (int s = 0; s < slots_; ++s) {
        if (!avail_[u][s] || !avail_[v][s] || at_[u][s] >= 0) continue;
        const int busy = at_[v][s];
        if (busy >= 0) {
          if (Yieldable(busy, v)) consider(gain, p.weight - Cost(busy), k, s, busy);  // replace
          continue;
        }
        if (v_room) {
          if (free_[s] > 0) {
            consider(gain, p.weight + 1e9, k, s, -1);  // add: loses nothing
          } else if (bump[s] >= 0) {
            consider(gain, p.weight - Cost(bump[s]), k, s, bump[s]);  // bump
          }
        } else if (v_yield >= 0 && meetings_[v_yield].slot != s && free_[s] > 0) {
          consider(gain, p.weight - Cost(v_yield), k, s, v_yield);  // swap
        }
      }
    }
    if (best.gain < 2 && Augment(u)) return true;
    if (best.pair < 0) return false;
    if (best.drop >= 0) Release(best.drop);
    Add(best.pair, best.slot);
    return true;
  }

  // The augmenting move (as in matching): v's meeting with x goes; u meets v
  // and x meets w, who had none. Two people more, nobody less. The first
  // one found within a work budget is taken.
  bool Augment(int u) {
    long budget = 200000;
    for (int k : incident_[u]) {
      const auto& p = inst_.pairs[k];
      const int v = p.a == u ? p.b : p.a;
      if (cap_[v] <= 0 || used_.count(Key(u, v))) continue;
      for (int s0 = 0; s0 < slots_; ++s0) {
        const int m = at_[v][s0];
        if (m < 0 || meetings_[m].must) continue;
        const int x = Other(meetings_[m], v);
        for (int s = 0; s < slots_; ++s) {  // slot of u and v
          if (!avail_[u][s] || !avail_[v][s] || (s != s0 && at_[v][s] >= 0)) continue;
          for (int k2 : incident_[x]) {
            if (--budget < 0) return false;
            const auto& q = inst_.pairs[k2];
            const int w = q.a == x ? q.b : q.a;
            if (w == u || w == v || Count(w) != 0 || cap_[w] <= 0 || used_.count(Key(x, w))) continue;
            for (int t = 0; t < slots_; ++t) {  // slot of x and w
              if (!avail_[x][t] || !avail_[w][t] || (t != s0 && at_[x][t] >= 0)) continue;
              // Tables: the dropped meeting frees one in s0; (u,v) takes one in s, (x,w) one in t.
              auto left = [&](int z) { return free_[z] + (z == s0) - (z == s) - (z == t); };
              if (left(s) < 0 || left(t) < 0) continue;
              Release(m);
              Add(k, s);
              Add(k2, t);
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  const ScheduleInstance& inst_;
  std::vector<Meeting>& meetings_;
  int n_ = 0, slots_ = 0;
  std::vector<int> cap_, base_, own_, free_;
  std::vector<std::vector<uint8_t>> avail_;
  std::vector<std::vector<int>> at_;        // person x slot -> meeting index or -1
  std::vector<std::vector<int>> incident_;  // person -> pair indices
  std::vector<std::vector<int>> in_slot_;   // slot -> live meeting indices
  std::vector<uint8_t> alive_;
  std::unordered_set<uint64_t> used_;  // pairs that meet
};

}  // namespace

SpreadStats SpreadMeetings(const ScheduleInstance& inst, const std::vector<int>& base_count,
                           const std::vector<int>& free_tables, std::vector<Meeting>& meetings) {
  Spreader sp(inst, base_count, free_tables, meetings);
  SpreadStats st;
  st.covered_before = sp.Covered();
  st.moves = sp.Run();
  Spreader after(inst, base_count, free_tables, meetings);
  st.covered_after = after.Covered();
  return st;
}

}  // namespace verbinder::matching

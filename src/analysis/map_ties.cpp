#include "analysis/map_ties.h"

#include <algorithm>
#include <cstddef>

namespace verbinder::analysis {

TieSelection ChooseTies(const Graph& g, int64_t budget, int per_member) {
  const int32_t n = g.NodeCount();
  auto canonical = [&](int32_t v, int64_t e) {
    const int32_t u = g.adj[e];
    return u > v ? e : g.Slot(u, v);
  };
  TieSelection out;
  out.all = g.TieCount() <= budget;
  if (out.all) {
    for (int32_t v = 0; v < n; ++v)
      for (int64_t e = g.Begin(v); e < g.End(v); ++e)
        if (g.adj[e] > v) out.slots.push_back(e);
    return out;
  }
  std::vector<uint8_t> chosen(g.adj.size(), 0);
  std::vector<int64_t> slots;
  for (int32_t v = 0; v < n; ++v) {
    slots.clear();
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) slots.push_back(e);
    const size_t k = std::min<size_t>(slots.size(), static_cast<size_t>(std::max(per_member, 0)));
    std::partial_sort(slots.begin(), slots.begin() + static_cast<std::ptrdiff_t>(k), slots.end(),
                      [&](int64_t a, int64_t b) {
                        return g.weight[a] != g.weight[b] ? g.weight[a] > g.weight[b] : g.real[a] > g.real[b];
                      });
    for (size_t i = 0; i < k; ++i) {
      const int64_t c = canonical(v, slots[i]);
      if (!chosen[c]) {
        chosen[c] = 1;
        out.slots.push_back(c);
      }
    }
  }
  auto heavier = [&](int64_t a, int64_t b) { return g.weight[a] != g.weight[b] ? g.weight[a] > g.weight[b] : a < b; };
  if (static_cast<int64_t>(out.slots.size()) > budget) {
    std::nth_element(out.slots.begin(), out.slots.begin() + budget, out.slots.end(), heavier);
    out.slots.resize(static_cast<size_t>(budget));
  } else {
    std::vector<int64_t> real;
    for (int32_t v = 0; v < n; ++v)
      for (int64_t e = g.Begin(v); e < g.End(v); ++e)
        if (g.adj[e] > v && g.real[e] && !chosen[e]) real.push_back(e);
    const size_t room = static_cast<size_t>(budget) - out.slots.size();
    if (real.size() > room) {
      std::nth_element(real.begin(), real.begin() + static_cast<std::ptrdiff_t>(room), real.end(), heavier);
      real.resize(room);
    }
    out.slots.insert(out.slots.end(), real.begin(), real.end());
  }
  std::sort(out.slots.begin(), out.slots.end());
  return out;
}

}  // namespace verbinder::analysis

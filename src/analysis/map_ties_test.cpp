// ChooseTies (the leader's map at large sizes) against a brute-force selection
// on random graphs with distinct weights, so the expected set is unique.
#include "analysis/map_ties.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <utility>

namespace verbinder::analysis {
namespace {

// A random graph with distinct weights and about a third of the ties real.
Graph RandomGraph(int32_t n, int m, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int32_t> node(0, n - 1);
  std::set<std::pair<int32_t, int32_t>> seen;
  std::vector<Edge> edges;
  while (static_cast<int>(edges.size()) < m) {
    int32_t u = node(rng), v = node(rng);
    if (u == v || !seen.insert({std::min(u, v), std::max(u, v)}).second) continue;
    edges.push_back({u, v, 1.0 + static_cast<double>(edges.size()) * 0.001});
  }
  Graph g = GraphFromEdges(n, edges);
  for (int32_t v = 0; v < n; ++v)
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) {
      const int32_t u = g.adj[e];
      g.real[e] = (std::min(u, v) * 7 + std::max(u, v) * 3) % 3 == 0;
    }
  return g;
}

using Pair = std::pair<int32_t, int32_t>;

std::set<Pair> Pairs(const Graph& g, const std::vector<int64_t>& slots) {
  std::set<Pair> out;
  for (int64_t e : slots) {
    const int32_t u = g.adj[e];
    const auto it = std::upper_bound(g.offsets.begin(), g.offsets.end(), e);
    const int32_t v = static_cast<int32_t>(it - g.offsets.begin()) - 1;
    EXPECT_LT(v, u) << "a canonical slot lies in the lower node's list";
    out.insert({v, u});
  }
  return out;
}

// The rule written the slow way: every member's k heaviest, then real ties by weight.
std::set<Pair> Expected(const Graph& g, int64_t budget, int k) {
  std::set<Pair> first;
  for (int32_t v = 0; v < g.NodeCount(); ++v) {
    std::vector<std::pair<double, int32_t>> mine;
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) mine.push_back({-g.weight[e], g.adj[e]});
    std::sort(mine.begin(), mine.end());
    for (int i = 0; i < k && i < static_cast<int>(mine.size()); ++i)
      first.insert({std::min(v, mine[i].second), std::max(v, mine[i].second)});
  }
  auto weight = [&](const Pair& p) { return g.weight[g.Slot(p.first, p.second)]; };
  std::vector<Pair> ordered(first.begin(), first.end());
  std::sort(ordered.begin(), ordered.end(), [&](const Pair& a, const Pair& b) { return weight(a) > weight(b); });
  if (static_cast<int64_t>(ordered.size()) >= budget) return {ordered.begin(), ordered.begin() + budget};
  std::vector<Pair> real;
  for (int32_t v = 0; v < g.NodeCount(); ++v)
    for (int64_t e = g.Begin(v); e < g.End(v); ++e)
      if (g.adj[e] > v && g.real[e] && !first.count({v, g.adj[e]})) real.push_back({v, g.adj[e]});
  std::sort(real.begin(), real.end(), [&](const Pair& a, const Pair& b) { return weight(a) > weight(b); });
  std::set<Pair> out = first;
  for (const Pair& p : real) {
    if (static_cast<int64_t>(out.size()) >= budget) break;
    out.insert(p);
  }
  return out;
}

TEST(ChooseTiesTest, EveryTieWhenTheBudgetAllows) {
  Graph g = RandomGraph(60, 300, 1);
  TieSelection s = ChooseTies(g, 300, 3);
  EXPECT_TRUE(s.all);
  EXPECT_EQ(s.slots.size(), 300u);
  EXPECT_TRUE(std::is_sorted(s.slots.begin(), s.slots.end()));
  EXPECT_EQ(Pairs(g, s.slots).size(), 300u);
}

TEST(ChooseTiesTest, StrongestPerMemberThenStrongestRealMatchesBruteForce) {
  for (uint64_t seed : {2u, 3u, 4u}) {
    Graph g = RandomGraph(80, 600, seed);
    for (int64_t budget : {20, 150, 230, 599}) {
      for (int k : {1, 3}) {
        TieSelection s = ChooseTies(g, budget, k);
        EXPECT_FALSE(s.all);
        EXPECT_TRUE(std::is_sorted(s.slots.begin(), s.slots.end()));
        EXPECT_EQ(Pairs(g, s.slots), Expected(g, budget, k)) << "seed " << seed << " budget " << budget << " k " << k;
      }
    }
  }
}

}  // namespace
}  // namespace verbinder::analysis

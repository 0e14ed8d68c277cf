// Compiled as C++17 (see lemon_adapter.h for why).
#include "matching/schedule_exact_lemon.h"

#include <lemon/matching.h>
#include <lemon/smart_graph.h>

namespace verbinder::matching::internal {

BMatching MaxWeightBMatching(int num_nodes, const std::vector<int>& degree_cap,
                             const std::vector<WeightedEdge>& edges) {
  using Graph = lemon::SmartGraph;
  Graph g;
  std::vector<std::vector<Graph::Node>> copies(num_nodes);
  std::vector<uint8_t> used(num_nodes, 0);
  for (const WeightedEdge& e : edges) {
    if (e.weight > 0) used[e.u] = used[e.v] = 1;
  }
  for (int i = 0; i < num_nodes; ++i) {
    if (!used[i]) continue;
    for (int k = 0; k < degree_cap[i]; ++k) copies[i].push_back(g.addNode());
  }
  Graph::EdgeMap<int64_t> weight(g);
  std::vector<int> kept;
  std::vector<Graph::Node> x_of, y_of;
  int64_t base = 0;
  for (size_t k = 0; k < edges.size(); ++k) {
    const WeightedEdge& e = edges[k];
    if (e.weight <= 0 || copies[e.u].empty() || copies[e.v].empty()) continue;
    Graph::Node x = g.addNode(), y = g.addNode();
    weight[g.addEdge(x, y)] = e.weight;
    for (Graph::Node c : copies[e.u]) weight[g.addEdge(c, x)] = e.weight;
    for (Graph::Node c : copies[e.v]) weight[g.addEdge(y, c)] = e.weight;
    kept.push_back(static_cast<int>(k));
    x_of.push_back(x);
    y_of.push_back(y);
    base += e.weight;
  }
  BMatching out;
  if (kept.empty()) return out;
  lemon::MaxWeightedMatching<Graph, Graph::EdgeMap<int64_t>> m(g, weight);
  m.run();
  for (size_t j = 0; j < kept.size(); ++j) {
    Graph::Node mx = m.mate(x_of[j]), my = m.mate(y_of[j]);
    bool held = mx != lemon::INVALID && my != lemon::INVALID && mx != y_of[j];
    if (held) {
      out.chosen.push_back(kept[j]);
      out.value += edges[kept[j]].weight;
    }
  }
  return out;
}

}  // namespace verbinder::matching::internal

// Compiled as C++17 (see lemon_adapter.h for why).
#include "matching/lemon_adapter.h"

#include <lemon/matching.h>
#include <lemon/cost_scaling.h>
#include <lemon/smart_graph.h>

namespace verbinder::matching::internal {

std::vector<int> MaxWeightMatching(int num_nodes, const std::vector<WeightedEdge>& edges) {
  lemon::SmartGraph g;
  g.reserveNode(num_nodes);
  g.reserveEdge(static_cast<int>(edges.size()));
  for (int i = 0; i < num_nodes; ++i) g.addNode();
  std::vector<int> edge_index;
  edge_index.reserve(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    if (edges[i].weight <= 0) continue;
    g.addEdge(g.nodeFromId(edges[i].u), g.nodeFromId(edges[i].v));
    edge_index.push_back(static_cast<int>(i));
  }
  lemon::SmartGraph::EdgeMap<int64_t> weight(g);
  for (lemon::SmartGraph::EdgeIt e(g); e != lemon::INVALID; ++e) {
    weight[e] = edges[edge_index[g.id(e)]].weight;
  }
  lemon::MaxWeightedMatching<lemon::SmartGraph, lemon::SmartGraph::EdgeMap<int64_t>> m(g, weight);
  m.run();
  std::vector<int> chosen;
  for (lemon::SmartGraph::EdgeIt e(g); e != lemon::INVALID; ++e) {
    if (m.matching(e)) chosen.push_back(edge_index[g.id(e)]);
  }
  return chosen;
}

BMatchingLp SolveBMatchingLp(int num_nodes, const std::vector<int>& degree_cap, const std::vector<WeightedEdge>& edges,
                             int64_t total_cap) {
  using Digraph = lemon::SmartDigraph;
  Digraph d;
  d.reserveNode(2 * num_nodes + 3);
  d.reserveArc(static_cast<int>(2 * edges.size() + 2 * num_nodes + 2));
  Digraph::Node source = d.addNode();
  Digraph::Node hub = d.addNode();  // source -> hub carries the total-cap limit
  Digraph::Node sink = d.addNode();
  std::vector<Digraph::Node> out(num_nodes), in(num_nodes);
  for (int i = 0; i < num_nodes; ++i) {
    out[i] = d.addNode();
    in[i] = d.addNode();
  }
  Digraph::ArcMap<int64_t> upper(d), cost(d);
  int64_t supply = 0;
  for (int i = 0; i < num_nodes; ++i) supply += degree_cap[i];
  if (total_cap >= 0) supply = std::min<int64_t>(supply, 2 * total_cap);
  Digraph::Arc limit = d.addArc(source, hub);
  upper[limit] = supply;
  cost[limit] = 0;
  Digraph::Arc bypass = d.addArc(source, sink);  // unused supply flows here at cost 0
  upper[bypass] = supply;
  cost[bypass] = 0;
  for (int i = 0; i < num_nodes; ++i) {
    Digraph::Arc a = d.addArc(hub, out[i]);
    upper[a] = degree_cap[i];
    cost[a] = 0;
    a = d.addArc(in[i], sink);
    upper[a] = degree_cap[i];
    cost[a] = 0;
  }
  std::vector<Digraph::Arc> forward(edges.size()), backward(edges.size());
  for (size_t k = 0; k < edges.size(); ++k) {
    const WeightedEdge& e = edges[k];
    int64_t c = e.weight > 0 ? -e.weight : 0;
    forward[k] = d.addArc(out[e.u], in[e.v]);
    upper[forward[k]] = e.weight > 0 ? 1 : 0;
    cost[forward[k]] = c;
    backward[k] = d.addArc(out[e.v], in[e.u]);
    upper[backward[k]] = e.weight > 0 ? 1 : 0;
    cost[backward[k]] = c;
  }
  Digraph::NodeMap<int64_t> supplies(d, 0);
  supplies[source] = supply;
  supplies[sink] = -supply;
  lemon::CostScaling<Digraph, int64_t, int64_t> solver(d);
  solver.upperMap(upper).costMap(cost).supplyMap(supplies);
  BMatchingLp result;
  result.half_units.assign(edges.size(), 0);
  if (solver.run() != lemon::CostScaling<Digraph, int64_t, int64_t>::OPTIMAL) return result;
  result.twice_value = -solver.totalCost();
  for (size_t k = 0; k < edges.size(); ++k) {
    result.half_units[k] = static_cast<int8_t>(solver.flow(forward[k]) + solver.flow(backward[k]));
  }
  return result;
}

}  // namespace verbinder::matching::internal

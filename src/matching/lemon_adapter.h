// Thin, LEMON-free interface to the two LEMON algorithms the scheduler uses:
// maximum-weight matching (Edmonds' blossom, lemon/matching.h) and the LP
// relaxation of capacitated b-matching solved exactly as a min-cost flow on the
// bipartite double cover (lemon/cost_scaling.h: on the 10,000-attendee
// benchmark about 3x faster than lemon/network_simplex.h, same optimum).
//
//   std::vector<WeightedEdge> edges = {{0, 1, 5}, {1, 2, 7}};
//   std::vector<int> chosen = MaxWeightMatching(3, edges);   // -> {1}
//
// Why a separate file: LEMON 1.3.1 uses std::allocator::construct/destroy, which
// C++20 removed, so lemon_adapter.cpp alone is compiled as C++17 (see
// CMakeLists.txt). This header must therefore stay valid C++17.
// Thread-safety: the functions are reentrant; no shared state.
#pragma once

#include <cstdint>
#include <vector>

namespace verbinder::matching::internal {

// An undirected edge between nodes u != v with an integer weight (scaled units).
struct WeightedEdge {
  int u = 0;
  int v = 0;
  int64_t weight = 0;
};

// Indices into `edges` of a maximum-weight matching of the graph with nodes
// 0..num_nodes-1. Edges with weight <= 0 are never chosen.
std::vector<int> MaxWeightMatching(int num_nodes, const std::vector<WeightedEdge>& edges);

// Optimum of the LP   max sum w_e x_e
//                     s.t. sum_{e at i} x_e <= degree_cap[i],  0 <= x_e <= 1,
//                          sum_e x_e <= total_cap (ignored when total_cap < 0),
// solved exactly via a min-cost flow on the bipartite double cover (each node i
// split into i_out and i_in, each edge gives arcs u_out->v_in and v_out->u_in).
// The double-cover optimum is exactly twice the LP optimum, and the LP solution
// is half-integral: half_units[e] in {0, 1, 2} means x_e = half_units[e] / 2.
struct BMatchingLp {
  int64_t twice_value = 0;         // 2 * LP optimum, in the edges' weight units
  std::vector<int8_t> half_units;  // per edge
};
BMatchingLp SolveBMatchingLp(int num_nodes, const std::vector<int>& degree_cap, const std::vector<WeightedEdge>& edges,
                             int64_t total_cap);

}  // namespace verbinder::matching::internal

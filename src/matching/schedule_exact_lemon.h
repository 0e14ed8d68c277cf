// The exact pass's bound: maximum-weight simple b-matching (each edge at most
// once, node i in at most degree_cap[i] edges), solved exactly with LEMON's
// maximum-weight matching on the standard gadget graph. Used by
// schedule_exact.cpp at every branch-and-bound node.
//
//   BMatching m = MaxWeightBMatching(3, {1, 2, 1}, {{0, 1, 5}, {1, 2, 7}});  // both edges, 12
//
// Compiled as C++17 with LEMON (see lemon_adapter.h for why); this header must
// stay valid C++17. Thread-safety: reentrant, no shared state.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/lemon_adapter.h"

namespace verbinder::matching::internal {

struct BMatching {
  int64_t value = 0;        // sum of the chosen edges' weights
  std::vector<int> chosen;  // indices into `edges`
};

// Edges with weight <= 0 are never chosen. Each node i becomes degree_cap[i]
// copies; each edge uv becomes two nodes x, y with x-y, u_k-x and y-v_k (all
// of weight w): a matching holds u_k-x and y-v_k (2w) exactly when the
// b-matching holds uv, else at most one of them or x-y (w), so the matching
// optimum is sum(w) + the b-matching optimum.
BMatching MaxWeightBMatching(int num_nodes, const std::vector<int>& degree_cap, const std::vector<WeightedEdge>& edges);

}  // namespace verbinder::matching::internal

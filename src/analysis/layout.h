// Map layout computed server-side: 2-D positions for every member, so the web
// UI only draws. Force-directed (igraph's Fruchterman–Reingold; grid-accelerated
// repulsion above small_graph_limit members: 10,000 members in about half a
// second); positions are scaled into [0, 1000] x [0, 1000].
//
//   Layout layout = ComputeLayout(graph, {.seed = 1});
//   Draw(layout.x[v], layout.y[v]);
//
// Thread-safety: serialised on igraph's global RNG with an internal mutex.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/graph.h"

namespace verbinder::analysis {

struct LayoutOptions {
  uint64_t seed = 1;
  int32_t small_graph_limit = 1000;  // above this: grid-accelerated repulsion, 150 iterations
};

struct Layout {
  std::vector<double> x;
  std::vector<double> y;
};

Layout ComputeLayout(const Graph& graph, const LayoutOptions& options = {});

}  // namespace verbinder::analysis

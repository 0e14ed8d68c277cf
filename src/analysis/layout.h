// Map layout computed server-side: 2-D positions for every member, so the web
// UI only draws. Uses igraph's DrL (a force-directed layout built for large
// graphs, like ForceAtlas2) for big networks and Fruchterman–Reingold for small
// ones; positions are scaled into [0, 1000] x [0, 1000].
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
  int32_t small_graph_limit = 1000;  // up to this many members: Fruchterman–Reingold
};

struct Layout {
  std::vector<double> x;
  std::vector<double> y;
};

Layout ComputeLayout(const Graph& graph, const LayoutOptions& options = {});

}  // namespace verbinder::analysis

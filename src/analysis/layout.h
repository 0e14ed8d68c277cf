// Map layout computed server-side: 2-D positions for every member, so the web
// UI only draws. Our own multilevel force-directed layout:
//  - each connected component is coarsened level by level (members join the
//    neighbour they are most densely tied to, clusters capped at three times the
//    mean mass) down to at most 48 nodes;
//  - the coarsest level is laid out from random positions with exact forces;
//    each finer level starts at its cluster's position plus a little jitter,
//    drawn towards the clusters its ties lead to, and is refined for 8-12
//    iterations;
//  - forces are ForceAtlas2's without gravity (a tie pulls with its length; any
//    two members push with (deg_u + 1)(deg_v + 1) / distance), repulsion by a
//    Barnes–Hut quadtree (theta 1.2), step length by Hu's adaptive cooling;
//  - components are packed in rows, largest first; isolated members sit in a
//    grid beside them, none on the same point.
// Every tie pulls alike, whatever its weight. Cost: O((n log n + m) * iterations)
// summed over the levels: 10,000 members / 100,000 ties in about 0.1 s,
// 100,000 / 1,000,000 in about 0.9 s CPU on one core. Positions are scaled into
// [0, 1000] x [0, 1000] (aspect kept; n = 1 sits at the centre).
//
//   Layout layout = ComputeLayout(graph, {.seed = 1});
//   Draw(layout.x[v], layout.y[v]);
//
// Thread-safety: no shared state; any number of threads may call ComputeLayout
// at once. The result depends only on the graph and options.seed (not on
// options.threads).
#pragma once

#include <atomic>
#include <cstdint>
#include <stop_token>
#include <vector>

#include "analysis/graph.h"

namespace verbinder::analysis {

struct LayoutOptions {
  uint64_t seed = 1;     // same seed, same graph -> same positions (whatever `threads`)
  int threads = 0;       // for the force sums on large levels; <= 0: all cores
  std::stop_token stop;  // a requested stop ends the refinement early (positions then rough)
  // If set, read at each iteration instead of `threads`: the caller may raise it
  // while the layout runs (e.g. when other work frees a core). Same positions.
  const std::atomic<int>* threads_now = nullptr;
};

struct Layout {
  std::vector<double> x;
  std::vector<double> y;
};

Layout ComputeLayout(const Graph& graph, const LayoutOptions& options = {});

}  // namespace verbinder::analysis

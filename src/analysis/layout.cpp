#include "analysis/layout.h"

#include "analysis/igraph_lock.h"

#include <igraph/igraph.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace verbinder::analysis {

std::mutex& IgraphMutex() {
  static std::mutex m;
  return m;
}

Layout ComputeLayout(const Graph& g, const LayoutOptions& options) {
  const int32_t n = g.NodeCount();
  Layout out;
  out.x.assign(n, 500.0);
  out.y.assign(n, 500.0);
  if (n == 0) return out;
  std::lock_guard<std::mutex> lock(IgraphMutex());
  igraph_vector_int_t edges;
  igraph_vector_t weights;
  igraph_vector_int_init(&edges, 2 * g.TieCount());
  igraph_vector_init(&weights, g.TieCount());
  int64_t k = 0;
  for (int32_t u = 0; u < n; ++u)
    for (int64_t e = g.Begin(u); e < g.End(u); ++e) {
      if (g.adj[e] < u) continue;
      VECTOR(edges)[2 * k] = u;
      VECTOR(edges)[2 * k + 1] = g.adj[e];
      VECTOR(weights)[k] = g.weight[e];
      ++k;
    }
  igraph_t graph;
  igraph_create(&graph, &edges, n, IGRAPH_UNDIRECTED);
  igraph_matrix_t res;
  igraph_matrix_init(&res, n, 2);
  igraph_rng_seed(igraph_rng_default(), options.seed);
  // Fruchterman–Reingold; above small_graph_limit with igraph's grid for repulsion
  // (only nearby members push each other apart), which keeps it near-linear.
  const bool small = n <= options.small_graph_limit;
  igraph_layout_fruchterman_reingold(&graph, &res, false, small ? 500 : 150, std::sqrt(static_cast<double>(n)),
                                     small ? IGRAPH_LAYOUT_NOGRID : IGRAPH_LAYOUT_GRID, &weights, nullptr, nullptr,
                                     nullptr, nullptr);
  double minx = 1e300, maxx = -1e300, miny = 1e300, maxy = -1e300;
  for (int32_t v = 0; v < n; ++v) {
    out.x[v] = MATRIX(res, v, 0);
    out.y[v] = MATRIX(res, v, 1);
    minx = std::min(minx, out.x[v]); maxx = std::max(maxx, out.x[v]);
    miny = std::min(miny, out.y[v]); maxy = std::max(maxy, out.y[v]);
  }
  const double span = std::max({maxx - minx, maxy - miny, 1e-9});
  for (int32_t v = 0; v < n; ++v) {
    out.x[v] = (out.x[v] - minx) / span * 1000.0;
    out.y[v] = (out.y[v] - miny) / span * 1000.0;
  }
  igraph_matrix_destroy(&res);
  igraph_destroy(&graph);
  igraph_vector_int_destroy(&edges);
  igraph_vector_destroy(&weights);
  return out;
}

}  // namespace verbinder::analysis

#include "analysis/community.h"

#include "analysis/igraph_lock.h"

#include <igraph/igraph.h>

#include <cmath>
#include <map>
#include <mutex>
#include <unordered_map>

namespace verbinder::analysis {
std::mutex& IgraphMutex() {
  static std::mutex m;
  return m;
}

namespace {

// Above this many members the Louvain+Leiden second opinion is skipped: it
// matters on small graphs (it closes the gap to greedy modularity there) and
// costs ~5x a single Leiden run; on large ones Leiden alone matches igraph's.
constexpr int32_t kLouvainRefineLimit = 2000;

// Renumbers labels 0.. in order of first appearance.
int32_t Renumber(std::vector<int32_t>& labels) {
  std::unordered_map<int32_t, int32_t> map;
  for (int32_t& x : labels) {
    auto [it, inserted] = map.emplace(x, static_cast<int32_t>(map.size()));
    x = it->second;
  }
  return static_cast<int32_t>(map.size());
}

}  // namespace

double Modularity(const Graph& g, const std::vector<int32_t>& membership, double gamma) {
  const int32_t n = g.NodeCount();
  double total = 0;  // 2W
  int32_t k = 0;
  for (int32_t v = 0; v < n; ++v) {
    total += g.strength[v];
    k = std::max(k, membership[v] + 1);
  }
  if (total <= 0) return 0.0;
  std::vector<double> inside(k, 0.0), strength(k, 0.0);
  for (int32_t v = 0; v < n; ++v) {
    strength[membership[v]] += g.strength[v];
    for (int64_t e = g.Begin(v); e < g.End(v); ++e)
      if (membership[g.adj[e]] == membership[v]) inside[membership[v]] += g.weight[e];  // counted twice
  }
  double q = 0;
  for (int32_t c = 0; c < k; ++c) q += inside[c] / total - gamma * (strength[c] / total) * (strength[c] / total);
  return q;
}

Communities DetectCommunities(const Graph& g, const CommunityOptions& options) {
  Communities result;
  const int32_t n = g.NodeCount();
  result.membership.resize(n);
  if (g.TieCount() == 0) {
    for (int32_t v = 0; v < n; ++v) result.membership[v] = v;
    result.count = n;
    return result;
  }
  std::lock_guard<std::mutex> lock(IgraphMutex());
  igraph_vector_int_t edges;
  igraph_vector_t weights, node_weights;
  igraph_vector_int_init(&edges, 2 * g.TieCount());
  igraph_vector_init(&weights, g.TieCount());
  igraph_vector_init(&node_weights, n);
  int64_t k = 0;
  double total = 0;
  for (int32_t u = 0; u < n; ++u) {
    VECTOR(node_weights)[u] = g.strength[u];
    total += g.strength[u];
    for (int64_t e = g.Begin(u); e < g.End(u); ++e) {
      if (g.adj[e] < u) continue;
      VECTOR(edges)[2 * k] = u;
      VECTOR(edges)[2 * k + 1] = g.adj[e];
      VECTOR(weights)[k] = g.weight[e];
      ++k;
    }
  }
  igraph_t graph;
  igraph_create(&graph, &edges, n, IGRAPH_UNDIRECTED);
  igraph_vector_int_t membership;
  igraph_vector_int_init(&membership, n);
  double best_q = -2;
  for (int r = 0; r < std::max(1, options.restarts); ++r) {
    igraph_rng_seed(igraph_rng_default(), options.seed + static_cast<uint64_t>(r));
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    igraph_community_leiden(&graph, &weights, &node_weights, options.resolution / total, 0.01,
                            /*start=*/false, /*n_iterations=*/-1, &membership, &clusters, &quality);
    std::vector<int32_t> labels(n);
    for (int32_t v = 0; v < n; ++v) labels[v] = static_cast<int32_t>(VECTOR(membership)[v]);
    Renumber(labels);
    double q = Modularity(g, labels);
    if (q > best_q) {
      best_q = q;
      result.membership = std::move(labels);
    }
  }
  if (n <= kLouvainRefineLimit) {
    // Louvain (multilevel) refined by Leiden from its partition: sometimes finds
    // a better optimum than Leiden from singletons; keep whichever is best.
    igraph_rng_seed(igraph_rng_default(), options.seed);
    igraph_vector_int_t levels;
    igraph_vector_int_init(&levels, 0);
    igraph_community_multilevel(&graph, &weights, options.resolution, &membership, nullptr, nullptr);
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    igraph_community_leiden(&graph, &weights, &node_weights, options.resolution / total, 0.01,
                            /*start=*/true, /*n_iterations=*/5, &membership, &clusters, &quality);
    igraph_vector_int_destroy(&levels);
    std::vector<int32_t> labels(n);
    for (int32_t v = 0; v < n; ++v) labels[v] = static_cast<int32_t>(VECTOR(membership)[v]);
    Renumber(labels);
    double q = Modularity(g, labels);
    if (q > best_q) {
      best_q = q;
      result.membership = std::move(labels);
    }
  }
  igraph_vector_int_destroy(&membership);
  igraph_destroy(&graph);
  igraph_vector_int_destroy(&edges);
  igraph_vector_destroy(&weights);
  igraph_vector_destroy(&node_weights);
  result.count = Renumber(result.membership);
  result.modularity = Modularity(g, result.membership);
  return result;
}

double NormalizedMutualInformation(const std::vector<int32_t>& a, const std::vector<int32_t>& b) {
  const double n = static_cast<double>(a.size());
  if (a.empty()) return 1.0;
  std::map<std::pair<int32_t, int32_t>, double> joint;
  std::map<int32_t, double> pa, pb;
  for (size_t i = 0; i < a.size(); ++i) {
    joint[{a[i], b[i]}] += 1;
    pa[a[i]] += 1;
    pb[b[i]] += 1;
  }
  auto entropy = [n](const std::map<int32_t, double>& p) {
    double h = 0;
    for (const auto& [k, c] : p) h -= c / n * std::log(c / n);
    return h;
  };
  double mi = 0;
  for (const auto& [key, c] : joint) mi += c / n * std::log(c * n / (pa[key.first] * pb[key.second]));
  const double ha = entropy(pa), hb = entropy(pb);
  if (ha + hb == 0) return 1.0;
  return 2 * mi / (ha + hb);
}

}  // namespace verbinder::analysis

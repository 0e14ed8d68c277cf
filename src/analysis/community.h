// Communities on the weighted graph: our own Leiden (Traag, Waltman & van Eck
// 2019) optimising modularity, and weighted modularity of any partition.
//
//   Communities c = DetectCommunities(graph, {.seed = 7});
//   double q = Modularity(graph, c.membership);   // == c.modularity
//
// Leiden here: fast local moving with a queue, greedy refinement inside each
// community (a node merges only into a refined community it is tied to, so
// every community stays connected), aggregation on the refined partition,
// repeated from the last partition until it no longer changes. Flat CSR arrays,
// weighted, deterministic for a seed whatever the thread count: restarts run
// with seeds seed, seed+1, ... spread over the threads, and the best modularity
// wins (ties go to the lowest restart).
//
// Thread-safety: no shared state; may be called from any thread.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/graph.h"

namespace verbinder::analysis {

struct CommunityOptions {
  uint64_t seed = 42;
  double resolution = 1.0;  // gamma in Q = sum_c [w_c / W - gamma (S_c / 2W)^2]
  int restarts = 1;         // independent Leiden runs; the best modularity is kept
  int threads = 0;          // restarts run in parallel on this many threads (0 = all cores)
};

struct Communities {
  std::vector<int32_t> membership;  // per node; numbered by first node, 0..count-1
  int32_t count = 0;
  double modularity = 0;  // weighted, resolution 1
};

Communities DetectCommunities(const Graph& graph, const CommunityOptions& options = {});

// Weighted modularity (resolution gamma) of a partition; 0 for a graph without ties.
double Modularity(const Graph& graph, const std::vector<int32_t>& membership, double gamma = 1.0);

// True if every community induces a connected subgraph (a Leiden guarantee).
bool CommunitiesConnected(const Graph& graph, const std::vector<int32_t>& membership);

// Normalised mutual information (arithmetic mean normalisation, as scikit-learn's
// default) between two labelings of the same nodes.
double NormalizedMutualInformation(const std::vector<int32_t>& a, const std::vector<int32_t>& b);

}  // namespace verbinder::analysis

// Communities on the weighted graph: Leiden optimising modularity (via the
// igraph C library), and weighted modularity of any partition.
//
//   Communities c = DetectCommunities(graph, {.seed = 7});
//   double q = Modularity(graph, c.membership);   // == c.modularity
//
// Thread-safety: DetectCommunities serialises its use of igraph's global random
// number generator with an internal mutex, so it may be called from any thread.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/graph.h"

namespace verbinder::analysis {

struct CommunityOptions {
  uint64_t seed = 42;
  double resolution = 1.0;  // gamma in Q = sum_c [w_c / W - gamma (S_c / 2W)^2]
  int restarts = 1;         // independent Leiden runs; the best modularity is kept
};

struct Communities {
  std::vector<int32_t> membership;  // per node; numbered by first node, 0..count-1
  int32_t count = 0;
  double modularity = 0;            // weighted, resolution 1
};

Communities DetectCommunities(const Graph& graph, const CommunityOptions& options = {});

// Weighted modularity (resolution gamma) of a partition; 0 for a graph without ties.
double Modularity(const Graph& graph, const std::vector<int32_t>& membership, double gamma = 1.0);

// Normalised mutual information (arithmetic mean normalisation, as scikit-learn's
// default) between two labelings of the same nodes.
double NormalizedMutualInformation(const std::vector<int32_t>& a, const std::vector<int32_t>& b);

}  // namespace verbinder::analysis

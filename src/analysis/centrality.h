// Shortest-path betweenness: exact (Brandes, parallel over sources) and
// approximate (Riondato–Kornaropoulos path sampling with balanced bidirectional
// BFS, parallel over samples) for networks too big for exact.
//
//   std::vector<double> b = ExactBetweenness(graph, /*threads=*/2);
//   ApproxBetweenness a = ApproximateBetweenness(graph, {.epsilon = 0.01, .delta = 0.1});
//   // with probability >= 1 - delta: |a.values[v] - b[v]| <= a.guarantee for every v
//
// Values are unweighted, normalised as NetworkX does for undirected graphs:
// sum over unordered pairs {s,t} (s,t != v) of sigma_st(v)/sigma_st, divided by
// (n-1)(n-2)/2. Thread-safety: pure functions of a const Graph.
#pragma once

#include <cstdint>
#include <stop_token>
#include <vector>

#include "analysis/graph.h"

namespace verbinder::analysis {

// A requested `stop` ends the work early; the values are then incomplete.
std::vector<double> ExactBetweenness(const Graph& graph, int threads = 0, std::stop_token stop = {});

struct ApproxBetweennessOptions {
  double epsilon = 0.01;  // additive error bound on the Riondato–Kornaropoulos scale (/ n(n-1))
  double delta = 0.1;     // failure probability
  uint64_t seed = 42;
  int threads = 0;
  std::stop_token stop;  // a requested stop ends sampling early (values then incomplete)
};

struct ApproxBetweenness {
  std::vector<double> values;   // NetworkX-normalised estimates
  int64_t samples = 0;          // shortest paths sampled
  int32_t vertex_diameter = 0;  // upper bound used for the sample size
  // With probability >= 1 - delta, every |estimate - exact| <= guarantee
  // (epsilon converted to the NetworkX normalisation: epsilon * n / (n - 2)).
  double guarantee = 0;
};

// Deterministic for a given seed, whatever the thread count.
ApproxBetweenness ApproximateBetweenness(const Graph& graph, const ApproxBetweennessOptions& options = {});

}  // namespace verbinder::analysis

// Shortest-path betweenness: exact (Brandes, parallel over sources) and
// approximate (Riondato–Kornaropoulos path sampling with balanced bidirectional
// BFS, parallel over samples) for networks too big for exact.
//
// The approximation is staged (when the R–K size is large): a pilot of about
// 1/24 of the R–K size, from its own stream, picks a first-stage size m and
// splits delta1 = 0.9 delta over the members (more to those whose pilot rate
// is near 1/2). Each member's count in m samples is Binomial(m, b_v), b_v its
// betweenness on the R–K scale, so the Chernoff (KL) interval
// {q : m KL(b^_v || q) <= ln(2 / delta_v)} holds b_v with probability
// >= 1 - delta_v. If every interval lies within epsilon of its estimate, the
// m-sample estimate is returned; otherwise sampling goes on to the R–K size for
// delta2 = 0.1 delta. Failure probability <= delta1 + delta2 = delta (union
// bound; the pilot only chooses m and the shares, from independent samples).
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
  std::stop_token stop;       // a requested stop ends sampling early (values then incomplete)
  bool staged = true;         // false: the plain R–K sample size for delta
  int64_t stage_samples = 0;  // tests: a first stage of this size instead of the planned one
};

struct ApproxBetweenness {
  std::vector<double> values;   // NetworkX-normalised estimates
  int64_t samples = 0;          // shortest paths the estimates are over
  int64_t pilot_samples = 0;    // paths sampled to plan the stage (not in the estimates)
  int32_t vertex_diameter = 0;  // upper bound used for the sample size
  // With probability >= 1 - delta, every |estimate - exact| <= guarantee
  // (epsilon converted to the NetworkX normalisation: epsilon * n / (n - 2)).
  double guarantee = 0;
};

// Deterministic for a given seed, whatever the thread count.
ApproxBetweenness ApproximateBetweenness(const Graph& graph, const ApproxBetweennessOptions& options = {});

}  // namespace verbinder::analysis

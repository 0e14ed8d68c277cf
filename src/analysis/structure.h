// Structural metrics of the network and its members: components, k-cores,
// Burt's constraint and effective size, Gould–Fernandez brokerage (undirected
// variant), and the group measures (density, E-I index, sector assortativity).
//
//   Components comps = ConnectedComponents(graph);
//   std::vector<int32_t> core = CoreNumbers(graph);
//   LocalStructure local = ComputeLocalStructure(graph, /*threads=*/2);
//   GroupMetrics groups = ComputeGroupMetrics(graph);
//
// Definitions follow NetworkX 2.8 (see issue 5); all are on the unweighted graph.
// Undefined values (isolated members, no ties) are NaN.
// Thread-safety: pure functions of a const Graph.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/graph.h"

namespace verbinder::analysis {

struct Components {
  int32_t count = 0;
  std::vector<int32_t> label;  // per node, 0..count-1, numbered in order of first node
  std::vector<int32_t> size;   // per component
};
Components ConnectedComponents(const Graph& graph);

// k-core number per node (Batagelj–Zaversnik, O(m)).
std::vector<int32_t> CoreNumbers(const Graph& graph);

// Open two-paths a–v–b (a, b not tied) through each member v, by sector pattern.
struct Brokerage {
  int64_t coordinator = 0;     // a, v, b all in one sector
  int64_t consultant = 0;      // a and b share a sector, v is from another
  int64_t representative = 0;  // v shares its sector with exactly one of a, b
  int64_t liaison = 0;         // three different sectors
  int64_t Total() const { return coordinator + consultant + representative + liaison; }
};

struct LocalStructure {
  std::vector<double> constraint;      // Burt's constraint; NaN for isolated members
  std::vector<double> effective_size;  // Burt's effective size; NaN for isolated members
  std::vector<int64_t> triangles;      // ties among each member's contacts
  std::vector<Brokerage> brokerage;
};
// One pass over all triangles (degree-ordered, parallel) computes all of it.
LocalStructure ComputeLocalStructure(const Graph& graph, int threads = 0);

struct GroupMetrics {
  double density = 0;
  double ei_index = 0;              // NaN without ties
  std::vector<double> sector_ei;    // per Graph::sector_names entry; NaN if no tie touches it
  double sector_assortativity = 0;  // NaN when undefined (as NetworkX)
  double real_tie_share = 0;        // NaN without ties
  int64_t external_ties = 0;
  int64_t internal_ties = 0;
};
GroupMetrics ComputeGroupMetrics(const Graph& graph);

}  // namespace verbinder::analysis

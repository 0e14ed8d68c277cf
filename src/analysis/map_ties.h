// Which ties a drawn map shows when a network is too large to draw every tie:
// per member its strongest few, then the strongest real (face-to-face) ties,
// up to a budget. Used by the leader's map (network_insights) and testable on
// its own.
//
//   TieSelection s = ChooseTies(graph, /*budget=*/40000, /*per_member=*/3);
//   for (int64_t e : s.slots) Draw(v_of(e), graph.adj[e]);   // canonical slots
//
// Thread-safety: a pure function of a const Graph.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/graph.h"

namespace verbinder::analysis {

struct TieSelection {
  // Canonical adjacency slots (the slot in the lower node's list, so
  // graph.adj[e] > owner), sorted ascending: each chosen tie once.
  std::vector<int64_t> slots;
  bool all = false;  // every tie of the graph was chosen (budget >= ties)
};

// Per node its `per_member` heaviest ties (ties broken by realness), then the
// heaviest real ties not yet chosen, at most `budget` in all; if the first
// step alone exceeds the budget, its heaviest `budget` (ties broken by slot).
// With budget >= the graph's ties: every tie. budget >= 0, per_member >= 0.
TieSelection ChooseTies(const Graph& graph, int64_t budget, int per_member);

}  // namespace verbinder::analysis

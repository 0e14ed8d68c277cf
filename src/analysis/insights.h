// Findings from the ledger side of the network: online ties that never went
// offline (per sector pair), fading members, and each event's yield in new
// ties and new cross-sector real ties.
//
//   auto pairs = OnlineOnlyBySectorPair(graph);
//   auto fading = FadingMembers(graph, LatestDay(graph), /*fading_days=*/180);
//   auto events = ComputeEventYield(input, graph, options.as_of, options.with_attendance);
//
// Thread-safety: pure functions.
#pragma once

#include <vector>

#include "analysis/graph.h"
#include "analysis/input.h"
#include "analysis/report.h"

namespace verbinder::analysis {

// Sector pairs (a <= b) that have at least one tie, sorted by online_only descending.
std::vector<OnlineOnlyPair> OnlineOnlyBySectorPair(const Graph& graph);

// The latest dated interaction in the graph, or kNoDate.
Day LatestDay(const Graph& graph);

// Members whose latest dated interaction is more than fading_days before
// `reference`, longest inactive first. Members without dated interactions are
// not fading (nothing is known); isolated members are reported separately.
std::vector<FadingMember> FadingMembers(const Graph& graph, Day reference, int fading_days);

// Per event (ties rows with an `event`, and attendance): in ledger order (by
// date, undated rows first, then file order) a pair's first interaction makes
// a new tie at its event, its first face-to-face interaction a new real tie.
// Only tie rows are interactions: attendance adds to `attendees` and dates the
// event, but being there together is not meeting there (issue 14) — unless
// with_attendance, where every pair at the event met there (as before).
// Rows after as_of are ignored. `graph` supplies member ids → sectors. Events
// are sorted by date, then name.
std::vector<EventYield> ComputeEventYield(const NetworkInput& input, const Graph& graph, Day as_of,
                                          bool with_attendance = false);

}  // namespace verbinder::analysis

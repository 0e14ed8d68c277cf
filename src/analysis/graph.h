// The immutable, undirected, weighted graph every metric runs on: members are
// nodes 0..n-1 (in input order), ties are merged per pair and stored in CSR
// form (each tie twice, neighbours sorted by node index).
//
// Ties come from tie rows (ties.csv, ledger interactions) only. Attendance is
// co-attendance — context, not a tie: by default it only adds members (when no
// member list was given) and the per-tie co_attendance count. Only with
// GraphOptions::with_attendance does it become met_at_event ties (the projection
// below), counted as real.
//
//   Result<Graph> g = BuildGraph(input, {.real_only = true});
//   for (int32_t v = 0; v < g->NodeCount(); ++v)
//     for (int64_t e = g->Begin(v); e < g->End(v); ++e) Visit(g->adj[e], g->weight[e]);
//
// Thread-safety: a built Graph is never modified, so any number of threads may
// read it concurrently.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/input.h"
#include "util/status.h"

namespace verbinder::analysis {

struct GraphOptions {
  bool real_only = false;  // keep only ties that met face to face (and only their real rows)
  Day as_of = kNoDate;     // drop rows dated after this day (undated rows always count)
  // false (default): attendance rows never become ties. true: every pair at an
  // event becomes a real met_at_event tie as below (the user asked for it).
  bool with_attendance = false;
};

// With GraphOptions::with_attendance, how attendance becomes ties: every pair of
// members at an event with k attendees gets a met_at_event tie of weight
// KindWeight(met_at_event) / (k - 1) (Newman's collaboration weighting: a
// member's total weight from one event is 2, however big), counted as real.
inline constexpr double kAttendancePairScale = 1.0;

struct Graph {
  // Nodes.
  std::vector<std::string> ids;
  std::vector<std::string> names;
  std::vector<int32_t> sector;            // index into sector_names
  std::vector<std::string> sector_names;  // sorted, distinct
  std::vector<std::string> attribute_names;
  std::vector<std::vector<std::string>> attributes;  // per node, per attribute_names
  std::vector<double> strength;                      // sum of tie weights per node
  std::vector<Day> last_active;                      // latest dated interaction per node (kNoDate if none)
  std::unordered_map<std::string, int32_t> index;    // id -> node

  // Ties, CSR: node v's slots are [offsets[v], offsets[v+1]).
  std::vector<int64_t> offsets;
  std::vector<int32_t> adj;
  std::vector<double> weight;
  std::vector<uint8_t> real;   // 1 if the pair ever met face to face
  std::vector<Day> last_date;  // latest dated interaction of the pair
  // Per slot: the number of events the pair attended together (attendance rows
  // up to as_of). Empty when the input had no attendance: read it through
  // CoAttendance(), which is 0 then.
  std::vector<int32_t> co_attendance;

  int32_t NodeCount() const { return static_cast<int32_t>(ids.size()); }
  int64_t TieCount() const { return static_cast<int64_t>(adj.size() / 2); }
  int64_t Begin(int32_t v) const { return offsets[v]; }
  int64_t End(int32_t v) const { return offsets[v + 1]; }
  int32_t Degree(int32_t v) const { return static_cast<int32_t>(offsets[v + 1] - offsets[v]); }
  std::span<const int32_t> Neighbors(int32_t v) const {
    return {adj.data() + offsets[v], static_cast<size_t>(Degree(v))};
  }
  // True if u and v are tied (binary search in u's sorted neighbours).
  bool HasTie(int32_t u, int32_t v) const;
  // Slot of the tie u->v, or -1.
  int64_t Slot(int32_t u, int32_t v) const;
  // Events the pair of slot e attended together (0 without attendance).
  int32_t CoAttendance(int64_t e) const { return co_attendance.empty() ? 0 : co_attendance[e]; }
};

// Builds the graph. Errors (InvalidArgument, naming file and line): a tie or
// attendance row naming an unknown member (when members were given), a self-loop.
// Attendance is validated and (without a member list) implies members whether
// or not options.with_attendance makes ties of it.
Result<Graph> BuildGraph(const NetworkInput& input, const GraphOptions& options = {});

// A plain edge (u < v not required; duplicates add up), for generators and tests.
struct Edge {
  int32_t u;
  int32_t v;
  double weight = 1.0;
};
// Builds a graph with nodes "0".."n-1", the given sector per node (or all "" if
// empty) and the edges. Self-loops are dropped. For benchmarks and tests.
Graph GraphFromEdges(int32_t n, const std::vector<Edge>& edges, const std::vector<std::string>& sectors = {});

}  // namespace verbinder::analysis

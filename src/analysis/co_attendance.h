// Co-attendance: members at the same event (checked in, registered). Being
// there together is context, not a tie — never real, never in the tie metrics,
// unless GraphOptions::with_attendance asks for it (issue 14). This file
// indexes attendance per event and per member, and sums it up for the report:
// how many pairs attended together, how many of them also have a tie
// (evidence), how many of those ties are real, and how many pairs have no tie
// at all (they may have met, but nobody knows of it).
//
//   AttendanceIndex at = IndexAttendance(input, graph.index, graph.NodeCount(), as_of);
//   CoAttendance c = SummarizeCoAttendance(at, ties_graph);  // ties_graph: tie rows only
//
// Cost: indexing is O(attendance rows) and O(members + attendance) memory.
// Distinct pairs are enumerated with one marker per member: O(members) memory
// and O(sum over events of k(k-1)/2) steps for events of k attendees — a
// congress of 2,000 is 2 M steps, nothing is stored per pair. Above
// kCoAttendanceExactPairSteps steps (one event of ~20,000 attendees) nothing is
// enumerated: `pairs` is then the upper bound min(steps, attendees choose 2),
// `pairs_without_tie` follows from it (exact = false), and the per-member
// counts are left out. pairs_with_tie and pairs_with_real_tie are always exact:
// they are counted over the ties (Graph::co_attendance, a merge of the two
// members' sorted event lists; 4 bytes per tie slot, only with attendance).
// Thread-safety: pure functions; the records are plain values.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/graph.h"
#include "analysis/input.h"

namespace verbinder::analysis {

// Attendance resolved to graph nodes, both ways, in CSR form: event e's
// distinct attendees (sorted by node) and node v's events (sorted by event).
// Events are numbered in first-seen order of the attendance rows kept.
struct AttendanceIndex {
  std::vector<int64_t> event_offsets{0};
  std::vector<int32_t> event_members;
  std::vector<int64_t> member_offsets;  // NodeCount() + 1 entries
  std::vector<int32_t> member_events;

  int32_t EventCount() const { return static_cast<int32_t>(event_offsets.size() - 1); }
  std::span<const int32_t> Attendees(int32_t e) const {
    return {event_members.data() + event_offsets[e], static_cast<size_t>(event_offsets[e + 1] - event_offsets[e])};
  }
  std::span<const int32_t> EventsOf(int32_t v) const {
    return {member_events.data() + member_offsets[v], static_cast<size_t>(member_offsets[v + 1] - member_offsets[v])};
  }
  // Number of events both u and v attended (merge of two sorted lists).
  int32_t Shared(int32_t u, int32_t v) const;
};

// Indexes input.attendance over the nodes of `index` (node_count of them): each
// member counts once per event; rows dated after as_of and ids not in `index`
// are left out (BuildGraph has rejected or added those already).
AttendanceIndex IndexAttendance(const NetworkInput& input, const std::unordered_map<std::string, int32_t>& index,
                                int32_t node_count, Day as_of);

// Fills graph->co_attendance: per slot, the events the pair attended together.
// Leaves it empty when `attendance` has no events.
void CountCoAttendancePerTie(const AttendanceIndex& attendance, Graph* graph);

// Enumerating distinct pairs stops being worth it above this many steps (the
// sum over events of k(k-1)/2); see the file comment.
inline constexpr int64_t kCoAttendanceExactPairSteps = 200'000'000;

// The report's co_attendance section. "Tie" means a tie from tie rows (ledger
// interactions, ties.csv; all kinds, up to as_of), never a projected one.
struct CoAttendance {
  int64_t events = 0;               // events with at least one attendee
  int64_t attendees = 0;            // distinct members with attendance
  int64_t pairs = 0;                // distinct member pairs at one event or more together
  int64_t pairs_with_tie = 0;       // ... that also have a tie: evidence they know each other
  int64_t pairs_with_real_tie = 0;  // ... whose tie is real (met face to face)
  int64_t pairs_without_tie = 0;    // ... without any tie: met nobody knows of
  bool exact = true;                // false: pairs, pairs_without_tie are upper bounds
  bool counted_as_ties = false;     // with_attendance: the metrics also count the pairs as ties
  // Per node (input order), when exact: how many members it attended an event
  // with, and how many of those it has no tie with. Empty when not exact.
  std::vector<int32_t> co_attendees;
  std::vector<int32_t> co_attendees_without_tie;
};

// Sums up co-attendance against `ties`: a graph over the same nodes as the
// index, built from tie rows only (GraphOptions::with_attendance false, not
// real_only) and with its co_attendance counts filled. max_pair_steps: see
// kCoAttendanceExactPairSteps.
CoAttendance SummarizeCoAttendance(const AttendanceIndex& attendance, const Graph& ties,
                                   int64_t max_pair_steps = kCoAttendanceExactPairSteps);

}  // namespace verbinder::analysis

#include "analysis/co_attendance.h"

#include <algorithm>
#include <utility>

namespace verbinder::analysis {

int32_t AttendanceIndex::Shared(int32_t u, int32_t v) const {
  auto a = EventsOf(u), b = EventsOf(v);
  int32_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j])
      ++i;
    else if (b[j] < a[i])
      ++j;
    else
      ++shared, ++i, ++j;
  }
  return shared;
}

AttendanceIndex IndexAttendance(const NetworkInput& input, const std::unordered_map<std::string, int32_t>& index,
                                int32_t node_count, Day as_of) {
  std::unordered_map<std::string, int32_t> event_index;
  std::vector<std::pair<int32_t, int32_t>> rows;  // (event, node)
  rows.reserve(input.attendance.size());
  for (const auto& a : input.attendance) {
    if (as_of != kNoDate && a.date != kNoDate && a.date > as_of) continue;
    auto m = index.find(a.member);
    if (m == index.end()) continue;
    auto ev = event_index.emplace(a.event, static_cast<int32_t>(event_index.size())).first;
    rows.emplace_back(ev->second, m->second);
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());

  AttendanceIndex at;
  const auto events = static_cast<int32_t>(event_index.size());
  at.event_offsets.assign(events + 1, 0);
  at.member_offsets.assign(node_count + 1, 0);
  for (const auto& [e, m] : rows) {
    ++at.event_offsets[e + 1];
    ++at.member_offsets[m + 1];
  }
  for (int32_t e = 0; e < events; ++e) at.event_offsets[e + 1] += at.event_offsets[e];
  for (int32_t v = 0; v < node_count; ++v) at.member_offsets[v + 1] += at.member_offsets[v];
  // Rows are sorted by (event, node): the attendee lists come out sorted, and
  // filling the member lists in row order leaves each one sorted by event.
  at.event_members.resize(rows.size());
  at.member_events.resize(rows.size());
  std::vector<int64_t> fill(at.member_offsets.begin(), at.member_offsets.end() - 1);
  for (size_t i = 0; i < rows.size(); ++i) {
    at.event_members[i] = rows[i].second;
    at.member_events[fill[rows[i].second]++] = rows[i].first;
  }
  return at;
}

void CountCoAttendancePerTie(const AttendanceIndex& attendance, Graph* g) {
  g->co_attendance.clear();
  if (attendance.EventCount() == 0) return;
  g->co_attendance.assign(g->adj.size(), 0);
  for (int32_t u = 0; u < g->NodeCount(); ++u) {
    if (attendance.EventsOf(u).empty()) continue;
    for (int64_t e = g->Begin(u); e < g->End(u); ++e) {
      const int32_t v = g->adj[e];
      if (v < u) continue;
      const int32_t shared = attendance.Shared(u, v);
      if (shared == 0) continue;
      g->co_attendance[e] = shared;
      g->co_attendance[g->Slot(v, u)] = shared;
    }
  }
}

CoAttendance SummarizeCoAttendance(const AttendanceIndex& attendance, const Graph& ties, int64_t max_pair_steps) {
  CoAttendance c;
  const int32_t n = ties.NodeCount();
  c.events = attendance.EventCount();
  int64_t steps = 0;
  for (int32_t e = 0; e < attendance.EventCount(); ++e) {
    const auto k = static_cast<int64_t>(attendance.Attendees(e).size());
    steps += k * (k - 1) / 2;
  }
  for (int32_t v = 0; v < n; ++v) c.attendees += !attendance.EventsOf(v).empty();
  // Evidence, exact whatever the size: ties whose pair attended an event together.
  for (int32_t u = 0; u < n; ++u)
    for (int64_t e = ties.Begin(u); e < ties.End(u); ++e) {
      if (ties.adj[e] < u || ties.CoAttendance(e) == 0) continue;
      ++c.pairs_with_tie;
      c.pairs_with_real_tie += ties.real[e] != 0;
    }
  if (steps > max_pair_steps) {
    c.exact = false;
    c.pairs = std::min(steps, c.attendees * (c.attendees - 1) / 2);
    c.pairs_without_tie = c.pairs - c.pairs_with_tie;
    return c;
  }
  // Each member u meets its co-attendees v > u event by event; seen[v] == u
  // marks v as counted for u, tied[v] == u marks v as a tie of u.
  std::vector<int32_t> seen(n, -1), tied(n, -1);
  c.co_attendees.assign(n, 0);
  c.co_attendees_without_tie.assign(n, 0);
  for (int32_t u = 0; u < n; ++u) {
    const auto events = attendance.EventsOf(u);
    if (events.empty()) continue;
    for (int64_t e = ties.Begin(u); e < ties.End(u); ++e) tied[ties.adj[e]] = u;
    for (int32_t ev : events) {
      const auto att = attendance.Attendees(ev);
      for (auto it = std::upper_bound(att.begin(), att.end(), u); it != att.end(); ++it) {
        const int32_t v = *it;
        if (seen[v] == u) continue;
        seen[v] = u;
        ++c.pairs;
        ++c.co_attendees[u];
        ++c.co_attendees[v];
        if (tied[v] == u) continue;
        ++c.pairs_without_tie;
        ++c.co_attendees_without_tie[u];
        ++c.co_attendees_without_tie[v];
      }
    }
  }
  return c;
}

}  // namespace verbinder::analysis

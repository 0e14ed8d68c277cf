#include "analysis/insights.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace verbinder::analysis {

std::vector<OnlineOnlyPair> OnlineOnlyBySectorPair(const Graph& g) {
  std::map<std::pair<int32_t, int32_t>, OnlineOnlyPair> pairs;
  for (int32_t u = 0; u < g.NodeCount(); ++u)
    for (int64_t e = g.Begin(u); e < g.End(u); ++e) {
      const int32_t v = g.adj[e];
      if (v < u) continue;
      const int32_t a = std::min(g.sector[u], g.sector[v]), b = std::max(g.sector[u], g.sector[v]);
      OnlineOnlyPair& p = pairs[{a, b}];
      ++p.ties;
      p.real += g.real[e];
    }
  std::vector<OnlineOnlyPair> out;
  for (auto& [key, p] : pairs) {
    p.sector_a = g.sector_names[key.first];
    p.sector_b = g.sector_names[key.second];
    p.online_only = p.ties - p.real;
    out.push_back(p);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const OnlineOnlyPair& x, const OnlineOnlyPair& y) { return x.online_only > y.online_only; });
  return out;
}

Day LatestDay(const Graph& g) {
  Day latest = kNoDate;
  for (Day d : g.last_active)
    if (d != kNoDate && (latest == kNoDate || d > latest)) latest = d;
  return latest;
}

std::vector<FadingMember> FadingMembers(const Graph& g, Day reference, int fading_days) {
  std::vector<FadingMember> out;
  if (reference == kNoDate) return out;
  for (int32_t v = 0; v < g.NodeCount(); ++v) {
    const Day last = g.last_active[v];
    if (last == kNoDate || reference - last <= fading_days) continue;
    out.push_back({g.ids[v], last, reference - last});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const FadingMember& x, const FadingMember& y) { return x.days_inactive > y.days_inactive; });
  return out;
}

std::vector<EventYield> ComputeEventYield(const NetworkInput& input, const Graph& g, Day as_of, bool with_attendance) {
  // No event anywhere (a ledger of connections only): nothing to report, and
  // no need to replay a million rows by date to find that out.
  if (input.attendance.empty() &&
      std::none_of(input.ties.begin(), input.ties.end(), [](const TieInput& t) { return !t.event.empty(); }))
    return {};
  struct Row {
    int32_t u, v;
    Day date;
    int64_t order;
    bool real;
    int32_t event;  // -1: not at an event
  };
  std::unordered_map<std::string, int32_t> event_index;
  std::vector<EventYield> events;
  std::vector<std::unordered_set<int32_t>> attendees;
  auto event_of = [&](const std::string& name) {
    auto [it, inserted] = event_index.emplace(name, static_cast<int32_t>(events.size()));
    if (inserted) {
      events.push_back({});
      events.back().event = name;
      attendees.emplace_back();
    }
    return it->second;
  };
  auto node = [&](const std::string& id) {
    auto it = g.index.find(id);
    return it == g.index.end() ? -1 : it->second;
  };
  auto note_date = [&](int32_t ev, Day d) {
    if (d != kNoDate && (events[ev].date == kNoDate || d < events[ev].date)) events[ev].date = d;
  };
  std::vector<Row> rows;
  int64_t order = 0;
  for (const auto& t : input.ties) {
    ++order;
    if (as_of != kNoDate && t.date != kNoDate && t.date > as_of) continue;
    const int32_t u = node(t.source), v = node(t.target);
    if (u < 0 || v < 0 || u == v) continue;
    int32_t ev = -1;
    if (!t.event.empty()) {
      ev = event_of(t.event);
      ++events[ev].interactions;
      attendees[ev].insert(u);
      attendees[ev].insert(v);
      note_date(ev, t.date);
    }
    rows.push_back({std::min(u, v), std::max(u, v), t.date, order, model::IsFaceToFace(t.kind), ev});
  }
  // Attendance: who was there. Only with_attendance makes every pair at the
  // event meet there (every attendee, also those with tie rows at the event).
  std::vector<std::vector<std::pair<int32_t, Day>>> present;
  for (const auto& a : input.attendance) {
    if (as_of != kNoDate && a.date != kNoDate && a.date > as_of) continue;
    const int32_t m = node(a.member);
    if (m < 0) continue;
    const int32_t ev = event_of(a.event);
    attendees[ev].insert(m);
    note_date(ev, a.date);
    if (!with_attendance) continue;
    if (present.size() < events.size()) present.resize(events.size());
    present[ev].push_back({m, a.date});
  }
  for (size_t ev = 0; ev < present.size(); ++ev) {
    auto& p = present[ev];
    // Each member once, with their earliest date (undated first), as BuildGraph.
    std::sort(p.begin(), p.end());
    p.erase(std::unique(p.begin(), p.end(), [](const auto& x, const auto& y) { return x.first == y.first; }), p.end());
    for (size_t i = 0; i < p.size(); ++i)
      for (size_t j = i + 1; j < p.size(); ++j) {
        Day d = p[i].second != kNoDate ? p[i].second : p[j].second;
        if (d == kNoDate) d = events[ev].date;
        rows.push_back({std::min(p[i].first, p[j].first), std::max(p[i].first, p[j].first), d, ++order, true,
                        static_cast<int32_t>(ev)});
        ++events[ev].interactions;
      }
  }
  std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
    if (x.date != y.date) return x.date < y.date;  // kNoDate (INT32_MIN) first
    return x.order < y.order;
  });
  struct PairState {
    bool seen = false;
    bool met = false;
  };
  std::unordered_map<uint64_t, PairState> state;
  state.reserve(rows.size());
  for (const auto& r : rows) {
    PairState& s = state[(static_cast<uint64_t>(r.u) << 32) | static_cast<uint32_t>(r.v)];
    if (!s.seen) {
      s.seen = true;
      if (r.event >= 0) ++events[r.event].new_ties;
    }
    if (r.real && !s.met) {
      s.met = true;
      if (r.event >= 0) {
        ++events[r.event].new_real_ties;
        if (g.sector[r.u] != g.sector[r.v]) ++events[r.event].new_cross_sector_real_ties;
      }
    }
  }
  for (size_t ev = 0; ev < events.size(); ++ev) events[ev].attendees = static_cast<int32_t>(attendees[ev].size());
  std::stable_sort(events.begin(), events.end(), [](const EventYield& x, const EventYield& y) {
    if (x.date != y.date) return x.date < y.date;
    return x.event < y.event;
  });
  return events;
}

}  // namespace verbinder::analysis

#include "analysis/graph.h"

#include <algorithm>
#include <functional>
#include <map>
#include <string_view>

#include "analysis/co_attendance.h"
#include "util/parallel.h"

namespace verbinder::analysis {

using util::ResolveThreads;
using util::RunThreads;

namespace {

struct PairRow {
  int32_t u, v;  // u < v
  double weight;
  uint8_t real;
  Day date;
};

// Sorts and merges rows per pair, then fills the CSR arrays and per-node sums.
void Assemble(std::vector<PairRow>& rows, Graph* g) {
  std::sort(rows.begin(), rows.end(),
            [](const PairRow& a, const PairRow& b) { return a.u != b.u ? a.u < b.u : a.v < b.v; });
  size_t out = 0;
  for (size_t i = 0; i < rows.size();) {
    PairRow merged = rows[i];
    size_t j = i + 1;
    for (; j < rows.size() && rows[j].u == merged.u && rows[j].v == merged.v; ++j) {
      merged.weight += rows[j].weight;
      merged.real |= rows[j].real;
      if (rows[j].date != kNoDate && (merged.date == kNoDate || rows[j].date > merged.date)) merged.date = rows[j].date;
    }
    rows[out++] = merged;
    i = j;
  }
  rows.resize(out);
  const int32_t n = g->NodeCount();
  g->offsets.assign(n + 1, 0);
  for (const auto& r : rows) {
    ++g->offsets[r.u + 1];
    ++g->offsets[r.v + 1];
  }
  for (int32_t v = 0; v < n; ++v) g->offsets[v + 1] += g->offsets[v];
  const size_t slots = rows.size() * 2;
  g->adj.resize(slots);
  g->weight.resize(slots);
  g->real.resize(slots);
  g->last_date.resize(slots);
  std::vector<int64_t> fill(g->offsets.begin(), g->offsets.end() - 1);
  // Rows are sorted by (u, v): writing u->v in row order and v->u in row order
  // leaves every neighbour list sorted (v's lower neighbours come first, in order).
  auto put = [&](int32_t a, int32_t b, const PairRow& r) {
    int64_t e = fill[a]++;
    g->adj[e] = b;
    g->weight[e] = r.weight;
    g->real[e] = r.real;
    g->last_date[e] = r.date;
  };
  for (const auto& r : rows) put(r.v, r.u, r);
  for (const auto& r : rows) put(r.u, r.v, r);
  g->strength.assign(n, 0.0);
  g->last_active.assign(n, kNoDate);
  for (int32_t v = 0; v < n; ++v) {
    double s = 0;
    for (int64_t e = g->Begin(v); e < g->End(v); ++e) {
      s += g->weight[e];
      if (g->last_date[e] != kNoDate && (g->last_active[v] == kNoDate || g->last_date[e] > g->last_active[v]))
        g->last_active[v] = g->last_date[e];
    }
    g->strength[v] = s;
  }
}

// Open addressing over the member ids, for the bulk look-up of the tie ends: a
// slot holds 32 bits of the id's hash and the node, so a look-up mostly reads
// one 8-byte slot and one id (std::unordered_map: a bucket, a list node, the id).
// Same answers as Graph::index (the first of equal ids).
class IdTable {
 public:
  explicit IdTable(const std::vector<std::string>& ids) : ids_(ids) {
    size_t cap = 16;
    while (cap < 2 * ids.size()) cap *= 2;
    mask_ = cap - 1;
    slots_.assign(cap, Slot{0, -1});
    for (int32_t i = 0; i < static_cast<int32_t>(ids.size()); ++i) {
      const uint64_t h = Hash(ids[i]);
      const auto tag = static_cast<uint32_t>(h >> 32);
      for (size_t k = h & mask_;; k = (k + 1) & mask_) {
        if (slots_[k].node < 0) {
          slots_[k] = {tag, i};
          break;
        }
        if (slots_[k].tag == tag && ids_[slots_[k].node] == ids[i]) break;
      }
    }
  }
  // The node of `id`, or -1.
  int32_t Find(std::string_view id) const {
    const uint64_t h = Hash(id);
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t k = h & mask_;; k = (k + 1) & mask_) {
      const Slot s = slots_[k];
      if (s.node < 0) return -1;
      if (s.tag == tag && ids_[s.node] == id) return s.node;
    }
  }

 private:
  struct Slot {
    uint32_t tag;
    int32_t node;
  };
  static uint64_t Hash(std::string_view s) { return std::hash<std::string_view>{}(s); }
  const std::vector<std::string>& ids_;
  size_t mask_ = 0;
  std::vector<Slot> slots_;
};

void AssignSectors(const std::vector<std::string>& sector_of_node, Graph* g) {
  std::map<std::string, int32_t> names;
  for (const auto& s : sector_of_node) names.emplace(s, 0);
  int32_t i = 0;
  for (auto& [name, idx] : names) {
    idx = i++;
    g->sector_names.push_back(name);
  }
  g->sector.reserve(sector_of_node.size());
  for (const auto& s : sector_of_node) g->sector.push_back(names[s]);
}

}  // namespace

bool Graph::HasTie(int32_t u, int32_t v) const {
  return Slot(u, v) >= 0;
}

int64_t Graph::Slot(int32_t u, int32_t v) const {
  auto first = adj.begin() + offsets[u], last = adj.begin() + offsets[u + 1];
  auto it = std::lower_bound(first, last, v);
  return it != last && *it == v ? it - adj.begin() : -1;
}

Result<Graph> BuildGraph(const NetworkInput& input, const GraphOptions& options) {
  Graph g;
  std::vector<std::string> sectors;
  g.attribute_names = input.attribute_names;
  auto add_member = [&](const std::string& id, const std::string& name, const std::string& sector,
                        const std::vector<std::string>& attrs) {
    int32_t idx = static_cast<int32_t>(g.ids.size());
    g.index.emplace(id, idx);
    g.ids.push_back(id);
    g.names.push_back(name);
    sectors.push_back(sector);
    g.attributes.push_back(attrs);
    return idx;
  };
  g.index.reserve(input.members.size() * 2 + 16);
  for (const auto& m : input.members) add_member(m.id, m.name, m.sector, m.attributes);

  auto resolve = [&](const std::string& id, const std::string& file, int line, const char* column) -> Result<int32_t> {
    auto it = g.index.find(id);
    if (it != g.index.end()) return it->second;
    if (input.members_given)
      return InvalidArgument(file + ": line " + std::to_string(line) + ", column '" + column +
                             "': unknown member id '" + id + "' (not in " + input.members_source + ")");
    return add_member(id, "", "", std::vector<std::string>(input.attribute_names.size()));
  };

  // With a member list the index is complete and only read: the ids of a
  // million rows are looked up in slices on all cores (-1 = unknown), and the
  // loop below reports the first unknown one in file order, as before.
  const size_t tie_rows = input.ties.size();
  std::vector<int32_t> ends;
  if (input.members_given && tie_rows >= 20000) {
    ends.resize(2 * tie_rows);
    const IdTable table(g.ids);
    const int slices = ResolveThreads(0);
    RunThreads(slices, [&](int k) {
      for (size_t i = tie_rows * k / slices, end = tie_rows * (k + 1) / slices; i < end; ++i) {
        ends[2 * i] = table.Find(input.ties[i].source);
        ends[2 * i + 1] = table.Find(input.ties[i].target);
      }
    });
  }
  auto resolve_end = [&](size_t i, int side) -> Result<int32_t> {
    const TieInput& t = input.ties[i];
    if (!ends.empty() && ends[2 * i + side] >= 0) return ends[2 * i + side];
    return side == 0 ? resolve(t.source, input.ties_source, t.line, "source")
                     : resolve(t.target, input.ties_source, t.line, "target");
  };

  std::vector<PairRow> rows;
  rows.reserve(input.ties.size());
  for (size_t i = 0; i < tie_rows; ++i) {
    const TieInput& t = input.ties[i];
    VB_ASSIGN_OR_RETURN(int32_t u, resolve_end(i, 0));
    VB_ASSIGN_OR_RETURN(int32_t v, resolve_end(i, 1));
    if (u == v)
      return InvalidArgument(input.ties_source + ": line " + std::to_string(t.line) +
                             ", column 'target': self-loop: member '" + t.source + "' tied to itself");
    if (options.as_of != kNoDate && t.date != kNoDate && t.date > options.as_of) continue;
    const bool real = model::IsFaceToFace(t.kind);
    if (options.real_only && !real) continue;
    rows.push_back({std::min(u, v), std::max(u, v), t.weight, static_cast<uint8_t>(real), t.date});
  }

  // Attendance is checked (and implies members) always; it becomes ties only
  // when the caller asked for it.
  for (const auto& a : input.attendance) {
    VB_RETURN_IF_ERROR(resolve(a.member, input.attendance_source, a.line, "member").status());
  }
  if (options.with_attendance && !input.attendance.empty()) {
    // Group attendees per event (first-seen order), each member once per event.
    std::unordered_map<std::string, size_t> event_index;
    std::vector<std::vector<std::pair<int32_t, Day>>> events;
    for (const auto& a : input.attendance) {
      const int32_t m = g.index.at(a.member);
      if (options.as_of != kNoDate && a.date != kNoDate && a.date > options.as_of) continue;
      auto [it, inserted] = event_index.emplace(a.event, events.size());
      if (inserted) events.emplace_back();
      events[it->second].push_back({m, a.date});
    }
    const double base = model::KindWeight(model::InteractionKind::kMetAtEvent) * kAttendancePairScale;
    for (auto& att : events) {
      std::sort(att.begin(), att.end());
      att.erase(std::unique(att.begin(), att.end(), [](const auto& x, const auto& y) { return x.first == y.first; }),
                att.end());
      if (att.size() < 2) continue;
      const double w = base / static_cast<double>(att.size() - 1);
      for (size_t i = 0; i < att.size(); ++i)
        for (size_t j = i + 1; j < att.size(); ++j) {
          Day d = att[i].second != kNoDate ? att[i].second : att[j].second;
          rows.push_back({att[i].first, att[j].first, w, 1, d});
        }
    }
  }
  AssignSectors(sectors, &g);
  Assemble(rows, &g);
  if (!input.attendance.empty())
    CountCoAttendancePerTie(IndexAttendance(input, g.index, g.NodeCount(), options.as_of), &g);
  return g;
}

Graph GraphFromEdges(int32_t n, const std::vector<Edge>& edges, const std::vector<std::string>& sectors) {
  Graph g;
  g.ids.reserve(n);
  for (int32_t i = 0; i < n; ++i) {
    g.ids.push_back(std::to_string(i));
    g.index.emplace(g.ids.back(), i);
  }
  g.names.assign(n, "");
  g.attributes.assign(n, {});
  AssignSectors(sectors.empty() ? std::vector<std::string>(n) : sectors, &g);
  std::vector<PairRow> rows;
  rows.reserve(edges.size());
  for (const auto& e : edges)
    if (e.u != e.v) rows.push_back({std::min(e.u, e.v), std::max(e.u, e.v), e.weight, 0, kNoDate});
  Assemble(rows, &g);
  return g;
}

}  // namespace verbinder::analysis

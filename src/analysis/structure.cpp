#include "analysis/structure.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "util/parallel.h"

namespace verbinder::analysis {

using util::ResolveThreads;
using util::RunThreads;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

enum Pattern { kCoordinator, kConsultant, kRepresentative, kLiaison };

inline int Classify(int32_t sv, int32_t sa, int32_t sb) {
  if (sa == sb) return sv == sa ? kCoordinator : kConsultant;
  if (sv == sa || sv == sb) return kRepresentative;
  return kLiaison;
}

}  // namespace

Components ConnectedComponents(const Graph& g) {
  Components c;
  const int32_t n = g.NodeCount();
  c.label.assign(n, -1);
  std::vector<int32_t> queue;
  queue.reserve(n);
  for (int32_t r = 0; r < n; ++r) {
    if (c.label[r] >= 0) continue;
    const int32_t id = c.count++;
    queue.clear();
    queue.push_back(r);
    c.label[r] = id;
    for (size_t h = 0; h < queue.size(); ++h)
      for (int32_t w : g.Neighbors(queue[h]))
        if (c.label[w] < 0) {
          c.label[w] = id;
          queue.push_back(w);
        }
    c.size.push_back(static_cast<int32_t>(queue.size()));
  }
  return c;
}

std::vector<int32_t> CoreNumbers(const Graph& g) {
  const int32_t n = g.NodeCount();
  std::vector<int32_t> deg(n), pos(n), vert(n);
  int32_t max_deg = 0;
  for (int32_t v = 0; v < n; ++v) {
    deg[v] = g.Degree(v);
    max_deg = std::max(max_deg, deg[v]);
  }
  std::vector<int32_t> bin(max_deg + 2, 0);
  for (int32_t v = 0; v < n; ++v) ++bin[deg[v]];
  int32_t start = 0;
  for (int32_t d = 0; d <= max_deg; ++d) {
    int32_t num = bin[d];
    bin[d] = start;
    start += num;
  }
  for (int32_t v = 0; v < n; ++v) {
    pos[v] = bin[deg[v]]++;
    vert[pos[v]] = v;
  }
  for (int32_t d = max_deg; d > 0; --d) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (int32_t i = 0; i < n; ++i) {
    const int32_t v = vert[i];
    for (int32_t u : g.Neighbors(v)) {
      if (deg[u] > deg[v]) {
        const int32_t du = deg[u], pu = pos[u], pw = bin[du], w = vert[pw];
        if (u != w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        ++bin[du];
        --deg[u];
      }
    }
  }
  return deg;
}

LocalStructure ComputeLocalStructure(const Graph& g, int threads) {
  const int32_t n = g.NodeCount();
  const int64_t slots = static_cast<int64_t>(g.adj.size());
  LocalStructure out;

  // Reverse slot of every tie slot (neighbour lists are sorted, see graph.cpp).
  std::vector<int64_t> rev(slots);
  {
    std::vector<int64_t> cursor(g.offsets.begin(), g.offsets.end() - 1);
    for (int32_t u = 0; u < n; ++u)
      for (int64_t e = g.Begin(u); e < g.End(u); ++e) rev[e] = cursor[g.adj[e]]++;
  }
  // Orientation by (degree, index): each triangle is found once, from its lowest vertex.
  auto before = [&](int32_t a, int32_t b) {
    int32_t da = g.Degree(a), db = g.Degree(b);
    return da != db ? da < db : a < b;
  };
  std::vector<int64_t> out_begin(n + 1, 0);
  for (int32_t u = 0; u < n; ++u) {
    int32_t k = 0;
    for (int32_t v : g.Neighbors(u)) k += before(u, v);
    out_begin[u + 1] = out_begin[u] + k;
  }
  std::vector<int64_t> out_slot(out_begin[n]);  // slots u->v with u before v
  for (int32_t u = 0; u < n; ++u) {
    int64_t k = out_begin[u];
    for (int64_t e = g.Begin(u); e < g.End(u); ++e)
      if (before(u, g.adj[e])) out_slot[k++] = e;
  }

  threads = std::max(1, std::min(ResolveThreads(threads), std::max(1, n / 1024)));
  struct Partial {
    std::vector<double> acc;  // per slot v->j: sum of 1/deg(q) over common neighbours q
    std::vector<int64_t> tri;
    std::vector<std::array<int64_t, 4>> closed;
  };
  std::vector<Partial> parts(threads);
  constexpr int32_t kChunk = 256;
  RunThreads(threads, [&](int t) {
    Partial& p = parts[t];
    p.acc.assign(slots, 0.0);
    p.tri.assign(n, 0);
    p.closed.assign(n, {0, 0, 0, 0});
    std::vector<int64_t> mark(n, -1);  // slot u->w for w in out(u)
    // Chunks dealt round-robin, not first come first served: which thread
    // sums which triangles (and so the order of the floating-point sums) is
    // the same in every run with the same thread count.
    for (int64_t chunk_begin = int64_t{t} * kChunk; chunk_begin < n; chunk_begin += int64_t{threads} * kChunk) {
      const auto begin = static_cast<int32_t>(chunk_begin);
      const int32_t end = std::min(n, begin + kChunk);
      for (int32_t u = begin; u < end; ++u) {
        for (int64_t k = out_begin[u]; k < out_begin[u + 1]; ++k) mark[g.adj[out_slot[k]]] = out_slot[k];
        for (int64_t k = out_begin[u]; k < out_begin[u + 1]; ++k) {
          const int64_t e_uv = out_slot[k];
          const int32_t v = g.adj[e_uv];
          for (int64_t q = out_begin[v]; q < out_begin[v + 1]; ++q) {
            const int64_t e_vw = out_slot[q];
            const int32_t w = g.adj[e_vw];
            const int64_t e_uw = mark[w];
            if (e_uw < 0) continue;
            // Triangle u, v, w.
            const double iu = 1.0 / g.Degree(u), iv = 1.0 / g.Degree(v), iw = 1.0 / g.Degree(w);
            p.acc[e_uv] += iw;
            p.acc[rev[e_uv]] += iw;
            p.acc[e_uw] += iv;
            p.acc[rev[e_uw]] += iv;
            p.acc[e_vw] += iu;
            p.acc[rev[e_vw]] += iu;
            ++p.tri[u];
            ++p.tri[v];
            ++p.tri[w];
            const int32_t su = g.sector[u], sv = g.sector[v], sw = g.sector[w];
            ++p.closed[u][Classify(su, sv, sw)];
            ++p.closed[v][Classify(sv, su, sw)];
            ++p.closed[w][Classify(sw, su, sv)];
          }
        }
        for (int64_t k = out_begin[u]; k < out_begin[u + 1]; ++k) mark[g.adj[out_slot[k]]] = -1;
      }
    }
  });
  for (int t = 1; t < threads; ++t) {
    for (int64_t e = 0; e < slots; ++e) parts[0].acc[e] += parts[t].acc[e];
    for (int32_t v = 0; v < n; ++v) {
      parts[0].tri[v] += parts[t].tri[v];
      for (int k = 0; k < 4; ++k) parts[0].closed[v][k] += parts[t].closed[v][k];
    }
    parts[t] = Partial{};
  }
  const Partial& p = parts[0];

  out.constraint.assign(n, kNaN);
  out.effective_size.assign(n, kNaN);
  out.triangles = p.tri;
  out.brokerage.assign(n, {});
  const int32_t sectors = static_cast<int32_t>(g.sector_names.size());
  std::vector<int64_t> count(sectors + 1, 0);
  std::vector<int32_t> touched;
  for (int32_t v = 0; v < n; ++v) {
    const int32_t d = g.Degree(v);
    if (d == 0) continue;
    double c = 0;
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) {
      const double x = (1.0 + p.acc[e]) / d;
      c += x * x;
    }
    out.constraint[v] = c;
    out.effective_size[v] = d - 2.0 * static_cast<double>(p.tri[v]) / d;

    // All pairs of contacts by pattern, minus the closed ones.
    touched.clear();
    for (int32_t w : g.Neighbors(v)) {
      if (count[g.sector[w]]++ == 0) touched.push_back(g.sector[w]);
    }
    const int64_t same = count[g.sector[v]], other = d - same;
    int64_t other_same_pairs = 0;
    for (int32_t s : touched) {
      if (s != g.sector[v]) other_same_pairs += count[s] * (count[s] - 1) / 2;
      count[s] = 0;
    }
    Brokerage& b = out.brokerage[v];
    b.coordinator = same * (same - 1) / 2 - p.closed[v][kCoordinator];
    b.consultant = other_same_pairs - p.closed[v][kConsultant];
    b.representative = same * other - p.closed[v][kRepresentative];
    b.liaison = other * (other - 1) / 2 - other_same_pairs - p.closed[v][kLiaison];
  }
  return out;
}

GroupMetrics ComputeGroupMetrics(const Graph& g) {
  GroupMetrics m;
  const int32_t n = g.NodeCount();
  const int64_t ties = g.TieCount();
  m.density = n > 1 ? 2.0 * static_cast<double>(ties) / (static_cast<double>(n) * (n - 1)) : 0.0;
  const size_t k = g.sector_names.size();
  // One pass over the nodes: per node, how many of its ties stay inside its own
  // sector. E-I per sector, the overall E-I and the mixing matrix's trace and
  // row sums (all NetworkX's attribute assortativity needs) follow from that.
  std::vector<int64_t> same_slots(k, 0), degree_sum(k, 0);
  int64_t real_slots = 0;
  const int32_t* __restrict sector = g.sector.data();
  const int32_t* __restrict adj = g.adj.data();
  const uint8_t* __restrict real_flag = g.real.data();
  for (int32_t u = 0; u < n; ++u) {
    const int32_t su = sector[u];
    const int64_t b = g.offsets[u], e_end = g.offsets[u + 1];
    int64_t same = 0, real_here = 0;
    for (int64_t e = b; e < e_end; ++e) {
      same += sector[adj[e]] == su;
      real_here += real_flag[e];
    }
    same_slots[su] += same;
    degree_sum[su] += e_end - b;
    real_slots += real_here;
  }
  std::vector<int64_t> internal(k, 0), external(k, 0);
  int64_t same_total = 0;
  for (size_t s = 0; s < k; ++s) {
    internal[s] = same_slots[s] / 2;              // each inside tie has both ends in s
    external[s] = degree_sum[s] - same_slots[s];  // ties with exactly one end in s
    same_total += same_slots[s];
  }
  m.internal_ties = same_total / 2;
  m.external_ties = ties - m.internal_ties;
  const int64_t real = real_slots / 2;
  auto ei = [](int64_t e, int64_t i) {
    return e + i > 0 ? static_cast<double>(e - i) / static_cast<double>(e + i) : kNaN;
  };
  m.ei_index = ei(m.external_ties, m.internal_ties);
  m.sector_ei.resize(k);
  for (size_t s = 0; s < k; ++s) m.sector_ei[s] = ei(external[s], internal[s]);
  m.real_tie_share = ties > 0 ? static_cast<double>(real) / static_cast<double>(ties) : kNaN;
  if (ties == 0) {
    m.sector_assortativity = kNaN;
  } else {
    const double total = 2.0 * static_cast<double>(ties);
    // The mixing matrix (both directions, as NetworkX's) is symmetric: row a's
    // sum is the degree sum of sector a and its trace the same-sector slots.
    const double trace = static_cast<double>(same_total) / total;
    double sum_ab = 0;
    for (size_t a = 0; a < k; ++a) {
      const double row = static_cast<double>(degree_sum[a]) / total;
      sum_ab += row * row;
    }
    m.sector_assortativity = (trace - sum_ab) / (1.0 - sum_ab);
    if (!std::isfinite(m.sector_assortativity)) m.sector_assortativity = kNaN;
  }
  return m;
}

}  // namespace verbinder::analysis

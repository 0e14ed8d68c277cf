#include "network_insights/health.h"

#include <cmath>

namespace verbinder::network_insights {

Health SummarizeHealth(const analysis::Analysis& a) {
  const analysis::Graph& g = a.graph;
  const size_t k = g.sector_names.size();
  Health h;
  h.sectors.resize(k);
  for (size_t s = 0; s < k; ++s) h.sectors[s].sector = g.sector_names[s];
  for (int32_t v = 0; v < g.NodeCount(); ++v) {
    ++h.sectors[g.sector[v]].members;
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) {
      const int32_t u = g.adj[e];
      if (u <= v) continue;
      const bool is_real = g.real[e] != 0;
      h.real_ties += is_real;
      if (g.sector[u] == g.sector[v]) {
        ++h.sectors[g.sector[v]].ties_inside;
        h.sectors[g.sector[v]].real_inside += is_real;
      } else {
        ++h.cross_sector_ties;
        h.cross_sector_real_ties += is_real;
        for (int32_t x : {u, v}) {
          ++h.sectors[g.sector[x]].ties_outside;
          h.sectors[g.sector[x]].real_outside += is_real;
        }
      }
    }
  }
  for (SectorHealth& s : h.sectors) {
    const int64_t all = s.ties_inside + s.ties_outside;
    s.ei = all > 0 ? static_cast<double>(s.ties_outside - s.ties_inside) / static_cast<double>(all) : std::nan("");
  }
  return h;
}

std::string InviteKind(const analysis::Analysis& a, const analysis::Invite& i) {
  const analysis::Graph& g = a.graph;
  auto it = g.index.find(i.id);
  if (it == g.index.end()) return "";
  if (g.Degree(it->second) == 0) return "isolated";
  if (i.reason.find("no tie to the rest") != std::string::npos) return "small_group";
  if (i.reason.find("face to face") != std::string::npos) return "online_only";
  return "fading";
}

IntroductionFacts FactsOf(const analysis::Analysis& a, const analysis::Introduction& in) {
  const analysis::Graph& g = a.graph;
  IntroductionFacts f;
  auto ia = g.index.find(in.a), ib = g.index.find(in.b);
  if (ia == g.index.end() || ib == g.index.end()) return f;
  const int32_t u = ia->second, v = ib->second;
  f.sector_a = g.sector_names[g.sector[u]];
  f.sector_b = g.sector_names[g.sector[v]];
  f.different_sectors = g.sector[u] != g.sector[v];
  // Shared contacts: both neighbour lists are sorted.
  auto nu = g.Neighbors(u), nv = g.Neighbors(v);
  for (size_t x = 0, y = 0; x < nu.size() && y < nv.size();) {
    if (nu[x] < nv[y]) {
      ++x;
    } else if (nv[y] < nu[x]) {
      ++y;
    } else {
      ++f.common_contacts;
      ++x;
      ++y;
    }
  }
  // The report lists members in input order; look the two up by id.
  const auto& members = a.report.members;
  auto community = [&](int32_t node, const std::string& id) -> int32_t {
    if (static_cast<size_t>(node) < members.size() && members[node].id == id) return members[node].community;
    for (const auto& m : members)
      if (m.id == id) return m.community;
    return -1;
  };
  const int32_t ca = community(u, in.a), cb = community(v, in.b);
  f.different_communities = ca >= 0 && cb >= 0 && ca != cb;
  return f;
}

}  // namespace verbinder::network_insights

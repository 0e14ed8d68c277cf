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

}  // namespace verbinder::network_insights

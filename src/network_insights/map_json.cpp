#include "network_insights/map_json.h"

#include <cmath>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/map_ties.h"

namespace verbinder::network_insights {
namespace {

using Json = nlohmann::json;

Json NumOrNull(double x) {
  return std::isfinite(x) ? Json(x) : Json(nullptr);
}

}  // namespace

std::string MapJsonOpen(const analysis::Analysis& a, const analysis::Layout& layout, bool compact, int64_t budget,
                        int64_t computed_at) {
  const analysis::Graph& g = a.graph;
  Json nodes = Json::array(), edges = Json::array();
  int64_t real = 0, drawn_real = 0;
  for (int32_t v = 0; v < g.NodeCount(); ++v) {
    const analysis::MemberMetrics& m = a.report.members[v];
    nodes.push_back({{"id", g.ids[v]},
                     {"name", g.names[v]},
                     {"sector", g.sector_names[g.sector[v]]},
                     {"community", m.community},
                     {"x", std::round(layout.x[v] * 100) / 100},
                     {"y", std::round(layout.y[v] * 100) / 100},
                     {"degree", m.degree},
                     {"betweenness", NumOrNull(m.betweenness)},
                     {"brokerage", m.brokerage.Total()},
                     {"core", m.core}});
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) real += g.adj[e] > v && g.real[e] != 0;
  }
  const analysis::TieSelection chosen = analysis::ChooseTies(g, budget, kMapPerMember);
  size_t next = 0;
  for (int32_t v = 0; v < g.NodeCount() && next < chosen.slots.size(); ++v) {
    for (; next < chosen.slots.size() && chosen.slots[next] < g.End(v); ++next) {
      const int64_t e = chosen.slots[next];
      const int32_t u = g.adj[e];
      drawn_real += g.real[e] != 0;
      if (compact)
        edges.push_back(Json::array({v, u, g.real[e] != 0 ? 1 : 0}));
      else
        edges.push_back(
            {{"source", g.ids[v]}, {"target", g.ids[u]}, {"weight", g.weight[e]}, {"real", g.real[e] != 0}});
    }
  }
  Json j = {{"nodes", std::move(nodes)},
            {"edges", std::move(edges)},
            {"sectors", g.sector_names},
            {"communities", a.report.network.communities},
            {"members", g.NodeCount()},
            {"ties", g.TieCount()},
            {"real_ties", real},
            {"drawn_ties", chosen.slots.size()},
            {"drawn_real_ties", drawn_real},
            {"selection", chosen.all ? "all" : "strongest"},
            {"per_member", kMapPerMember},
            {"max_ties", budget},
            {"computed_at", computed_at},
            {"compact", compact}};
  std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  s.pop_back();  // '}'
  return s;
}

}  // namespace verbinder::network_insights

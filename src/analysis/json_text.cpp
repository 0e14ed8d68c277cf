#include "analysis/json_text.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <vector>

#include "util/parallel.h"

namespace verbinder::analysis {

using util::ResolveThreads;
using util::RunThreads;

void AppendJson(std::string& out, std::string_view text) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') {
      out += nlohmann::json(std::string(text)).dump();
      return;
    }
  }
  out += '"';
  out += text;
  out += '"';
}

void AppendJson(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char buffer[64];
  char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}

void AppendJson(std::string& out, int64_t value) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}

void WriteMapJsonText(const Analysis& a, const Layout& layout, std::ostream& out) {
  const Graph& g = a.graph;
  const int32_t n = g.NodeCount();
  const int parts = std::max(1, std::min(ResolveThreads(0), n / 4096 + 1));
  std::vector<std::string> nodes(parts), edges(parts);
  // A slice of nodes writes those nodes and the ties whose lower end it holds
  // (each with a leading comma; the very first one's is dropped below).
  RunThreads(parts, [&](int t) {
    const int32_t begin = static_cast<int32_t>(int64_t{n} * t / parts);
    const int32_t end = static_cast<int32_t>(int64_t{n} * (t + 1) / parts);
    std::string& nt = nodes[t];
    std::string& et = edges[t];
    for (int32_t v = begin; v < end; ++v) {
      const MemberMetrics& m = a.report.members[v];
      nt += v > 0 ? ",{\"id\":" : "{\"id\":";
      AppendJson(nt, g.ids[v]);
      nt += ",\"name\":";
      AppendJson(nt, g.names[v]);
      nt += ",\"sector\":";
      AppendJson(nt, g.sector_names[g.sector[v]]);
      nt += ",\"community\":";
      AppendJson(nt, int64_t{m.community});
      nt += ",\"x\":";
      AppendJson(nt, layout.x[v]);
      nt += ",\"y\":";
      AppendJson(nt, layout.y[v]);
      nt += ",\"degree\":";
      AppendJson(nt, int64_t{m.degree});
      nt += ",\"betweenness\":";
      AppendJson(nt, m.betweenness);
      nt += '}';
      for (int64_t e = g.Begin(v); e < g.End(v); ++e) {
        if (g.adj[e] <= v) continue;
        et += ",{\"source\":";
        AppendJson(et, g.ids[v]);
        et += ",\"target\":";
        AppendJson(et, g.ids[g.adj[e]]);
        et += ",\"weight\":";
        AppendJson(et, g.weight[e]);
        et += g.real[e] ? ",\"real\":true}" : ",\"real\":false}";
      }
    }
  });
  out << "{\"nodes\":[";
  for (const auto& t : nodes) out << t;
  out << "],\"edges\":[";
  bool first = true;
  for (const auto& t : edges) {
    if (t.empty()) continue;
    out << (first ? std::string_view(t).substr(1) : std::string_view(t));
    first = false;
  }
  out << "],\"sectors\":" << nlohmann::json(g.sector_names).dump()
      << ",\"communities\":" << nlohmann::json(a.report.network.communities).dump() << '}';
}

}  // namespace verbinder::analysis

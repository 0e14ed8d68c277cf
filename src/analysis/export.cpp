#include "analysis/export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "util/parallel.h"
#include "util/strings.h"

namespace verbinder::analysis {

using util::ResolveThreads;
using util::RunThreads;

namespace {

using json = nlohmann::ordered_json;

json Num(double x) {
  return std::isfinite(x) ? json(x) : json(nullptr);
}

std::string Fmt(double x) {
  if (std::isnan(x)) return "NaN";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

// Text and attribute values for GraphML and GEXF: the one escaping of
// util/strings.h (an apostrophe becomes &#39;, valid XML), without the control
// characters XML 1.0 forbids.
std::string Xml(std::string_view s) {
  std::string kept;
  kept.reserve(s.size());
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') kept += c;
  return HtmlEscape(kept);
}

std::string Csv(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

json BrokerageJson(const Brokerage& b) {
  return {{"coordinator", b.coordinator},
          {"consultant", b.consultant},
          {"representative", b.representative},
          {"liaison", b.liaison}};
}

json MemberJson(const MemberMetrics& m) {
  return {{"id", m.id},
          {"degree", m.degree},
          {"strength", m.strength},
          {"betweenness", Num(m.betweenness)},
          {"core", m.core},
          {"community", m.community},
          {"constraint", Num(m.constraint)},
          {"effective_size", Num(m.effective_size)},
          {"brokerage", BrokerageJson(m.brokerage)}};
}

// Node attributes written to GraphML/GEXF, in order.
struct NodeColumn {
  const char* name;
  const char* graphml_type;
  const char* gexf_type;
};
constexpr NodeColumn kNodeColumns[] = {
    {"name", "string", "string"},     {"sector", "string", "string"},      {"degree", "long", "long"},
    {"strength", "double", "double"}, {"betweenness", "double", "double"}, {"core", "long", "long"},
    {"community", "long", "long"},    {"constraint", "double", "double"},  {"effective_size", "double", "double"},
    {"coordinator", "long", "long"},  {"consultant", "long", "long"},      {"representative", "long", "long"},
    {"liaison", "long", "long"}};

std::vector<std::string> NodeValues(const Analysis& a, int32_t v) {
  const Graph& g = a.graph;
  const MemberMetrics& m = a.report.members[v];
  return {g.names[v],
          g.sector_names[g.sector[v]],
          std::to_string(m.degree),
          Fmt(m.strength),
          Fmt(m.betweenness),
          std::to_string(m.core),
          std::to_string(m.community),
          Fmt(m.constraint),
          Fmt(m.effective_size),
          std::to_string(m.brokerage.coordinator),
          std::to_string(m.brokerage.consultant),
          std::to_string(m.brokerage.representative),
          std::to_string(m.brokerage.liaison)};
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "json") return ExportFormat::kJson;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "graphml") return ExportFormat::kGraphMl;
  if (name == "gexf") return ExportFormat::kGexf;
  return InvalidArgument("unknown format '" + std::string(name) + "' (json, csv, graphml, gexf)", "--format");
}

json IntroductionToJson(const Introduction& i) {
  return {{"a", i.a}, {"b", i.b}, {"via", i.via}, {"score", i.score}, {"reason", i.reason}};
}

namespace {

// The report's JSON; with a placeholder string instead of the members array
// when `members` is false (WriteReportJson writes that array itself).
constexpr const char* kMembersPlaceholder = "\x01members\x01";

json ReportJson(const Report& r, bool with_members) {
  const NetworkSummary& s = r.network;
  json sector_ei = json::object();
  for (const auto& [sector, value] : s.sector_ei) sector_ei[sector] = Num(value);
  json network = {{"members", s.members},
                  {"ties", s.ties},
                  {"density", s.density},
                  {"components", s.components},
                  {"modularity", s.modularity},
                  {"communities", s.communities},
                  {"ei_index", Num(s.ei_index)},
                  {"sector_ei", sector_ei},
                  {"sector_assortativity", Num(s.sector_assortativity)},
                  {"real_tie_share", Num(s.real_tie_share)},
                  {"isolated", s.isolated}};
  json members = with_members ? json::array() : json(kMembersPlaceholder);
  if (with_members)
    for (const auto& m : r.members) members.push_back(MemberJson(m));
  json intros = json::array();
  for (const auto& i : r.suggestions.introductions) intros.push_back(IntroductionToJson(i));
  json invite = json::array();
  for (const auto& i : r.suggestions.invite) invite.push_back({{"id", i.id}, {"reason", i.reason}});
  json online = json::array();
  for (const auto& p : r.online_only)
    online.push_back({{"sector_a", p.sector_a},
                      {"sector_b", p.sector_b},
                      {"ties", p.ties},
                      {"real", p.real},
                      {"online_only", p.online_only}});
  json fading = json::array();
  for (const auto& f : r.fading)
    fading.push_back({{"id", f.id}, {"last_active", FormatDay(f.last_active)}, {"days_inactive", f.days_inactive}});
  json events = json::array();
  for (const auto& e : r.events)
    events.push_back({{"event", e.event},
                      {"date", e.date == kNoDate ? json(nullptr) : json(FormatDay(e.date))},
                      {"attendees", e.attendees},
                      {"interactions", e.interactions},
                      {"new_ties", e.new_ties},
                      {"new_real_ties", e.new_real_ties},
                      {"new_cross_sector_real_ties", e.new_cross_sector_real_ties}});
  json co_attendance = nullptr;
  if (const auto& c = r.co_attendance)
    co_attendance = {{"events", c->events},
                     {"attendees", c->attendees},
                     {"pairs", c->pairs},
                     {"pairs_with_tie", c->pairs_with_tie},
                     {"pairs_with_real_tie", c->pairs_with_real_tie},
                     {"pairs_without_tie", c->pairs_without_tie},
                     {"exact", c->exact},
                     {"counted_as_ties", c->counted_as_ties}};
  json passes = json::array();
  for (const auto& p : r.passes) passes.push_back({{"name", p.name}, {"seconds", p.seconds}, {"ran", p.ran}});
  json betweenness = {{"exact", r.betweenness.exact}};
  if (!r.betweenness.exact)
    betweenness.update({{"samples", r.betweenness.samples},
                        {"max_error", r.betweenness.guarantee},
                        {"confidence", 1 - r.betweenness.delta}});
  return {{"network", network},
          {"members", members},
          {"suggestions", {{"introductions", intros}, {"invite", invite}}},
          {"online_only", online},
          {"fading", fading},
          {"events", events},
          {"co_attendance", co_attendance},
          {"betweenness", betweenness},
          {"passes", passes}};
}

// Calls fn(begin, end, out) on `parts` consecutive slices of [0, n) at once,
// each writing its own string; returns them in order.
template <typename Fn>
std::vector<std::string> InSlices(int64_t n, int parts, Fn fn) {
  parts = static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(parts, n / 4096 + 1)));
  std::vector<std::string> out(parts);
  RunThreads(parts, [&](int t) { fn(n * t / parts, n * (t + 1) / parts, out[t]); });
  return out;
}

}  // namespace

json ReportToJson(const Report& r) {
  return ReportJson(r, true);
}

// The same text as ReportToJson(r).dump(1), without building the members'
// DOM at once: the members are serialised in slices on all cores, each object
// re-indented to its depth (two levels: one space each).
void WriteReportJson(const Report& r, std::ostream& out) {
  const std::string head = ReportJson(r, false).dump(1);
  const std::string placeholder = json(kMembersPlaceholder).dump();
  const size_t at = head.find(placeholder);
  out << head.substr(0, at);
  if (r.members.empty()) {
    out << "[]";
  } else {
    auto slices = InSlices(static_cast<int64_t>(r.members.size()), ResolveThreads(0),
                           [&](int64_t begin, int64_t end, std::string& text) {
                             for (int64_t i = begin; i < end; ++i) {
                               const std::string one = MemberJson(r.members[i]).dump(1);
                               text += i == 0 ? "[\n  " : ",\n  ";
                               for (char c : one) {
                                 text += c;
                                 if (c == '\n') text += "  ";
                               }
                             }
                           });
    for (const auto& t : slices) out << t;
    out << "\n ]";
  }
  out << head.substr(at + placeholder.size());
}

json PositionToJson(const MemberPosition& p) {
  json intros = json::array();
  for (const auto& i : p.introductions) intros.push_back(IntroductionToJson(i));
  json out = MemberJson(p.metrics);
  out.update({{"name", p.name},
              {"sector", p.sector},
              {"betweenness_percentile", p.betweenness_percentile},
              {"component_size", p.component_size},
              {"real_ties", p.real_ties},
              {"online_only_ties", p.online_only_ties},
              {"cross_sector_ties", p.cross_sector_ties},
              {"sectors_reached", p.sectors_reached},
              {"last_active", p.last_active == kNoDate ? json(nullptr) : json(FormatDay(p.last_active))},
              {"fading", p.fading},
              {"introductions", intros}});
  return out;
}

namespace {

json MapNodeJson(const Analysis& a, const Layout& layout, int32_t v) {
  const Graph& g = a.graph;
  const MemberMetrics& m = a.report.members[v];
  return {{"id", g.ids[v]},
          {"name", g.names[v]},
          {"sector", g.sector_names[g.sector[v]]},
          {"community", m.community},
          {"x", layout.x[v]},
          {"y", layout.y[v]},
          {"degree", m.degree},
          {"betweenness", Num(m.betweenness)}};
}

json MapEdgeJson(const Graph& g, int32_t v, int64_t e) {
  return {{"source", g.ids[v]}, {"target", g.ids[g.adj[e]]}, {"weight", g.weight[e]}, {"real", g.real[e] != 0}};
}

}  // namespace

// The same text as MapToJson(a, layout).dump(), written in slices on all cores
// instead of one DOM of every tie (a million ties: about a gigabyte).
void WriteMapJson(const Analysis& a, const Layout& layout, std::ostream& out) {
  const Graph& g = a.graph;
  const int threads = ResolveThreads(0);
  auto nodes = InSlices(g.NodeCount(), threads, [&](int64_t begin, int64_t end, std::string& text) {
    for (int64_t v = begin; v < end; ++v) {
      if (v > 0) text += ',';
      text += MapNodeJson(a, layout, static_cast<int32_t>(v)).dump();
    }
  });
  // Edges in node order; a slice of nodes writes the ties whose lower end it holds.
  auto edges = InSlices(g.NodeCount(), threads, [&](int64_t begin, int64_t end, std::string& text) {
    for (int64_t v = begin; v < end; ++v)
      for (int64_t e = g.Begin(static_cast<int32_t>(v)); e < g.End(static_cast<int32_t>(v)); ++e)
        if (g.adj[e] > v) {
          text += ',';
          text += MapEdgeJson(g, static_cast<int32_t>(v), e).dump();
        }
  });
  out << "{\"nodes\":[";
  for (const auto& t : nodes) out << t;
  out << "],\"edges\":[";
  bool first = true;
  for (const auto& t : edges) {
    if (t.empty()) continue;
    out << (first ? std::string_view(t).substr(1) : std::string_view(t));  // the first edge has no comma
    first = false;
  }
  out << "],\"sectors\":" << json(g.sector_names).dump()
      << ",\"communities\":" << json(a.report.network.communities).dump() << '}';
}

json MapToJson(const Analysis& a, const Layout& layout) {
  const Graph& g = a.graph;
  json nodes = json::array(), edges = json::array();
  for (int32_t v = 0; v < g.NodeCount(); ++v) {
    nodes.push_back(MapNodeJson(a, layout, v));
    for (int64_t e = g.Begin(v); e < g.End(v); ++e)
      if (g.adj[e] > v) edges.push_back(MapEdgeJson(g, v, e));
  }
  return {
      {"nodes", nodes}, {"edges", edges}, {"sectors", g.sector_names}, {"communities", a.report.network.communities}};
}

void WriteMembersCsv(const Analysis& a, std::ostream& out) {
  const Graph& g = a.graph;
  out << "id,name,sector,degree,strength,betweenness,core,community,constraint,effective_size,"
         "coordinator,consultant,representative,liaison,co_attendees,co_attendees_without_tie\n";
  const auto& co = a.report.co_attendance;
  const bool counted = co && co->co_attendees.size() == static_cast<size_t>(g.NodeCount());
  for (int32_t v = 0; v < g.NodeCount(); ++v) {
    auto values = NodeValues(a, v);
    out << Csv(g.ids[v]);
    for (auto& x : values) out << ',' << (x == "NaN" ? std::string() : Csv(x));
    if (counted)
      out << ',' << co->co_attendees[v] << ',' << co->co_attendees_without_tie[v] << '\n';
    else
      out << ",,\n";
  }
}

void WriteGraphMl(const Analysis& a, std::ostream& out) {
  const Graph& g = a.graph;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  int k = 0;
  for (const auto& c : kNodeColumns)
    out << "  <key id=\"d" << k++ << "\" for=\"node\" attr.name=\"" << c.name << "\" attr.type=\"" << c.graphml_type
        << "\"/>\n";
  for (const auto& name : g.attribute_names)
    out << "  <key id=\"d" << k++ << "\" for=\"node\" attr.name=\"" << Xml(name) << "\" attr.type=\"string\"/>\n";
  const int weight_key = k++, real_key = k++, co_key = k++;
  out << "  <key id=\"d" << weight_key << "\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n";
  out << "  <key id=\"d" << real_key << "\" for=\"edge\" attr.name=\"real\" attr.type=\"boolean\"/>\n";
  out << "  <key id=\"d" << co_key << "\" for=\"edge\" attr.name=\"co_attendance\" attr.type=\"long\"/>\n";
  out << "  <graph id=\"verbinder\" edgedefault=\"undirected\">\n";
  for (int32_t v = 0; v < g.NodeCount(); ++v) {
    out << "    <node id=\"" << Xml(g.ids[v]) << "\">\n";
    auto values = NodeValues(a, v);
    int d = 0;
    for (const auto& x : values) out << "      <data key=\"d" << d++ << "\">" << Xml(x) << "</data>\n";
    for (const auto& x : g.attributes[v]) out << "      <data key=\"d" << d++ << "\">" << Xml(x) << "</data>\n";
    out << "    </node>\n";
  }
  for (int32_t v = 0; v < g.NodeCount(); ++v)
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) {
      if (g.adj[e] < v) continue;
      out << "    <edge source=\"" << Xml(g.ids[v]) << "\" target=\"" << Xml(g.ids[g.adj[e]]) << "\">"
          << "<data key=\"d" << weight_key << "\">" << Fmt(g.weight[e]) << "</data>"
          << "<data key=\"d" << real_key << "\">" << (g.real[e] ? "true" : "false") << "</data>"
          << "<data key=\"d" << co_key << "\">" << g.CoAttendance(e) << "</data></edge>\n";
    }
  out << "  </graph>\n</graphml>\n";
}

void WriteGexf(const Analysis& a, std::ostream& out) {
  const Graph& g = a.graph;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
         "  <meta><creator>verbinder</creator><description>verbinder network analysis</description></meta>\n"
         "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n"
         "    <attributes class=\"node\">\n";
  int k = 0;
  // "name" is the node label in GEXF; the other columns are attributes.
  for (const auto& c : kNodeColumns) {
    if (k > 0)
      out << "      <attribute id=\"" << k << "\" title=\"" << c.name << "\" type=\"" << c.gexf_type << "\"/>\n";
    ++k;
  }
  for (const auto& name : g.attribute_names)
    out << "      <attribute id=\"" << k++ << "\" title=\"" << Xml(name) << "\" type=\"string\"/>\n";
  out << "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"0\" title=\"real\" type=\"boolean\"/>\n"
         "      <attribute id=\"1\" title=\"co_attendance\" type=\"long\"/>\n"
         "    </attributes>\n"
         "    <nodes>\n";
  for (int32_t v = 0; v < g.NodeCount(); ++v) {
    auto values = NodeValues(a, v);
    out << "      <node id=\"" << Xml(g.ids[v]) << "\" label=\"" << Xml(g.names[v].empty() ? g.ids[v] : g.names[v])
        << "\"><attvalues>";
    for (size_t i = 1; i < values.size(); ++i)
      out << "<attvalue for=\"" << i << "\" value=\"" << Xml(values[i]) << "\"/>";
    for (size_t i = 0; i < g.attributes[v].size(); ++i)
      out << "<attvalue for=\"" << values.size() + i << "\" value=\"" << Xml(g.attributes[v][i]) << "\"/>";
    out << "</attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  int64_t id = 0;
  for (int32_t v = 0; v < g.NodeCount(); ++v)
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) {
      if (g.adj[e] < v) continue;
      out << "      <edge id=\"" << id++ << "\" source=\"" << Xml(g.ids[v]) << "\" target=\"" << Xml(g.ids[g.adj[e]])
          << "\" weight=\"" << Fmt(g.weight[e]) << "\"><attvalues><attvalue for=\"0\" value=\""
          << (g.real[e] ? "true" : "false") << "\"/><attvalue for=\"1\" value=\"" << g.CoAttendance(e)
          << "\"/></attvalues></edge>\n";
    }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

void WriteReport(const Analysis& a, ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::kJson:
      WriteReportJson(a.report, out);
      out << '\n';
      break;
    case ExportFormat::kCsv:
      WriteMembersCsv(a, out);
      break;
    case ExportFormat::kGraphMl:
      WriteGraphMl(a, out);
      break;
    case ExportFormat::kGexf:
      WriteGexf(a, out);
      break;
  }
}

}  // namespace verbinder::analysis

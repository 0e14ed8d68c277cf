// The leader's findings and the exports: realness, fading, event yield,
// online-only ties, weaving suggestions, a member's position, the map layout,
// and GraphML/GEXF/CSV/JSON read back (GraphML and GEXF by NetworkX).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <stop_token>

#include "analysis/centrality.h"
#include "analysis/export.h"
#include "analysis/layout.h"
#include "analysis/report.h"
#include "analysis/test_util.h"

namespace verbinder::analysis {
namespace {

using nlohmann::json;
using namespace testing;

Analysis RunAnalysis(const InputPaths& paths, const AnalysisOptions& options = {}) {
  auto input = LoadNetworkFiles(paths);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  auto a = Analyze(*input, options);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return std::move(a).value();
}

InputPaths Ledger() {
  return {TestDataDir() + "/ledger_members.csv", TestDataDir() + "/ledger_ties.csv", ""};
}
InputPaths Karate() {
  return {NetworksDir() + "/karate/members.csv", NetworksDir() + "/karate/ties.csv", ""};
}

TEST(Findings, RealnessFadingOnlineOnlyAndEventYield) {
  Analysis a = RunAnalysis(Ledger());
  const Report& r = a.report;
  EXPECT_EQ(r.network.ties, 8);
  EXPECT_DOUBLE_EQ(r.network.real_tie_share, 4.0 / 8.0);
  EXPECT_EQ(r.network.isolated, std::vector<std::string>{"stil"});
  // Latest date 2025-06-20; Eva's last contact 2024-09-01 is 292 days before.
  ASSERT_EQ(r.fading.size(), 1u);
  EXPECT_EQ(r.fading[0].id, "eva");
  EXPECT_EQ(r.fading[0].days_inactive, 292);
  // care–industry: anja–pieter real, lies–omar real; government–industry online only.
  bool found = false;
  for (const auto& p : r.online_only)
    if (p.sector_a == "government" && p.sector_b == "industry") {
      found = true;
      EXPECT_EQ(p.online_only, 1);
    }
  EXPECT_TRUE(found);
  ASSERT_EQ(r.events.size(), 1u);
  const EventYield& e = r.events[0];
  EXPECT_EQ(e.event, "congres");
  EXPECT_EQ(FormatDay(e.date), "2025-04-15");
  EXPECT_EQ(e.attendees, 4);
  EXPECT_EQ(e.new_ties, 2);  // lies–omar, lies–anja (anja–pieter, omar–pieter met online first)
  EXPECT_EQ(e.new_real_ties, 4);
  EXPECT_EQ(e.new_cross_sector_real_ties, 2);  // anja–pieter, lies–omar (care–industry)
  // The invite list reaches the isolated member first, then the fading one.
  ASSERT_GE(r.suggestions.invite.size(), 2u);
  EXPECT_EQ(r.suggestions.invite[0].id, "stil");
  bool eva = false;
  for (const auto& i : r.suggestions.invite) eva = eva || i.id == "eva";
  EXPECT_TRUE(eva);
}

TEST(Findings, RealOnlyAndAsOf) {
  AnalysisOptions real;
  real.real_only = true;
  Analysis a = RunAnalysis(Ledger(), real);
  EXPECT_EQ(a.report.network.ties, 4);
  EXPECT_DOUBLE_EQ(a.report.network.real_tie_share, 1.0);
  EXPECT_FALSE(a.report.online_only.empty());  // still about all ties
  AnalysisOptions past;
  past.as_of = *ParseDay("2025-03-01");
  Analysis b = RunAnalysis(Ledger(), past);
  EXPECT_EQ(b.report.network.ties, 5);
  EXPECT_DOUBLE_EQ(b.report.network.real_tie_share, 0.0);
  EXPECT_TRUE(b.report.events.empty());
}

TEST(Suggestions, IntroductionsAreOpenTriadsAcrossSectorsOrCommunities) {
  Analysis a = RunAnalysis(Karate());
  const Graph& g = a.graph;
  const auto& intros = a.report.suggestions.introductions;
  ASSERT_FALSE(intros.empty());
  double last = 1e300;
  for (const auto& i : intros) {
    const int32_t x = g.index.at(i.a), y = g.index.at(i.b), v = g.index.at(i.via);
    EXPECT_FALSE(g.HasTie(x, y)) << i.a << "-" << i.b;
    EXPECT_TRUE(g.HasTie(x, v) && g.HasTie(y, v)) << i.via;
    EXPECT_TRUE(g.sector[x] != g.sector[y] || a.report.members[x].community != a.report.members[y].community);
    EXPECT_LE(i.score, last);
    last = i.score;
    EXPECT_NE(i.reason.find("can introduce them"), std::string::npos);
  }
  auto pos = PositionOf(a, "33");
  ASSERT_TRUE(pos.ok());
  EXPECT_EQ(pos->metrics.degree, 17);
  EXPECT_EQ(pos->component_size, 34);
  EXPECT_GT(pos->betweenness_percentile, 0.9);
  for (const auto& i : pos->introductions) EXPECT_TRUE(i.a == "33" || i.b == "33");
  EXPECT_FALSE(PositionOf(a, "nobody").ok());
}

TEST(Passes, SkippedPassesLeaveUndefinedValues) {
  AnalysisOptions options;
  options.skip = {"betweenness", "communities"};
  Analysis a = RunAnalysis(Karate(), options);
  EXPECT_TRUE(std::isnan(a.report.members[0].betweenness));
  int ran = 0;
  for (const auto& p : a.report.passes) ran += p.ran;
  EXPECT_EQ(ran, static_cast<int>(a.report.passes.size()) - 2);
  options.skip = {"nope"};
  auto input = LoadNetworkFiles(Karate());
  EXPECT_FALSE(Analyze(*input, options).ok());
}

// The report runs on util::PassRunner: the passes in pipeline order, named as
// in kPassNames between build_graph and verify.
TEST(Passes, EveryPassIsRecordedInOrderBetweenBuildAndVerify) {
  Analysis a = RunAnalysis(Karate());
  const auto& p = a.report.passes;
  ASSERT_EQ(p.size(), std::size(kPassNames) + 2);
  EXPECT_EQ(p.front().name, "build_graph");
  EXPECT_EQ(p.back().name, "verify");
  for (size_t i = 0; i < std::size(kPassNames); ++i) {
    EXPECT_EQ(p[i + 1].name, kPassNames[i]);
    EXPECT_TRUE(p[i + 1].ran);
    EXPECT_GE(p[i + 1].seconds, 0.0);
  }
}

// A stop requested before or during the run never yields a partial report.
TEST(Passes, AStoppedRunReturnsUnavailableNotAPartialReport) {
  auto input = LoadNetworkFiles(Karate());
  ASSERT_TRUE(input.ok());
  std::stop_source stop;
  stop.request_stop();
  AnalysisOptions options;
  options.stop = stop.get_token();
  auto a = Analyze(*input, options);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Code::kUnavailable);
  // The same input without a stop is fine (the stop is the only difference).
  EXPECT_TRUE(Analyze(*input, {}).ok());
  // Betweenness ends at once on a stop too (values then incomplete: here none counted).
  auto g = BuildGraph(*input);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(ExactBetweenness(*g, 1, stop.get_token()), std::vector<double>(g->NodeCount(), 0.0));
}

TEST(Layout, PositionsAreFiniteAndSpread) {
  Analysis a = RunAnalysis(Karate());
  Layout l = ComputeLayout(a.graph);
  ASSERT_EQ(l.x.size(), 34u);
  double minx = 1e9, maxx = -1e9;
  for (size_t v = 0; v < l.x.size(); ++v) {
    EXPECT_TRUE(std::isfinite(l.x[v]) && std::isfinite(l.y[v]));
    EXPECT_GE(l.x[v], 0);
    EXPECT_LE(l.y[v], 1000 + 1e-9);
    minx = std::min(minx, l.x[v]);
    maxx = std::max(maxx, l.x[v]);
  }
  EXPECT_GT(maxx - minx, 100);
  json map = MapToJson(a, l);
  EXPECT_EQ(map["nodes"].size(), 34u);
  EXPECT_EQ(map["edges"].size(), 78u);
}

// Planted partition: `groups` groups of `size` members, each pair tied with
// probability p_in inside a group and p_out between groups (fixed seed).
Graph PlantedPartition(int32_t groups, int32_t size, double p_in, double p_out, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const int32_t n = groups * size;
  std::vector<Edge> edges;
  for (int32_t u = 0; u < n; ++u)
    for (int32_t v = u + 1; v < n; ++v) {
      const double p = u / size == v / size ? p_in : p_out;
      if (static_cast<double>(rng() >> 11) * 0x1.0p-53 < p) edges.push_back({u, v});
    }
  return GraphFromEdges(n, edges);
}

double MeanTieLengthOverMeanPairDistance(const Graph& g, const Layout& l) {
  double tie = 0, pair = 0;
  int64_t ties = 0, pairs = 0;
  for (int32_t u = 0; u < g.NodeCount(); ++u) {
    for (int64_t e = g.Begin(u); e < g.End(u); ++e, ++ties)
      tie += std::hypot(l.x[u] - l.x[g.adj[e]], l.y[u] - l.y[g.adj[e]]);
    for (int32_t v = u + 1; v < g.NodeCount(); ++v, ++pairs) pair += std::hypot(l.x[u] - l.x[v], l.y[u] - l.y[v]);
  }
  return (tie / ties) / (pair / pairs);
}

void ExpectInsideAndDistinct(const Layout& l) {
  std::set<std::pair<double, double>> seen;
  for (size_t v = 0; v < l.x.size(); ++v) {
    EXPECT_TRUE(std::isfinite(l.x[v]) && std::isfinite(l.y[v])) << v;
    EXPECT_GE(l.x[v], 0) << v;
    EXPECT_LE(l.x[v], 1000) << v;
    EXPECT_GE(l.y[v], 0) << v;
    EXPECT_LE(l.y[v], 1000) << v;
    EXPECT_TRUE(seen.emplace(l.x[v], l.y[v]).second) << "member " << v << " on the same point as another";
  }
}

TEST(Layout, SameSeedSamePositionsOtherSeedOtherPositions) {
  Analysis a = RunAnalysis(Karate());
  const Layout first = ComputeLayout(a.graph, {.seed = 7});
  const Layout again = ComputeLayout(a.graph, {.seed = 7});
  const Layout other = ComputeLayout(a.graph, {.seed = 8});
  EXPECT_EQ(first.x, again.x);
  EXPECT_EQ(first.y, again.y);
  double moved = 0;
  for (size_t v = 0; v < first.x.size(); ++v)
    moved = std::max(moved, std::hypot(first.x[v] - other.x[v], first.y[v] - other.y[v]));
  EXPECT_GT(moved, 10) << "another seed should give another layout";
}

TEST(Layout, SameResultOnOneThreadAndOnTwo) {
  // 5,000 members: large enough that the force sums run on several threads.
  const Graph g = PlantedPartition(50, 100, 0.08, 0.0005, 11);
  const Layout one = ComputeLayout(g, {.seed = 3, .threads = 1});
  const Layout two = ComputeLayout(g, {.seed = 3, .threads = 2});
  EXPECT_EQ(one.x, two.x);
  EXPECT_EQ(one.y, two.y);
  ExpectInsideAndDistinct(one);
}

TEST(Layout, EmptySingleAndTwoMembers) {
  EXPECT_TRUE(ComputeLayout(GraphFromEdges(0, {})).x.empty());
  const Layout one = ComputeLayout(GraphFromEdges(1, {}));
  ASSERT_EQ(one.x.size(), 1u);
  ExpectInsideAndDistinct(one);
  for (const auto& edges : {std::vector<Edge>{}, std::vector<Edge>{{0, 1}}}) {
    const Layout two = ComputeLayout(GraphFromEdges(2, edges));
    ASSERT_EQ(two.x.size(), 2u);
    ExpectInsideAndDistinct(two);
    EXPECT_GT(std::hypot(two.x[0] - two.x[1], two.y[0] - two.y[1]), 100) << edges.size() << " ties";
  }
}

TEST(Layout, ComponentsAndIsolatedMembersApartAndNotStacked) {
  // Two rings of 30 with chords (members 0..29 and 30..59), then 10 isolated members.
  std::vector<Edge> edges;
  for (int32_t base : {0, 30})
    for (int32_t i = 0; i < 30; ++i) {
      edges.push_back({base + i, base + (i + 1) % 30});
      edges.push_back({base + i, base + (i + 7) % 30});
    }
  const Graph g = GraphFromEdges(70, edges);
  const Layout l = ComputeLayout(g, {.seed = 5});
  ASSERT_EQ(l.x.size(), 70u);
  ExpectInsideAndDistinct(l);
  struct Box {
    double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
    bool Contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
  };
  Box ring[2];
  for (int32_t v = 0; v < 60; ++v) {
    Box& b = ring[v / 30];
    b.x0 = std::min(b.x0, l.x[v]), b.x1 = std::max(b.x1, l.x[v]);
    b.y0 = std::min(b.y0, l.y[v]), b.y1 = std::max(b.y1, l.y[v]);
  }
  const bool apart =
      ring[0].x1 < ring[1].x0 || ring[1].x1 < ring[0].x0 || ring[0].y1 < ring[1].y0 || ring[1].y1 < ring[0].y0;
  EXPECT_TRUE(apart) << "the two components' boxes overlap";
  for (int r = 0; r < 2; ++r) {
    EXPECT_GT(ring[r].x1 - ring[r].x0, 50) << "ring " << r << " collapsed";
    EXPECT_GT(ring[r].y1 - ring[r].y0, 50) << "ring " << r << " collapsed";
    for (int32_t v = 60; v < 70; ++v)
      EXPECT_FALSE(ring[r].Contains(l.x[v], l.y[v])) << "isolated " << v << " on ring " << r;
  }
}

TEST(Layout, PlantedGroupsFormClustersAndTiesAreShort) {
  // Oracle: 8 groups of 50, dense inside (p = 0.3), sparse between (p = 0.01).
  const int32_t groups = 8, size = 50, n = groups * size;
  const Graph g = PlantedPartition(groups, size, 0.3, 0.01, 42);
  const Layout l = ComputeLayout(g, {.seed = 1});
  ASSERT_EQ(l.x.size(), static_cast<size_t>(n));
  ExpectInsideAndDistinct(l);
  // A random placement as the baseline for the quality figure (about 1 by construction).
  Layout random;
  std::mt19937_64 rng(9);
  for (int32_t v = 0; v < n; ++v) {
    random.x.push_back(static_cast<double>(rng() >> 11) * 0x1.0p-53 * 1000);
    random.y.push_back(static_cast<double>(rng() >> 11) * 0x1.0p-53 * 1000);
  }
  const double ours = MeanTieLengthOverMeanPairDistance(g, l);
  const double baseline = MeanTieLengthOverMeanPairDistance(g, random);
  EXPECT_GT(baseline, 0.9);
  EXPECT_LT(ours, 0.5 * baseline) << "ours " << ours << ", random placement " << baseline;
  double same = 0, different = 0;
  int64_t same_pairs = 0, different_pairs = 0;
  for (int32_t u = 0; u < n; ++u)
    for (int32_t v = u + 1; v < n; ++v) {
      const double d = std::hypot(l.x[u] - l.x[v], l.y[u] - l.y[v]);
      if (u / size == v / size)
        same += d, ++same_pairs;
      else
        different += d, ++different_pairs;
    }
  same /= same_pairs, different /= different_pairs;
  EXPECT_LT(same, 0.5 * different) << "mean distance inside a group " << same << ", between groups " << different;
  std::printf("planted partition: tie/pair ours %.3f, random %.3f; within group %.1f, between %.1f\n", ours, baseline,
              same, different);
}

TEST(Exports, GraphMlAndGexfReadBackByNetworkX) {
  Analysis a = RunAnalysis(Ledger());
  const std::string dir = MakeTempDir("export");
  for (auto [fmt, flag] : {std::pair{ExportFormat::kGraphMl, "--graphml"}, std::pair{ExportFormat::kGexf, "--gexf"}}) {
    const std::string path = dir + "/out" + flag;
    {
      std::ofstream out(path);
      WriteReport(a, fmt, out);
    }
    json nx = NetworkXReference(std::string("read ") + flag + " " + path);
    EXPECT_FALSE(nx["directed"].get<bool>()) << flag;
    EXPECT_EQ(nx["nodes"].get<int>(), 7) << flag;
    EXPECT_EQ(nx["edges"].get<int>(), 8) << flag;
    EXPECT_NEAR(nx["weight"].get<double>(), 22.5, 1e-12) << flag;
    EXPECT_EQ(nx["real"].get<int>(), 4) << flag;
    const json& anja = nx["node_data"]["anja"];
    EXPECT_EQ(anja["sector"], "care") << flag;
    EXPECT_EQ(anja["organization"], "Thuiszorg Oost") << flag;
    EXPECT_NEAR(anja["betweenness"].get<double>(), a.report.members[0].betweenness, 1e-12) << flag;
    EXPECT_EQ(anja["degree"].get<int>(), 3) << flag;
    EXPECT_TRUE(nx["node_data"]["stil"]["constraint"].is_null()) << flag << ": NaN for isolated";
  }
}

// Ids, names and organizations with XML's special characters (& < > " ') come
// back from NetworkX exactly as written; an apostrophe is escaped as &#39;
// (util/strings.h's HtmlEscape, the one escaping of the tree).
TEST(Exports, GraphMlAndGexfEscapeSpecialCharactersNetworkXReadsBack) {
  const std::string dir = MakeTempDir("escape");
  const std::string org = "Bakker & Zn's <\"BV\">";
  WriteText(dir + "/members.csv",
            "id,name,sector,organization\n"
            "o'brien,Sean O'Brien,care,\"Bakker & Zn's <\"\"BV\"\">\"\n"
            "a&b,A & B,industry,Fabriek\n");
  WriteText(dir + "/ties.csv", "source,target,weight,kind,date,event\no'brien,a&b,1,connected,2025-01-10,\n");
  Analysis a = RunAnalysis({dir + "/members.csv", dir + "/ties.csv", ""});
  for (auto [fmt, flag] : {std::pair{ExportFormat::kGraphMl, "--graphml"}, std::pair{ExportFormat::kGexf, "--gexf"}}) {
    const std::string path = dir + "/out" + flag;
    std::ostringstream text;
    WriteReport(a, fmt, text);
    EXPECT_NE(text.str().find("Zn&#39;s &lt;&quot;BV&quot;&gt;"), std::string::npos) << flag;
    WriteText(path, text.str());
    json nx = NetworkXReference(std::string("read ") + flag + " " + path);
    EXPECT_EQ(nx["nodes"].get<int>(), 2) << flag;
    EXPECT_EQ(nx["edges"].get<int>(), 1) << flag;
    ASSERT_TRUE(nx["node_data"].contains("o'brien")) << flag;
    ASSERT_TRUE(nx["node_data"].contains("a&b")) << flag;
    EXPECT_EQ(nx["node_data"]["o'brien"]["organization"], org) << flag;
  }
}

TEST(Exports, CsvAndJsonShapes) {
  Analysis a = RunAnalysis(Karate());
  std::ostringstream csv, js;
  WriteReport(a, ExportFormat::kCsv, csv);
  WriteReport(a, ExportFormat::kJson, js);
  std::string text = csv.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 35);
  EXPECT_EQ(text.rfind("id,name,sector,degree,strength,betweenness,core,community,constraint", 0), 0u);
  auto j = nlohmann::ordered_json::parse(js.str());
  for (const char* k : {"members", "ties", "density", "components", "modularity", "communities", "ei_index",
                        "sector_ei", "sector_assortativity", "real_tie_share", "isolated"})
    EXPECT_TRUE(j["network"].contains(k)) << k;
  for (const char* k :
       {"id", "degree", "strength", "betweenness", "core", "community", "constraint", "effective_size", "brokerage"})
    EXPECT_TRUE(j["members"][0].contains(k)) << k;
  for (const char* k : {"coordinator", "consultant", "representative", "liaison"})
    EXPECT_TRUE(j["members"][0]["brokerage"].contains(k)) << k;
  for (const char* k : {"a", "b", "via", "score", "reason"})
    EXPECT_TRUE(j["suggestions"]["introductions"][0].contains(k)) << k;
  EXPECT_TRUE(j["suggestions"]["invite"].is_array());
  EXPECT_EQ(j.begin().key(), "network");
}

TEST(Cli, FormatsAndOptionsThroughTheBinary) {
  const std::string bin = VerbinderBinary();
  if (bin.empty()) GTEST_SKIP() << "VERBINDER_BINARY not built";
  const InputPaths k = Karate();
  const std::string base = bin + " analyze --members " + k.members + " --ties " + k.ties;
  const std::string dir = MakeTempDir("cli");
  auto r = RunCommand(base + " --out " + dir + "/r.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(ReadText(dir + "/r.json"));
  EXPECT_EQ(j["network"]["members"], 34);
  for (const char* f : {"csv", "graphml", "gexf"}) {
    auto x = RunCommand(base + " --format " + f);
    EXPECT_EQ(x.exit_code, 0) << f << x.err;
    EXPECT_GT(x.out.size(), 1000u) << f;
  }
  auto p = RunCommand(base + " --position 0 --map " + dir + "/map.json");
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_EQ(json::parse(p.out)["degree"], 16);
  EXPECT_EQ(json::parse(ReadText(dir + "/map.json"))["nodes"].size(), 34u);
  const InputPaths l = Ledger();
  auto real = RunCommand(bin + " analyze --members " + l.members + " --ties " + l.ties +
                         " --real-only --as-of 2025-05-01 --fading-days 30");
  ASSERT_EQ(real.exit_code, 0) << real.err;
  json rj = json::parse(real.out);
  EXPECT_EQ(rj["network"]["ties"], 4);
  EXPECT_FALSE(rj["fading"].empty());
  auto approx = RunCommand(base + " --betweenness approx --epsilon 0.05");
  ASSERT_EQ(approx.exit_code, 0);
  EXPECT_FALSE(json::parse(approx.out)["betweenness"]["exact"].get<bool>());
}

// The streaming writers give the very text of the DOM dumps, on a small
// network (one slice) and one large enough to be written in slices.
TEST(Export, StreamingWritersMatchTheDomDumpsByteForByte) {
  const std::string dir = MakeTempDir("export_stream");
  GeneratedFiles big = WriteGeneratedNetwork(dir, 9000, 30, 0.01, 0.0002, 40, 7);
  for (const InputPaths& paths : {Karate(), InputPaths{big.members, big.ties, ""}}) {
    AnalysisOptions options;
    options.skip = {"betweenness"};  // NaN → null on every member
    Analysis a = RunAnalysis(paths, options);
    std::ostringstream report, map;
    WriteReportJson(a.report, report);
    EXPECT_EQ(report.str(), ReportToJson(a.report).dump(1)) << paths.ties;
    Layout layout = ComputeLayout(a.graph);
    WriteMapJson(a, layout, map);
    EXPECT_EQ(map.str(), MapToJson(a, layout).dump()) << paths.ties;
  }
  Report empty;
  std::ostringstream out;
  WriteReportJson(empty, out);
  EXPECT_EQ(out.str(), ReportToJson(empty).dump(1));
}

}  // namespace
}  // namespace verbinder::analysis

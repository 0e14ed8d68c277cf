// The leader's findings and the exports: realness, fading, event yield,
// online-only ties, weaving suggestions, a member's position, the map layout,
// and GraphML/GEXF/CSV/JSON read back (GraphML and GEXF by NetworkX).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "analysis/export.h"
#include "analysis/layout.h"
#include "analysis/report.h"
#include "analysis/test_util.h"

namespace verbinder::analysis {
namespace {

using nlohmann::json;
using namespace testing;

Analysis RunAnalysis(const InputPaths& paths, AnalysisOptions options = {}) {
  auto input = LoadNetworkFiles(paths);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  auto a = Analyze(*input, options);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return std::move(a).value();
}

InputPaths Ledger() { return {TestDataDir() + "/ledger_members.csv", TestDataDir() + "/ledger_ties.csv", ""}; }
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
  EXPECT_EQ(e.new_ties, 2);                    // lies–omar, lies–anja (anja–pieter, omar–pieter met online first)
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
  for (const char* k : {"id", "degree", "strength", "betweenness", "core", "community", "constraint",
                        "effective_size", "brokerage"})
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

}  // namespace
}  // namespace verbinder::analysis

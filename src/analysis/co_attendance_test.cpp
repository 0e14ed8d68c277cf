// Issue 14 "Real means real": being at the same event is co-attendance —
// context, never a tie, never real — unless --with-attendance asks for it.
// The co_attendance section is checked against NetworkX's bipartite projection
// (nx_reference.py coattendance) and against a hand-counted case
// (testdata/coattendance_*.csv, described in testdata/README.md).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "analysis/analysis_cli.h"
#include "analysis/co_attendance.h"
#include "analysis/export.h"
#include "analysis/insights.h"
#include "analysis/report.h"
#include "analysis/test_util.h"

namespace verbinder::analysis {
namespace {

using nlohmann::json;
using namespace testing;

InputPaths Small() {
  const std::string d = TestDataDir();
  return {d + "/coattendance_members.csv", d + "/coattendance_ties.csv", d + "/coattendance_attendance.csv"};
}
TieInput Tie(std::string a, std::string b) {
  TieInput t;
  t.source = std::move(a);
  t.target = std::move(b);
  return t;
}
std::string DavisAttendance() {
  return NetworksDir() + "/davis/attendance.csv";
}

NetworkInput Load(const InputPaths& paths) {
  auto input = LoadNetworkFiles(paths);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  return std::move(input).value();
}

Analysis RunAnalysis(const InputPaths& paths, AnalysisOptions options = {}) {
  options.threads = 1;
  auto a = Analyze(Load(paths), options);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return std::move(a).value();
}

const EventYield& YieldOf(const Report& r, const std::string& event) {
  for (const auto& e : r.events)
    if (e.event == event) return e;
  ADD_FAILURE() << "no event " << event;
  static const EventYield kNone;
  return kNone;
}

// Compares the co_attendance section, the per-member counts and the per-tie
// counts of the tie graph with NetworkX's projection of the same files.
void ExpectMatchesNetworkX(const InputPaths& paths, Day as_of = kNoDate) {
  AnalysisOptions options;
  options.as_of = as_of;
  Analysis a = RunAnalysis(paths, options);
  ASSERT_TRUE(a.report.co_attendance.has_value());
  const CoAttendance& c = *a.report.co_attendance;
  std::string args = "coattendance --attendance " + paths.attendance;
  if (!paths.ties.empty()) args += " --ties " + paths.ties;
  if (as_of != kNoDate) args += " --as-of " + FormatDay(as_of);
  json nx = NetworkXReference(args);
  EXPECT_TRUE(c.exact);
  EXPECT_EQ(nx["events"].get<int64_t>(), c.events);
  EXPECT_EQ(nx["attendees"].get<int64_t>(), c.attendees);
  EXPECT_EQ(nx["pairs"].get<int64_t>(), c.pairs);
  EXPECT_EQ(nx["pairs_with_tie"].get<int64_t>(), c.pairs_with_tie);
  EXPECT_EQ(nx["pairs_with_real_tie"].get<int64_t>(), c.pairs_with_real_tie);
  EXPECT_EQ(nx["pairs_without_tie"].get<int64_t>(), c.pairs_without_tie);
  const Graph& g = a.graph;
  ASSERT_EQ(c.co_attendees.size(), static_cast<size_t>(g.NodeCount()));
  for (int32_t v = 0; v < g.NodeCount(); ++v) {
    const std::string& id = g.ids[v];
    EXPECT_EQ(nx["co_attendees"].value(id, 0), c.co_attendees[v]) << id;
    EXPECT_EQ(nx["co_attendees_without_tie"].value(id, 0), c.co_attendees_without_tie[v]) << id;
  }
  // Without with_attendance the analysed graph is the tie graph: every tie
  // carries the number of events its pair attended together.
  int64_t ties = 0;
  for (int32_t u = 0; u < g.NodeCount(); ++u)
    for (int64_t e = g.Begin(u); e < g.End(u); ++e) {
      if (g.adj[e] < u) continue;
      ++ties;
      const std::string key =
          g.ids[u] < g.ids[g.adj[e]] ? g.ids[u] + "|" + g.ids[g.adj[e]] : g.ids[g.adj[e]] + "|" + g.ids[u];
      ASSERT_TRUE(nx["tie_co_attendance"].contains(key)) << key;
      EXPECT_EQ(nx["tie_co_attendance"][key].get<int32_t>(), g.CoAttendance(e)) << key;
      EXPECT_EQ(g.CoAttendance(e), g.CoAttendance(g.Slot(g.adj[e], u))) << key << " both ways";
    }
  EXPECT_EQ(static_cast<int64_t>(nx["tie_co_attendance"].size()), ties);
}

// --- The graph: attendance is no tie by default ------------------------------

TEST(CoAttendance, AttendanceOnlyInputHasNoTiesByDefault) {
  NetworkInput input = Load({"", "", DavisAttendance()});
  auto g = BuildGraph(input);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->NodeCount(), 18);  // attendance still implies the members
  EXPECT_EQ(g->TieCount(), 0);
  auto projected = BuildGraph(input, {.with_attendance = true});
  ASSERT_TRUE(projected.ok());
  EXPECT_EQ(projected->TieCount(), 139);  // the Southern Women projection, as before issue 14

  Analysis a = RunAnalysis({"", "", DavisAttendance()});
  EXPECT_EQ(a.report.network.ties, 0);
  EXPECT_EQ(a.report.network.density, 0.0);
  EXPECT_EQ(a.report.network.isolated.size(), 18u);
  for (const auto& e : a.report.events) {
    EXPECT_EQ(e.new_ties, 0) << e.event;
    EXPECT_EQ(e.new_real_ties, 0) << e.event;
    EXPECT_EQ(e.interactions, 0) << e.event;
    EXPECT_GT(e.attendees, 0) << e.event;
  }
}

TEST(CoAttendance, UnknownAttendeeIsStillAnErrorWithoutProjection) {
  const std::string dir = MakeTempDir("unknown");
  WriteText(dir + "/attendance.csv", "member,event\na,E1\nzz,E1\n");
  NetworkInput input = Load({Small().members, Small().ties, dir + "/attendance.csv"});
  auto g = BuildGraph(input);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("line 3, column 'member': unknown member id 'zz'"), std::string::npos)
      << g.status().message();
}

TEST(CoAttendance, DefaultKeepsAttendanceOutOfTiesAndRealShare) {
  Analysis a = RunAnalysis(Small());
  const Report& r = a.report;
  EXPECT_EQ(r.network.ties, 6);  // a-b, a-d, c-d, a-e, e-f, b-f: tie rows only
  EXPECT_DOUBLE_EQ(r.network.real_tie_share, 3.0 / 6.0);
  EXPECT_DOUBLE_EQ(r.network.density, 6.0 / 15.0);
  EXPECT_FALSE(a.graph.HasTie(a.graph.index.at("b"), a.graph.index.at("c")));

  AnalysisOptions with;
  with.with_attendance = true;
  Analysis w = RunAnalysis(Small(), with);
  EXPECT_EQ(w.report.network.ties, 10);  // + a-c, b-c, b-d, b-e from the projection
  EXPECT_DOUBLE_EQ(w.report.network.real_tie_share, 9.0 / 10.0);
  EXPECT_TRUE(w.graph.HasTie(w.graph.index.at("b"), w.graph.index.at("c")));
}

// --- The co_attendance section -----------------------------------------------

TEST(CoAttendance, HandCountedEvidenceAndCoAttendanceOverlap) {
  Analysis a = RunAnalysis(Small());
  ASSERT_TRUE(a.report.co_attendance.has_value());
  const CoAttendance& c = *a.report.co_attendance;
  EXPECT_EQ(c.events, 3);
  EXPECT_EQ(c.attendees, 6);
  EXPECT_EQ(c.pairs, 8);                // a-b a-c a-d b-c b-d c-d a-e b-e
  EXPECT_EQ(c.pairs_with_tie, 4);       // a-b, a-d, c-d, a-e
  EXPECT_EQ(c.pairs_with_real_tie, 2);  // a-b, a-d (met at E1)
  EXPECT_EQ(c.pairs_without_tie, 4);    // a-c, b-c, b-d, b-e: met nobody knows of
  EXPECT_TRUE(c.exact);
  EXPECT_FALSE(c.counted_as_ties);
  const Graph& g = a.graph;
  auto at = [&](const char* id) { return g.index.at(id); };
  EXPECT_EQ(c.co_attendees[at("a")], 4);
  EXPECT_EQ(c.co_attendees_without_tie[at("b")], 3);
  EXPECT_EQ(c.co_attendees[at("f")], 0);                   // alone at E3
  EXPECT_EQ(g.CoAttendance(g.Slot(at("a"), at("b"))), 2);  // E1 and E2
  EXPECT_EQ(g.CoAttendance(g.Slot(at("b"), at("a"))), 2);
  EXPECT_EQ(g.CoAttendance(g.Slot(at("e"), at("f"))), 0);

  // The section is about the tie rows, whatever the metrics ran on.
  AnalysisOptions with;
  with.with_attendance = true;
  const CoAttendance w = *RunAnalysis(Small(), with).report.co_attendance;
  EXPECT_EQ(w.pairs, 8);
  EXPECT_EQ(w.pairs_with_tie, 4);
  EXPECT_EQ(w.pairs_with_real_tie, 2);
  EXPECT_EQ(w.pairs_without_tie, 4);
  EXPECT_TRUE(w.counted_as_ties);
  AnalysisOptions real;
  real.real_only = true;
  const CoAttendance r = *RunAnalysis(Small(), real).report.co_attendance;
  EXPECT_EQ(r.pairs_with_tie, 4);
  EXPECT_EQ(r.pairs_with_real_tie, 2);
  real.with_attendance = true;
  EXPECT_EQ(RunAnalysis(Small(), real).report.co_attendance->pairs_with_tie, 4);
}

TEST(CoAttendance, HandCountedCaseMatchesNetworkX) {
  ExpectMatchesNetworkX(Small());
  ExpectMatchesNetworkX(Small(), *ParseDay("2025-03-15"));  // E2, E3 and a-e are later
  AnalysisOptions past;
  past.as_of = *ParseDay("2025-03-15");
  const CoAttendance c = *RunAnalysis(Small(), past).report.co_attendance;
  EXPECT_EQ(c.events, 1);
  EXPECT_EQ(c.pairs, 6);
  EXPECT_EQ(c.pairs_with_tie, 3);
}

TEST(CoAttendance, DavisPairsAreTheNetworkXWomenProjection) {
  Analysis a = RunAnalysis({"", "", DavisAttendance()});
  const CoAttendance& c = *a.report.co_attendance;
  json nx = NetworkXReference("coattendance --attendance " + DavisAttendance());
  EXPECT_EQ(nx["pairs"].get<int64_t>(), 139);
  EXPECT_EQ(c.pairs, nx["pairs"].get<int64_t>());
  EXPECT_EQ(c.events, 14);
  EXPECT_EQ(c.attendees, 18);
  EXPECT_EQ(c.pairs_with_tie, 0);
  EXPECT_EQ(c.pairs_without_tie, 139);
  ExpectMatchesNetworkX({"", "", DavisAttendance()});
  // Projected, the pairs become ties, but they are no evidence of themselves.
  AnalysisOptions with;
  with.with_attendance = true;
  Analysis w = RunAnalysis({"", "", DavisAttendance()}, with);
  EXPECT_EQ(w.report.network.ties, 139);
  EXPECT_EQ(w.report.co_attendance->pairs_with_tie, 0);
  // Every projected tie carries the events the two women shared (at least one).
  for (int64_t e = 0; e < static_cast<int64_t>(w.graph.adj.size()); ++e) EXPECT_GE(w.graph.CoAttendance(e), 1);
}

TEST(CoAttendance, GeneratedNetworkWithOverlappingEventsMatchesNetworkX) {
  const std::string dir = MakeTempDir("gen");
  auto f = WriteGeneratedNetwork(dir, 300, 6, 0.08, 0.005, 5, 11);
  // 30 events of 1..80 attendees drawn from the first 300 members (so they
  // overlap and pairs meet at several), with dates, and repeated rows.
  std::mt19937_64 rng(14);
  std::ostringstream att;
  att << "member,event,date\n";
  for (int e = 0; e < 30; ++e) {
    const int k = 1 + static_cast<int>(rng() % 80);
    const int block = static_cast<int>(rng() % 6);
    for (int i = 0; i < k; ++i) {
      // Mostly one block (dense in ties there), sometimes anyone.
      int m = static_cast<int>(rng() % 300);
      if (rng() % 3) m = m - m % 6 + block;
      att << "m" << m << ",event " << e << ",2025-" << (e % 12 < 9 ? "0" : "") << e % 12 + 1 << "-15\n";
    }
  }
  WriteText(dir + "/attendance.csv", att.str());
  const InputPaths paths{f.members, f.ties, dir + "/attendance.csv"};
  ExpectMatchesNetworkX(paths);
  ExpectMatchesNetworkX(paths, *ParseDay("2025-06-30"));
  const CoAttendance c = *RunAnalysis(paths).report.co_attendance;
  EXPECT_GT(c.pairs_with_tie, 0);
  EXPECT_GT(c.pairs_without_tie, 0);
}

TEST(CoAttendance, AboveTheStepLimitPairsAreAnUpperBound) {
  // E1 {a, b, c}, E2 {a, b, d}: 6 pair steps, 5 distinct pairs; a-b is a tie.
  NetworkInput input;
  input.ties = {Tie("a", "b")};
  for (const char* m : {"a", "b", "c"}) input.attendance.push_back({m, "E1", kNoDate, 0});
  for (const char* m : {"a", "b", "d"}) input.attendance.push_back({m, "E2", kNoDate, 0});
  auto g = BuildGraph(input);
  ASSERT_TRUE(g.ok());
  const AttendanceIndex at = IndexAttendance(input, g->index, g->NodeCount(), kNoDate);
  const CoAttendance exact = SummarizeCoAttendance(at, *g);
  EXPECT_TRUE(exact.exact);
  EXPECT_EQ(exact.pairs, 5);
  EXPECT_EQ(exact.pairs_with_tie, 1);
  EXPECT_EQ(exact.pairs_without_tie, 4);
  const CoAttendance bound = SummarizeCoAttendance(at, *g, /*max_pair_steps=*/5);
  EXPECT_FALSE(bound.exact);
  EXPECT_EQ(bound.pairs, 6);  // min(6 steps, 4 attendees choose 2)
  EXPECT_EQ(bound.pairs_with_tie, 1);
  EXPECT_EQ(bound.pairs_without_tie, 5);
  EXPECT_TRUE(bound.co_attendees.empty());
}

TEST(CoAttendance, CongressOfTwoThousandIsCheap) {
  // One event of 2,000 (about 2 M pairs) in a network of 20,000 members who
  // are tied in a ring; the rest attend small events of 10.
  NetworkInput input;
  const int n = 20000;
  for (int v = 0; v < n; ++v) input.ties.push_back(Tie(std::to_string(v), std::to_string((v + 1) % n)));
  for (int v = 0; v < 2000; ++v) input.attendance.push_back({std::to_string(v), "congress", kNoDate, 0});
  for (int v = 2000; v < n; ++v)
    input.attendance.push_back({std::to_string(v), "meetup " + std::to_string(v / 10), kNoDate, 0});
  AnalysisOptions options;
  options.skip = {"betweenness", "communities", "suggestions"};
  auto start = std::chrono::steady_clock::now();
  auto a = Analyze(input, options);
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  const CoAttendance& c = *a->report.co_attendance;
  EXPECT_TRUE(c.exact);
  EXPECT_EQ(c.events, 1 + 1800);
  EXPECT_EQ(c.pairs, 2000LL * 1999 / 2 + 1800LL * 45);
  EXPECT_EQ(c.pairs_with_tie, 1999 + 1800LL * 9);  // ring neighbours inside each event
  EXPECT_EQ(a->report.network.ties, n);
  double pass = 0;
  for (const auto& p : a->report.passes)
    if (p.name == "co_attendance") pass = p.seconds;
  std::printf("co_attendance pass on %lld pairs: %.3f s (whole analysis %.3f s)\n", static_cast<long long>(c.pairs),
              pass, took.count());
  EXPECT_LT(pass, 5.0);
}

TEST(CoAttendance, PassCanBeSwitchedOff) {
  AnalysisOptions options;
  options.skip = {"co_attendance"};
  Analysis a = RunAnalysis(Small(), options);
  EXPECT_FALSE(a.report.co_attendance.has_value());
  EXPECT_TRUE(ReportToJson(a.report)["co_attendance"].is_null());
  std::ostringstream csv;
  WriteMembersCsv(a, csv);
  EXPECT_NE(csv.str().find("\na,Anja,care,"), std::string::npos);
  EXPECT_NE(csv.str().find(",,\n"), std::string::npos) << "empty co-attendance cells";
}

// --- Event yield ---------------------------------------------------------------

TEST(CoAttendance, EventYieldCountsTieRowsNotPresence) {
  Analysis a = RunAnalysis(Small());
  const EventYield& e1 = YieldOf(a.report, "E1");
  EXPECT_EQ(FormatDay(e1.date), "2025-03-01");
  EXPECT_EQ(e1.attendees, 4);
  EXPECT_EQ(e1.interactions, 2);                // a-b and a-d meetings
  EXPECT_EQ(e1.new_ties, 1);                    // a-d (a-b were connected in January)
  EXPECT_EQ(e1.new_real_ties, 2);               // a-b, a-d
  EXPECT_EQ(e1.new_cross_sector_real_ties, 2);  // care-industry, care-government
  const EventYield& e2 = YieldOf(a.report, "E2");
  EXPECT_EQ(e2.attendees, 3);
  EXPECT_EQ(e2.new_ties, 0);
  EXPECT_EQ(e2.new_real_ties, 0);
  EXPECT_EQ(YieldOf(a.report, "E3").attendees, 1);

  // With attendance counted as meeting, the yield is what it was before issue 14.
  const NetworkInput input = Load(Small());
  auto g = BuildGraph(input, {.with_attendance = true});
  ASSERT_TRUE(g.ok());
  auto events = ComputeEventYield(input, *g, kNoDate, /*with_attendance=*/true);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].event, "E1");
  EXPECT_EQ(events[0].new_ties, 4);       // a-d, a-c, b-c, b-d
  EXPECT_EQ(events[0].new_real_ties, 6);  // every pair at E1
  EXPECT_EQ(events[0].interactions, 8);
  EXPECT_EQ(events[1].new_ties, 2);  // a-e (before their answer), b-e
  AnalysisOptions with;
  with.with_attendance = true;
  EXPECT_EQ(YieldOf(RunAnalysis(Small(), with).report, "E1").new_ties, 4);
}

// --- Exports -----------------------------------------------------------------

TEST(CoAttendance, GraphMlAndGexfEdgesCarryCoAttendance) {
  const std::string dir = MakeTempDir("export");
  for (bool with : {false, true}) {
    AnalysisOptions options;
    options.with_attendance = with;
    Analysis a = RunAnalysis(Small(), options);
    for (auto [fmt, flag] :
         {std::pair{ExportFormat::kGraphMl, "--graphml"}, std::pair{ExportFormat::kGexf, "--gexf"}}) {
      const std::string what = std::string(flag) + (with ? " with attendance" : "");
      const std::string path = dir + "/out" + flag + (with ? "_with" : "");
      {
        std::ofstream out(path);
        WriteReport(a, fmt, out);
      }
      json nx = NetworkXReference(std::string("read ") + flag + " " + path);
      const json& edges = nx["edge_data"];
      EXPECT_EQ(nx["edges"].get<int>(), with ? 10 : 6) << what;
      for (const auto& [key, data] : edges.items()) {
        ASSERT_TRUE(data.contains("co_attendance")) << what << " " << key;
        EXPECT_TRUE(data["co_attendance"].is_number_integer()) << what << " " << key;
      }
      EXPECT_EQ(edges["a|b"]["co_attendance"], 2) << what;
      EXPECT_EQ(edges["a|d"]["co_attendance"], 1) << what;
      EXPECT_EQ(edges["e|f"]["co_attendance"], 0) << what;
      EXPECT_EQ(edges["b|f"]["co_attendance"], 0) << what;
      // b-e only attended E2 together: an edge only when asked for, then real.
      EXPECT_EQ(edges.contains("b|e"), with) << what;
      if (with) {
        EXPECT_EQ(edges["b|e"]["co_attendance"], 1) << what;
        EXPECT_EQ(edges["b|e"]["real"], true) << what;
      }
    }
  }
}

TEST(CoAttendance, JsonAndCsvCarryTheSection) {
  Analysis a = RunAnalysis(Small());
  auto j = ReportToJson(a.report);
  ASSERT_TRUE(j.contains("co_attendance"));
  const auto& c = j["co_attendance"];
  EXPECT_EQ(c["events"], 3);
  EXPECT_EQ(c["attendees"], 6);
  EXPECT_EQ(c["pairs"], 8);
  EXPECT_EQ(c["pairs_with_tie"], 4);
  EXPECT_EQ(c["pairs_with_real_tie"], 2);
  EXPECT_EQ(c["pairs_without_tie"], 4);
  EXPECT_EQ(c["exact"], true);
  EXPECT_EQ(c["counted_as_ties"], false);
  EXPECT_FALSE(j["network"].contains("co_attendance")) << "the issue-5 names stay as they are";
  std::ostringstream csv;
  WriteMembersCsv(a, csv);
  const std::string text = csv.str();
  EXPECT_NE(text.find(",liaison,co_attendees,co_attendees_without_tie\n"), std::string::npos);
  std::istringstream lines(text);
  std::string line, b_row;
  while (std::getline(lines, line))
    if (line.rfind("b,", 0) == 0) b_row = line;
  EXPECT_EQ(b_row.substr(b_row.size() - 4), ",4,3") << b_row;  // b: 4 co-attendees, 3 without a tie
  // Without attendance the section is there, all zero.
  Analysis none = RunAnalysis({Small().members, Small().ties, ""});
  EXPECT_EQ(ReportToJson(none.report)["co_attendance"]["pairs"], 0);
  EXPECT_EQ(none.report.network.ties, 6);
}

// --- The command line (through RunAnalyze, not the binary) --------------------

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

CliRun Cli(const cli::Args& args) {
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  CliRun r;
  r.code = RunAnalyze(args);
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

TEST(CoAttendanceCli, AttendanceAloneAsksForTiesOrWithAttendance) {
  CliRun r = Cli({"--attendance", DavisAttendance()});
  EXPECT_EQ(r.code, cli::kExitUsage);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
  EXPECT_EQ(r.err.rfind("verbinder analyze: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("--with-attendance"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--ties"), std::string::npos) << r.err;
  // Also with a member list: still no ties to analyse.
  EXPECT_EQ(Cli({"--members", Small().members, "--attendance", Small().attendance}).code, cli::kExitUsage);
}

TEST(CoAttendanceCli, WithAttendanceProjectsAsBefore) {
  const std::string dir = MakeTempDir("cli");
  CliRun r = Cli({"--attendance", DavisAttendance(), "--with-attendance", "--out", dir + "/davis.json"});
  ASSERT_EQ(r.code, cli::kExitOk) << r.err;
  json j = json::parse(ReadText(dir + "/davis.json"));
  EXPECT_EQ(j["network"]["members"], 18);
  EXPECT_EQ(j["network"]["ties"], 139);
  EXPECT_EQ(j["network"]["real_tie_share"], 1.0);
  EXPECT_EQ(j["co_attendance"]["pairs"], 139);
  EXPECT_EQ(j["co_attendance"]["counted_as_ties"], true);
}

TEST(CoAttendanceCli, TiesAndAttendanceReportCoAttendanceApart) {
  const InputPaths p = Small();
  const cli::Args base = {"--members", p.members, "--ties", p.ties, "--attendance", p.attendance};
  CliRun r = Cli(base);
  ASSERT_EQ(r.code, cli::kExitOk) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["network"]["ties"], 6);
  EXPECT_EQ(j["network"]["real_tie_share"], 0.5);
  EXPECT_EQ(j["co_attendance"]["pairs"], 8);
  EXPECT_EQ(j["co_attendance"]["pairs_without_tie"], 4);
  EXPECT_EQ(j["co_attendance"]["counted_as_ties"], false);
  cli::Args with = base;
  with.push_back("--with-attendance");
  CliRun w = Cli(with);
  ASSERT_EQ(w.code, cli::kExitOk) << w.err;
  json wj = json::parse(w.out);
  EXPECT_EQ(wj["network"]["ties"], 10);
  EXPECT_EQ(wj["co_attendance"]["counted_as_ties"], true);
  cli::Args graphml = base;
  for (const char* x : {"--format", "graphml"}) graphml.push_back(x);
  CliRun x = Cli(graphml);
  ASSERT_EQ(x.code, cli::kExitOk) << x.err;
  EXPECT_NE(x.out.find("attr.name=\"co_attendance\""), std::string::npos);
  CliRun help = Cli({"--help"});
  EXPECT_EQ(help.code, cli::kExitOk);
  EXPECT_NE(help.out.find("--with-attendance"), std::string::npos);
  EXPECT_NE(help.out.find("co-attendance, not a tie"), std::string::npos);
}

}  // namespace
}  // namespace verbinder::analysis

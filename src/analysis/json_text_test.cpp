// The direct JSON writers against nlohmann's own dumps: numbers, strings that
// need escaping, and the whole map on small and sliced networks; plus the fast
// ties.csv reader against the general CSV reader on the same rows; and the
// report computed beside the map's layout against the report without it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <sstream>
#include <tuple>

#include "analysis/export.h"
#include "analysis/json_text.h"
#include "analysis/layout.h"
#include "analysis/report.h"
#include "analysis/test_util.h"

namespace verbinder::analysis {
namespace {

using namespace testing;

TEST(JsonText, NumbersAndStringsAreWhatDumpWrites) {
  const double inf = std::numeric_limits<double>::infinity();
  for (double x : {0.0, -0.0, 1.0, -1.0, 0.1, 0.25, 1e-5, 1.5e-7, 123456789.123, 1e300, 2.2250738585072014e-308,
                   1.0 / 3.0, 999.9999999999999, 1000.0, std::nan(""), inf, -inf}) {
    std::string ours;
    AppendJson(ours, x);
    EXPECT_EQ(ours, nlohmann::json(x).dump()) << x;
  }
  for (int64_t i : {int64_t{0}, int64_t{-7}, int64_t{42}, std::numeric_limits<int64_t>::max()}) {
    std::string ours;
    AppendJson(ours, i);
    EXPECT_EQ(ours, nlohmann::json(i).dump());
  }
  for (std::string s : {"", "m1", "Anja de Vries", "quote \" inside", "back\\slash", "tab\tand\nnewline", "\x01\x1f",
                        "Ané Çelik", "日本語", "del \x7f", "/slash/"}) {
    std::string ours;
    AppendJson(ours, s);
    EXPECT_EQ(ours, nlohmann::json(s).dump()) << s;
  }
  std::string bad;
  EXPECT_THROW(AppendJson(bad, std::string("\xff\xfe")), nlohmann::json::exception);
}

Analysis Analysed(const NetworkInput& input, bool betweenness) {
  AnalysisOptions options;
  if (!betweenness) options.skip = {"betweenness"};  // NaN -> null on every member
  auto a = Analyze(input, options);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return std::move(a).value();
}

TEST(JsonText, MapIsTheDomDumpByteForByte) {
  // Names that need escaping, a member without sector, an isolated member.
  NetworkInput odd;
  odd.members_given = true;
  odd.members = {{"a", "Ané \"de\" Vries", "zorg", {}},
                 {"b", "tab\there", "", {}},
                 {"c\\d", "日本", "industry", {}},
                 {"e", "ctl\x01", "zorg", {}},
                 {"alone", "", "", {}}};
  for (auto [source, target, weight] :
       {std::tuple{"a", "b", 1.5}, {"b", "c\\d", 0.1}, {"c\\d", "e", 2.0}, {"a", "e", 1e-5}}) {
    TieInput t;
    t.source = source;
    t.target = target;
    t.weight = weight;
    odd.ties.push_back(t);
  }
  odd.ties[0].kind = model::InteractionKind::kMetAtEvent;

  const std::string dir = MakeTempDir("json_text");
  GeneratedFiles big = WriteGeneratedNetwork(dir, 9000, 30, 0.01, 0.0002, 40, 7);  // written in slices
  auto big_input = LoadNetworkFiles({big.members, big.ties, ""});
  ASSERT_TRUE(big_input.ok());
  auto karate = LoadNetworkFiles({NetworksDir() + "/karate/members.csv", NetworksDir() + "/karate/ties.csv", ""});
  ASSERT_TRUE(karate.ok());
  for (const NetworkInput* input : {&odd, &*karate, &*big_input}) {
    for (bool betweenness : {false, true}) {
      Analysis a = Analysed(*input, betweenness);
      Layout layout = ComputeLayout(a.graph);
      std::ostringstream ours;
      WriteMapJsonText(a, layout, ours);
      EXPECT_EQ(ours.str(), MapToJson(a, layout).dump()) << a.graph.NodeCount() << " members";
    }
  }
}

// The layout computed beside the passes is the one ComputeLayout gives.
TEST(JsonText, LayoutBesideThePassesIsTheSame) {
  auto karate = LoadNetworkFiles({NetworksDir() + "/karate/members.csv", NetworksDir() + "/karate/ties.csv", ""});
  ASSERT_TRUE(karate.ok());
  AnalysisOptions options;
  options.layout = true;
  auto a = Analyze(*karate, options);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a->layout.has_value());
  Layout alone = ComputeLayout(a->graph);
  EXPECT_EQ(a->layout->x, alone.x);
  EXPECT_EQ(a->layout->y, alone.y);
  bool recorded = false;
  for (const auto& p : a->report.passes) recorded = recorded || (p.name == "layout" && p.ran);
  EXPECT_TRUE(recorded);
}

// With approximate betweenness and a map, Leiden and the layout share a lane
// and sampling and introductions get the other cores: the report (but for the
// pass timings) is the one of a run without the map, on any thread count.
TEST(JsonText, ReportWithTheMapLaneIsTheSame) {
  const std::string dir = MakeTempDir("lanes");
  auto f = WriteGeneratedNetwork(dir, 3000, 12, 0.01, 0.0005, 5, 11);
  auto input = LoadNetworkFiles({f.members, f.ties, ""});
  ASSERT_TRUE(input.ok());
  auto report_json = [&](bool map, int threads) {
    AnalysisOptions options;
    options.exact_betweenness_limit = 100;  // approximate, as above 20,000 members
    options.approx_epsilon = 0.05;
    options.layout = map;
    options.threads = threads;
    auto a = Analyze(*input, options);
    EXPECT_TRUE(a.ok());
    if (map) {
      EXPECT_TRUE(a->layout.has_value());
      Layout alone = ComputeLayout(a->graph);
      EXPECT_EQ(a->layout->x, alone.x);
      EXPECT_EQ(a->layout->y, alone.y);
    }
    nlohmann::ordered_json j = ReportToJson(a->report);
    EXPECT_FALSE(j["betweenness"]["exact"].get<bool>());
    j.erase("passes");
    return j.dump();
  };
  const std::string plain = report_json(false, 2);
  EXPECT_EQ(report_json(true, 2), plain);
  EXPECT_EQ(report_json(true, 3), report_json(false, 3));
}

// ties.csv in the plain form (read by the one-pass reader) and the same rows
// quoted (which only the general CSV reader takes) give the same ties.
TEST(FastTies, SameRowsAsTheGeneralReader) {
  const std::string dir = MakeTempDir("fast_ties");
  WriteText(dir + "/members.csv", "id,name,sector\na,A,x\nb,B,y\nc,C,x\n");
  const std::vector<std::vector<std::string>> rows = {
      {"a", "b", "1", "connected", "2025-01-02", ""},
      {" b ", "c", " 2.5 ", "MET_AT_EVENT", "", "e1"},
      {"", "", "", "", "", ""},  // a blank row, skipped by both
      {"a", "c", "0.125", " answered ", "2024-02-29T10:00", " e2 "},
  };
  std::string plain = "source,Target,weight,kind,date,event\r\n", quoted = "source,Target,weight,kind,date,event\n";
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) {
      plain += (i ? "," : "") + r[i];
      quoted += (i ? ",\"" : "\"") + r[i] + "\"";
    }
    plain += "\r\n";
    quoted += "\n";
  }
  plain += "\n";
  WriteText(dir + "/plain.csv", plain);
  WriteText(dir + "/quoted.csv", quoted);
  auto fast = LoadNetworkFiles({dir + "/members.csv", dir + "/plain.csv", ""});
  auto general = LoadNetworkFiles({dir + "/members.csv", dir + "/quoted.csv", ""});
  ASSERT_TRUE(fast.ok()) << fast.status().ToString();
  ASSERT_TRUE(general.ok()) << general.status().ToString();
  ASSERT_EQ(fast->ties.size(), 3u);
  ASSERT_EQ(general->ties.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const TieInput &x = fast->ties[i], &y = general->ties[i];
    EXPECT_EQ(x.source, y.source);
    EXPECT_EQ(x.target, y.target);
    EXPECT_EQ(x.weight, y.weight);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.has_kind, y.has_kind);
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.event, y.event);
    EXPECT_EQ(x.line, y.line);
  }
  EXPECT_EQ(fast->ties[1].source, "b");
  EXPECT_EQ(fast->ties[2].line, 5);
  // A bad row in the plain form is worded by the general reader.
  WriteText(dir + "/bad.csv", "source,target,weight\na,b,1\nb,c,heavy\n");
  auto bad = LoadNetworkFiles({dir + "/members.csv", dir + "/bad.csv", ""});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 3, column 'weight': 'heavy' is not a positive number"), std::string::npos)
      << bad.status().message();
}

}  // namespace
}  // namespace verbinder::analysis

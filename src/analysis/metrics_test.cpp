// Every metric of issue 5 checked against NetworkX (nx_reference.py) on the
// karate club, the Davis co-attendance projection (--with-attendance: since
// issue 14 attendance is no tie unless asked for) and generated networks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "analysis/centrality.h"
#include "analysis/community.h"
#include "analysis/export.h"
#include "analysis/report.h"
#include "analysis/test_util.h"

namespace verbinder::analysis {
namespace {

using nlohmann::json;
using namespace testing;

constexpr double kTol = 1e-9;

void ExpectNear(const json& expected, double actual, const std::string& what) {
  if (expected.is_null()) {
    EXPECT_TRUE(std::isnan(actual)) << what << ": expected undefined, got " << actual;
  } else {
    EXPECT_NEAR(expected.get<double>(), actual, kTol) << what;
  }
}

struct Case {
  std::string args;  // for nx_reference.py
  InputPaths paths;
  bool with_attendance = false;  // project attendance into ties, as nx_reference.py does
};

// Runs our engine and NetworkX on the same files and compares every metric.
Analysis CompareWithNetworkX(const Case& c) {
  auto input = LoadNetworkFiles(c.paths);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  AnalysisOptions options;
  options.threads = 2;
  options.with_attendance = c.with_attendance;
  auto a = Analyze(*input, options);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  const Report& r = a->report;

  // Our partition, for NetworkX's modularity of it.
  const std::string dir = MakeTempDir("partition");
  json part = json::object();
  for (const auto& m : r.members) part[m.id] = m.community;
  WriteText(dir + "/partition.json", part.dump());
  json nx = NetworkXReference("metrics " + c.args + " --partition " + dir + "/partition.json");

  EXPECT_EQ(nx["members"].get<int>(), r.network.members);
  EXPECT_EQ(nx["ties"].get<int64_t>(), r.network.ties);
  EXPECT_EQ(nx["components"].get<int>(), r.network.components);
  ExpectNear(nx["density"], r.network.density, "density");
  ExpectNear(nx["ei_index"], r.network.ei_index, "ei_index");
  ExpectNear(nx["sector_assortativity"], r.network.sector_assortativity, "sector_assortativity");
  EXPECT_EQ(nx["sector_ei"].size(), r.network.sector_ei.size());
  for (const auto& [sector, value] : r.network.sector_ei)
    ExpectNear(nx["sector_ei"][sector], value, "sector_ei " + sector);
  ExpectNear(nx["partition_modularity"], r.network.modularity, "modularity of our partition");
  if (nx.contains("greedy_modularity")) {
    EXPECT_GE(r.network.modularity, nx["greedy_modularity"].get<double>() - kTol) << "Leiden vs greedy";
  }
  if (nx.contains("igraph_leiden_modularity")) {  // our Leiden vs igraph's (best of 10 seeds)
    EXPECT_GE(r.network.modularity, nx["igraph_leiden_modularity"].get<double>() - 1e-6) << "Leiden vs igraph";
    std::printf("modularity: ours %.6f, igraph Leiden best of 10 %.6f\n", r.network.modularity,
                nx["igraph_leiden_modularity"].get<double>());
  }
  std::vector<int32_t> membership;
  for (const auto& m : r.members) membership.push_back(m.community);
  EXPECT_TRUE(CommunitiesConnected(a->graph, membership)) << "every community connected";

  for (const auto& m : r.members) {
    const std::string& id = m.id;
    EXPECT_EQ(nx["degree"][id].get<int>(), m.degree) << id;
    ExpectNear(nx["strength"][id], m.strength, "strength " + id);
    ExpectNear(nx["betweenness"][id], m.betweenness, "betweenness " + id);
    EXPECT_EQ(nx["core"][id].get<int>(), m.core) << "core " << id;
    ExpectNear(nx["constraint"][id], m.constraint, "constraint " + id);
    ExpectNear(nx["effective_size"][id], m.effective_size, "effective_size " + id);
    const json& b = nx["brokerage"][id];
    EXPECT_EQ(b["coordinator"].get<int64_t>(), m.brokerage.coordinator) << "coordinator " << id;
    EXPECT_EQ(b["consultant"].get<int64_t>(), m.brokerage.consultant) << "consultant " << id;
    EXPECT_EQ(b["representative"].get<int64_t>(), m.brokerage.representative) << "representative " << id;
    EXPECT_EQ(b["liaison"].get<int64_t>(), m.brokerage.liaison) << "liaison " << id;
  }
  return std::move(a).value();
}

TEST(MetricsVsNetworkX, KarateClub) {
  const std::string d = NetworksDir() + "/karate";
  Case c{"--members " + d + "/members.csv --ties " + d + "/ties.csv", {d + "/members.csv", d + "/ties.csv", ""}};
  Analysis a = CompareWithNetworkX(c);
  // Factions recovered: NMI between Leiden communities and the two factions.
  std::vector<int32_t> comm, faction;
  for (int32_t v = 0; v < a.graph.NodeCount(); ++v) {
    comm.push_back(a.report.members[v].community);
    faction.push_back(a.graph.sector[v]);
  }
  const double nmi = NormalizedMutualInformation(comm, faction);
  std::printf("karate: Leiden modularity %.6f, %d communities, NMI vs factions %.4f\n", a.report.network.modularity,
              a.report.network.communities, nmi);
  EXPECT_GE(a.report.network.modularity, 0.4197);  // the known optimum is 0.41979
  EXPECT_GE(nmi, 0.55);
  // Two communities (resolution tuned down) recover the factions almost exactly.
  CommunityOptions two;
  two.resolution = 0.5;
  Communities c2 = DetectCommunities(a.graph, two);
  const double nmi2 = NormalizedMutualInformation(c2.membership, faction);
  std::printf("karate: Leiden at resolution 0.5: %d communities, NMI vs factions %.4f\n", c2.count, nmi2);
  EXPECT_GE(nmi2, 0.6);
}

TEST(MetricsVsNetworkX, DavisProjection) {
  const std::string d = NetworksDir() + "/davis";
  Case c{"--attendance " + d + "/attendance.csv", {"", "", d + "/attendance.csv"}, /*with_attendance=*/true};
  Analysis a = CompareWithNetworkX(c);
  EXPECT_EQ(a.report.network.ties, 139);
}

TEST(MetricsVsNetworkX, GeneratedCommunities) {
  const std::string dir = MakeTempDir("gen");
  auto f = WriteGeneratedNetwork(dir, 300, 6, 0.08, 0.005, 5, 11);
  CompareWithNetworkX({"--members " + f.members + " --ties " + f.ties, {f.members, f.ties, ""}});
}

TEST(MetricsVsNetworkX, GeneratedDenseFewSectors) {
  const std::string dir = MakeTempDir("gen");
  auto f = WriteGeneratedNetwork(dir, 120, 2, 0.3, 0.05, 1, 7);
  CompareWithNetworkX({"--members " + f.members + " --ties " + f.ties, {f.members, f.ties, ""}});
}

TEST(MetricsVsNetworkX, GeneratedSparseManyComponents) {
  const std::string dir = MakeTempDir("gen");
  auto f = WriteGeneratedNetwork(dir, 400, 40, 0.1, 0.0005, 10, 3);
  CompareWithNetworkX({"--members " + f.members + " --ties " + f.ties, {f.members, f.ties, ""}});
}

TEST(Leiden, DeterministicForASeedWhateverTheThreads) {
  const std::string dir = MakeTempDir("gen");
  auto f = WriteGeneratedNetwork(dir, 1500, 12, 0.03, 0.002, 4, 17);
  auto input = LoadNetworkFiles({f.members, f.ties, ""});
  ASSERT_TRUE(input.ok());
  auto g = BuildGraph(*input);
  ASSERT_TRUE(g.ok());
  Communities one = DetectCommunities(*g, {5, 1.0, 3, 1}), two = DetectCommunities(*g, {5, 1.0, 3, 2});
  Communities again = DetectCommunities(*g, {5, 1.0, 3, 2});
  EXPECT_EQ(one.membership, two.membership);
  EXPECT_EQ(two.membership, again.membership);
  EXPECT_DOUBLE_EQ(one.modularity, Modularity(*g, one.membership));
  EXPECT_TRUE(CommunitiesConnected(*g, one.membership));
  // The connectivity check itself: two communities made of disconnected pieces fail it.
  std::vector<int32_t> halves(g->NodeCount());
  for (int32_t v = 0; v < g->NodeCount(); ++v) halves[v] = v % 2;
  EXPECT_FALSE(CommunitiesConnected(*g, halves));
}

TEST(Betweenness, ThreadCountDoesNotChangeResults) {
  const std::string dir = MakeTempDir("gen");
  auto f = WriteGeneratedNetwork(dir, 500, 5, 0.05, 0.005, 0, 5);
  auto input = LoadNetworkFiles({f.members, f.ties, ""});
  ASSERT_TRUE(input.ok());
  auto g = BuildGraph(*input);
  ASSERT_TRUE(g.ok());
  auto one = ExactBetweenness(*g, 1), two = ExactBetweenness(*g, 2);
  for (size_t v = 0; v < one.size(); ++v) EXPECT_NEAR(one[v], two[v], 1e-12);
  auto a1 = ApproximateBetweenness(*g, {0.05, 0.1, 9, 1}), a2 = ApproximateBetweenness(*g, {0.05, 0.1, 9, 2});
  EXPECT_EQ(a1.values, a2.values);
}

TEST(Betweenness, ApproximationWithinItsGuarantee) {
  const std::string dir = MakeTempDir("gen");
  auto f = WriteGeneratedNetwork(dir, 2000, 10, 0.01, 0.0008, 3, 21);
  auto input = LoadNetworkFiles({f.members, f.ties, ""});
  ASSERT_TRUE(input.ok());
  auto g = BuildGraph(*input);
  ASSERT_TRUE(g.ok());
  auto exact = ExactBetweenness(*g, 2);
  auto approx = ApproximateBetweenness(*g, {0.01, 0.1, 42, 2});
  double max_err = 0;
  for (size_t v = 0; v < exact.size(); ++v) max_err = std::max(max_err, std::abs(exact[v] - approx.values[v]));
  std::printf("approx betweenness on %d members: %lld samples, max error %.5f, guarantee %.5f\n", g->NodeCount(),
              static_cast<long long>(approx.samples), max_err, approx.guarantee);
  EXPECT_LE(max_err, approx.guarantee);
}

// The staged sampler (pilot, first stage kept when every member's KL interval
// lies within epsilon) against exact betweenness: fewer samples than the plain
// R–K size, each seed within the guarantee, the same values on 1 and 2 threads;
// and a first stage too small to pass its own check falls back to the R–K size
// for delta / 10, again within the guarantee.
TEST(Betweenness, StagedApproximationWithinItsGuarantee) {
  const std::string dir = MakeTempDir("gen");
  auto f = WriteGeneratedNetwork(dir, 2000, 10, 0.01, 0.0008, 3, 21);
  auto input = LoadNetworkFiles({f.members, f.ties, ""});
  ASSERT_TRUE(input.ok());
  auto g = BuildGraph(*input);
  ASSERT_TRUE(g.ok());
  auto exact = ExactBetweenness(*g, 2);
  auto max_error = [&](const ApproxBetweenness& a) {
    double e = 0;
    for (size_t v = 0; v < exact.size(); ++v) e = std::max(e, std::abs(exact[v] - a.values[v]));
    return e;
  };
  const ApproxBetweenness plain =
      ApproximateBetweenness(*g, {.epsilon = 0.01, .delta = 0.1, .seed = 7, .threads = 2, .staged = false});
  EXPECT_EQ(plain.pilot_samples, 0);
  EXPECT_LE(max_error(plain), plain.guarantee);
  for (uint64_t seed : {1, 2, 3, 4}) {
    const ApproxBetweenness a = ApproximateBetweenness(*g, {.epsilon = 0.01, .delta = 0.1, .seed = seed, .threads = 2});
    std::printf("staged, seed %llu: %lld + %lld pilot samples (plain %lld), max error %.5f, guarantee %.5f\n",
                static_cast<unsigned long long>(seed), static_cast<long long>(a.samples),
                static_cast<long long>(a.pilot_samples), static_cast<long long>(plain.samples), max_error(a),
                a.guarantee);
    EXPECT_GT(a.pilot_samples, 0);
    EXPECT_LT(a.samples + a.pilot_samples, plain.samples);
    EXPECT_LE(max_error(a), a.guarantee);
  }
  const ApproxBetweenness one = ApproximateBetweenness(*g, {.epsilon = 0.01, .delta = 0.1, .seed = 5, .threads = 1});
  const ApproxBetweenness two = ApproximateBetweenness(*g, {.epsilon = 0.01, .delta = 0.1, .seed = 5, .threads = 2});
  EXPECT_EQ(one.samples, two.samples);
  EXPECT_EQ(one.values, two.values);
  // A first stage of one block cannot pass its check: sampling goes on to the
  // R–K size for delta2 = delta / 10, which is larger than the plain size for delta.
  const ApproxBetweenness fallback =
      ApproximateBetweenness(*g, {.epsilon = 0.01, .delta = 0.1, .seed = 5, .threads = 2, .stage_samples = 1024});
  const ApproxBetweenness plain_small_delta =
      ApproximateBetweenness(*g, {.epsilon = 0.01, .delta = 0.01, .seed = 5, .threads = 2, .staged = false});
  EXPECT_EQ(fallback.samples, plain_small_delta.samples);
  EXPECT_GT(fallback.samples, plain.samples);
  EXPECT_LE(max_error(fallback), fallback.guarantee);
  // Its samples are the same stream as the plain run's: the same estimates.
  EXPECT_EQ(fallback.values, plain_small_delta.values);
}

}  // namespace
}  // namespace verbinder::analysis

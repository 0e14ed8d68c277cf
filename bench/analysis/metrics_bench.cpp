// Times each metric of the analysis engine on one network (files from
// analysis_generate) and prints JSON {"metric": seconds, ...} on stdout.
// On networks up to 20,000 members it also measures the approximate
// betweenness error against exact.
//
//   analysis_metrics_bench members.csv ties.csv [threads]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <nlohmann/json.hpp>

#include "analysis/centrality.h"
#include "analysis/community.h"
#include "analysis/graph.h"
#include "analysis/layout.h"
#include "analysis/structure.h"
#include "analysis/suggestions.h"

using namespace verbinder::analysis;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: analysis_metrics_bench members.csv ties.csv [threads]\n");
    return 2;
  }
  const int threads = argc > 3 ? std::atoi(argv[3]) : 0;
  nlohmann::ordered_json out;
  auto time = [&](const char* name, const std::function<void()>& fn) {
    auto start = std::chrono::steady_clock::now();
    fn();
    out[name] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  NetworkInput input;
  time("load_csv", [&] {
    auto r = LoadNetworkFiles({argv[1], argv[2], ""});
    if (!r) { std::fprintf(stderr, "%s\n", r.status().message().c_str()); std::exit(1); }
    input = std::move(r).value();
  });
  Graph g;
  time("build_graph", [&] { g = std::move(BuildGraph(input)).value(); });
  out["members"] = g.NodeCount();
  out["ties"] = g.TieCount();
  time("components", [&] { ConnectedComponents(g); });
  time("core", [&] { CoreNumbers(g); });
  std::vector<double> exact;
  if (g.NodeCount() <= 20000) time("betweenness_exact", [&] { exact = ExactBetweenness(g, threads); });
  ApproxBetweenness approx;
  time("betweenness_approx", [&] { approx = ApproximateBetweenness(g, {0.005, 0.1, 42, threads}); });
  out["approx_samples"] = approx.samples;
  out["approx_guarantee"] = approx.guarantee;
  if (!exact.empty()) {
    double max_err = 0, sum_err = 0;
    for (size_t v = 0; v < exact.size(); ++v) {
      double e = std::abs(exact[v] - approx.values[v]);
      max_err = std::max(max_err, e);
      sum_err += e;
    }
    out["approx_max_error"] = max_err;
    out["approx_mean_error"] = sum_err / exact.size();
  }
  time("constraint_effsize_brokerage", [&] { ComputeLocalStructure(g, threads); });
  time("groups_ei_assortativity", [&] { ComputeGroupMetrics(g); });
  Communities c;
  time("leiden", [&] { c = DetectCommunities(g, {42, 1.0, 1}); });
  out["modularity"] = c.modularity;
  out["communities"] = c.count;
  time("introductions", [&] { SuggestIntroductions(g, c.membership, {50, -1, threads}); });
  if (g.NodeCount() <= 20000) time("layout", [&] { ComputeLayout(g); });
  std::printf("%s\n", out.dump().c_str());
  return 0;
}

// Times each metric of the analysis engine on one network (files from
// analysis_generate) and prints JSON {"metric": seconds, ...} on stdout.
// On networks up to 20,000 members it also measures the approximate
// betweenness error against exact. Each metric also gets "<name>_cpu": the
// process CPU time (user+sys, all threads) it used, which stays meaningful
// when other work loads the machine. The layout's quality: "layout_tie_over_random"
// (mean tie length over mean random-pair distance, lower = ties shorter) and
// "layout_crowded_share" (members with another one within a tenth of the uniform
// spacing, lower = fewer stacked dots).
//
//   analysis_metrics_bench members.csv ties.csv [threads] [only] [seeds]
//
// only: comma-separated metric names to run (e.g. "leiden,layout"); default all.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>
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
  const std::string only = argc > 4 && argv[4][0] ? "," + std::string(argv[4]) + "," : "";
  // Seeds of approximate betweenness ("1,2,3"): the first is timed; with exact
  // betweenness (<= 20,000 members) every seed's samples and max error are listed.
  std::vector<uint64_t> seeds;
  {
    std::string list = argc > 5 ? argv[5] : "42";
    for (size_t at = 0; at <= list.size();) {
      const size_t comma = std::min(list.find(',', at), list.size());
      seeds.push_back(std::strtoull(list.substr(at, comma - at).c_str(), nullptr, 10));
      at = comma + 1;
    }
  }
  const uint64_t seed = seeds[0];
  auto wanted = [&](const char* name) {
    return only.empty() || only.find("," + std::string(name) + ",") != std::string::npos;
  };
  nlohmann::ordered_json out;
  auto cpu_now = [] {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  auto time = [&](const char* name, const std::function<void()>& fn) {
    auto start = std::chrono::steady_clock::now();
    const double cpu = cpu_now();
    fn();
    out[name] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out[std::string(name) + "_cpu"] = cpu_now() - cpu;
  };
  NetworkInput input;
  time("load_csv", [&] {
    auto r = LoadNetworkFiles({argv[1], argv[2], ""});
    if (!r) {
      std::fprintf(stderr, "%s\n", r.status().message().c_str());
      std::exit(1);
    }
    input = std::move(r).value();
  });
  Graph g;
  time("build_graph", [&] { g = std::move(BuildGraph(input)).value(); });
  out["members"] = g.NodeCount();
  out["ties"] = g.TieCount();
  if (wanted("components")) time("components", [&] { ConnectedComponents(g); });
  if (wanted("core")) time("core", [&] { CoreNumbers(g); });
  std::vector<double> exact;
  if (g.NodeCount() <= 20000 && wanted("betweenness_exact"))
    time("betweenness_exact", [&] { exact = ExactBetweenness(g, threads); });
  ApproxBetweenness approx;
  if (wanted("betweenness_approx")) {
    time("betweenness_approx", [&] {
      approx = ApproximateBetweenness(g, {.epsilon = 0.005, .delta = 0.1, .seed = seed, .threads = threads});
    });
    out["approx_samples"] = approx.samples;
    out["approx_pilot_samples"] = approx.pilot_samples;
    out["approx_guarantee"] = approx.guarantee;
  }
  // The plain Riondato–Kornaropoulos size (no pilot, no stage), for comparison.
  if (wanted("betweenness_plain")) {
    ApproxBetweenness plain;
    time("betweenness_plain", [&] {
      plain =
          ApproximateBetweenness(g, {.epsilon = 0.005, .delta = 0.1, .seed = 42, .threads = threads, .staged = false});
    });
    out["plain_samples"] = plain.samples;
    if (!approx.values.empty()) {
      double max_diff = 0;
      for (size_t v = 0; v < plain.values.size(); ++v)
        max_diff = std::max(max_diff, std::abs(plain.values[v] - approx.values[v]));
      out["staged_vs_plain_max_diff"] = max_diff;
    }
  }
  if (!exact.empty() && !approx.values.empty()) {
    double max_err = 0, sum_err = 0;
    for (size_t v = 0; v < exact.size(); ++v) {
      double e = std::abs(exact[v] - approx.values[v]);
      max_err = std::max(max_err, e);
      sum_err += e;
    }
    out["approx_max_error"] = max_err;
    out["approx_mean_error"] = sum_err / exact.size();
    auto error_of = [&](const ApproxBetweenness& a) {
      double e = 0;
      for (size_t v = 0; v < exact.size(); ++v) e = std::max(e, std::abs(exact[v] - a.values[v]));
      return e;
    };
    for (bool staged : {true, false}) {
      nlohmann::ordered_json runs = nlohmann::ordered_json::array();
      for (uint64_t s : seeds) {
        const ApproxBetweenness a = ApproximateBetweenness(
            g, {.epsilon = 0.005, .delta = 0.1, .seed = s, .threads = threads, .staged = staged});
        runs.push_back({{"seed", s}, {"samples", a.samples}, {"pilot", a.pilot_samples}, {"max_error", error_of(a)}});
      }
      out[staged ? "staged_by_seed" : "plain_by_seed"] = runs;
    }
  }
  if (wanted("constraint_effsize_brokerage"))
    time("constraint_effsize_brokerage", [&] { ComputeLocalStructure(g, threads); });
  if (wanted("groups_ei_assortativity")) time("groups_ei_assortativity", [&] { ComputeGroupMetrics(g); });
  Communities c;
  time("leiden", [&] { c = DetectCommunities(g, {42, 1.0, 1, threads}); });
  out["modularity"] = c.modularity;
  out["communities"] = c.count;
  out["communities_connected"] = CommunitiesConnected(g, c.membership);
  if (wanted("introductions")) time("introductions", [&] { SuggestIntroductions(g, c.membership, {50, -1, threads}); });
  if (wanted("layout")) {
    Layout l;
    time("layout", [&] { l = ComputeLayout(g); });
    // Quality: mean tie length over mean distance of random pairs (lower = neighbours
    // closer together); peers.py computes the same for igraph's layout.
    double tie = 0, pair = 0;
    int64_t ties = 0;
    for (int32_t v = 0; v < g.NodeCount(); ++v)
      for (int64_t e = g.Begin(v); e < g.End(v); ++e, ++ties)
        tie += std::hypot(l.x[v] - l.x[g.adj[e]], l.y[v] - l.y[g.adj[e]]);
    uint64_t state = 12345;
    const int pairs = 200000;
    for (int i = 0; i < pairs; ++i) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      const int32_t a = static_cast<int32_t>((state >> 33) % g.NodeCount());
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      const int32_t b = static_cast<int32_t>((state >> 33) % g.NodeCount());
      pair += std::hypot(l.x[a] - l.x[b], l.y[a] - l.y[b]);
    }
    out["layout_tie_over_random"] = (tie / std::max<int64_t>(ties, 1)) / (pair / pairs);
    // Crowding: share of members with another member closer than a tenth of the
    // spacing a uniform spread over the occupied box would give (lower = fewer
    // overlapping dots; a layout cannot buy a short tie length by stacking).
    {
      const int32_t n = g.NodeCount();
      double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
      for (int32_t v = 0; v < n; ++v)
        x0 = std::min(x0, l.x[v]), x1 = std::max(x1, l.x[v]), y0 = std::min(y0, l.y[v]), y1 = std::max(y1, l.y[v]);
      const double d0 = 0.1 * std::sqrt(std::max((x1 - x0) * (y1 - y0), 1e-9) / std::max(n, 1));
      std::unordered_map<uint64_t, std::vector<int32_t>> grid;
      auto cell = [&](double x, double y) {
        return std::pair<int64_t, int64_t>{static_cast<int64_t>((x - x0) / d0), static_cast<int64_t>((y - y0) / d0)};
      };
      auto key = [](int64_t a, int64_t b) {
        return static_cast<uint64_t>(a) << 32 ^ static_cast<uint64_t>(b & 0xffffffff);
      };
      for (int32_t v = 0; v < n; ++v) {
        auto [a, b] = cell(l.x[v], l.y[v]);
        grid[key(a, b)].push_back(v);
      }
      int64_t crowded = 0;
      for (int32_t v = 0; v < n; ++v) {
        auto [a, b] = cell(l.x[v], l.y[v]);
        bool near = false;
        for (int64_t i = a - 1; i <= a + 1 && !near; ++i)
          for (int64_t j = b - 1; j <= b + 1 && !near; ++j) {
            auto it = grid.find(key(i, j));
            if (it == grid.end()) continue;
            for (int32_t u : it->second)
              if (u != v && std::hypot(l.x[u] - l.x[v], l.y[u] - l.y[v]) < d0) near = true;
          }
        crowded += near;
      }
      out["layout_crowded_share"] = static_cast<double>(crowded) / std::max(n, 1);
    }
  }
  std::printf("%s\n", out.dump().c_str());
  return 0;
}

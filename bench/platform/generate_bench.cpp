// Benchmarks demo::GenerateNetwork in memory: the part of `verbinder generate`
// before storage writes anything. The budget for the whole command at
// 100,000 members / 1,000,000 interactions is 30 s; this part should stay well
// under 10 s.
//
//   build/bench/platform/generate_bench --benchmark_filter=Generate
//
// Reports per run: interactions per second, and as counters the seconds of each
// generator pass (sectors, communities, members, ..., materialise) and the
// process's peak resident memory in MB.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "demo/demo.h"
#include "demo/generator.h"

namespace {

using verbinder::demo::GeneratorOptions;
using verbinder::demo::GeneratorStats;

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // Linux reports KiB
}

void BM_Generate(benchmark::State& state) {
  GeneratorOptions options;
  options.members = state.range(0);
  options.interactions = 10 * state.range(0);
  options.seed = 42;
  GeneratorStats stats;
  for (auto _ : state) {
    stats = GeneratorStats{};
    auto net = verbinder::demo::GenerateNetwork(options, &stats);
    benchmark::DoNotOptimize(net.interactions.data());
    state.PauseTiming();
    {  // free outside the timed region
      auto discard = std::move(net);
    }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * options.interactions);
  for (const auto& pass : stats.passes) state.counters["s_" + pass.name] = pass.seconds;
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_Generate)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BuildDemo(benchmark::State& state) {
  for (auto _ : state) {
    auto demo = verbinder::demo::BuildDemo();
    benchmark::DoNotOptimize(demo.network.interactions.data());
  }
}
BENCHMARK(BM_BuildDemo)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

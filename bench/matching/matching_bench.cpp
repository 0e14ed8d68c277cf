// matching_bench schedule N SLOTS CANDIDATES [--seed S] [--raise-minimum]
// matching_bench exact N SLOTS CANDIDATES SEEDS [--table-factor F] [--cap C] [--partial P]
//                                                  [--must-share M] [--no-slot-bound]
//                                                  (seeds 1..SEEDS; --no-slot-bound: the exact
//                                                  pass with the slot-free bound alone, as before)
// matching_bench seat N TABLES CAPACITY ROUNDS [--seed S]
// matching_bench suggest N
// One line of key=value figures: wall time and CPU time of the engine call,
// quality, the bound used, and peak resident memory of the process (getrusage
// ru_maxrss) after the run; then one line per pass (time, objective and bound
// after it). For the generated congresses of issue #20 the previous release's
// figures (recorded in docs/performance-matching.md before this change, not
// re-run) are printed alongside as `previous ...`.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "matching/instance_generator.h"
#include "matching/schedule.h"
#include "matching/seat.h"
#include "matching/suggest.h"

using namespace verbinder::matching;

namespace {

double PeakMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

// The previous release's figures (docs/performance-matching.md, quiet machine,
// git a35d347): ratio objective/upper_bound, wall seconds, peak MB.
struct Previous {
  int attendees, slots, candidates;
  double ratio, seconds, peak_mb;
};
constexpr Previous kPrevious[] = {{2000, 12, 60, 0.9862, 1.68, 20}, {10000, 12, 50, 0.9894, 12.4, 74}};

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

uint64_t Seed(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--seed") == 0) return std::strtoull(argv[i + 1], nullptr, 10);
  }
  return 1;
}

bool Flag(int argc, char** argv, const char* flag) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], flag) == 0) return true;
  }
  return false;
}

int BenchSchedule(int argc, char** argv) {
  ScheduleGeneratorParams p;
  p.attendees = std::atoi(argv[2]);
  p.slots = std::atoi(argv[3]);
  p.candidates_per_attendee = std::atoi(argv[4]);
  p.seed = Seed(argc, argv);
  ScheduleInstance inst = GenerateScheduleInstance(p);
  ScheduleOptions options;
  options.raise_minimum_first = Flag(argc, argv, "--raise-minimum");
  auto t0 = std::chrono::steady_clock::now();
  double cpu0 = CpuSeconds();
  auto r = Schedule(inst, options);
  double seconds = Since(t0);
  double cpu = CpuSeconds() - cpu0;
  if (!r.ok()) {
    std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
    return 1;
  }
  double peak = PeakMb();
  t0 = std::chrono::steady_clock::now();
  ScheduleResult greedy = GreedySchedule(inst);
  double greedy_seconds = Since(t0);
  std::printf(
      "schedule attendees=%d slots=%d candidates=%d pairs=%zu tables=%d seconds=%.3f cpu_seconds=%.3f "
      "peak_rss_mb=%.0f objective=%.3f upper_bound=%.3f bound=%s optimal=%d ratio=%.4f greedy_ratio=%.4f "
      "greedy_seconds=%.3f meetings=%d min_meetings=%d median_meetings=%.1f must_unscheduled=%zu\n",
      p.attendees, p.slots, p.candidates_per_attendee, inst.pairs.size(), inst.tables, seconds, cpu, peak, r->objective,
      r->upper_bound, r->stats.bound_method.c_str(), r->optimal ? 1 : 0, r->objective / r->upper_bound,
      greedy.objective / r->upper_bound, greedy_seconds, r->stats.meetings, r->stats.min_meetings,
      r->stats.median_meetings, r->must_unscheduled.size());
  for (const Previous& prev : kPrevious) {
    if (prev.attendees == p.attendees && prev.slots == p.slots && prev.candidates == p.candidates_per_attendee &&
        p.seed == 1 && !options.raise_minimum_first) {
      std::printf("  previous release (recorded, quiet machine): ratio=%.4f seconds=%.2f peak_rss_mb=%.0f\n",
                  prev.ratio, prev.seconds, prev.peak_mb);
    }
  }
  for (const PassReport& pass : r->stats.passes) {
    std::printf("  pass %-14s ran=%d seconds=%.3f objective_after=%.3f bound_after=%.3f\n", pass.name.c_str(), pass.ran,
                pass.seconds, pass.objective_after, pass.bound_after);
  }
  return 0;
}

// The exact pass on small congresses (issue #20): per seed, whether the
// schedule was proven optimal and the time until the proven answer (the whole
// Schedule call, wall and CPU, default 10 s deadline), the exact pass's own
// wall time and nodes; then whether the LP bound alone (pass `exact` skipped)
// proves the same instance, and a summary line.
int BenchExact(int argc, char** argv) {
  ScheduleGeneratorParams p;
  p.attendees = std::atoi(argv[2]);
  p.slots = std::atoi(argv[3]);
  p.candidates_per_attendee = std::atoi(argv[4]);
  const int seeds = std::atoi(argv[5]);
  ScheduleOptions options;
  for (int i = 6; i < argc; ++i) {
    if (std::strcmp(argv[i], "--table-factor") == 0 && i + 1 < argc) p.table_factor = std::atof(argv[++i]);
    if (std::strcmp(argv[i], "--cap") == 0 && i + 1 < argc) p.max_meetings_per_person = std::atoi(argv[++i]);
    if (std::strcmp(argv[i], "--partial") == 0 && i + 1 < argc) p.partial_availability = std::atof(argv[++i]);
    if (std::strcmp(argv[i], "--must-share") == 0 && i + 1 < argc) p.must_share = std::atof(argv[++i]);
    if (std::strcmp(argv[i], "--no-slot-bound") == 0) options.exact_slot_bound = false;
  }
  int proven = 0, proven_without = 0, improved = 0, by_slot_bound = 0;
  std::vector<double> walls, cpus, pass_walls;
  for (int seed = 1; seed <= seeds; ++seed) {
    p.seed = static_cast<uint64_t>(seed);
    ScheduleInstance inst = GenerateScheduleInstance(p);
    auto t0 = std::chrono::steady_clock::now();
    double cpu0 = CpuSeconds();
    auto r = Schedule(inst, options);
    double wall = Since(t0), cpu = CpuSeconds() - cpu0;
    ScheduleOptions skip;
    skip.passes.skip = {"exact"};
    auto without = Schedule(inst, skip);
    if (!r.ok() || !without.ok()) return 1;
    double pass_wall = 0;
    for (const PassReport& pass : r->stats.passes) {
      if (pass.name == "exact") pass_wall = pass.seconds;
    }
    proven += r->optimal;
    by_slot_bound += r->optimal && r->stats.exact_proof == "slot_lagrangian";
    proven_without += without->optimal;
    improved += r->objective > without->objective + 1e-9;
    walls.push_back(wall);
    cpus.push_back(cpu);
    pass_walls.push_back(pass_wall);
    std::printf(
        "exact attendees=%d seed=%d pairs=%zu optimal=%d outcome=%s nodes=%lld seconds=%.3f cpu_seconds=%.3f "
        "exact_pass_seconds=%.3f objective=%.3f upper_bound=%.3f bound=%s proof=%s root_b_matching=%.3f "
        "root_slot=%.3f slot_prunes=%lld | without exact: optimal=%d objective=%.3f upper_bound=%.3f\n",
        p.attendees, seed, inst.pairs.size(), r->optimal ? 1 : 0, r->stats.exact_outcome.c_str(),
        static_cast<long long>(r->stats.exact_nodes), wall, cpu, pass_wall, r->objective, r->upper_bound,
        r->stats.bound_method.c_str(), r->stats.exact_proof.empty() ? "-" : r->stats.exact_proof.c_str(),
        r->stats.exact_root_b_matching_bound, r->stats.exact_root_slot_bound,
        static_cast<long long>(r->stats.exact_slot_bound_prunes), without->optimal ? 1 : 0, without->objective,
        without->upper_bound);
  }
  auto median_max = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return std::make_pair(v[v.size() / 2], v.back());
  };
  auto [wall_median, wall_max] = median_max(walls);
  auto [cpu_median, cpu_max] = median_max(cpus);
  auto [pass_median, pass_max] = median_max(pass_walls);
  std::printf(
      "exact summary attendees=%d slots=%d candidates=%d table_factor=%.2f cap=%d slot_bound=%d seeds=%d "
      "proven=%d/%d proven_by_slot_bound=%d proven_without_exact=%d/%d objective_raised=%d seconds_median=%.3f "
      "seconds_max=%.3f cpu_median=%.3f cpu_max=%.3f exact_pass_median=%.3f exact_pass_max=%.3f\n",
      p.attendees, p.slots, p.candidates_per_attendee, p.table_factor, p.max_meetings_per_person,
      options.exact_slot_bound ? 1 : 0, seeds, proven, seeds, by_slot_bound, proven_without, seeds, improved,
      wall_median, wall_max, cpu_median, cpu_max, pass_median, pass_max);
  return 0;
}

int BenchSeat(int argc, char** argv) {
  SeatGeneratorParams p;
  p.attendees = std::atoi(argv[2]);
  p.tables = std::atoi(argv[3]);
  p.capacity = std::atoi(argv[4]);
  p.rounds = std::atoi(argv[5]);
  p.seed = Seed(argc, argv);
  SeatInstance inst = GenerateSeatInstance(p);
  auto t0 = std::chrono::steady_clock::now();
  auto r = Seat(inst, {});
  double seconds = Since(t0);
  if (!r.ok()) return 1;
  std::printf(
      "seat attendees=%d tables=%d capacity=%d rounds=%d seconds=%.3f peak_rss_mb=%.0f repeats=%d "
      "mean_distinct_sectors=%.3f weight=%.3f colleague_conflicts=%d | random: repeats=%d "
      "mean_distinct_sectors=%.3f weight=%.3f colleague_conflicts=%d\n",
      p.attendees, p.tables, p.capacity, p.rounds, seconds, PeakMb(), r->quality.repeats,
      r->quality.mean_distinct_sectors, r->quality.weight, r->quality.colleague_conflicts, r->random_baseline.repeats,
      r->random_baseline.mean_distinct_sectors, r->random_baseline.weight, r->random_baseline.colleague_conflicts);
  return 0;
}

int BenchSuggest(int argc, char** argv) {
  // Profiles built from the thesaurus vocabulary, deterministic.
  const char* challenges[] = {"Onze wachtlijsten groeien",      "Staff turnover is high",     "Het rooster klopt nooit",
                              "Stock-outs of medical supplies", "Energiekosten stijgen",      "Interns drop out",
                              "Werkinstructies op papier",      "Long lead times for permits"};
  const char* expertise[] = {"lean and lead time",
                             "inwerken en begeleiding",
                             "shift scheduling software",
                             "voorraadbeheer met kanban",
                             "energy saving with heat pumps",
                             "stagebegeleiding",
                             "digital work instructions",
                             "procesverbetering"};
  const char* sectors[] = {"care", "industry", "government", "education"};
  SuggestInput in;
  int n = std::atoi(argv[2]);
  for (int i = 0; i < n; ++i) {
    in.attendees.push_back({.id = "a" + std::to_string(i),
                            .sector = sectors[i % 4],
                            .organization = "o" + std::to_string(i / 7),
                            .languages = {i % 2 ? "nl" : "en"},
                            .expertise_tags = {expertise[(i * 3) % 8]},
                            .expertise_text = expertise[(i * 5 + 1) % 8],
                            .challenges = {challenges[i % 8], challenges[(i / 8) % 8]}});
  }
  // --exhaustive: score every ordered pair (the pre-filter's reference).
  SuggestOptions options;
  for (int k = 3; k < argc; ++k) options.prefilter = options.prefilter && std::strcmp(argv[k], "--exhaustive") != 0;
  auto t0 = std::chrono::steady_clock::now();
  auto r = Suggest(in, options);
  std::printf("suggest attendees=%d prefilter=%d seconds=%.3f peak_rss_mb=%.0f\n", n, options.prefilter, Since(t0),
              PeakMb());
  return r.ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 5 && std::strcmp(argv[1], "schedule") == 0) return BenchSchedule(argc, argv);
  if (argc >= 6 && std::strcmp(argv[1], "exact") == 0) return BenchExact(argc, argv);
  if (argc >= 6 && std::strcmp(argv[1], "seat") == 0) return BenchSeat(argc, argv);
  if (argc >= 3 && std::strcmp(argv[1], "suggest") == 0) return BenchSuggest(argc, argv);
  std::fprintf(stderr,
               "usage: matching_bench schedule N SLOTS CANDIDATES [--seed S] [--raise-minimum]\n"
               "       matching_bench exact N SLOTS CANDIDATES SEEDS [--table-factor F] [--cap C] [--partial P]\n"
               "                            [--must-share M] [--no-slot-bound]\n"
               "       matching_bench seat N TABLES CAPACITY ROUNDS [--seed S]\n"
               "       matching_bench suggest N [--exhaustive]\n");
  return 2;
}

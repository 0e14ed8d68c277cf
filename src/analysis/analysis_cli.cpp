// `verbinder analyze`: reads members/ties/attendance CSV files, runs the
// analysis report's passes and writes the report (or one member's position,
// or the map) — options parsed with CLI11 like every other command.
#include "analysis/analysis_cli.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analysis/export.h"
#include "analysis/json_text.h"
#include "analysis/layout.h"
#include "analysis/report.h"
#include "util/cli_parse.h"
#include "util/clock.h"
#include "util/strings.h"

namespace verbinder::analysis {
namespace {

constexpr const char* kDescription =
    "Analyses a network from members.csv and ties.csv: metrics, communities, brokerage, suggestions.\n"
    "usage: verbinder analyze --members members.csv --ties ties.csv [--attendance attendance.csv]\n"
    "                         [--with-attendance] [--format json|csv|graphml|gexf] [--out FILE]";

constexpr const char* kFooter =
    "--attendance: being at the same event is co-attendance, not a tie. It is reported apart\n"
    "(\"co_attendance\": pairs who attended together, how many of them also have a tie, how many of\n"
    "those ties are real, how many have none; per member in the CSV; the co_attendance count on\n"
    "GraphML/GEXF edges) and stays out of the metrics, unless --with-attendance: then every pair at an\n"
    "event of k attendees gets a real met_at_event tie of weight 2/(k-1), in all metrics, the real tie\n"
    "share and the event yield (the behaviour before issue 14).\n"
    "--skip names passes: components, core, betweenness, local_structure, groups, communities,\n"
    "online_only, fading, event_yield, co_attendance, suggestions.\n"
    "exit codes: 0 success, 1 bad input or failure, 2 bad usage.";

// One line of the --timings table on std::cerr.
template <typename... T>
void TimingLine(const char* format, T... values) {
  char line[160];
  std::snprintf(line, sizeof line, format, values...);
  std::cerr << line;
}

int Usage(const std::string& message) {
  return cli::UsageError("analyze", message + " (see verbinder analyze --help)");
}

// CLI11 check: an empty string accepts the value, anything else is the error.
std::string NonNegative(const std::string& v) {
  int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  return ec == std::errc() && p == v.data() + v.size() && n >= 0 ? std::string() : "'" + v + "' is not a count";
}

}  // namespace

int RunAnalyze(const cli::Args& args) {
  InputPaths paths;
  AnalysisOptions options;
  std::string format_name = "json", out_path, position_id, map_path, as_of, skip;
  bool timings = false;
  CLI::App app(kDescription, "analyze");
  app.footer(kFooter);
  app.add_option("--members", paths.members, "members CSV (id,name,organization,sector,...)");
  app.add_option("--ties", paths.ties, "ties or ledger CSV");
  app.add_option("--attendance", paths.attendance,
                 "who was at which event (columns member,event[,date]); co-attendance, not a tie (see below)");
  app.add_flag("--with-attendance", options.with_attendance, "also count co-attendance as ties (see below)");
  app.add_flag("--real-only", options.real_only,
               "metrics on face-to-face ties only (met_at_event, meeting_held, visit_held)");
  app.add_option("--format", format_name, "json, csv, graphml or gexf")->capture_default_str();
  app.add_option("-o,--out", out_path, "write the report to FILE instead of standard output");
  app.add_option("--position", position_id, "print one member's position and introductions (JSON) instead");
  app.add_option("--map", map_path, "also write the map (layout positions, edges) as JSON to FILE");
  app.add_option("--as-of", as_of, "the network as it was on YYYY-MM-DD (rows dated later are ignored)");
  app.add_option("--fading-days", options.fading_days, "a member fades after N days without interaction")
      ->check(NonNegative)
      ->capture_default_str();
  std::string betweenness = "auto";
  app.add_option("--betweenness", betweenness, "auto (exact up to 20000 members), exact or approx")
      ->check(CLI::IsMember({"auto", "exact", "approx"}));
  app.add_option("--epsilon", options.approx_epsilon, "approximate betweenness: max additive error, in (0, 1)")
      ->check([](const std::string& v) {
        double e = 0;
        auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), e);
        return ec == std::errc() && p == v.data() + v.size() && e > 0 && e < 1
                   ? std::string()
                   : "'" + v + "' is not a number in (0, 1)";
      })
      ->capture_default_str();
  app.add_option("--threads", options.threads, "worker threads (0: all cores)")->check(NonNegative);
  app.add_option("--seed", options.seed, "seed for communities and sampling")->capture_default_str();
  app.add_option("--skip", skip, "switch passes off by name: a,b (see below)");
  app.add_flag("--timings,--passes", timings, "print each pass's time (and reading, layout, writing) on stderr");
  if (int rc = cli::ParseCommandLine(app, args, "analyze"); rc >= 0) return rc;
  if (!as_of.empty()) {
    auto day = ParseDay(as_of);
    if (!day) return Usage("--as-of: '" + as_of + "' is not a date (YYYY-MM-DD)");
    options.as_of = *day;
  }
  options.betweenness = betweenness == "exact"    ? BetweennessMode::kExact
                        : betweenness == "approx" ? BetweennessMode::kApproximate
                                                  : BetweennessMode::kAuto;
  if (!skip.empty())
    for (auto& p : Split(skip, ',')) options.skip.insert(Trim(p));
  auto format = ParseExportFormat(format_name);
  if (!format) return Usage(format.status().message());
  if (paths.ties.empty() && paths.attendance.empty()) return Usage("give --ties and/or --attendance");
  // Attendance alone has no ties since issue 14: a report of isolated members
  // is not what anyone asking for it wants, so say how to get one.
  if (paths.ties.empty() && !options.with_attendance)
    return Usage(
        "--attendance without --ties: co-attendance is not a tie, so the network would have no ties; "
        "add --ties, or --with-attendance to count co-attendance as ties");

  // --timings: the steps around the passes too (reading, layout, writing).
  const Clock& clock = SystemClockInstance();
  auto step_start = clock.Steady();
  auto step = [&](const char* name) {
    const auto now = clock.Steady();
    if (timings) TimingLine("step %-16s        %.3f s\n", name, Clock::Seconds(step_start, now));
    step_start = now;
  };
  auto input = LoadNetworkFiles(paths);
  if (!input) return cli::Fail("analyze", input.status());
  step("read_files");
  options.layout = !map_path.empty();  // the map's layout runs beside the passes (issue #20)
  auto analysis = Analyze(*input, options);
  if (!analysis) {
    if (analysis.status().field() == "skip") return Usage("--skip: " + analysis.status().message());
    return cli::Fail("analyze", analysis.status());
  }
  if (timings)
    for (const auto& p : analysis->report.passes)
      TimingLine("pass %-16s %s %.3f s\n", p.name.c_str(), p.ran ? "ran    " : "skipped", p.seconds);
  step("analyze");

  std::ostringstream text;
  if (!position_id.empty()) {
    auto pos = PositionOf(*analysis, position_id);
    if (!pos) return cli::Fail("analyze", pos.status());
    text << PositionToJson(*pos).dump(1) << '\n';
  } else {
    WriteReport(*analysis, *format, text);
  }
  step("format_report");
  if (!map_path.empty()) {
    Layout layout = analysis->layout ? std::move(*analysis->layout) : ComputeLayout(analysis->graph);
    step("layout");
    std::ofstream map(map_path, std::ios::binary);
    WriteMapJsonText(*analysis, layout, map);  // export.h's WriteMapJson text, without a DOM per tie
    if (!(map << '\n')) return cli::Fail("analyze", InvalidArgument("cannot write " + map_path));
    step("write_map");
  }
  if (out_path.empty()) {
    std::cout << text.str();
    std::cout.flush();
    return std::cout ? cli::kExitOk : cli::kExitFailure;
  }
  std::ofstream out(out_path, std::ios::binary);
  if (!(out << text.str()) || !out.flush()) return cli::Fail("analyze", InvalidArgument("cannot write " + out_path));
  step("write_report");
  return cli::kExitOk;
}

}  // namespace verbinder::analysis

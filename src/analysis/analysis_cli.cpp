#include "analysis/analysis_cli.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analysis/export.h"
#include "analysis/layout.h"
#include "analysis/report.h"
#include "util/clock.h"
#include "util/strings.h"

namespace verbinder::analysis {
namespace {

constexpr const char* kUsage =
    "usage: verbinder analyze --members members.csv --ties ties.csv [--attendance attendance.csv]\n"
    "                         [--with-attendance] [--format json|csv|graphml|gexf] [--out FILE]\n"
    "options:\n"
    "  --attendance FILE      who was at which event (columns member,event[,date]). Being at the same\n"
    "                         event is co-attendance, not a tie: it is reported apart (\"co_attendance\":\n"
    "                         pairs who attended together, how many of them also have a tie, how many\n"
    "                         of those ties are real, how many have none; per member in the CSV; the\n"
    "                         co_attendance count on GraphML/GEXF edges) and stays out of the metrics\n"
    "  --with-attendance      also count co-attendance as ties: every pair at an event of k attendees\n"
    "                         gets a real met_at_event tie of weight 2/(k-1), in all metrics, the real\n"
    "                         tie share and the event yield (the behaviour before issue 14)\n"
    "  --real-only            metrics on face-to-face ties only (met_at_event, meeting_held, visit_held)\n"
    "  --as-of YYYY-MM-DD     the network as it was on that day (rows dated later are ignored)\n"
    "  --fading-days N        a member fades after N days without interaction (default 180)\n"
    "  --betweenness MODE     auto (exact up to 20000 members), exact or approx\n"
    "  --epsilon E            approximate betweenness: max additive error (default 0.005)\n"
    "  --threads N            worker threads (default: all cores)\n"
    "  --seed S               seed for communities and sampling (default 42)\n"
    "  --skip a,b             switch off passes: components, core, betweenness, local_structure,\n"
    "                         groups, communities, online_only, fading, event_yield, co_attendance,\n"
    "                         suggestions\n"
    "  --position ID          print one member's position and introductions (JSON) instead\n"
    "  --map FILE             also write the map (layout positions, edges) as JSON to FILE\n"
    "  --timings              print each pass's time (and reading, layout, writing) on stderr\n"
    "exit codes: 0 success, 1 bad input or failure, 2 bad usage.\n";

int Usage(const std::string& message) {
  std::cerr << "verbinder analyze: " << message << " (see verbinder analyze --help)\n";
  return cli::kExitUsage;
}

template <typename T>
bool ParseNumber(const std::string& s, T* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

int RunAnalyze(const cli::Args& args) {
  InputPaths paths;
  AnalysisOptions options;
  std::string format_name = "json", out_path, position_id, map_path;
  bool timings = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return cli::kExitOk;
    }
    if (a == "--real-only") {
      options.real_only = true;
      continue;
    }
    if (a == "--with-attendance") {
      options.with_attendance = true;
      continue;
    }
    if (a == "--timings") {
      timings = true;
      continue;
    }
    if (!StartsWith(a, "-")) return Usage("unexpected argument '" + a + "'");
    if (i + 1 >= args.size()) return Usage("option " + a + " needs a value");
    const std::string& v = args[++i];
    if (a == "--members")
      paths.members = v;
    else if (a == "--ties")
      paths.ties = v;
    else if (a == "--attendance")
      paths.attendance = v;
    else if (a == "--format")
      format_name = v;
    else if (a == "--out" || a == "-o")
      out_path = v;
    else if (a == "--position")
      position_id = v;
    else if (a == "--map")
      map_path = v;
    else if (a == "--as-of") {
      auto day = ParseDay(v);
      if (!day) return Usage("--as-of: '" + v + "' is not a date (YYYY-MM-DD)");
      options.as_of = *day;
    } else if (a == "--fading-days") {
      if (!ParseNumber(v, &options.fading_days) || options.fading_days < 0)
        return Usage("--fading-days: '" + v + "' is not a number of days");
    } else if (a == "--betweenness") {
      if (v == "auto")
        options.betweenness = BetweennessMode::kAuto;
      else if (v == "exact")
        options.betweenness = BetweennessMode::kExact;
      else if (v == "approx")
        options.betweenness = BetweennessMode::kApproximate;
      else
        return Usage("--betweenness: '" + v + "' is not auto, exact or approx");
    } else if (a == "--epsilon") {
      if (!ParseNumber(v, &options.approx_epsilon) || !(options.approx_epsilon > 0 && options.approx_epsilon < 1))
        return Usage("--epsilon: '" + v + "' is not a number in (0, 1)");
    } else if (a == "--threads") {
      if (!ParseNumber(v, &options.threads) || options.threads < 0)
        return Usage("--threads: '" + v + "' is not a count");
    } else if (a == "--seed") {
      if (!ParseNumber(v, &options.seed)) return Usage("--seed: '" + v + "' is not a number");
    } else if (a == "--skip") {
      for (auto& p : Split(v, ',')) options.skip.insert(Trim(p));
    } else {
      return Usage("unknown option '" + a + "'");
    }
  }
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
    if (timings) std::fprintf(stderr, "step %-16s        %.3f s\n", name, Clock::Seconds(step_start, now));
    step_start = now;
  };
  auto input = LoadNetworkFiles(paths);
  if (!input) return cli::Fail("analyze", input.status());
  step("read_files");
  auto analysis = Analyze(*input, options);
  if (!analysis) {
    if (analysis.status().field() == "skip") return Usage("--skip: " + analysis.status().message());
    return cli::Fail("analyze", analysis.status());
  }
  if (timings)
    for (const auto& p : analysis->report.passes)
      std::fprintf(stderr, "pass %-16s %s %.3f s\n", p.name.c_str(), p.ran ? "ran    " : "skipped", p.seconds);
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
    Layout layout = ComputeLayout(analysis->graph);
    step("layout");
    std::ofstream map(map_path, std::ios::binary);
    WriteMapJson(*analysis, layout, map);
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

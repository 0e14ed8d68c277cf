// `verbinder suggest|schedule|seat`: read one JSON file, run the engine, write
// JSON to stdout or atomically to -o FILE (temp file + rename: never partial).
#include "matching/matching_cli.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "matching/schedule_json.h"
#include "matching/seat_json.h"
#include "matching/suggest_json.h"
#include "util/cli_parse.h"

namespace verbinder::matching {

void PrintPasses(const std::string& command, const std::vector<PassReport>& passes, bool with_bound) {
  std::fprintf(stderr, "verbinder %s: passes\n  %-14s %-4s %9s %16s%s\n", command.c_str(), "pass", "ran", "seconds",
               "objective_after", with_bound ? "      bound_after" : "");
  double total = 0;
  for (const PassReport& p : passes) {
    total += p.seconds;
    std::fprintf(stderr, "  %-14s %-4s %9.3f %16.4f", p.name.c_str(), p.ran ? "yes" : "no", p.seconds,
                 p.objective_after);
    if (with_bound) std::fprintf(stderr, " %16.4f", p.bound_after);
    std::fprintf(stderr, "\n");
  }
  std::fprintf(stderr, "  %-14s %-4s %9.3f\n", "total", "", total);
}

namespace {

using json_io::Json;

struct CommonArgs {
  std::string input;
  std::string output;  // empty = stdout
  std::optional<int> top;
  bool raise_minimum = false;
  std::optional<uint64_t> seed;
  std::set<std::string> skip;  // passes switched off (--skip a,b)
  bool show_passes = false;    // --passes / --timings: the pass table on stderr
};

// Which options a command takes besides INPUT and -o.
struct Accepts {
  bool top = false;
  bool raise_minimum = false;
  bool seed = false;
  bool passes = false;  // --skip, --passes, --timings
};

// "improve,ruin_recreate" -> the names; a usage error for an empty name or verify.
Status ParseSkip(const std::string& list, std::set<std::string>* out) {
  for (size_t start = 0; start <= list.size();) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string name = list.substr(start, comma - start);
    if (name.empty()) return InvalidArgument("--skip has an empty pass name", "skip");
    if (name == "verify") return InvalidArgument("the verify step cannot be switched off", "skip");
    out->insert(name);
    start = comma + 1;
  }
  return Status::Ok();
}

// Parses the options `accepts` lists with CLI11 (util/cli_parse.h); returns
// an exit code when the command is not to run (--help, a usage error).
std::optional<int> ParseArgs(const std::string& command, const cli::Args& args, const Accepts& accepts,
                             const std::string& description, const std::string& footer, CommonArgs* out) {
  CLI::App app(description, command);
  app.footer(footer);
  app.add_option("input", out->input, "the instance (JSON)")->required();
  app.add_option("-o,--output", out->output, "write the result to FILE (atomically) instead of standard output")
      ->check([](const std::string& v) { return v.empty() ? std::string("needs a file name") : std::string(); });
  int top = 0;
  uint64_t seed = 0;
  std::string skip;
  CLI::Option* top_opt = nullptr;
  CLI::Option* seed_opt = nullptr;
  CLI::Option* skip_opt = nullptr;
  if (accepts.top)
    top_opt = app.add_option("--top", top, "suggestions per attendee (default 5)")->check(CLI::Range(1, 1000));
  if (accepts.raise_minimum)
    app.add_flag("--raise-minimum", out->raise_minimum,
                 "first raise the fewest meetings anyone with candidates gets, then maximise weight");
  if (accepts.seed) seed_opt = app.add_option("--seed", seed, "random seed (a whole number)");
  if (accepts.passes) {
    skip_opt = app.add_option("--skip", skip, "switch passes off by name, e.g. --skip improve,ruin_recreate");
    app.add_flag("--passes,--timings", out->show_passes, "print each pass's time and objective on standard error");
  }
  if (int rc = cli::ParseCommandLine(app, args, command); rc >= 0) return rc;
  if (top_opt && top_opt->count()) out->top = top;
  if (seed_opt && seed_opt->count()) out->seed = seed;
  if (skip_opt && skip_opt->count())
    if (Status s = ParseSkip(skip, &out->skip); !s.ok())
      return cli::UsageError(command, s.message() + " (see verbinder " + command + " --help)");
  return std::nullopt;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot open: " + std::string(std::strerror(errno)), path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status(Code::kInternal, "read error", path);
  return buf.str();
}

// Writes to a temporary file in the same directory and renames it over `path`,
// so readers see either the old file or the whole new one.
Status WriteAtomically(const std::string& path, const std::string& data) {
  std::string tmpl = path + ".tmp.XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0)
    return Status(Code::kInternal, "cannot create a temporary file: " + std::string(std::strerror(errno)), path);
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string err = std::strerror(errno);
      close(fd);
      unlink(name.data());
      return Status(Code::kInternal, "write failed: " + err, path);
    }
    done += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0 || close(fd) != 0) {
    std::string err = std::strerror(errno);
    unlink(name.data());
    return Status(Code::kInternal, "write failed: " + err, path);
  }
  chmod(name.data(), 0644);
  if (rename(name.data(), path.c_str()) != 0) {
    std::string err = std::strerror(errno);
    unlink(name.data());
    return Status(Code::kInternal, "cannot rename into place: " + err, path);
  }
  return Status::Ok();
}

// Prefixes the input file name to the error's place.
Status InFile(const std::string& file, const Status& s) {
  std::string field = s.field().empty() ? file : file + ": " + s.field();
  return Status(s.code(), s.message(), field);
}

int Emit(const std::string& command, const CommonArgs& args, const Json& doc) {
  std::string text = doc.dump(2) + "\n";
  if (args.output.empty()) {
    std::cout << text;
    std::cout.flush();
    return std::cout ? cli::kExitOk : cli::Fail(command, Internal("cannot write to standard output"));
  }
  Status s = WriteAtomically(args.output, text);
  return s.ok() ? cli::kExitOk : cli::Fail(command, s);
}

template <typename Body>
int RunCommand(const std::string& command, const cli::Args& raw, const Accepts& accepts, const char* description,
               const char* footer, Body body) {
  CommonArgs args;
  if (auto code = ParseArgs(command, raw, accepts, description, footer, &args)) return *code;
  Result<std::string> text = ReadFile(args.input);
  if (!text) return cli::Fail(command, text.status());
  Result<Json> doc = json_io::ParseJsonText(*text);
  if (!doc) return cli::Fail(command, InFile(args.input, doc.status()));
  Result<Json> out = body(args, *doc);
  if (!out) return cli::Fail(command, InFile(args.input, out.status()));
  return Emit(command, args, *out);
}

}  // namespace

int RunSuggest(const cli::Args& raw) {
  return RunCommand("suggest", raw, {.top = true},
                    "Whom each attendee should meet, best first, each with an explanation in their first "
                    "language.\nusage: verbinder suggest PROFILES.json [--top K] [-o OUT.json]",
                    "An optional \"sectors\": [{\"key\", \"label_nl\", \"label_en\"}] names the sectors in the\n"
                    "explanations (without it: the default sectors).\n"
                    "exit codes: 0 success, 1 bad input or failure, 2 bad usage.",
                    [](const CommonArgs& args, const Json& doc) -> Result<Json> {
                      VB_ASSIGN_OR_RETURN(SuggestInput in, json_io::ParseSuggestInput(doc));
                      SuggestOptions options;
                      if (args.top) options.top_k = *args.top;
                      VB_ASSIGN_OR_RETURN(SuggestResult r, Suggest(in, options));
                      return json_io::SuggestResultToJson(in, r);
                    });
}

int RunSchedule(const cli::Args& raw) {
  return RunCommand("schedule", raw, {.raise_minimum = true, .passes = true},
                    "Schedules 1:1 meetings into slots and tables, maximising total weight, and reports a proven "
                    "upper bound (\"optimal\": true when the schedule reaches it).\n"
                    "usage: verbinder schedule INSTANCE.json [--raise-minimum] [--skip PASS,...] [--passes] "
                    "[-o OUT.json]",
                    "Passes (stats.passes): candidates, must, bound, must_choice, fair_seed, slot_matching, fill,\n"
                    "raise_minimum, improve, ruin_recreate, spread, then verify; every one but candidates, must and\n"
                    "verify can be switched off with --skip. The same engine as the server: \"spread\": true in the\n"
                    "instance runs the spread pass (a first meeting for as many attendees as possible).\n"
                    "exit codes: 0 success, 1 bad input or failure, 2 bad usage.",
                    [](const CommonArgs& args, const Json& doc) -> Result<Json> {
                      VB_ASSIGN_OR_RETURN(ScheduleInstance inst, json_io::ParseScheduleInstance(doc));
                      ScheduleOptions options;
                      options.raise_minimum_first = args.raise_minimum;
                      options.passes.skip = args.skip;
                      VB_ASSIGN_OR_RETURN(ScheduleResult r, Schedule(inst, options));
                      if (args.show_passes) PrintPasses("schedule", r.stats.passes, true);
                      return json_io::ScheduleResultToJson(inst, r);
                    });
}

int RunSeat(const cli::Args& raw) {
  return RunCommand("seat", raw, {.seed = true, .passes = true},
                    "Seats attendees at group tables over rounds: sectors mixed, colleagues apart, no repeats when "
                    "avoidable, pair weights honoured; compared with random seating.\n"
                    "usage: verbinder seat INSTANCE.json [--seed N] [--skip PASS,...] [--passes] [-o OUT.json]",
                    "Passes (\"passes\" in the output) can be switched off by name with --skip (e.g.\n"
                    "random_baseline); verify always runs.\n"
                    "exit codes: 0 success, 1 bad input or failure, 2 bad usage.",
                    [](const CommonArgs& args, const Json& doc) -> Result<Json> {
                      VB_ASSIGN_OR_RETURN(SeatInstance inst, json_io::ParseSeatInstance(doc));
                      SeatOptions options;
                      if (args.seed) options.seed = *args.seed;
                      options.passes.skip = args.skip;
                      VB_ASSIGN_OR_RETURN(SeatResult r, Seat(inst, options));
                      if (args.show_passes) PrintPasses("seat", r.passes, false);
                      return json_io::SeatResultToJson(inst, r);
                    });
}

}  // namespace verbinder::matching

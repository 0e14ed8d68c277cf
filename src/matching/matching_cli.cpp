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

namespace verbinder::matching {
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
  bool help = false;
};

// The pass table on standard error: name, ran, seconds, objective (and bound) after.
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

int Usage(const std::string& command, const std::string& message) {
  std::cerr << "verbinder " << command << ": " << message << " (see verbinder " << command << " --help)\n";
  return cli::kExitUsage;
}

// Parses the options `allowed` lists; returns an exit code on a usage error.
std::optional<int> ParseArgs(const std::string& command, const cli::Args& args, const std::string& allowed,
                             CommonArgs* out) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* v) -> bool {
      if (i + 1 >= args.size()) return false;
      *v = args[++i];
      return true;
    };
    std::string v;
    if (a == "-h" || a == "--help") {
      out->help = true;
    } else if (a == "-o" || a == "--output") {
      if (!value(&out->output) || out->output.empty()) return Usage(command, a + " needs a file name");
    } else if (a == "--top" && allowed.find("top") != std::string::npos) {
      if (!value(&v)) return Usage(command, "--top needs a number");
      char* end = nullptr;
      long k = std::strtol(v.c_str(), &end, 10);
      if (*end != '\0' || k < 1 || k > 1000) return Usage(command, "--top must be a whole number from 1 to 1000");
      out->top = static_cast<int>(k);
    } else if ((a == "--passes" || a == "--timings") && allowed.find("passes") != std::string::npos) {
      out->show_passes = true;
    } else if (a == "--skip" && allowed.find("passes") != std::string::npos) {
      if (!value(&v) || v.empty()) return Usage(command, "--skip needs pass names, e.g. --skip improve,ruin_recreate");
      for (size_t start = 0; start <= v.size();) {
        size_t comma = v.find(',', start);
        if (comma == std::string::npos) comma = v.size();
        std::string name = v.substr(start, comma - start);
        if (name.empty()) return Usage(command, "--skip has an empty pass name");
        if (name == "verify") return Usage(command, "the verify step cannot be switched off");
        out->skip.insert(name);
        start = comma + 1;
      }
    } else if (a == "--raise-minimum" && allowed.find("raise") != std::string::npos) {
      out->raise_minimum = true;
    } else if (a == "--seed" && allowed.find("seed") != std::string::npos) {
      if (!value(&v)) return Usage(command, "--seed needs a number");
      char* end = nullptr;
      unsigned long long s = std::strtoull(v.c_str(), &end, 10);
      if (*end != '\0' || v.empty()) return Usage(command, "--seed must be a whole number");
      out->seed = s;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return Usage(command, "unknown option " + a);
    } else if (out->input.empty()) {
      out->input = a;
    } else {
      return Usage(command, "expected one input file, got a second: " + a);
    }
  }
  if (!out->help && out->input.empty()) return Usage(command, "missing input file");
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
int RunCommand(const std::string& command, const cli::Args& raw, const std::string& allowed, const char* help,
               Body body) {
  CommonArgs args;
  if (auto code = ParseArgs(command, raw, allowed, &args)) return *code;
  if (args.help) {
    std::cout << help;
    return cli::kExitOk;
  }
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
  return RunCommand("suggest", raw, "top",
                    "usage: verbinder suggest PROFILES.json [--top K] [-o OUT.json]\n"
                    "  Whom each attendee should meet, best first, each with an explanation in\n"
                    "  their first language. --top K: suggestions per attendee (default 5).\n",
                    [](const CommonArgs& args, const Json& doc) -> Result<Json> {
                      VB_ASSIGN_OR_RETURN(SuggestInput in, json_io::ParseSuggestInput(doc));
                      SuggestOptions options;
                      if (args.top) options.top_k = *args.top;
                      VB_ASSIGN_OR_RETURN(SuggestResult r, Suggest(in, options));
                      return json_io::SuggestResultToJson(in, r);
                    });
}

int RunSchedule(const cli::Args& raw) {
  return RunCommand("schedule", raw, "raise passes",
                    "usage: verbinder schedule INSTANCE.json [--raise-minimum] [--skip PASS,...] [--passes]\n"
                    "                          [-o OUT.json]\n"
                    "  Schedules 1:1 meetings into slots and tables, maximising total weight, and\n"
                    "  reports a proven upper bound (\"optimal\": true when the schedule reaches it).\n"
                    "  --raise-minimum: first raise the fewest meetings anyone with candidates gets,\n"
                    "  then maximise weight. --skip: switch passes off by name (see stats.passes).\n"
                    "  --passes (or --timings): print each pass's time, objective and bound on stderr.\n"
                    "  The same engine as the server: `\"spread\": true` in the instance runs the\n"
                    "  spread pass (a first meeting for as many attendees as possible).\n",
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
  return RunCommand("seat", raw, "seed passes",
                    "usage: verbinder seat INSTANCE.json [--seed N] [--skip PASS,...] [--passes] [-o OUT.json]\n"
                    "  Seats attendees at group tables over rounds: sectors mixed, colleagues apart,\n"
                    "  no repeats when avoidable, pair weights honoured; compared with random seating.\n"
                    "  --skip: switch passes off by name; --passes (or --timings): pass times on stderr.\n",
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

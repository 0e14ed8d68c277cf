// CLI entry points of the matchmaking engine: `verbinder suggest|schedule|seat`.
// Each reads one JSON file and writes JSON to stdout or -o FILE (never a partial file).
#pragma once

#include <string>
#include <vector>

#include "matching/pass_report.h"
#include "util/exit_codes.h"

namespace verbinder::matching {

// The --passes / --timings table on standard error, headed "verbinder
// COMMAND: passes": each pass's name, whether it ran, seconds, objective (and
// with_bound: the upper bound) after it, then the total. Shared by every
// command that runs an engine (also `verbinder events schedule`).
void PrintPasses(const std::string& command, const std::vector<PassReport>& passes, bool with_bound);

int RunSuggest(const cli::Args& args);
int RunSchedule(const cli::Args& args);
int RunSeat(const cli::Args& args);

}  // namespace verbinder::matching

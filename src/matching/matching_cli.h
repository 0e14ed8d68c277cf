// CLI entry points of the matchmaking engine: `verbinder suggest|schedule|seat`.
// Each reads one JSON file and writes JSON to stdout or -o FILE (never a partial file).
#pragma once

#include "util/exit_codes.h"

namespace verbinder::matching {

int RunSuggest(const cli::Args& args);
int RunSchedule(const cli::Args& args);
int RunSeat(const cli::Args& args);

}  // namespace verbinder::matching

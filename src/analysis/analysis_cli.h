// CLI entry point of the network analysis engine: `verbinder analyze`.
//
//   int code = RunAnalyze({"--members", "m.csv", "--ties", "t.csv", "--out", "r.json"});
//
// Writes the report to --out (or stdout), errors as one line on stderr.
// Returns cli::kExitOk, kExitFailure (bad input) or kExitUsage (bad command
// line — also --attendance without --ties unless --with-attendance).
#pragma once

#include "util/exit_codes.h"

namespace verbinder::analysis {

int RunAnalyze(const cli::Args& args);

}  // namespace verbinder::analysis

// CLI entry point of the network analysis engine: `verbinder analyze`.
#pragma once

#include "cli/exit_codes.h"

namespace verbinder::analysis {

int RunAnalyze(const cli::Args& args);

}  // namespace verbinder::analysis

#include "analysis/analysis_cli.h"

#include <iostream>

namespace verbinder::analysis {

int RunAnalyze(const cli::Args&) { std::cerr << "verbinder analyze: not built yet\n"; return cli::kExitFailure; }

}  // namespace verbinder::analysis

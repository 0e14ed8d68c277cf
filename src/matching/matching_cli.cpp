#include "matching/matching_cli.h"

#include <iostream>

namespace verbinder::matching {

int RunSuggest(const cli::Args&) { std::cerr << "verbinder suggest: not built yet\n"; return cli::kExitFailure; }
int RunSchedule(const cli::Args&) { std::cerr << "verbinder schedule: not built yet\n"; return cli::kExitFailure; }
int RunSeat(const cli::Args&) { std::cerr << "verbinder seat: not built yet\n"; return cli::kExitFailure; }

}  // namespace verbinder::matching

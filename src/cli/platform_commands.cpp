#include <iostream>

#include "cli/commands.h"

namespace verbinder::cli {

int RunServe(const Args&) { std::cerr << "verbinder serve: not built yet\n"; return kExitFailure; }
int RunMigrate(const Args&) { std::cerr << "verbinder migrate: not built yet\n"; return kExitFailure; }
int RunDemo(const Args&) { std::cerr << "verbinder demo: not built yet\n"; return kExitFailure; }
int RunGenerate(const Args&) { std::cerr << "verbinder generate: not built yet\n"; return kExitFailure; }
int RunImport(const Args&) { std::cerr << "verbinder import: not built yet\n"; return kExitFailure; }
int RunExport(const Args&) { std::cerr << "verbinder export: not built yet\n"; return kExitFailure; }

}  // namespace verbinder::cli

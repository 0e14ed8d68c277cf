#include "events/events_cli.h"

#include <iostream>

namespace verbinder::events {

int RunEvents(const cli::Args&) {
  std::cerr << "verbinder events: not built yet\n";
  return cli::kExitFailure;
}

}  // namespace verbinder::events

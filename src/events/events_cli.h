// CLI entry point of the events module: `verbinder events ...`.
#pragma once

#include "util/exit_codes.h"

namespace verbinder::events {

int RunEvents(const cli::Args& args);

}  // namespace verbinder::events
